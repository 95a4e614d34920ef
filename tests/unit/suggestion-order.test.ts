/**
 * The order of the corpus's suggestions: total (the same list however it was put together, by one
 * thread or two, whole or updated), and updated after a change by merging the documents that
 * changed into the list before it rather than ordering it all again.
 */
import { describe, expect, it } from 'vitest';
import { compareSuggestions, mergeOrdered, orderSuggestions, updatedCorpusList, type Suggestion } from '../../shared/suggestions/suggestions';
import { mulberry32 } from '../bench/generate';

const CODES = ['a', 'b', 'c'];

/** A document's suggestions, with few distinct probabilities and starts, so that ties are many. */
function documentList(random: () => number, documentId: string, count: number): Suggestion[] {
  return Array.from({ length: count }, () => {
    const start = Math.floor(random() * 5) * 10;
    return { documentId, codeId: CODES[Math.floor(random() * CODES.length)]!, start, end: start + 8, probability: 0.5 + Math.floor(random() * 4) / 10 };
  });
}

function shuffled<T>(random: () => number, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('the order of suggestions', () => {
  it('is total: ties of probability, start and code go by document id, so any arrangement orders the same', () => {
    const random = mulberry32(3);
    const all = ['d3', 'd1', 'd2'].flatMap((id) => documentList(random, id, 40));
    for (const order of ['confidence', 'uncertainty'] as const) {
      const once = orderSuggestions([...all], order);
      for (let run = 0; run < 5; run++) expect(orderSuggestions(shuffled(random, all), order)).toEqual(once);
      // Equal only when the same in every field that orders.
      const compare = compareSuggestions(order);
      for (let i = 1; i < once.length; i++) expect(compare(once[i - 1]!, once[i]!)).toBeLessThanOrEqual(0);
    }
    const tie = { codeId: 'a', start: 0, end: 5, probability: 0.7 };
    expect(orderSuggestions([{ ...tie, documentId: 'y' }, { ...tie, documentId: 'x' }], 'confidence').map((s) => s.documentId)).toEqual(['x', 'y']);
  });

  it('merges two ordered lists into one ordered list', () => {
    const compare = (x: number, y: number) => x - y;
    expect(mergeOrdered([1, 4, 4, 9], [0, 4, 5, 10, 11], compare)).toEqual([0, 1, 4, 4, 4, 5, 9, 10, 11]);
    expect(mergeOrdered([], [2, 3], compare)).toEqual([2, 3]);
    expect(mergeOrdered([2, 3], [], compare)).toEqual([2, 3]);
  });
});

describe("the corpus's list after a change", () => {
  it('is the list ordered whole, whichever documents changed, were removed or were added', () => {
    const random = mulberry32(11);
    const from = new Map<string, Suggestion[]>();
    for (let d = 0; d < 30; d++) from.set(`doc-${d}`, documentList(random, `doc-${d}`, 1 + Math.floor(random() * 20)));
    let previous = { suggestions: updatedCorpusList(null, from), from: new Map(from) };
    expect(previous.suggestions).toEqual(orderSuggestions([...from.values()].flat(), 'confidence'));
    for (let step = 0; step < 40; step++) {
      const next = new Map(previous.from);
      // One to three documents read again (new arrays), sometimes one removed or one added.
      for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
        const id = `doc-${Math.floor(random() * 30)}`;
        if (next.has(id)) next.set(id, documentList(random, id, Math.floor(random() * 20)));
      }
      if (step % 7 === 3) next.delete([...next.keys()][Math.floor(random() * next.size)]!);
      if (step % 5 === 1) next.set(`new-${step}`, documentList(random, `new-${step}`, 10));
      const updated = updatedCorpusList(previous, next);
      expect(updated).toEqual(orderSuggestions([...next.values()].flat(), 'confidence'));
      previous = { suggestions: updated, from: next };
    }
  });

  it('keeps the suggestions of unchanged documents as they were, and takes in only the changed ones', () => {
    const random = mulberry32(5);
    const from = new Map(['p', 'q', 'r'].map((id) => [id, documentList(random, id, 10)] as const));
    const previous = { suggestions: updatedCorpusList(null, from), from };
    // q read again: one suggestion fewer (a rejection). p and r are the same arrays.
    const next = new Map(from);
    next.set('q', from.get('q')!.slice(1));
    const updated = updatedCorpusList(previous, next);
    expect(updated).toHaveLength(29);
    expect(updated).not.toContain(from.get('q')![0]);
    for (const suggestion of [...from.get('p')!, ...from.get('r')!]) expect(updated).toContain(suggestion);
    // Nothing changed: the same list (a new array, in the same order).
    expect(updatedCorpusList({ suggestions: updated, from: next }, next)).toEqual(updated);
  });
});
