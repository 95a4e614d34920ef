/**
 * The export formats, in one table: what each is called, who reads it, the file it suggests and
 * the kind of file the save dialog offers, the menu command that starts it, and the operation of
 * the API contract that writes it. The menu, the command line's `export --format` and the
 * handlers iterate this table; adding a format is one entry here plus its writer.
 */
import type { CommandName } from './commands';

/**
 * The operations of the contract that write a format (the contract's dataset format list is taken
 * from this table, so the table does not import the contract back).
 */
export type ExportOperation = 'exportCsv' | 'exportDataset' | 'exportCodebook' | 'exportCoderFile';

/** The kind of file being saved, for the save dialog's filter. */
export interface FileKind {
  name: string;
  extensions: string[];
}


/** One export format. */
export interface ExportFormat {
  /** Stable id (for a dataset format, the value the contract's `format` takes). */
  id: string;
  /* What the researcher calls it and what reads it are the page's words: its message files (workspace.export.formats.<id>). */
  /** The name of the command line's `export --format`, and the line its help gives. */
  cli: { name: string; help: string };
  /** The stem of the suggested file name (the date and extension follow); null when the writer names it (after the project or the coder). */
  fileStem: string | null;
  /** The kind of file for the save dialog. */
  fileKind: FileKind;
  /** The application menu's item, if it has one. */
  menu: { label: string; command: CommandName; accelerator?: string } | null;
  /** The operation that writes it, and its input. */
  request: { operation: ExportOperation; input: Record<string, string> };
}

/** A CSV file, for the save dialog. */
export const CSV_FILES: FileKind = { name: 'CSV', extensions: ['csv'] };

/** Every export format, in the order the command line lists them. */
export const EXPORT_FORMATS = [
  {
    id: 'segments-csv',
    cli: { name: 'csv', help: 'segments, one row each (offsets in code points)' },
    fileStem: 'coded-segments',
    fileKind: CSV_FILES,
    menu: { label: 'Export Coded Segments as CSV…', command: 'export-csv', accelerator: 'CmdOrCtrl+E' },
    request: { operation: 'exportCsv', input: { flavour: 'standard' } },
  },
  {
    id: 'segments-excel',
    cli: { name: 'excel', help: 'the same, for spreadsheets (BOM, CRLF, formula-safe)' },
    fileStem: 'coded-segments',
    fileKind: CSV_FILES,
    menu: { label: 'Export for Excel (CSV)…', command: 'export-csv-excel', accelerator: 'CmdOrCtrl+Shift+E' },
    request: { operation: 'exportCsv', input: { flavour: 'excel' } },
  },
  {
    id: 'wide-csv',
    cli: { name: 'wide', help: 'one row per document, per code counts and 0/1' },
    fileStem: 'documents-wide',
    fileKind: CSV_FILES,
    menu: { label: 'Export Wide Table (CSV)…', command: 'export-wide-csv' },
    request: { operation: 'exportDataset', input: { format: 'wide-csv' } },
  },
  {
    id: 'jsonl',
    cli: { name: 'jsonl', help: 'doccano span format, one document per line' },
    fileStem: 'coded-documents',
    fileKind: { name: 'JSON Lines', extensions: ['jsonl'] },
    menu: { label: 'Export for Classifier Training (JSONL)…', command: 'export-jsonl' },
    request: { operation: 'exportDataset', input: { format: 'jsonl' } },
  },
  {
    id: 'xlsx',
    cli: { name: 'xlsx', help: 'an Excel workbook: segments, documents, codebook' },
    fileStem: 'coded-dataset',
    fileKind: { name: 'Excel workbook', extensions: ['xlsx'] },
    menu: { label: 'Export Excel Workbook (XLSX)…', command: 'export-xlsx' },
    request: { operation: 'exportDataset', input: { format: 'xlsx' } },
  },
  {
    id: 'datapackage',
    cli: { name: 'datapackage', help: 'a folder: both CSVs and datapackage.json' },
    fileStem: 'coded-dataset',
    fileKind: { name: 'Folder', extensions: [] },
    menu: { label: 'Export Data Package…', command: 'export-datapackage' },
    request: { operation: 'exportDataset', input: { format: 'datapackage' } },
  },
  {
    id: 'qdpx',
    cli: { name: 'qdpx', help: 'a REFI-QDA project (MAXQDA, ATLAS.ti, NVivo, QualCoder)' },
    fileStem: null,
    fileKind: { name: 'REFI-QDA project', extensions: ['qdpx'] },
    menu: { label: 'Export REFI-QDA Project (QDPX)…', command: 'export-qdpx' },
    request: { operation: 'exportDataset', input: { format: 'qdpx' } },
  },
  {
    id: 'codebook-json',
    cli: { name: 'codebook', help: 'the codebook as JSON' },
    fileStem: 'codebook',
    fileKind: { name: 'Codebook (JSON)', extensions: ['json'] },
    menu: null,
    request: { operation: 'exportCodebook', input: { format: 'json' } },
  },
  {
    id: 'qdc',
    cli: { name: 'qdc', help: 'the codebook as REFI-QDA (.qdc)' },
    fileStem: 'codebook',
    fileKind: { name: 'REFI-QDA codebook', extensions: ['qdc'] },
    menu: { label: 'Export REFI-QDA Codebook (QDC)…', command: 'export-qdc' },
    request: { operation: 'exportCodebook', input: { format: 'qdc' } },
  },
  {
    id: 'codebook-csv',
    cli: { name: 'codebook-csv', help: 'the codebook as a CSV table' },
    fileStem: 'codebook',
    fileKind: CSV_FILES,
    menu: null,
    request: { operation: 'exportCodebook', input: { format: 'csv' } },
  },
  {
    id: 'coder-file',
    cli: { name: 'coder-file', help: "the current coder's segments, for others to merge" },
    fileStem: null,
    fileKind: { name: 'Coder file', extensions: ['json'] },
    menu: { label: 'Export My Coder File…', command: 'export-coder-file' },
    request: { operation: 'exportCoderFile', input: {} },
  },
] as const satisfies readonly ExportFormat[];

