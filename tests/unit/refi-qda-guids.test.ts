/**
 * The GUIDs of an export's codings: made from the segment ids by a project mask, and distinct even
 * for ids that differ only in their version and variant bits (which the mask's layout overwrites),
 * whatever order the ids come in.
 */
import { describe, expect, it } from 'vitest';
import { guidMaker } from '../../electron/services/refi-qda';

describe('coding GUIDs in one export', () => {
  it('are distinct for segment ids that differ only in their version and variant bits, and stable per id', () => {
    const ids = [
      '0f8fad5b-d9cb-469f-a165-70867728950e',
      '0f8fad5b-d9cb-169f-a165-70867728950e', // another version digit
      '0f8fad5b-d9cb-469f-2165-70867728950e', // another variant
      '0f8fad5b-d9cb-769f-e165-70867728950e', // both
    ];
    const guidFor = guidMaker('project-1');
    const guids = ids.map((id) => guidFor('coding', id));
    expect(new Set(guids).size).toBe(ids.length);
    for (const guid of guids) expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[58][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Asked again, or in another order, each id gets the same GUID; the random (version 4) one gets the masked (version 8) one.
    expect(ids.map((id) => guidFor('coding', id))).toEqual(guids);
    const reversed = guidMaker('project-1');
    expect([...ids].reverse().map((id) => reversed('coding', id)).reverse()).toEqual(guids);
    expect(guids[0]![14]).toBe('8');
    // A second export of the same project gives the same GUIDs.
    expect(ids.map((id) => guidMaker('project-1')('coding', id))[0]).toBe(guids[0]);
  });
});
