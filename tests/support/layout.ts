/**
 * The layout check the end-to-end tests share: every visible control of the page lies inside the
 * window, or inside the scroll area of a box that scrolls, and nothing covers it once scrolled
 * into view; the page itself never scrolls.
 */

/**
 * The visible controls that cannot be reached: outside a clipping ancestor that does not scroll
 * that way (or outside the window), or covered at their centre once scrolled into view. Runs in
 * the page. While a modal dialog is up, the page behind it is inert: only the dialog's controls
 * are looked at.
 */
export function unreachableControls(): string[] {
  const selector = 'button, a[href], input, select, textarea, [role="tab"], [role="treeitem"], [tabindex="0"]';
  const describe = (element: Element) =>
    `${element.tagName.toLowerCase()}${element.getAttribute('data-action') ? `[${element.getAttribute('data-action')}]` : ''} “${(
      element.getAttribute('aria-label') ??
      element.textContent ??
      ''
    )
      .trim()
      .slice(0, 40)}”`;
  const scrolls = (value: string) => value === 'auto' || value === 'scroll';
  const problems: string[] = [];
  const scope: ParentNode = document.querySelector('dialog:modal') ?? document;
  for (const element of Array.from(scope.querySelectorAll<HTMLElement>(selector))) {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    // Hidden, or a control drawn by its label (a file input under its button).
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.opacity === '0') continue;
    if (!element.checkVisibility()) continue;
    // Outside an ancestor that clips: only fine if that ancestor scrolls in that direction (and
    // is itself reachable: from there on the scroller's box is what must be inside).
    let target: { left: number; right: number; top: number; bottom: number } = box;
    for (let ancestor = element.parentElement; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
      const clip = getComputedStyle(ancestor);
      if (clip.overflowX === 'visible' && clip.overflowY === 'visible') continue;
      const frame = ancestor.getBoundingClientRect();
      const outside = (start: number, end: number, frameStart: number, frameEnd: number) =>
        end - start <= frameEnd - frameStart ? start < frameStart - 1 || end > frameEnd + 1 : end <= frameStart || start >= frameEnd;
      const sideways = outside(target.left, target.right, frame.left, frame.right);
      const upDown = outside(target.top, target.bottom, frame.top, frame.bottom);
      if (sideways && !scrolls(clip.overflowX)) problems.push(`${describe(element)}: cut off sideways by ${ancestor.className}`);
      if (upDown && !scrolls(clip.overflowY)) problems.push(`${describe(element)}: cut off at the top or bottom by ${ancestor.className}`);
      if (sideways || upDown) target = frame;
    }
    // The middle of its scroll box: at an edge, a sticky header row or first column would lie over it.
    element.scrollIntoView({ block: 'center', inline: 'center' });
    const seen = element.getBoundingClientRect();
    const x = Math.min(Math.max((seen.left + seen.right) / 2, 0), window.innerWidth - 1);
    const y = Math.min(Math.max((seen.top + seen.bottom) / 2, 0), window.innerHeight - 1);
    if (seen.right <= 0 || seen.left >= window.innerWidth || seen.bottom <= 0 || seen.top >= window.innerHeight) {
      problems.push(`${describe(element)}: outside the window`);
      continue;
    }
    const hit = document.elementFromPoint(x, y);
    const label = element.closest('label');
    if (!hit || !(element.contains(hit) || (label && label.contains(hit)))) problems.push(`${describe(element)}: covered by ${hit ? describe(hit) : 'nothing'}`);
  }
  const page = document.scrollingElement!;
  if (page.scrollWidth > window.innerWidth + 1 || page.scrollHeight > window.innerHeight + 1) problems.push('the page itself scrolls');
  return problems;
}
