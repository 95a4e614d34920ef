/**
 * The API contract between the page and the main process: every operation the renderer may ask
 * for, its input schema (validated where the call arrives) and its result type. The main process
 * registers its IPC handlers from this list, the preload exposes one method per entry, and the
 * preview server and the test bridge serve the same list. Adding an operation is one entry here
 * and one handler in electron/services/handlers.ts.
 */
import { z } from '../model/zod';
import { DECISIONS, type Adjudication } from '../model/adjudication';
import type { ReliabilityReport } from '../stats/reliability-report';
import type { DocumentRecord } from '../model/documents';
import { CODER_FILE_MAX_CHARS } from '../exchange/coder-file';
import {
  CODE_DESCRIPTION_MAX_CHARS,
  CODE_NAME_MAX_CHARS,
  CODEBOOK_ENTRY_MAX_CHARS,
  CODER_NAME_MAX_CHARS,
  DOCUMENT_TITLE_MAX_CHARS,
  FILE_NAME_MAX_CHARS,
  ID_MAX_CHARS,
  MEMO_MAX_CHARS,
  VARIABLE_CHOICE_MAX_CHARS,
  VARIABLE_CHOICES_MAX,
  VARIABLE_NAME_MAX_CHARS,
} from '../model/limits';
import { codeIdSchema, COLOUR_PATTERN, type Code } from '../model/codebook';
import type { Result } from '../model/result';
import type { RetrievedSegment } from '../views/retrieval';
import { VARIABLE_TYPES, variableValueSchema, type VariableDefinition } from '../model/variables';
import type { CodedSegment } from '../model/segments';

/** A document as listed in the project overview. */
export interface DocumentSummary extends DocumentRecord {
  segmentCount: number;
  /** The same, per coder (for blind coding, which counts only the current coder's). */
  segmentsByCoder: Record<string, number>;
}

export interface ProjectOverview {
  name: string;
  /** Folder that holds the project. */
  folder: string;
  /** Path of the project file. */
  file: string;
  /** Name recorded on the segments this user makes. */
  coder: string;
  /** False until the researcher has said who is coding (the page asks on first start). */
  coderConfirmed: boolean;
  /**
   * Blind coding: while true, only the current coder's segments are sent to the page (and the
   * counts count only theirs); agreement and adjudication are closed.
   */
  blind: boolean;
  /** Everyone who has coded in this project (and the current coder), by name. */
  coders: string[];
  documents: DocumentSummary[];
  codes: Code[];
  /** Things the researcher must be told on opening (a damaged project file kept aside, ...). */
  notices: string[];
  /** What Undo and Redo would take back or do again, in words; null when nothing. */
  history: { undo: string | null; redo: string | null };
  /** The document variables, in column order. */
  variables: VariableDefinition[];
}

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

/** A segment as sent to the page with its document: without its quote, which the page has. */
export type SegmentWithoutQuote = Omit<CodedSegment, 'quote'>;

export interface OpenedDocument {
  document: DocumentRecord;
  text: string;
  segments: SegmentWithoutQuote[];
}

export interface ImportOutcome {
  /** The import as an action, or null when the text was already in the project. */
  outcome: ActionOutcome | null;
  /** The document that already holds this text, if any. */
  duplicateOf: { id: string; title: string } | null;
  /** What was assumed or left out (an encoding, unreadable parts). */
  notes: string[];
}

/** Hits of a search, per document, each with a little text on either side. */
export interface CorpusSearchResult {
  documents: Array<{
    documentId: string;
    title: string;
    count: number;
    truncated: boolean;
    hits: Array<{ start: number; end: number; before: string; match: string; after: string }>;
  }>;
  total: number;
}

/** What importing a project from another program did, and what it could not take over. */
export interface ProjectImportOutcome {
  /** The import as one action, or null when everything in the file was already here. */
  outcome: ActionOutcome | null;
  /** In words: what came in, how positions were read, and each thing left out, by name. */
  report: string[];
}

/** How far a long export or import is. */
export interface JobProgress {
  /** What it is doing, in words. */
  phase: string;
  done: number;
  /** 0 while the amount of work is not known. */
  total: number;
}

export interface ExportOutcome {
  /** Where the file was written, or null when the researcher cancelled the dialog. */
  path: string | null;
  rows: number;
}

