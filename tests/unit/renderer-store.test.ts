// The renderer's store modules as plain functions under Node: the engine, and each module's
// reducers and selectors over states made with tiny builders.
import { describe, expect, it } from 'vitest';
import type { CorpusSearchPage, CorpusSearchResult } from '../../shared/views/corpus-search';
import { initialState, type State } from '../../renderer/store/state';
import { createStore, memoise } from '../../renderer/store/store';
import { saved, withPending } from '../../renderer/store/saving';
import { withHitsPage, withSearchAnswered, withSearchEnded, withSearchStarted } from '../../renderer/store/search';
import { openedDocument, withSegmentInserted, withSegmentPlaced, withSegmentReplaced, withoutSegment } from '../../renderer/store/open-document';
import { withOutcome } from '../../renderer/store/outcome';
import { selectShownNotices } from '../../renderer/store/messages';
import { selectLastUsedCode } from '../../renderer/store/coding';
import { withDraft } from '../../renderer/store/drafts';
import { withCoder, isVisible } from '../../renderer/store/project';
import { selectOpenDisagreements, withCodersKnown, withCodesKnown, withDefaultDocuments, type AgreementReport } from '../../renderer/store/agreement';
import { documentRecord, outcome, projectOverview, segmentOf } from '../support/page-state';
import { segmentColumns } from '../../shared/ipc/documents';
import { countByCode, compareInTextOrder, type CodedSegment } from '../../shared/model/segments';

const TEXT = 'Alpha beta gamma delta.';

/** A page with `TEXT` open, holding the segments given, and the state's other fields as they start. */
function pageWith(fields: Partial<State> = {}, segments = [segmentOf(TEXT, 'a', 0, 5), segmentOf(TEXT, 'b', 11, 16)]): State {
  return { ...initialState(), project: projectOverview(), open: openedDocument(documentRecord('doc'), TEXT, segmentColumns(segments)), ...fields };
}

const apply = (state: State, patch: Partial<State>): State => ({ ...state, ...patch });

describe('the store engine', () => {
  it('applies a patch or a function of the state, and tells each listener until it unsubscribes', () => {
    const store = createStore({ count: 0, name: 'a' });
    const seen: number[] = [];
    const stop = store.subscribe(() => seen.push(store.getState().count));
    store.update({ count: 1 });
    store.update((current) => ({ count: current.count + 1 }));
    stop();
    store.update({ count: 10 });
    expect(seen).toEqual([1, 2]);
    expect(store.getState()).toEqual({ count: 10, name: 'a' });
  });

  it('memoises a selector on its inputs: the same list object until an input changes', () => {
    let computed = 0;
    const evens = memoise(
      (s: { numbers: number[]; other: string }) => [s.numbers] as const,
      (numbers) => (computed++, numbers.filter((n) => n % 2 === 0)),
    );
    const numbers = [1, 2, 3, 4];
    const first = evens({ numbers, other: 'x' });
    expect(evens({ numbers, other: 'y' })).toBe(first);
    expect(computed).toBe(1);
    expect(evens({ numbers: [2], other: 'y' })).toEqual([2]);
    expect(computed).toBe(2);
  });

  it('starts under Node without local storage: no word snapping, nothing open, nothing pending', () => {
    const state = initialState();
    expect(state.snapWords).toBe(false);
    expect(state.open).toBeNull();
    expect(state.pending.size).toBe(0);
    expect(state.agreement.codeIds).toBeNull();
  });
});

describe('saving', () => {
  it('clears the save error only once nothing is pending', () => {
    let state: State = { ...initialState(), saveError: 'The disk is full.' };
    state = apply(state, withPending(state, 'a', true));
    state = apply(state, withPending(state, 'b', true));
    state = apply(state, saved(state, 'a'));
    expect([...state.pending]).toEqual(['b']);
    expect(state.saveError).toBe('The disk is full.');
    state = apply(state, saved(state, 'b'));
    expect(state.pending.size).toBe(0);
    expect(state.saveError).toBeNull();
  });
});

