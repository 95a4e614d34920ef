/**
 * The shapes of a project that the pure code reads: one chain, from the codebook and its segments
 * up to the whole project, so that each function asks for no more than it uses.
 */
import type { Adjudication } from './adjudication';
import type { Code } from './codebook';
import type { DocumentRecord } from './documents';
import type { CodedSegment } from './segments';
import type { VariableDefinition } from './variables';

/** The codes and the segments that carry them (what the codebook's edits read). */
export interface CodebookState {
  codes: readonly Code[];
  segments: readonly CodedSegment[];
}

/** What a coder file is built from, and merged into. */
export interface CoderProject extends CodebookState {
  /** Whose name new segments carry (whose segments a coder file holds). */
  coder: string;
  documents: readonly DocumentRecord[];
}

/** The project as the edits read it. */
export interface ProjectState extends CoderProject {
  variables: readonly VariableDefinition[];
}

/** The records of a project as the undo engine changes them, in place. */
export interface ProjectRecords {
  segments: CodedSegment[];
  codes: Code[];
  documents: DocumentRecord[];
  variables?: VariableDefinition[];
  adjudications?: Adjudication[];
}

/** What an export is made from: the documents with their exact texts, the codebook, the segments. */
export interface DatasetInput {
  documents: ReadonlyArray<{ record: DocumentRecord; text: string }>;
  codes: readonly Code[];
  segments: readonly CodedSegment[];
  /** Document variables: a column each (`var_<name>`), after the document's columns. */
  variables?: readonly VariableDefinition[];
}
