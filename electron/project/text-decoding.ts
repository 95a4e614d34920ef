/**
 * Decoding of text files. A document's text is its UTF-8 bytes decoded exactly: a BOM stays as
 * U+FEFF, nothing is normalised, and bytes that are not UTF-8 are an error rather than U+FFFD.
 */

/** Decodes UTF-8 bytes exactly; throws a TypeError on invalid UTF-8. */
export function decodeUtf8Exact(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}
