import { describe, expect, it } from 'vitest';
import { refuseUnsavable, savableBySegmentCheck } from '../../electron/project/savable-action';
import { actionSchema, type Action, type Change } from '../../shared/model/changes';
import { WorkbenchFailure } from '../../shared/model/failure';
import { codedSegment } from '../support/builders';

const AT = '2026-01-01T00:00:00.000Z';

function action(changes: Change[]): Action {
  return { id: 'a1', label: 'Code 3 passages', at: AT, changes };
}

function added(id: string, fields: Record<string, unknown> = {}): Change {
  return { kind: 'segment', id, before: null, after: { ...codedSegment({ id }), ...fields } as never };
}

/** The message refuseUnsavable gives, or null when it takes the action. */
function refusal(of: Action): string | null {
  try {
    refuseUnsavable(of);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbenchFailure);
    return (error as Error).message;
  }
}

describe('the check an action passes before it is saved', () => {
  it('takes an action of many sound segments by hand, as the schema would', () => {
    const big = action(Array.from({ length: 1000 }, (_, i) => added(`s${i}`)));
    expect(savableBySegmentCheck(big)).toBe(true);
    expect(actionSchema.safeParse(big).success).toBe(true);
    expect(refusal(big)).toBeNull();
    const recoded = action([{ kind: 'segment', id: 's1', before: codedSegment({ id: 's1' }), after: codedSegment({ id: 's1', codeId: 'factual-claim' }) }]);
    expect(savableBySegmentCheck(recoded)).toBe(true);
    expect(refusal(recoded)).toBeNull();
  });

  it('leaves anything it doubts to the schema, which refuses in its own words and takes what it takes', () => {
    const broken: Array<[string, Record<string, unknown>]> = [
      ['an end before the start', { start: 5, end: 2 }],
      ['a time with an offset', { createdAt: '2026-01-01T00:00:00+02:00' }],
      ['a code id with capitals', { codeId: 'Opinion' }],
      ['a memo too long', { memo: 'x'.repeat(100_001) }],
      ['an empty id', { documentId: '' }],
      ['a quote that is not text', { quote: 3 }],
      ['an origin neither manual nor suggestion', { origin: 'model' }],
    ];
    for (const [what, fields] of broken) {
      const bad = action([added('s0'), added('s1', fields), added('s2')]);
      expect(savableBySegmentCheck(bad), what).toBe(false);
      const parsed = actionSchema.safeParse(bad);
      expect(parsed.success, what).toBe(false);
      expect(refusal(bad), what).toMatch(/^This change cannot be saved: the segment's \w+ does not fit \(.+\)\. Nothing was changed\.$/);
    }
    // Doubted but sound: an unknown field (the schema drops it), a memo or an origin left out (the schema fills them in).
    for (const fields of [{ note: 'extra' }, { memo: undefined }, { origin: undefined }]) {
      const doubted = action([added('s1', fields)]);
      expect(savableBySegmentCheck(doubted)).toBe(false);
      expect(refusal(doubted)).toBeNull();
    }
    // The hand check changes nothing of what it is given.
    const withoutMemo = action([added('s1', { memo: undefined })]);
    savableBySegmentCheck(withoutMemo);
    expect('memo' in (withoutMemo.changes[0]!.after as object) && (withoutMemo.changes[0]!.after as { memo?: string }).memo === undefined).toBe(true);
    const withoutOrigin = action([added('s1', { origin: undefined })]);
    savableBySegmentCheck(withoutOrigin);
    expect((withoutOrigin.changes[0]!.after as { origin?: string }).origin).toBeUndefined();
  });

  it('takes a segment accepted from a suggestion by hand, as the schema would', () => {
    const accepted = action([added('s1', { origin: 'suggestion' })]);
    expect(savableBySegmentCheck(accepted)).toBe(true);
    expect(actionSchema.safeParse(accepted).success).toBe(true);
  });

  it('gives the same message for a bad segment whether the action is small or large', () => {
    const small = action([added('s1', { start: 5, end: 2 })]);
    const large = action([...Array.from({ length: 500 }, (_, i) => added(`t${i}`)), added('s1', { start: 5, end: 2 })]);
    expect(refusal(small)).toBe(refusal(large));
    expect(refusal(small)).toContain('a segment must end after it starts');
  });

  it('takes actions on other records through the schema, as before', () => {
    const code: Change = { kind: 'codeOrder', id: 'codebook', before: ['a'], after: ['a'] };
    expect(savableBySegmentCheck(action([code]))).toBe(false);
    expect(refusal(action([code]))).toBeNull();
    expect(refusal({ ...action([code]), at: 'yesterday' })).toMatch(/^This change cannot be saved: at does not fit/);
  });
});
