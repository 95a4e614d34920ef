// The page's suggestions service (renderer/services/suggestions.ts) over the real store and a
// recording bridge: a decision takes the suggestion out of the list at once and asks the main
// process once, however often the key is pressed meanwhile; a refused one comes back with the
// reason shown; an accepted one is drawn in the open document; turned off, nothing is drawn.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListedSuggestion, SuggestionPage, SuggestionStatus } from '../../shared/ipc/suggestions';
import { segmentColumns } from '../../shared/ipc/documents';
import { documentRecord, projectOverview } from '../support/page-state';

let service: typeof import('../../renderer/services/suggestions');
let store: typeof import('../../renderer/store');
let openDocument: typeof import('../../renderer/store/open-document');

const calls: string[] = [];
const status: SuggestionStatus = { enabled: true, state: 'ready', trainedAt: '2026-01-01T00:00:00.000Z', trainedOn: 30, quality: [], failure: null, listing: null };
const TEXT = 'Sign the petition. It rained. March with us.';
const listed = (quote: string): ListedSuggestion => {
  const start = TEXT.indexOf(quote);
  return { documentId: 'd1', codeId: 'call-to-action', start, end: start + quote.length, probability: 0.9, documentName: 'Speech', quote };
};
const [sign, march] = [listed('Sign the petition.'), listed('March with us.')];
/** What the main process lists now. */
let remaining: ListedSuggestion[] = [];
/** How it answers a decision: at once (null), or when `release` is called. */
let answerLater: { release: () => void } | null = null;
let refuse: string | null = null;
/** The list is answered once this settles (at once when null). */
let listGate: Promise<void> | null = null;
/** What the model's state is asked to be (the panel switched off when null). */
let statusNow: SuggestionStatus | null = null;

beforeAll(async () => {
  const decided = (input: { documentId: string; codeId: string; start: number; end: number }, value: unknown) =>
    new Promise((resolve) => {
      const answer = () => {
        if (refuse) return resolve({ ok: false, error: { code: 'conflict', message: refuse } });
        remaining = remaining.filter((s) => !(s.start === input.start && s.codeId === input.codeId));
        resolve({ ok: true, value });
      };
      if (answerLater) answerLater.release = answer;
      else answer();
    });
  const api: Record<string, (input: never) => Promise<unknown>> = {
    corpusSuggestions: async () => {
      calls.push('corpusSuggestions');
      await listGate;
      return { ok: true, value: { suggestions: remaining, total: remaining.length, status } satisfies SuggestionPage };
    },
    acceptSuggestion: (input: { id: string; documentId: string; codeId: string; start: number; end: number }) => {
      calls.push(`accept ${input.start}`);
      const quote = TEXT.slice(input.start, input.end);
      return decided(input, { ...input, quote, coder: 'ana', createdAt: 'now', updatedAt: 'now', memo: '', origin: 'suggestion' });
    },
    rejectSuggestion: (input: { documentId: string; codeId: string; start: number; end: number }) => (calls.push(`reject ${input.start}`), decided(input, { rejected: 1 })),
    setSuggestionSettings: async (input: object) => ({ ok: true, value: { enabled: false, order: 'confidence', threshold: 0.7, ...input } }),
    suggestionStatus: async () => (calls.push('suggestionStatus'), { ok: true, value: statusNow ?? { ...status, enabled: false, state: 'off' } }),
  };
  (globalThis as Record<string, unknown>).window = {
    workbench: { api: new Proxy(api, { get: (target, name) => target[name as string] ?? (async () => ({ ok: true, value: null })) }), onCommand: () => () => undefined },
    location: {},
  };
  (globalThis as Record<string, unknown>).document = { activeElement: null, documentElement: {} };
  service = await import('../../renderer/services/suggestions');
  store = await import('../../renderer/store');
  openDocument = await import('../../renderer/store/open-document');
});

beforeEach(async () => {
  remaining = [sign, march];
  answerLater = null;
  refuse = null;
  listGate = null;
  statusNow = null;
  const open = openDocument.openedDocument(documentRecord('d1'), TEXT, segmentColumns([]));
  store.update({ ...store.initialState(), project: projectOverview(), open });
  store.update((s) => ({ suggestions: { ...s.suggestions, settings: { enabled: true, order: 'confidence', threshold: 0.7 }, inDocument: { documentId: 'd1', suggestions: [sign, march] } } }));
  await service.refreshSuggestionList(0);
  calls.length = 0;
});

const listedNow = () => store.getState().suggestions.listing!.suggestions.map((s) => s.quote);

describe('the page’s suggestions', () => {
  it('takes an accepted suggestion out of the list and the text at once, and draws its segment in the open document', async () => {
    answerLater = { release: () => undefined };
    const accepted = service.acceptSuggestion(sign);
    expect(listedNow()).toEqual(['March with us.']);
    expect(store.getState().suggestions.inDocument!.suggestions).toEqual([march]);
    answerLater.release();
    expect(await accepted).toBe(true);
    expect(store.getState().open!.segments.map((s) => [s.quote, s.origin])).toEqual([['Sign the petition.', 'suggestion']]);
    expect(listedNow()).toEqual(['March with us.']);
  });

  it('asks the main process once for a suggestion decided twice before it answered, and a page listed meanwhile does not bring it back', async () => {
    answerLater = { release: () => undefined };
    const first = service.acceptSuggestion(sign);
    const release = answerLater.release;
    expect(await service.acceptSuggestion(sign)).toBe(false);
    expect(await service.rejectSuggestion(sign)).toBe(false);
    await service.refreshSuggestionList(0);
    expect(listedNow()).toEqual(['March with us.']);
    release();
    await first;
    expect(calls.filter((call) => !call.startsWith('corpus'))).toEqual([`accept ${sign.start}`]);
  });

  it('puts a refused decision back in the list and says why', async () => {
    refuse = 'That sentence is coded already.';
    expect(await service.rejectSuggestion(march)).toBe(false);
    expect(listedNow()).toEqual(['Sign the petition.', 'March with us.']);
    expect(store.getState().message).toMatchObject({ kind: 'error', text: 'That sentence is coded already.' });
  });

  it('draws nothing in the text and lists nothing once turned off', async () => {
    await service.changeSuggestionSettings({ enabled: false });
    expect(store.getState().suggestions.listing).toBeNull();
    expect(store.getState().suggestions.inDocument).toBeNull();
  });
  it('while the list takes long to make, shows how far the corpus has been read, and drops it once the list comes', async () => {
    vi.useFakeTimers();
    try {
      let answerList!: () => void;
      listGate = new Promise<void>((resolve) => (answerList = resolve));
      statusNow = { ...status, listing: { done: 1200, total: 5000 } };
      const listing = service.refreshSuggestionList(0);
      // A list that comes quickly asks nothing more.
      await vi.advanceTimersByTimeAsync(400);
      expect(calls).toEqual(['corpusSuggestions']);
      expect(store.getState().suggestions.status?.listing).toBeNull();
      await vi.advanceTimersByTimeAsync(200);
      expect(store.getState().suggestions.status?.listing).toEqual({ done: 1200, total: 5000 });
      statusNow = { ...status, listing: { done: 3100, total: 5000 } };
      await vi.advanceTimersByTimeAsync(500);
      expect(store.getState().suggestions.status?.listing).toEqual({ done: 3100, total: 5000 });
      answerList();
      await listing;
      expect(store.getState().suggestions.status?.listing).toBeNull();
      const asked = calls.length;
      await vi.advanceTimersByTimeAsync(2000);
      expect(calls.length).toBe(asked);
    } finally {
      vi.useRealTimers();
    }
  });
});
