/**
 * The kind of a file brought into the project, worked out from its name in one place: the page's
 * import (a button or a drop) and the command line both ask this.
 */

/** What a file brought in is: another coder's file, a project of another program, or a text. */
export type ImportedFileKind = 'coder-file' | 'project' | 'document';

/** The name endings of each kind but texts (whose kinds the document import tells apart). */
const KIND_BY_NAME: ReadonlyArray<{ kind: ImportedFileKind; name: RegExp }> = [
  // `<coder>.coder.json`, as shared/exchange/coder-file.ts names them.
  { kind: 'coder-file', name: /\.coder\.json$/i },
  // A REFI-QDA bundle, or its bare XML.
  { kind: 'project', name: /\.(qdpx|qde)$/i },
];

/** The kind of an imported file, by its name (case does not matter); anything else is a text. */
export function importedFileKind(name: string): ImportedFileKind {
  return KIND_BY_NAME.find((entry) => entry.name.test(name))?.kind ?? 'document';
}

/**
 * The largest file of a kind that is imported, in bytes: a text (50 MB) or another program's
 * project (500 MB). The page checks it before it reads a file at all, the main process again.
 */
export const IMPORT_MAX_BYTES: Readonly<Record<Exclude<ImportedFileKind, 'coder-file'>, number>> = {
  document: 50 * 1024 * 1024,
  project: 500 * 1024 * 1024,
};

/** Why a file of `bytes` is not imported as `kind` (it is too large), in words; null when it may be. */
export function tooLargeToImport(name: string, bytes: number, kind: keyof typeof IMPORT_MAX_BYTES): string | null {
  const most = IMPORT_MAX_BYTES[kind];
  return bytes > most ? `${name} is larger than ${most / 1024 / 1024} MB, the most that is imported.` : null;
}
