/**
 * The workspace's regions, in the order F6 walks them as editors do: the activity bar, the side
 * panel, the tabs, the front tab's content (the text itself when a document is in front) and the
 * status bar. F6 moves the focus to the next region and Shift+F6 to the previous one, so that the
 * keyboard reaches each without tabbing through all the others.
 */
import { focusText } from '../../commands/coding';

/** Each region by its element; a region not on the page (the side bar folded, no tab) is passed over. */
const REGIONS = ['.activity-bar', '.side-panel', '.tab-bar', '.tab-panel, .main-empty', '.status-bar'] as const;

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, a[href], [tabindex="0"]';

/** Puts the focus in a region: its one tab stop (a toolbar's, a tab list's), the text, or its first control. */
function enter(region: HTMLElement): boolean {
  // A document's text is what its tab is for: the focus goes into it, not to the code bar above.
  if (region.querySelector('.text-host') && focusText()) return true;
  const target = region.querySelector<HTMLElement>('[role="toolbar"] [tabindex="0"], [role="tablist"] [tabindex="0"]') ?? region.querySelector<HTMLElement>(FOCUSABLE);
  if (!target || target.offsetParent === null) return false;
  target.focus();
  return true;
}

/** Moves the focus to the next region (`step` 1) or the previous one (-1), going round. */
export function focusRegion(step: 1 | -1): void {
  const regions = REGIONS.map((selector) => document.querySelector<HTMLElement>(selector)).filter((region): region is HTMLElement => !!region);
  const active = document.activeElement;
  // A modal dialog keeps the focus until it closes.
  if (regions.length === 0 || active?.closest('[aria-modal="true"], dialog[open]')) return;
  const at = regions.findIndex((region) => region.contains(active));
  // From outside every region (the top bar, nothing focused), F6 starts at the first and Shift+F6 at the last.
  const from = at < 0 ? (step === 1 ? -1 : regions.length) : at;
  for (let moved = 1; moved <= regions.length; moved++) {
    const region = regions[(((from + step * moved) % regions.length) + regions.length) % regions.length];
    if (enter(region)) return;
  }
}
