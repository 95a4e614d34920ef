/**
 * The results that many operations share: what an action did, what writing a file did, and how
 * far a long job is.
 */
import type { Code } from '../model/codebook';
import type { DocumentRecord } from '../model/documents';
import type { CodedSegment } from '../model/segments';

/**
 * What an action, an undo or a redo did: its label, the segments it touched as they are now, the
 * codebook if it changed, what Undo and Redo now offer, and anything the researcher should know.
 */
export interface ActionOutcome {
  label: string;
  segments: Array<{ id: string; documentId: string; segment: CodedSegment | null }>;
  codes: Code[] | null;
  /** Documents the action added, changed or removed, as they are now (null: removed). */
  documents: Array<{ id: string; document: DocumentRecord | null }>;
  history: { undo: string | null; redo: string | null };
  notes: string[];
}

/** How far a long export or import is. */
export interface JobProgress {
  /** What it is doing, in words. */
  phase: string;
  done: number;
  /** 0 while the amount of work is not known. */
  total: number;
}

/** What writing a file did: where it went, and how many rows. */
export interface ExportOutcome {
  /** Where the file was written, or null when the researcher cancelled the dialog. */
  path: string | null;
  rows: number;
}
