// The command palette's filter (renderer/components/palette/palette-filter.ts): typed words find
// labels by the start of their words, letters in order find them too, and the better matches
// come first.
import { describe, expect, it } from 'vitest';
import { filterByLabel, matchScore } from '../../renderer/components/palette/palette-filter';

const labels = ['Export the coded segments as CSV', 'Show the codebook', 'Code the selection as “opinion”', 'Übereinstimmung zeigen', 'Undo'];
const filter = (query: string) => filterByLabel(labels, query, (label) => label);

describe('the palette filter', () => {
  it('finds labels by the start of their words, in any order', () => {
    expect(filter('exp csv')).toEqual(['Export the coded segments as CSV']);
    expect(filter('csv exp')).toEqual(['Export the coded segments as CSV']);
    expect(filter('opin')).toEqual(['Code the selection as “opinion”']);
  });

  it('finds labels by their letters in order, after those found by words', () => {
    expect(filter('cdbk')).toEqual(['Show the codebook']);
    expect(filter('code')[0]).toBe('Code the selection as “opinion”');
    expect(filter('code')).toContain('Show the codebook');
  });

  it('ignores case and accents, and finds nothing for letters not there', () => {
    expect(filter('UBEREIN')).toEqual(['Übereinstimmung zeigen']);
    expect(filter('xyzzy')).toEqual([]);
    expect(matchScore('', 'anything')).toBe(0);
    expect(filter('')).toEqual(labels);
  });
});
