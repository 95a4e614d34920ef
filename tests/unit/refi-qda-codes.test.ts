/**
 * The codes of a REFI-QDA codebook: nesting as deep as a codebook needs reads back, and a file
 * nested thousands deep is refused with a clear message instead of overflowing the stack.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CODE_DEPTH, readCodebookQdc } from '../../shared/exchange/refi-qda/qde-reader';
import { WorkbenchFailure } from '../../shared/model/failure';

/** A codebook whose codes nest `depth` levels deep, one code a level. */
function nestedCodebook(depth: number): string {
  const guid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  let codes = '';
  for (let i = depth; i >= 1; i--) codes = `<Code guid="${guid(i)}" name="level ${i}" isCodable="true">${codes}</Code>`;
  return `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes}</Codes></CodeBook>`;
}

describe('nested codes in a REFI-QDA codebook', () => {
  it(`reads codes nested ${MAX_CODE_DEPTH} levels deep`, () => {
    let code = readCodebookQdc(nestedCodebook(MAX_CODE_DEPTH))[0];
    let depth = 0;
    for (; code; code = code.children[0]) depth++;
    expect(depth).toBe(MAX_CODE_DEPTH);
  });

  it('refuses codes nested deeper, even thousands of levels, with a clear message', () => {
    for (const depth of [MAX_CODE_DEPTH + 1, 20_000]) {
      let failure: unknown;
      try {
        readCodebookQdc(nestedCodebook(depth));
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(WorkbenchFailure);
      expect((failure as Error).message).toBe(`The codes in the file are nested more than ${MAX_CODE_DEPTH} levels deep; the Workbench reads codebooks up to that depth.`);
    }
  });
});
