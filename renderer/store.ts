/**
 * The renderer's store: one state object, changed only through `update`, observed by React
 * components (useStore) and by the text view (subscribe). Side effects live in actions.ts.
 */
import { useSyncExternalStore } from 'react';
import type { CorpusSearchResult, JobProgress, ProjectOverview } from '../shared/ipc';
import type { SearchQuery } from '../shared/text/search';
import type { Code } from '../shared/model/codebook';
import type { DocumentRecord } from '../shared/model/documents';
import type { CodedSegment } from '../shared/model/segments';
import type { TextLayout } from '../shared/text/text-layout';

export interface OpenDocumentState {
  document: DocumentRecord;
  text: string;
  layout: TextLayout;
  /** In text order (actions keep it so). */
  segments: CodedSegment[];
}

export interface Message {
  kind: 'info' | 'error';
  text: string;
}

export interface Popover {
  segmentIds: string[];
  /** True when it was opened from the keyboard: its first control takes the focus. */
  takeFocus: boolean;
  /**
   * The place in the text view it belongs to (a ProseMirror position), so that it follows the
   * text when the page reflows or scrolls.
   */
  anchor: number;
}

export interface State {
  project: ProjectOverview | null;
  loadError: string | null;
  opening: string | null;
  open: OpenDocumentState | null;
  /** Segment ids whose last change is not yet on disk. */
  pending: ReadonlySet<string>;
  /** Why the last save failed; null once a save succeeds. */
  saveError: string | null;
  message: Message | null;
  popover: Popover | null;
  exporting: boolean;
  /** A long export or import under way: its id, and how far it is once it has run a second. */
  job: { id: string; what: string; progress: JobProgress | null } | null;
  dismissedNotices: ReadonlySet<string>;
  /** Files being imported: how many are done, of how many, and the one under way. */
  importing: { done: number; total: number; current: string } | null;
  /** What the last import did, a line per file that needs saying. */
  importReport: string[] | null;
  /** Widen new segments to whole words. */
  snapWords: boolean;
  /** The dialog that asks who is coding is open (it also opens by itself until the coder is confirmed). */
  coderDialog: boolean;
  /** The last search and its hits. */
  search: SearchState;
  /** A document whose entry in the list takes the focus once it is shown (one brought back by Undo). */
  focusDocument: string | null;
  /** A passage to select once its document's text view is up (after a jump from a list). */
  pendingReveal: { documentId: string; start: number; end: number } | null;
  /**
   * What is typed in a form that saves only when submitted (a new code's or variable's name), by
   * field: kept while the panel is closed, so that Escape or a click away loses no keystroke.
   */
  drafts: Readonly<Record<string, string>>;
}

export interface SearchState {
  query: SearchQuery;
  scope: 'document' | 'corpus';
  result: CorpusSearchResult | null;
  error: string | null;
  running: boolean;
}

/** A preference kept in this browser profile (the page's local storage). */
function readPreference(name: string, fallback: boolean): boolean {
  try {
    const value = localStorage.getItem(`workbench-${name}`);
    return value === null ? fallback : value === 'true';
  } catch {
    return fallback;
  }
}

export function writePreference(name: string, value: boolean): void {
  try {
    localStorage.setItem(`workbench-${name}`, String(value));
  } catch {
    // Storage refused (a private window): the preference lasts for this session only.
  }
}

const initialState: State = {
  project: null,
  loadError: null,
  opening: null,
  open: null,
  pending: new Set(),
  saveError: null,
  message: null,
  popover: null,
  exporting: false,
  job: null,
  dismissedNotices: new Set(),
  importing: null,
  importReport: null,
  snapWords: readPreference('snap-words', false),
  coderDialog: false,
  search: {
    query: { pattern: '', regex: false, caseSensitive: false, wholeWord: false },
    scope: 'document',
    result: null,
    error: null,
    running: false,
  },
  pendingReveal: null,
  focusDocument: null,
  drafts: {},
};

let state = initialState;
const listeners = new Set<() => void>();

export function getState(): State {
  return state;
}

export function update(change: Partial<State> | ((current: State) => Partial<State>)): void {
  const patch = typeof change === 'function' ? change(state) : change;
  state = { ...state, ...patch };
  for (const listener of [...listeners]) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reads a slice of the state in a component; re-renders when that slice changes. */
export function useStore<T>(selector: (state: State) => T): T {
  return useSyncExternalStore(subscribe, () => selector(state));
}

/**
 * The draft of a form field that saves only when submitted, kept in the store so that it outlives
 * its panel: [text, set text].
 */
export function useDraft(field: string): [string, (text: string | ((current: string) => string)) => void] {
  const text = useStore((s) => s.drafts[field] ?? '');
  const setText = (next: string | ((current: string) => string)) =>
    update((s) => {
      const current = s.drafts[field] ?? '';
      return { drafts: { ...s.drafts, [field]: typeof next === 'function' ? next(current) : next } };
    });
  return [text, setText];
}

const NONE: readonly never[] = [];
// Selectors that fall back to one shared empty list, so that an absent value is a stable snapshot.
export const selectCodes = (s: State): readonly Code[] => s.project?.codes ?? NONE;
export const selectSegments = (s: State): readonly CodedSegment[] => s.open?.segments ?? NONE;
export const selectNotices = (s: State): readonly string[] => s.project?.notices ?? NONE;
/** Blind coding (a setting of the project, kept by the main process, which applies it). */
export const selectBlind = (s: State): boolean => s.project?.blind ?? false;