describe('search', () => {
  const result = (total: number): CorpusSearchResult => ({ total, documents: [] }) as unknown as CorpusSearchResult;
  const page = (total: number): CorpusSearchPage => ({ total, complete: true, documentCount: 1, offset: 0, hits: [] });

  it('drops the answers of a run that a newer run has replaced; the newer run ends with its first page of hits', () => {
    let state = initialState();
    state = apply(state, withSearchStarted(state, true));
    const older = state.searchRun;
    state = apply(state, withSearchStarted(state, true));
    const searched = { query: state.search.query, documentIds: undefined };
    // The older run's hits in the open document and its first page are both dropped.
    state = apply(state, withSearchAnswered(state, older, result(1), null));
    state = apply(state, withHitsPage(state, older, searched, page(1), null));
    expect(state.search.result).toBeNull();
    expect(state.search.listing).toBeNull();
    expect(state.search.running).toBe(true);
    // The newer run's hits in the open document do not end it: its list of hits does.
    state = apply(state, withSearchAnswered(state, state.searchRun, result(2), null));
    expect(state.search.result?.total).toBe(2);
    expect(state.search.running).toBe(true);
    state = apply(state, withHitsPage(state, state.searchRun, searched, page(2), null));
    expect(state.search.listing?.total).toBe(2);
    expect(state.search.running).toBe(false);
  });

  it('ending the search takes its hits away, keeps its words and drops a run still under way', () => {
    let state = initialState();
    state = apply(state, { search: { ...state.search, query: { ...state.search.query, pattern: 'beta' } } });
    state = apply(state, withSearchStarted(state, true));
    const run = state.searchRun;
    state = apply(state, withSearchEnded(state));
    state = apply(state, withSearchAnswered(state, run, result(3), null));
    expect(state.search.result).toBeNull();
    expect(state.search.query.pattern).toBe('beta');
  });

  it('an empty search clears the last hits at once', () => {
    let state = apply(initialState(), { search: { ...initialState().search, result: result(4) } });
    state = apply(state, withSearchStarted(state, false));
    expect(state.search.result).toBeNull();
    expect(state.search.running).toBe(false);
  });
});

describe('the open document', () => {
  it('gives the segments sent without quotes their quotes, in text order', () => {
    const { quote: _b, ...late } = segmentOf(TEXT, 'late', 11, 16);
    const { quote: _a, ...early } = segmentOf(TEXT, 'early', 0, 5);
    const open = openedDocument(documentRecord('doc'), TEXT, segmentColumns([late, early]));
    expect(open.segments.map((s) => [s.id, s.quote])).toEqual([
      ['early', 'Alpha'],
      ['late', 'gamma'],
    ]);
    expect(open.layout.sections.length).toBeGreaterThan(0);
  });

  it('puts a moved segment back in text order', () => {
    const state = pageWith();
    const moved = segmentOf(TEXT, 'a', 17, 22);
    const after = apply(state, withSegmentPlaced(state, moved));
    expect(after.open!.segments.map((s) => s.id)).toEqual(['b', 'a']);
  });

  it("never puts another document's segment into the open one (a refused removal settled after the researcher moved on)", () => {
    const state = pageWith();
    const elsewhere = segmentOf(TEXT, 'x', 6, 10, { documentId: 'other' });
    expect(apply(state, withSegmentInserted(state, elsewhere)).open!.segments.map((s) => s.id)).toEqual(['a', 'b']);
    expect(apply(state, withSegmentPlaced(state, elsewhere)).open!.segments.map((s) => s.id)).toEqual(['a', 'b']);
    const own = segmentOf(TEXT, 'x', 6, 10);
    expect(apply(state, withSegmentInserted(state, own)).open!.segments.map((s) => s.id)).toEqual(['a', 'x', 'b']);
  });

  it('a removed segment leaves the details shown too', () => {
    const state = pageWith({ popover: { segmentIds: ['a', 'b'], anchor: 2, takeFocus: false } });
    const after = apply(state, withoutSegment(state, 'a'));
    expect(after.open!.segments.map((s) => s.id)).toEqual(['b']);
    expect(after.popover?.segmentIds).toEqual(['b']);
  });
});

