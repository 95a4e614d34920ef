// The keys of the suggestions list: what each key does, and where the focus goes after it.
import { describe, expect, it } from 'vitest';
import { focusAfter, suggestionKeyAction } from '../../renderer/components/suggestions/suggestion-keys';

describe('suggestion list keys', () => {
  it('reads a, r and s as accept, reject and skip, in either case', () => {
    expect(suggestionKeyAction({ key: 'a' })).toBe('accept');
    expect(suggestionKeyAction({ key: 'r' })).toBe('reject');
    expect(suggestionKeyAction({ key: 's' })).toBe('skip');
    expect(suggestionKeyAction({ key: 'A', shiftKey: true })).toBe('accept');
  });

  it('moves with the arrow keys, Home and End, and opens the passage with Enter', () => {
    expect(suggestionKeyAction({ key: 'ArrowDown' })).toBe('next');
    expect(suggestionKeyAction({ key: 'ArrowUp' })).toBe('previous');
    expect(suggestionKeyAction({ key: 'Home' })).toBe('first');
    expect(suggestionKeyAction({ key: 'End' })).toBe('last');
    expect(suggestionKeyAction({ key: 'Enter' })).toBe('open');
  });

  it("leaves keys with Ctrl, Alt or Meta to the page, and other keys alone", () => {
    expect(suggestionKeyAction({ key: 'a', ctrlKey: true })).toBeNull();
    expect(suggestionKeyAction({ key: 'r', metaKey: true })).toBeNull();
    expect(suggestionKeyAction({ key: 's', altKey: true })).toBeNull();
    expect(suggestionKeyAction({ key: 'ArrowDown', shiftKey: true })).toBeNull();
    expect(suggestionKeyAction({ key: 'x' })).toBeNull();
    expect(suggestionKeyAction({ key: '1' })).toBeNull();
  });

  it('moves the focus within the list, stopping at its ends', () => {
    expect(focusAfter('next', 0, 3)).toBe(1);
    expect(focusAfter('next', 2, 3)).toBe(2);
    expect(focusAfter('previous', 0, 3)).toBe(0);
    expect(focusAfter('previous', 2, 3)).toBe(1);
    expect(focusAfter('first', 2, 3)).toBe(0);
    expect(focusAfter('last', 0, 3)).toBe(2);
  });

  it('skips to the next suggestion, and stays on the last', () => {
    expect(focusAfter('skip', 1, 3)).toBe(2);
    expect(focusAfter('skip', 2, 3)).toBe(2);
  });

  it('keeps the place after an accept or a reject (the next suggestion comes to it), within a shorter list', () => {
    expect(focusAfter('accept', 1, 2)).toBe(1);
    expect(focusAfter('reject', 2, 2)).toBe(1);
    expect(focusAfter('accept', 0, 0)).toBe(0);
  });
});
