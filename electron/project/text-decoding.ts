/**
 * Decoding of text files. A document's text is its UTF-8 bytes decoded exactly: a BOM stays as
 * U+FEFF, nothing is normalised, and bytes that are not UTF-8 are an error rather than U+FFFD.
 */

/** One decoder for every call: without `stream` it keeps nothing between calls, and a journal decodes one per line. */
const EXACT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 bytes exactly; throws a TypeError on invalid UTF-8. */
export function decodeUtf8Exact(bytes: Uint8Array): string {
  return EXACT_UTF8.decode(bytes);
}

/**
 * Where UTF-8 bytes first go wrong: the offset of the first byte that does not start or continue
 * a well-formed sequence (overlong forms, surrogates and code points past U+10FFFF count as wrong,
 * as for the decoder); -1 when all of it is well-formed.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at];
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    // The length of the sequence and the range its second byte must fall in (Unicode Table 3-7).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return at;
    for (let next = 1; next < length; next++) {
      const byte = bytes[at + next];
      if (byte === undefined) return at;
      if (next === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return at;
    }
    at += length;
  }
  return -1;
}

/** Why bytes read as a UTF-8 text file were refused, naming where (for the notice that keeps the file). */
export function notUtf8Reason(bytes: Uint8Array): string {
  const at = firstInvalidUtf8Byte(bytes);
  return at < 0 ? 'it is not UTF-8 text' : `it is not UTF-8 text (the byte at offset ${at} is not part of a valid UTF-8 character)`;
}