describe("an action's outcome", () => {
  it('shows the segments of the open document only, with the message and the notes', () => {
    const state = pageWith({ popover: { segmentIds: ['a'], anchor: 1, takeFocus: false } });
    const added = segmentOf(TEXT, 'c', 6, 10);
    const elsewhere = segmentOf('Other text', 'd', 0, 5, { documentId: 'other' });
    const step = outcome({
      segments: [
        { id: 'a', documentId: 'doc', segment: null },
        { id: 'c', documentId: 'doc', segment: added },
        { id: 'd', documentId: 'other', segment: elsewhere },
      ],
      notes: ['One passage was already coded.'],
      history: { undo: 'Code “beta”', redo: null },
    });
    const after = apply(state, withOutcome(state, step, 'Coded.'));
    expect(after.open!.segments.map((s) => s.id)).toEqual(['c', 'b']);
    expect(after.popover?.segmentIds).toEqual([]);
    expect(after.project!.history.undo).toBe('Code “beta”');
    expect(after.message).toEqual({ kind: 'info', text: 'Coded. One passage was already coded.' });
  });

  it("in blind coding leaves out another coder's segment, and closes a document the action removed", () => {
    const state = pageWith({ project: projectOverview({ blind: true, coder: 'ana' }) });
    const theirs = segmentOf(TEXT, 'z', 6, 10, { coder: 'ben' });
    expect(isVisible(state, theirs)).toBe(false);
    let after = apply(state, withOutcome(state, outcome({ segments: [{ id: 'z', documentId: 'doc', segment: theirs }] }), 'Done.'));
    expect(after.open!.segments.map((s) => s.id)).toEqual(['a', 'b']);
    after = apply(after, withOutcome(after, outcome({ documents: [{ id: 'doc', document: null }] }), 'Removed.'));
    expect(after.open).toBeNull();
    expect(after.popover).toBeNull();
  });
});

describe('messages, coding, drafts and the coder', () => {
  it('shows the notices not dismissed and not the save error, as the same list while nothing changes', () => {
    const state = pageWith({ project: projectOverview({ notices: ['Kept a damaged file aside.', 'The disk is full.', 'Old'] }), saveError: 'The disk is full.', dismissedNotices: new Set(['Old']) });
    const shown = selectShownNotices(state);
    expect(shown).toEqual(['Kept a damaged file aside.']);
    expect(selectShownNotices({ ...state, message: { kind: 'info', text: 'x' } })).toBe(shown);
  });

  it('repeats the last code only while the codebook still has it', () => {
    const state = pageWith({ lastCodeId: 'source' });
    expect(selectLastUsedCode(state)).toBe('source');
    expect(selectLastUsedCode({ ...state, lastCodeId: 'gone' })).toBeNull();
  });

  it('keeps a draft per field, changed by a value or a function of it', () => {
    let state = initialState();
    state = apply(state, withDraft(state, 'new-code-name', 'Clai'));
    state = apply(state, withDraft(state, 'new-code-name', (current) => `${current}m`));
    expect(state.drafts).toEqual({ 'new-code-name': 'Claim' });
  });

  it('a confirmed coder joins the coders in order and closes the dialog', () => {
    const state = pageWith({ coderDialog: true, project: projectOverview({ coders: ['ana', 'cleo'], coderConfirmed: false }) });
    const after = apply(state, withCoder(state, 'ben'));
    expect(after.project).toMatchObject({ coder: 'ben', coderConfirmed: true, coders: ['ana', 'ben', 'cleo'] });
    expect(after.coderDialog).toBe(false);
  });
});