/** The id of one of the export formats. */
export type ExportFormatId = (typeof EXPORT_FORMATS)[number]['id'];

/** The format with this id. */
export function exportFormat(id: ExportFormatId): ExportFormat {
  return EXPORT_FORMATS.find((format) => format.id === id)!;
}

/** The format an operation writes with this input (`exportCodebook` with `{ format: 'qdc' }`, say). */
export function exportFormatOf(operation: string, input: Record<string, unknown>): ExportFormat {
  const found = EXPORT_FORMATS.find(
    (format) => format.request.operation === operation && Object.entries(format.request.input).every(([key, value]) => input[key] === value),
  );
  if (!found) throw new Error(`No export format is written by ${operation} with ${JSON.stringify(input)}.`);
  return found;
}

/** The format the command line calls by this name, or undefined. */
export function exportFormatNamed(cliName: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((format) => format.cli.name === cliName);
}

/** The file name a format suggests: its stem (or the one given), the day, and its extension. */
export function suggestedFileName(format: ExportFormat, day: string, stem = format.fileStem ?? 'export'): string {
  const extension = format.fileKind.extensions[0];
  return `${stem}-${day}${extension ? `.${extension}` : ''}`;
}

/** The id of a format written by `exportDataset` (its `format`). */
export type DatasetFormatId = Extract<(typeof EXPORT_FORMATS)[number], { request: { operation: 'exportDataset' } }>['request']['input']['format'];

/** The formats `exportDataset` writes, in the table's order: the contract's list of them. */
export const DATASET_FORMAT_IDS = EXPORT_FORMATS.flatMap((format) =>
  format.request.operation === 'exportDataset' ? [(format.request.input as { format: DatasetFormatId }).format] : [],
) as [DatasetFormatId, ...DatasetFormatId[]];