const documentId = z.string().min(1).max(ID_MAX_CHARS);
const codeId = codeIdSchema;
const colour = z.string().regex(COLOUR_PATTERN);
const longText = z.string().max(CODEBOOK_ENTRY_MAX_CHARS);
/** The fields of a code a researcher edits (all optional in a patch). */
const codeFields = z.strictObject({
  name: z.string().min(1).max(CODE_NAME_MAX_CHARS),
  colour,
  description: z.string().max(CODE_DESCRIPTION_MAX_CHARS),
  definition: longText,
  whenToUse: longText,
  whenNotToUse: longText,
  example: longText,
  key: z.string().length(1).nullable(),
  parentId: codeId.nullable(),
});
const segmentId = z.uuid();
/** The page's name for a long export or import, so that it can follow it and cancel it. */
const jobId = z.uuid();
const offset = z.number().int().nonnegative().max(2 ** 31);
/**
 * A file's bytes in standard base64, padded. Checked strictly: a lenient decoder would turn a
 * damaged string into a garbage document instead of refusing it.
 */
const base64Bytes = (maxChars: number, largest: string) =>
  z
    .string()
    .max(maxChars, { error: `the file is larger than ${largest}, the most that is imported` })
    .refine((data) => data.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(data), { error: "the file's bytes are not valid base64" });

/** What a reliability report compares. */
const reliabilitySelection = z.strictObject({
  coders: z.array(z.string().min(1).max(CODER_NAME_MAX_CHARS)).min(2, { error: 'choose at least 2 coders to compare' }).max(100),
  documentIds: z.array(documentId).min(1).max(100000),
  codeIds: z.array(codeId).min(1).max(10000),
  /** Percent overlap for segment agreement. */
  minOverlap: z.number().min(1).max(100),
  bootstrap: z.strictObject({ samples: z.number().int().min(100).max(20000), seed: z.number().int().min(0).max(2 ** 31) }).optional(),
});

/** Declares an operation: its input schema, its result type and what it does. */
function operation<R>() {
  return <I extends z.ZodType>(input: I, doc: string) => ({ input, doc, result: undefined as unknown as R });
}