describe("the Agreement view's choices", () => {
  it('ticks every coder at first, then only a coder who comes in later (one unticked stays so)', () => {
    let state = initialState();
    state = apply(state, withCodersKnown(state, ['ana', 'ben']));
    expect(state.agreement.coders).toEqual(['ana', 'ben']);
    state = apply(state, { agreement: { ...state.agreement, coders: ['ana'] } });
    expect(withCodersKnown(state, ['ana', 'ben'])).toEqual({});
    state = apply(state, withCodersKnown(state, ['ana', 'ben', 'cleo']));
    expect(state.agreement.coders).toEqual(['ana', 'cleo']);
  });

  it('ticks the documents offered by default again only when they change', () => {
    let state = initialState();
    state = apply(state, withDefaultDocuments(state, ['d1', 'd2']));
    state = apply(state, { agreement: { ...state.agreement, documentIds: ['d1'] } });
    expect(withDefaultDocuments(state, ['d1', 'd2'])).toEqual({}); // back from another view: the hand-picked stay
    state = apply(state, withDefaultDocuments(state, ['d1', 'd2', 'd3']));
    expect(state.agreement.documentIds).toEqual(['d1', 'd2', 'd3']);
  });

  it('ticks every code at the first showing only', () => {
    let state = initialState();
    state = apply(state, withCodesKnown(state, ['claim', 'source']));
    state = apply(state, { agreement: { ...state.agreement, codeIds: ['claim'] } });
    expect(withCodesKnown(state, ['claim', 'source', 'new'])).toEqual({});
  });

  it('counts the disagreements still open', () => {
    const report = {
      disagreements: [{ id: 'x' }, { id: 'y' }, { id: 'z' }],
      adjudications: [{ id: 'y' }],
    } as unknown as AgreementReport;
    const state = initialState();
    expect(selectOpenDisagreements(state)).toBe(0);
    expect(selectOpenDisagreements({ ...state, agreement: { ...state.agreement, report } })).toBe(2);
  });
});

describe('counts per code of the open document, kept with each change', () => {
  const LONG = 'word '.repeat(2_000);
  const codes = ['claim', 'source', 'method'];
  const segment = (id: string, i: number, codeId = codes[i % 3]) => segmentOf(LONG, id, (i * 35) % 9_000, ((i * 35) % 9_000) + 4 + (i % 7), { codeId });
  const check = (state: State) => {
    expect(state.open!.counts).toEqual(countByCode(state.open!.segments));
    expect([...state.open!.segments].sort(compareInTextOrder)).toEqual(state.open!.segments);
  };

  it('stay right across adds, recodes, moves and removals of single segments', () => {
    let state: State = { ...pageWith(), open: openedDocument(documentRecord('doc'), LONG, segmentColumns([segment('s0', 0), segment('s1', 1)])) };
    check(state);
    for (let i = 2; i < 60; i++) {
      state = apply(state, withSegmentInserted(state, segment(`s${i}`, i)));
      if (i % 4 === 0) state = apply(state, withSegmentReplaced(state, { ...state.open!.segments.find((s) => s.id === `s${i - 1}`)!, codeId: 'method' }));
      if (i % 5 === 0) state = apply(state, withSegmentPlaced(state, segment(`s${i - 2}`, i + 100, 'claim')));
      if (i % 6 === 0) state = apply(state, withoutSegment(state, `s${i - 3}`));
      check(state);
    }
    // The last change says what it did (the text view redraws only that).
    expect(state.open!.change?.added.map((s) => s.id)).toEqual(['s59']);
  });

  it('stay right across an action of many segments, its undo and its redo, and the list equals a fresh open', () => {
    const base = Array.from({ length: 300 }, (_, i) => segment(`b${i}`, i));
    let state: State = { ...pageWith(), open: openedDocument(documentRecord('doc'), LONG, segmentColumns(base)) };
    const many: CodedSegment[] = Array.from({ length: 200 }, (_, i) => segment(`m${i}`, i * 3 + 1, 'source'));
    const code = outcome({ segments: many.map((s) => ({ id: s.id, documentId: 'doc', segment: s })) });
    const undo = outcome({ segments: many.map((s) => ({ id: s.id, documentId: 'doc', segment: null })) });
    const before = state.open!.segments;
    state = apply(state, withOutcome(state, code, 'Coded.'));
    check(state);
    expect(state.open!.counts.source).toBe(100 + 200);
    expect(state.open!.segments).toEqual(openedDocument(documentRecord('doc'), LONG, segmentColumns([...base, ...many])).segments);
    expect(state.open!.change).toMatchObject({ from: before });
    expect(state.open!.change!.added.map((s) => s.id).sort()).toEqual(many.map((s) => s.id).sort());
    state = apply(state, withOutcome(state, undo, 'Undone.'));
    check(state);
    expect(state.open!.segments).toEqual(before);
    expect(state.open!.change!.removed.map((s) => s.id).sort()).toEqual(many.map((s) => s.id).sort());
    state = apply(state, withOutcome(state, code, 'Redone.'));
    check(state);
    expect(state.open!.counts).toEqual({ claim: 100, source: 300, method: 100 });
  });
});

