/**
 * Finding text in the text view from the page's side. These functions run inside the page (pass
 * them to page.evaluate), so each is self-contained. The view lives in the shadow root of
 * `.text-host`; sections far from the screen hold their lines as one text. Offsets are UTF-16 offsets of the document's
 * text, whose lines are separated by single `\n` line breaks in the texts these tests use.
 */

/** The on-screen box of the character at each offset: left, right, and vertical middle. */
export function characterBoxesInPage(offsets: number[]): Array<{ left: number; right: number; y: number }> {
  const root = document.querySelector('.text-host')?.shadowRoot ?? document;
  // Near sections draw a block per line; a far section draws its lines as one text joined by
  // line breaks, with one more at its end when its last line is empty (far-sections.ts).
  const lines = Array.from(root.querySelectorAll<HTMLElement>('.text-view .tv-section')).flatMap((section) =>
    section.classList.contains('tv-far') ? [section] : Array.from(section.querySelectorAll<HTMLElement>('.tv-line')),
  );
  const lengthOf = (line: HTMLElement) => {
    const text = line.textContent ?? '';
    return line.classList.contains('tv-far') && text.endsWith('\n') ? text.length - 1 : text.length;
  };
  const point = (offset: number): [Node, number] => {
    let lineStart = 0;
    for (const line of lines) {
      const length = lengthOf(line);
      if (offset < lineStart + length) {
        let rest = offset - lineStart;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const size = node.textContent?.length ?? 0;
          if (rest < size) return [node, rest];
          rest -= size;
        }
      }
      lineStart += length + 1;
    }
    throw new Error(`offset ${offset} is not on a character`);
  };
  return offsets.map((offset) => {
    const [node, at] = point(offset);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const box = range.getClientRects()[0];
    return { left: box.left, right: box.right, y: box.top + box.height / 2 };
  });
}
