/**
 * The keys of the suggestions list: a accepts the suggestion with the focus, r rejects it, s skips
 * it (the focus moves on), the arrow keys, Home and End move, Enter shows the passage in its text.
 * Pure, so that what each key does, and where the focus goes after it, is tested apart from the page.
 */

/** What a key does in the list. */
export type SuggestionKeyAction = 'accept' | 'reject' | 'skip' | 'next' | 'previous' | 'first' | 'last' | 'open';

const KEYS: Readonly<Record<string, SuggestionKeyAction>> = {
  a: 'accept',
  r: 'reject',
  s: 'skip',
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
  Enter: 'open',
};

/** The action of a key pressed in the list, or null (a key with Ctrl, Alt or Meta is the page's). */
export function suggestionKeyAction(event: { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean; shiftKey?: boolean }): SuggestionKeyAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  // Letters are read without Shift or Caps Lock's case: "A" accepts as "a" does.
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (event.shiftKey && key.length > 1) return null;
  return KEYS[key] ?? null;
}

/**
 * The place the focus goes to among `count` suggestions, from `index`, after a key that moves it;
 * `index` itself after the others. Skip moves on as the down arrow does (and stays on the last).
 * After an accept or a reject the decided suggestion leaves the list, so the next one comes to
 * the same place: the focus stays at `index` (see withSuggestionDecided).
 */
export function focusAfter(action: SuggestionKeyAction, index: number, count: number): number {
  if (count === 0) return 0;
  const last = count - 1;
  switch (action) {
    case 'next':
    case 'skip':
      return Math.min(index + 1, last);
    case 'previous':
      return Math.max(index - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return last;
    default:
      return Math.min(index, last);
  }
}
