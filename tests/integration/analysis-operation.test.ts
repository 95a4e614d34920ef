/** The analysis operation of the contract: figures over the open project, blind coding applied, malformed requests refused. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { cellPairs, type Cooccurrence } from '../../shared/analysis/cooccurrence';
import type { Frequencies } from '../../shared/analysis/frequencies';
import { openProject, segmentInput } from '../support/project';

const ALL = { documentIds: null, coders: null, variable: null };

describe('the analysis operation', () => {
  it('answers each figure over the segments the coder may see', async () => {
    const { store, handlers } = await openProject();
    const document = store.overview().documents[1];
    const { text } = await store.openDocument(document.id);
    const words = text.split(/\s+/).filter((w) => w.length > 6);
    const first = await store.addSegment(segmentInput(document.id, text, `${words[0]}`));
    await dispatch(handlers, 'setCoder', { name: 'bea' });
    const second = await store.addSegment(segmentInput(document.id, text, `${words[0]}`, 'opinion'));
    const frequencies = await dispatch(handlers, 'analysis', { figure: 'frequencies', filter: ALL, withSubcodes: false, words: true, variable: null });
    expect(frequencies.ok).toBe(true);
    const figures = (frequencies as { value: { frequencies: Frequencies } }).value.frequencies;
    expect(figures.codes.map((c) => c.segments)).toEqual([1, 1, 0]);
    expect(figures.byCoder.map((c) => c.coder)).toEqual(['ana', 'bea']);
    // Co-occurrence: the counts of every cell; the pairs (segment ids) only of the cell asked for.
    const co = await dispatch(handlers, 'analysis', { figure: 'cooccurrence', filter: ALL, proximity: { kind: 'overlap' } });
    const counts = (co as { value: { cooccurrence: Cooccurrence } }).value.cooccurrence;
    expect(counts.cells[0][1].pairs).toBe(1);
    expect(counts.segmentIds).toEqual([]);
    expect(cellPairs(counts, 0, 1)).toEqual([]);
    const asked = await dispatch(handlers, 'analysis', { figure: 'cooccurrence', filter: ALL, proximity: { kind: 'overlap' }, pairsOf: { row: 'factual-claim', column: 'opinion' } });
    expect(cellPairs((asked as { value: { cooccurrence: Cooccurrence } }).value.cooccurrence, 0, 1)).toEqual([[first.id, second.id]]);
    // Blind: bea sees only her own segment.
    await dispatch(handlers, 'setBlind', { blind: true });
    const blind = await dispatch(handlers, 'analysis', { figure: 'frequencies', filter: ALL, withSubcodes: false, words: false, variable: null });
    expect((blind as { value: { frequencies: Frequencies } }).value.frequencies.codes.map((c) => c.segments)).toEqual([0, 1, 0]);
    const kwic = await dispatch(handlers, 'analysis', { figure: 'kwic', filter: ALL, word: words[0], context: 10, codeId: null, withSubcodes: false });
    expect(kwic).toMatchObject({ ok: true, value: { figure: 'kwic', lines: [{ segmentId: second.id, word: words[0] }] } });
    await store.close();
  });

  it('refuses a malformed request', async () => {
    const { store, handlers } = await openProject();
    for (const input of [
      { figure: 'frequencies', filter: ALL },
      { figure: 'cooccurrence', filter: ALL, proximity: { kind: 'distance', characters: -1 } },
      { figure: 'pie', filter: ALL },
      { figure: 'kwic', filter: ALL, word: '', context: 10, codeId: null, withSubcodes: false },
      { figure: 'cooccurrence', filter: ALL, proximity: { kind: 'overlap' }, pairsOf: { row: 'opinion' } },
    ]) {
      expect(await dispatch(handlers, 'analysis', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    await store.close();
  });

  it('refuses a request naming a code or variable the project lacks, or a language without stop-words, and says which', async () => {
    const { store, handlers } = await openProject();
    const cases: Array<[unknown, string, RegExp]> = [
      [{ figure: 'crosstab', filter: ALL, variable: 'stance', unit: 'segments', withSubcodes: false, codeIds: null }, 'not-found', /no variable “stance”/],
      [{ figure: 'crosstab', filter: ALL, variable: 'stance', unit: 'segments', withSubcodes: false, codeIds: ['opinion'] }, 'not-found', /no variable “stance”/],
      [{ figure: 'frequencies', filter: ALL, withSubcodes: false, words: false, variable: 'stance' }, 'not-found', /no variable “stance”/],
      [{ figure: 'matrix', filter: { ...ALL, variable: { name: 'stance', values: ['pro'] } }, measure: 'segments', withSubcodes: false, variable: null }, 'not-found', /no variable “stance”/],
      [{ figure: 'overlaps', filter: ALL, firstCodeId: 'opinion', secondCodeId: 'no-such-code' }, 'not-found', /no code “no-such-code”/],
      [{ figure: 'cooccurrence', filter: ALL, proximity: { kind: 'overlap' }, pairsOf: { row: 'opinion', column: 'no-such-code' } }, 'not-found', /no code “no-such-code”/],
      [{ figure: 'kwic', filter: ALL, word: 'the', context: 5, codeId: 'no-such-code', withSubcodes: false }, 'not-found', /no code “no-such-code”/],
      [{ figure: 'words', filter: ALL, codeId: null, withSubcodes: false, language: 'klingon', languageVariable: null, dropStopWords: true }, 'invalid-input', /no stop-word list for the language “klingon”/],
    ];
    for (const [input, code, message] of cases) {
      const answer = await dispatch(handlers, 'analysis', input);
      expect(answer, JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
      expect((answer as { error: { message: string } }).error.message).toMatch(message);
    }
    // Kept stop-words need no list.
    expect(await dispatch(handlers, 'analysis', { figure: 'words', filter: ALL, codeId: null, withSubcodes: false, language: 'klingon', languageVariable: null, dropStopWords: false })).toMatchObject({ ok: true });
    await store.close();
  });
});
