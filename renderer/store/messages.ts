/** What the page tells the researcher: the message bar's line and the notices they dismissed. */
import { memoise } from './store';
import type { ProjectState } from './project';
import type { SavingState } from './saving';

export interface Message {
  kind: 'info' | 'error';
  text: string;
}

export interface MessagesState {
  message: Message | null;
  dismissedNotices: ReadonlySet<string>;
}

export const messagesInitial: MessagesState = { message: null, dismissedNotices: new Set() };

/** The message bar showing `text`. */
export function withMessage(kind: Message['kind'], text: string): Partial<MessagesState> {
  return { message: { kind, text } };
}

/** The notices with one more dismissed. */
export function withNoticeDismissed(state: MessagesState, notice: string): Partial<MessagesState> {
  return { dismissedNotices: new Set([...state.dismissedNotices, notice]) };
}

/** The project's notices still to show: not dismissed, and not the save error (the header shows that). */
export const selectShownNotices = memoise(
  (s: MessagesState & ProjectState & SavingState) => [s.project?.notices, s.dismissedNotices, s.saveError] as const,
  (notices, dismissed, saveError): readonly string[] => (notices ?? []).filter((notice) => !dismissed.has(notice) && notice !== saveError),
);
