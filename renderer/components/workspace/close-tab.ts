/**
 * Closing a tab from the keyboard (Delete on a tab, Ctrl+W, the palette): the focus would leave
 * with the closed tab, so it goes to the tab that comes to the front, or to the empty main area's
 * button when no tab is left.
 */
import { closeTab } from '../../services/workspace';
import { getState } from '../../store';

/** The element id of a tab. */
export function tabElementId(key: string): string {
  return `tab-${key}`;
}

/** Closes the tab `key` and puts the focus on the tab in front (or the empty main area). */
export function closeTabKeepingFocus(key: string): void {
  closeTab(key);
  // The tab in front is drawn on the next frame.
  requestAnimationFrame(() => {
    const front = getState().activeTab;
    const target = front ? document.getElementById(tabElementId(front)) : document.querySelector<HTMLElement>('.main-empty button');
    target?.focus();
  });
}

/** Closes the tab in front, if any, keeping the focus (Ctrl+W). */
export function closeFrontTabKeepingFocus(): void {
  const { activeTab } = getState();
  if (activeTab) closeTabKeepingFocus(activeTab);
}
