/**
 * Which documents an agreement report compares by default. Text a coder left uncoded counts as
 * "not coded", so a document only one coder has worked on adds agreement on nothing but its
 * uncoded text and dilutes every figure (two coders, eleven documents coded by one and one by
 * both: κ 0.180 over all eleven, 0.348 over the one both coded). The default is therefore the
 * documents that every chosen coder has coded.
 */

/** A document with the number of segments each coder made in it. */
export interface CoverageOfDocument {
  id: string;
  segmentsByCoder: Readonly<Record<string, number>>;
}

/** The ids of the documents (in the order given) in which every one of the coders made a segment. */
export function documentsCodedByAll(documents: readonly CoverageOfDocument[], coders: readonly string[]): string[] {
  if (!coders.length) return [];
  return documents.filter((document) => coders.every((coder) => (document.segmentsByCoder[coder] ?? 0) > 0)).map((document) => document.id);
}
