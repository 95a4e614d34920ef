import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Byte, notUtf8Reason } from '../../electron/project/text-decoding';

/**
 * Where the platform's decoder first fails: it puts U+FFFD for the first bad sequence, and the text
 * before it is well-formed, so it encodes back to exactly the bytes before the bad one (the random
 * pieces below never hold U+FFFD itself).
 */
function decoderFirstFailure(bytes: Uint8Array): number {
  const decoded = new TextDecoder('utf-8').decode(bytes);
  const replaced = decoded.indexOf('\uFFFD');
  return replaced < 0 ? -1 : new TextEncoder().encode(decoded.slice(0, replaced)).length;
}

describe('finding the first byte that is not UTF-8', () => {
  it('passes well-formed text of every length of sequence, emoji and all', () => {
    expect(firstInvalidUtf8Byte(new TextEncoder().encode('a é € 𝄞 👩🏽‍🔬 ܐ'))).toBe(-1);
    expect(firstInvalidUtf8Byte(new Uint8Array())).toBe(-1);
  });

  it.each([
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['Latin-1 é', [0x63, 0x61, 0x66, 0xe9], 3],
    ['an overlong two-byte form', [0xc0, 0xaf], 0],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut off at the end', [0x61, 0xe2, 0x82], 1],
    ['0xFF', [0xff], 0],
  ])('names %s', (_name, bytes, at) => {
    expect(firstInvalidUtf8Byte(Uint8Array.from(bytes))).toBe(at);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes))).toThrow();
  });

  it('agrees with the strict decoder on whether 2,000 random byte strings are UTF-8, and on where they fail', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = [[0x61], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0x80], [0xc3], [0xed, 0xa0, 0x80], [0xf4, 0x90]];
    let invalid = 0;
    for (let run = 0; run < 2000; run++) {
      const bytes = Uint8Array.from(Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * (random() < 0.8 ? 4 : pieces.length))]).flat());
      const found = firstInvalidUtf8Byte(bytes);
      expect(found, Array.from(bytes).join(' ')).toBe(decoderFirstFailure(bytes));
      if (found >= 0) invalid++;
    }
    expect(invalid).toBeGreaterThan(200);
  });

  it('says where, for the notice', () => {
    expect(notUtf8Reason(Uint8Array.from([0x61, 0x62, 0xe9]))).toBe('it is not UTF-8 text (the byte at offset 2 is not part of a valid UTF-8 character)');
  });
});