export const operations = {
  getProject: operation<ProjectOverview>()(
    z.strictObject({}),
    'The open project: documents with their segment counts, the codebook, the coder and notices.',
  ),
  setCoder: operation<{ coder: string }>()(
    z.strictObject({ name: z.string().min(1).max(CODER_NAME_MAX_CHARS) }),
    'Sets the coder whose name goes on the segments made from now on (saved at once; not an undoable action).',
  ),
  setBlind: operation<{ blind: boolean }>()(
    z.strictObject({ blind: z.boolean() }),
    "Turns blind coding on or off for this project (saved at once; not an undoable action): while on, every other coder's work is hidden everywhere.",
  ),
  openDocument: operation<OpenedDocument>()(
    z.strictObject({ documentId }),
    "One document's exact text and its coded segments.",
  ),
  addSegment: operation<CodedSegment>()(
    z.strictObject({ id: segmentId, documentId, codeId: codeIdSchema, start: offset, end: offset }),
    'Codes [start, end) of a document (UTF-16 offsets); resolves once the segment is on disk.',
  ),
  setSegmentCode: operation<CodedSegment>()(
    z.strictObject({ segmentId, codeId: codeIdSchema }),
    "Changes a segment's code; resolves once the change is on disk.",
  ),
  removeSegment: operation<{ segmentId: string }>()(
    z.strictObject({ segmentId }),
    'Removes a segment; resolves once the removal is on disk.',
  ),
  importDocument: operation<ImportOutcome>()(
    z.strictObject({
      name: z.string().min(1).max(FILE_NAME_MAX_CHARS),
      /** The file's bytes, base64-encoded (at most 50 MB of bytes). */
      data: base64Bytes(70 * 1024 * 1024, '50 MB'),
    }),
    'Imports a file (.txt, .md, .html, .docx, .pdf) as a new document; a text already in the project is reported.',
  ),
  listSegments: operation<RetrievedSegment[]>()(
    z.strictObject({}),
    'Every coded segment of the project with its document, code path and the text around it.',
  ),
  searchCorpus: operation<CorpusSearchResult>()(
    z.strictObject({
      query: z.strictObject({ pattern: z.string().min(1).max(1000), regex: z.boolean(), caseSensitive: z.boolean(), wholeWord: z.boolean() }),
      documentIds: z.array(documentId).max(100000).optional(),
    }),
    'Searches the documents (all, or those named) for plain text or a regular expression.',
  ),
  codeSpans: operation<ActionOutcome>()(
    z.strictObject({
      codeId: codeIdSchema,
      spans: z.array(z.strictObject({ documentId, start: offset, end: offset })).min(1).max(50000),
    }),
    'Codes many passages (the hits of a search) as one action, undone in one step.',
  ),
  setSegmentBounds: operation<ActionOutcome>()(
    z.strictObject({ segmentId, start: offset, end: offset }),
    "Moves a segment's start and end (UTF-16 offsets); its quote follows.",
  ),
  defineVariable: operation<ActionOutcome>()(
    z.strictObject({
      name: z.string().min(1).max(VARIABLE_NAME_MAX_CHARS),
      type: z.enum(VARIABLE_TYPES),
      choices: z.array(z.string().max(VARIABLE_CHOICE_MAX_CHARS)).max(VARIABLE_CHOICES_MAX),
    }),
    'Adds a document variable: text, number, date (YYYY-MM-DD) or one of a list.',
  ),
  removeVariable: operation<ActionOutcome>()(
    z.strictObject({ name: z.string().min(1).max(VARIABLE_NAME_MAX_CHARS) }),
    "Removes a variable and every document's value of it.",
  ),
  setDocumentValue: operation<ActionOutcome>()(
    z.strictObject({ documentId, name: z.string().min(1).max(VARIABLE_NAME_MAX_CHARS), value: variableValueSchema }),
    "Sets (or, with null, clears) a document's value of a variable, checked against its type.",
  ),
  setSegmentMemo: operation<ActionOutcome>()(
    z.strictObject({ segmentId, memo: z.string().max(MEMO_MAX_CHARS) }),
    "Writes (or, with '', clears) the memo of a coded segment.",
  ),
  updateDocument: operation<ActionOutcome>()(
    z.strictObject({ documentId, title: z.string().max(DOCUMENT_TITLE_MAX_CHARS).optional(), memo: z.string().max(MEMO_MAX_CHARS).optional() }),
    'Renames a document or writes its memo.',
  ),
  removeDocument: operation<ActionOutcome>()(
    z.strictObject({ documentId }),
    'Removes a document and its coded segments (one action: Undo brings them back).',
  ),
  undo: operation<ActionOutcome | null>()(
    z.strictObject({}),
    'Takes back the last action (of any document); null when there is nothing to undo.',
  ),
  redo: operation<ActionOutcome | null>()(
    z.strictObject({}),
    'Does again the last action taken back; null when there is nothing to redo.',
  ),
  addCode: operation<ActionOutcome>()(
    codeFields.partial().required({ name: true }),
    'Adds a code at the end of the codebook (under parentId, if given).',
  ),
  updateCode: operation<ActionOutcome>()(
    z.strictObject({ id: codeId, patch: codeFields.partial() }),
    "Changes a code's name, colour, description, codebook entry, key or parent.",
  ),
  moveCode: operation<ActionOutcome>()(
    z.strictObject({ id: codeId, toIndex: z.number().int().nonnegative().max(100000) }),
    "Moves a code to a new place in the codebook's order.",
  ),
  mergeCodes: operation<ActionOutcome>()(
    z.strictObject({ sourceId: codeId, targetId: codeId }),
    'Merges one code into another: its segments move (duplicates collapse), its sub-codes follow.',
  ),
  codeUsage: operation<{ segments: number; subcodes: number }>()(
    z.strictObject({ id: codeId }),
    'How many segments carry a code and how many codes sit under it (shown before deleting it).',
  ),
  deleteCode: operation<ActionOutcome>()(
    z.strictObject({
      id: codeId,
      disposal: z.discriminatedUnion('segments', [
        z.strictObject({ segments: z.literal('remove') }),
        z.strictObject({ segments: z.literal('move'), to: codeId }),
      ]),
    }),
    'Deletes a code, removing its segments or moving them to another code; its sub-codes move up.',
  ),
  exportCodebook: operation<ExportOutcome>()(
    z.strictObject({ format: z.enum(['json', 'qdc', 'csv']).default('json') }),
    'Asks where to save, then writes the codebook as JSON (every code with its full path), REFI-QDA (.qdc) or CSV.',
  ),
  importCodebook: operation<ActionOutcome>()(
    z.strictObject({ json: z.string().max(10_000_000) }),
    'Imports a codebook JSON file (as exported): known codes are updated, new ones added.',
  ),
  importCodebookFile: operation<ActionOutcome>()(
    z.strictObject({ name: z.string().min(1).max(FILE_NAME_MAX_CHARS), content: z.string().max(20_000_000) }),
    'Imports a codebook from a file by its kind (.json as exported, REFI-QDA .qdc, or a .csv table): codes are matched by path, updated or added.',
  ),
  importProject: operation<ProjectImportOutcome>()(
    z.strictObject({
      name: z.string().min(1).max(FILE_NAME_MAX_CHARS),
      /** The file's bytes, base64-encoded (at most 500 MB of bytes). */
      data: base64Bytes(700 * 1024 * 1024, '500 MB'),
      jobId: jobId.optional(),
    }),
    'Imports a REFI-QDA project (.qdpx, or a bare .qde) from another program as one action: documents, codes, coded segments with their coders, memos and variables.',
  ),
  exportCoderFile: operation<ExportOutcome>()(
    z.strictObject({}),
    "Asks where to save, then writes the current coder's file (<coder>.coder.json): their coded segments only, with the codebook and the documents by the hash of their text.",
  ),
  importCoderFile: operation<ProjectImportOutcome>()(
    z.strictObject({ name: z.string().min(1).max(FILE_NAME_MAX_CHARS), content: z.string().max(CODER_FILE_MAX_CHARS) }),
    "Merges another coder's file as one action: their segments here come to mirror it (added, changed, removed); other coders' segments are never touched.",
  ),
  syncSharedFolder: operation<ProjectImportOutcome>()(
    z.strictObject({
      folder: z
        .string()
        .min(1)
        .max(4096)
        .refine((path) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path), { error: 'give the folder as an absolute path' }),
    }),
    "Writes the current coder's file into a shared folder (Dropbox, Syncthing, git), then merges every other coder's file there as one action; never writes another file, never deletes.",
  ),
  exportDataset: operation<ExportOutcome>()(
    z.strictObject({ format: z.enum(['wide-csv', 'jsonl', 'xlsx', 'datapackage', 'qdpx']), jobId: jobId.optional() }),
    'Asks where to save, then writes the wide table (CSV), JSON Lines in doccano format, an Excel workbook, a data package folder, or a REFI-QDA project (.qdpx).',
  ),
  exportCsv: operation<ExportOutcome>()(
    z.strictObject({
      flavour: z.enum(['standard', 'excel']),
      /** Only these segments (the rows of a retrieval); all when left out. */
      segmentIds: z.array(segmentId).max(2_000_000).optional(),
      jobId: jobId.optional(),
    }),
    'Asks where to save, then writes the coded segments as CSV (see README for the columns).',
  ),
  jobProgress: operation<JobProgress | null>()(
    z.strictObject({ jobId }),
    'How far a long export or import named by the page is; null once it has ended.',
  ),
  cancelJob: operation<{ cancelled: boolean }>()(
    z.strictObject({ jobId }),
    'Cancels a long export (no file is left behind) or import (nothing changes); false when it has already ended.',
  ),
  reliabilityReport: operation<ReliabilityReport & { adjudications: Adjudication[] }>()(
    reliabilitySelection.extend({ jobId: jobId.optional() }),
    'Agreement between the chosen coders on the chosen documents and codes: every measure per code and overall, the disagreements, and the decisions taken on them.',
  ),
  exportReliability: operation<ExportOutcome>()(
    z.strictObject({
      format: z.enum(['csv', 'html', 'matrix']),
      selection: reliabilitySelection,
      /** For the matrix: one code (1/0 per character), or null for the set of codes per character. */
      codeId: codeId.nullable().default(null),
    }),
    "Asks where to save, then writes the reliability report (CSV, or a self-contained HTML page) or the units × coders matrix (CSV, for R's irr and Python's krippendorff).",
  ),
  chooseFolder: operation<{ folder: string | null; available: boolean }>()(
    z.strictObject({ purpose: z.enum(['shared-folder']) }),
    "Asks the researcher to choose a folder in the system's dialog; `available` is false where there is no dialog (the browser preview), and `folder` null when cancelled.",
  ),
  settleDisagreement: operation<ActionOutcome>()(
    z.strictObject({
      disagreementId: z.string().min(1).max(ID_MAX_CHARS),
      documentId,
      codeId,
      decision: z.enum(DECISIONS),
      segmentIds: z.array(segmentId).min(1).max(100),
      acceptedSegmentId: segmentId.optional(),
      note: z.string().max(MEMO_MAX_CHARS).optional(),
    }),
    "Settles a disagreement between coders: accepts one version, merges them, or marks it as discussed; the result goes to the consensus coder, the coders' own segments stay as they are.",
  ),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OperationResult<N extends OperationName> = Operations[N]['result'];

/** Every operation name, in a fixed order (the preload and the servers iterate this). */
export const operationNames = Object.keys(operations) as OperationName[];

/** What the page sees: one method per operation, each answering with a Result. */
export type WorkbenchApi = {
  [N in OperationName]: (input: OperationInput<N>) => Promise<Result<OperationResult<N>>>;
};

/** Commands the main process sends to the page (from the application menu). */
export const commandNames = ['export-csv', 'export-csv-excel', 'export-wide-csv', 'export-jsonl', 'export-datapackage', 'export-xlsx', 'export-qdpx', 'export-qdc', 'export-coder-file', 'undo', 'redo'] as const;
export type CommandName = (typeof commandNames)[number];

/** The object the preload puts on `window.workbench`. */
export interface WorkbenchBridge {
  api: WorkbenchApi;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onCommand(listener: (command: CommandName) => void): () => void;
}

/** Prefix of the IPC channels: one channel per operation, `workbench:<name>`. */
export const CHANNEL_PREFIX = 'workbench:';
export const COMMAND_CHANNEL = 'workbench-command';
