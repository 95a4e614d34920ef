/**
 * Selects text in the text view as a person would with the mouse: a DOM range from one offset
 * of the document to another. Runs inside the page (pass it to page.evaluate).
 */
export function selectTextInPage([start, end]: [number, number]): void {
  const lines = Array.from(document.querySelectorAll<HTMLElement>('.text-view .tv-line'));
  // Offsets of each line in the text: lines are separated by one line break in these fixtures.
  const point = (offset: number): [Node, number] => {
    let lineStart = 0;
    for (const line of lines) {
      const length = line.textContent?.length ?? 0;
      if (offset <= lineStart + length) {
        let rest = offset - lineStart;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const size = node.textContent?.length ?? 0;
          if (rest <= size) return [node, rest];
          rest -= size;
        }
        return [line, 0];
      }
      lineStart += length + 1;
    }
    throw new Error(`offset ${offset} is past the text`);
  };
  const range = document.createRange();
  range.setStart(...point(start));
  range.setEnd(...point(end));
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}
