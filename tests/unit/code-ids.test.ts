import { describe, expect, it } from 'vitest';
import { codeIdFromHex, importedCodeId } from '../../shared/model/code-ids';
import { CODE_ID_PATTERN } from '../../shared/model/codebook';

const DIGEST = '3f786850e387550fdab836ed7e6dc881de23001b';

describe('ids of new codes', () => {
  it('makes c- and ten hex digits, a valid code id', () => {
    expect(codeIdFromHex(DIGEST, new Set())).toBe('c-3f786850e3');
    expect(codeIdFromHex(DIGEST, new Set())).toMatch(CODE_ID_PATTERN);
  });

  it('adds -2, -3, ... until no code has the id', () => {
    expect(codeIdFromHex(DIGEST, new Set(['c-3f786850e3']))).toBe('c-3f786850e3-2');
    expect(codeIdFromHex(DIGEST, new Set(['c-3f786850e3', 'c-3f786850e3-2']))).toBe('c-3f786850e3-3');
  });

  it("keeps a coder file's own id while it is free, and makes one from the digest once it is taken", () => {
    expect(importedCodeId('opinion', DIGEST, new Set(['factual-claim']), true)).toBe('opinion');
    expect(importedCodeId('opinion', DIGEST, new Set(['opinion']), true)).toBe('c-3f786850e3');
  });

  it('makes the id of a code from another program from its digest, even when its ref is free', () => {
    expect(importedCodeId('opinion', DIGEST, new Set())).toBe('c-3f786850e3');
    expect(importedCodeId('opinion', DIGEST, new Set(['c-3f786850e3']))).toBe('c-3f786850e3-2');
  });
});
