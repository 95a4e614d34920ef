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
