/**
 * How coding goes in this session: whether new segments widen to whole words, the code applied
 * last (for the repeat key), and the queue that sends segments' new bounds one after another.
 */
import type { ProjectState } from './project';
import { readPreference } from './preferences';

export interface CodingState {
  /** Widen new segments to whole words. */
  snapWords: boolean;
  /** The last code applied, for the repeat key. */
  lastCodeId: string | null;
  /** The bounds sent so far, in order: the next waits for the last. */
  boundsQueue: Promise<unknown>;
}

export function codingInitial(): CodingState {
  return { snapWords: readPreference('snap-words', false), lastCodeId: null, boundsQueue: Promise.resolve() };
}

/** The code applied last in this session, if it still exists. */
export function selectLastUsedCode(state: CodingState & ProjectState): string | null {
  const codes = state.project?.codes ?? [];
  return codes.some((code) => code.id === state.lastCodeId) ? state.lastCodeId : null;
}
