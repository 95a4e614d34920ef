/**
 * Overlapping codes read at a glance, in the real renderer: passages with three and with five
 * overlapping codes get one underline per code below the letters, each at its own depth, with the
 * line grown to hold them, and a stripe per segment in the margin. A pixel check reads screenshots
 * (light and dark): every code's colour lies under the passage, and none crosses the letters'
 * x-height band. The screenshots stay in .tmp/screenshots/ for a person to look at.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { blend, colourDistance, decodePng, pixelAt, rgbOf, type Pixels } from '../support/pixels';
import { segmentInput } from '../support/project';
import { setUpWorkbench } from '../support/workbench';
import { clickAt } from '../support/browser';

const workbench = setUpWorkbench();
const SCREENSHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname;

/** Page backgrounds of the two themes (renderer/themes.css). */
const THEMES = { light: { background: '#ffffff' }, dark: { background: '#1e1e1e' } } as const;
/** Closer than this to a code's colour, a pixel is taken to be drawn in it. */
const SAME_COLOUR = 40;

const THREE = {
  sentence: 'This week, a new round of violence broke out over the contested zone of Nagorno-Karabakh',
  codes: [
    ['factual-claim', 'a new round of violence broke out over the contested zone'],
    ['opinion', 'violence broke out'],
    ['call-to-action', 'broke out over the contested zone of Nagorno-Karabakh'],
  ],
} as const;

const FIVE = {
  sentence: 'The Armenian genocide casts a long shadow over the region between the Aegean and Caspian Seas.',
  codes: [
    ['factual-claim', 'The Armenian genocide casts a long shadow over the region between the Aegean and Caspian Seas.'],
    ['opinion', 'genocide casts a long shadow'],
    ['call-to-action', 'casts a long shadow over the region'],
    ['memory', 'a long shadow over'],
    ['place', 'long shadow'],
  ],
} as const;

interface Geometry {
  /** The passage's boxes, one per line it is on. */
  passage: Array<{ left: number; right: number; top: number; bottom: number }>;
  /** Every line of the paragraphs it is in, and the line after them: where letters are. */
  lines: Array<{ left: number; right: number; top: number; bottom: number }>;
  /** From the bottom of a line's box up to the baseline, and from the baseline up to the top of an 'x'. */
  descent: number;
  xHeight: number;
}

/** The boxes of [start, end) of the text and its paragraphs, and the text font's metrics. Runs in the page. */
function geometryInPage([start, end]: [number, number]): Geometry {
  const root = document.querySelector('.text-host')!.shadowRoot!;
  const lines = Array.from(root.querySelectorAll<HTMLElement>('.tv-line'));
  const point = (offset: number): [Node, number, number] => {
    let lineStart = 0;
    for (let index = 0; index < lines.length; index++) {
      const length = lines[index].textContent!.length;
      if (offset <= lineStart + length) {
        let rest = offset - lineStart;
        const walker = document.createTreeWalker(lines[index], NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (rest <= node.textContent!.length) return [node, rest, index];
          rest -= node.textContent!.length;
        }
      }
      lineStart += length + 1;
    }
    throw new Error(`offset ${offset} is not in the text`);
  };
  const [startNode, startAt, firstLine] = point(start);
  const [endNode, endAt, lastLine] = point(end);
  // Boxes of the text itself: a range's own boxes would include the highlights' spans, whose
  // boxes reach down into the room their underlines are painted in.
  const textBoxes = (from: Node, fromAt: number, to: Node, toAt: number, within: HTMLElement[]) => {
    const found: Geometry['lines'] = [];
    let inside = false;
    for (const line of within) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node === from) inside = true;
        if (!inside) continue;
        const piece = document.createRange();
        piece.setStart(node, node === from ? fromAt : 0);
        piece.setEnd(node, node === to ? toAt : node.textContent!.length);
        for (const b of Array.from(piece.getClientRects())) if (b.width > 1) found.push({ left: b.left, right: b.right, top: b.top, bottom: b.bottom });
        if (node === to) return found;
      }
    }
    return found;
  };
  const after = lines.slice(lastLine + 1).find((line) => line.textContent);
  const around = [...lines.slice(firstLine, lastLine + 1), ...(after ? [after] : [])];
  const first = document.createTreeWalker(around[0], NodeFilter.SHOW_TEXT).nextNode()!;
  const lastWalker = document.createTreeWalker(around[around.length - 1], NodeFilter.SHOW_TEXT);
  let last = lastWalker.nextNode()!;
  for (let node = last; node; node = lastWalker.nextNode()!) last = node;
  const passage = textBoxes(startNode, startAt, endNode, endAt, lines.slice(firstLine, lastLine + 1));
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = getComputedStyle(lines[firstLine]).font;
  const x = context.measureText('x');
  return { passage, lines: textBoxes(first, 0, last, last.textContent!.length, around), descent: x.fontBoundingBoxDescent, xHeight: x.actualBoundingBoxAscent };
}

async function addCodes(): Promise<Record<string, string>> {
  const { handlers, store } = workbench.project;
  // "place" shares factual claim's colour: it must still look different (dashed).
  await dispatch(handlers, 'addCode', { name: 'memory', colour: '#D55E00' });
  await dispatch(handlers, 'addCode', { name: 'place', colour: '#0072B2' });
  return Object.fromEntries(store.overview().codes.map((code) => [code.name.replace(/ /g, '-'), code.id]));
}

/** Codes each passage as listed; returns the document's id and text. */
async function codePassages(ids: Record<string, string>): Promise<{ id: string; text: string }> {
  const { store } = workbench.project;
  const document = store.overview().documents.find((d) => d.file.startsWith('004'))!;
  const { text } = await store.openDocument(document.id);
  for (const passage of [THREE, FIVE]) {
    const at = text.indexOf(passage.sentence);
    for (const [code, words] of passage.codes) {
      const input = segmentInput(document.id, text.slice(at), words, ids[code]);
      await store.addSegment({ ...input, start: input.start + at, end: input.end + at });
    }
  }
  return { id: document.id, text };
}

/** Colours of the codes as drawn: each code's id → [r, g, b]. */
function colours(): Map<string, [number, number, number]> {
  return new Map(workbench.project.store.overview().codes.map((code) => [code.id, rgbOf(code.colour)]));
}

/** How many pixels of each colour lie in a band of rows over [left, right). */
function countColours(image: Pixels, band: { left: number; right: number; top: number; bottom: number }, wanted: ReadonlyMap<string, readonly number[]>): Map<string, number> {
  const counts = new Map([...wanted.keys()].map((key) => [key, 0]));
  for (let y = Math.max(0, Math.ceil(band.top)); y < Math.min(image.height, Math.floor(band.bottom)); y++) {
    for (let x = Math.max(0, Math.ceil(band.left)); x < Math.min(image.width, Math.floor(band.right)); x++) {
      const pixel = pixelAt(image, x, y);
      for (const [key, colour] of wanted) if (colourDistance(pixel, colour) < SAME_COLOUR) counts.set(key, counts.get(key)! + 1);
    }
  }
  return counts;
}

async function openCoded(colorScheme: 'light' | 'dark', documentId: string): Promise<{ page: Page; problems: string[] }> {
  const page = await workbench.browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(workbench.server.url);
  await page.waitForSelector('.document-button');
  await workbench.openInPage(page, documentId);
  await page.locator('.seg').first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  return { page, problems };
}

describe('overlapping codes in the text', () => {
  let coded: { id: string; text: string };
  let codeIds: Record<string, string>;

  it('draws each code of three and of five overlapping segments below the letters, none through them (light and dark)', async () => {
    codeIds = await addCodes();
    coded = await codePassages(codeIds);
    await mkdir(SCREENSHOTS, { recursive: true });
    const drawn = colours();
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems } = await openCoded(colorScheme, coded.id);
      const theme = THEMES[colorScheme];
      for (const [name, passage] of [['three', THREE], ['five', FIVE]] as const) {
        const start = coded.text.indexOf(passage.sentence);
        const geometry = await page.evaluate(geometryInPage, [start, start + passage.sentence.length] as [number, number]);
        const lines = geometry.lines;
        const clip = {
          x: Math.min(...lines.map((l) => l.left)) - 70,
          y: Math.min(...lines.map((l) => l.top)) - 10,
          width: Math.max(...lines.map((l) => l.right)) - Math.min(...lines.map((l) => l.left)) + 90,
          height: Math.max(...lines.map((l) => l.bottom)) - Math.min(...lines.map((l) => l.top)) + 30,
        };
        const png = await page.screenshot({ clip, path: `${SCREENSHOTS}overlaps-${name}-${colorScheme}.png` });
        const image = await decodePng(workbench.browser, png);
        const local = (box: Geometry['lines'][number]) => ({ left: box.left - clip.x, right: box.right - clip.x, top: box.top - clip.y, bottom: box.bottom - clip.y });

        // Every code of the passage is drawn under it: below the baseline, in its own colour.
        const codes = new Map(passage.codes.map(([code]) => [codeIds[code], drawn.get(codeIds[code])!]));
        const under = new Map([...codes.keys()].map((code) => [code, 0]));
        for (const box of geometry.passage.map(local)) {
          const baseline = box.bottom - geometry.descent;
          const counts = countColours(image, { ...box, top: baseline + 1, bottom: box.bottom + 20 }, codes);
          for (const [code, count] of counts) under.set(code, under.get(code)! + count);
        }
        for (const [code, count] of under) expect(count, `${name}, ${colorScheme}: ${code} under the passage`).toBeGreaterThan(20);

        // No code's colour (a tint is far from it) inside the x-height band of any line around.
        const every = new Map([...drawn].map(([code, colour]) => [code, colour as readonly number[]]));
        for (const box of lines.map(local)) {
          const baseline = box.bottom - geometry.descent;
          const band = { ...box, top: baseline - geometry.xHeight + 1, bottom: baseline - 1 };
          const inside = countColours(image, band, every);
          expect([...inside].filter(([, count]) => count > 0), `${name}, ${colorScheme}: code colours in the x-height band`).toEqual([]);
        }
        // The tint that stays is translucent: far from the code's own colour (its opacity as the page has it).
        const tint = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--tint-alpha')));
        expect(tint).toBeGreaterThan(0);
        for (const colour of codes.values()) {
          expect(colourDistance(blend(colour, rgbOf(theme.background), tint), colour)).toBeGreaterThan(SAME_COLOUR);
        }
      }
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('grows a line with its deepest lane, and draws a code that shares a colour with a pattern of its own', async () => {
    const { page } = await openCoded('light', coded.id);
    const lineOf = (words: string) =>
      page.evaluate((w) => {
        const line = Array.from(document.querySelector('.text-host')!.shadowRoot!.querySelectorAll<HTMLElement>('.tv-line')).find((l) => l.textContent!.includes(w))!;
        return { classes: line.className, lineHeight: parseFloat(getComputedStyle(line).lineHeight) };
      }, words);
    const plain = await lineOf('After a pogrom against Armenians');
    const three = await lineOf(THREE.sentence);
    const five = await lineOf(FIVE.sentence);
    expect(three.classes).toContain('lanes-3');
    expect(five.classes).toContain('lanes-5');
    expect(three.lineHeight).toBeGreaterThan(plain.lineHeight);
    expect(five.lineHeight).toBeGreaterThan(three.lineHeight);
    // factual claim and place share a colour: one is solid, the other dashed.
    const images = await page.locator(`.seg.code-${codeIds.place}`).first().evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(images).toMatch(/repeating-linear-gradient\(to right, rgb\(0, 114, 178\)/);
    const solid = await page.locator('.seg.code-factual-claim', { hasText: 'a new round' }).first().evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(solid).toContain('linear-gradient(rgb(0, 114, 178), rgb(0, 114, 178))');
    expect(solid).not.toContain('repeating-linear-gradient(to right, rgb(0, 114, 178)');
    await page.close();
  });

  it('shows a stripe per segment in the margin, side by side where they overlap, named on hover, opening the details', async () => {
    const { page, problems } = await openCoded('light', coded.id);
    const stripes = page.locator('.text-host .stripe');
    await expect.poll(() => stripes.count()).toBe(THREE.codes.length + FIVE.codes.length);
    const boxes = await stripes.evaluateAll((all) =>
      all.map((el) => ({ segment: (el as HTMLElement).dataset.segmentId!, lane: Number((el as HTMLElement).dataset.lane), caps: el.className, box: el.getBoundingClientRect().toJSON() as DOMRect })),
    );
    // Overlapping segments stand apart: no two stripes of one passage in the same place.
    const lefts = boxes.map((b) => b.box.left);
    expect(new Set(lefts).size).toBe(FIVE.codes.length);
    expect(boxes.every((b) => b.caps.includes('stripe-start') && b.caps.includes('stripe-end'))).toBe(true);
    // Each stripe stands beside the text and reaches from its segment's first line to its last.
    const text = await page.locator('.text-host').boundingBox();
    const segments = (await workbench.project.store.openDocument(coded.id)).segments;
    for (const b of boxes) {
      expect(b.box.right).toBeLessThanOrEqual(text!.x + 60);
      const segment = segments.find((s) => s.id === b.segment)!;
      const start = [...coded.text].slice(0, segment.start).join('').length;
      const end = [...coded.text].slice(0, segment.end).join('').length;
      const passage = (await page.evaluate(geometryInPage, [start, end] as [number, number])).passage;
      const top = Math.min(...passage.map((box) => box.top));
      const bottom = Math.max(...passage.map((box) => box.bottom));
      expect(Math.abs(b.box.top - top), `${b.segment}: stripe top`).toBeLessThan(12);
      expect(Math.abs(b.box.bottom - bottom), `${b.segment}: stripe bottom`).toBeLessThan(24);
    }

    // Hover: the stripe names its code; a click shows its segment's details.
    const place = (await workbench.project.store.openDocument(coded.id)).segments.find((s) => s.codeId === codeIds.place)!;
    const stripe = page.locator(`.text-host .stripe[data-segment-id="${place.id}"]`);
    expect(await stripe.getAttribute('aria-label')).toMatch(/^place, coded by ana: long shadow/);
    await stripe.hover();
    expect(await stripe.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"place"');
    await stripe.click();
    await page.waitForSelector('.popover');
    expect(await page.locator('.popover-segment').count()).toBe(1);
    expect(await page.getAttribute('.popover-segment', 'data-segment-id')).toBe(place.id);

    // Hovering a highlight names all the codes under the pointer.
    await page.keyboard.press('Escape');
    await page.locator('.seg', { hasText: 'long shadow' }).first().hover();
    await expect.poll(() => page.locator('.text-host .hover-label').textContent()).toBe('factual claim; opinion; call to action; memory; place');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('gives each highlight only the underline layers down to its deepest lane', async () => {
    const { page } = await openCoded('light', coded.id);
    // The layers of a span's background image: its top-level comma-separated parts.
    const layers = (words: string) =>
      page.locator('.seg', { hasText: words }).first().evaluate((el) => {
        const parts = [''];
        let depth = 0;
        for (const char of getComputedStyle(el).backgroundImage) {
          if (char === ',' && depth === 0) parts.push('');
          else parts[parts.length - 1] += char;
          if (char === '(') depth++;
          if (char === ')') depth--;
        }
        return parts.map((part) => part.trim().replace(/\(.*$/, ''));
      });
    // "a new round of " lies in the factual claim alone (lane 0): one underline, and the empty
    // layer that clips the tint. "long shadow" lies in five lanes: five underlines.
    expect(await layers('a new round of')).toEqual(['linear-gradient', 'none']);
    const deep = await layers('long shadow');
    expect(deep).toHaveLength(6);
    expect(deep.filter((layer) => layer.endsWith('gradient'))).toHaveLength(5);
    await page.close();
  });

  it('keeps the stripes of unchanged segments when the text reflows, moving them with their passages', async () => {
    const { page, problems } = await openCoded('light', coded.id);
    const stripes = page.locator('.text-host .stripe');
    await expect.poll(() => stripes.count()).toBe(THREE.codes.length + FIVE.codes.length);
    const before = await stripes.evaluateAll((all) =>
      all.map((el) => {
        (el as HTMLElement).dataset.drawnBefore = 'yes';
        return el.getBoundingClientRect().top;
      }),
    );
    // A larger text size moves every passage down the page and redraws the stripes.
    await page.evaluate(() => document.documentElement.style.setProperty('--text-size', '24px'));
    await expect.poll(() => stripes.evaluateAll((all) => all[all.length - 1].getBoundingClientRect().top)).not.toBe(before[before.length - 1]);
    const after = await stripes.evaluateAll((all) => all.map((el) => ({ kept: (el as HTMLElement).dataset.drawnBefore === 'yes', top: el.getBoundingClientRect().top })));
    expect(after.map((stripe) => stripe.kept)).toEqual(before.map(() => true));
    expect(after.filter((stripe, index) => stripe.top !== before[index]).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the codes under the pointer once per frame, however many times it moves', async () => {
    const { page } = await openCoded('light', coded.id);
    const shown = await page.evaluate(async () => {
      const root = document.querySelector('.text-host')!.shadowRoot!;
      const label = root.querySelector('.hover-label')!;
      const span = Array.from(root.querySelectorAll('.seg')).find((el) => el.textContent === 'long shadow') ?? Array.from(root.querySelectorAll('.seg')).find((el) => el.textContent!.includes('long shadow'))!;
      const box = span.getBoundingClientRect();
      let writes = 0;
      const observer = new MutationObserver((records) => (writes += records.filter((record) => record.type === 'childList').length));
      observer.observe(label, { childList: true });
      for (let i = 0; i < 20; i++) {
        span.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: box.left + 2 + (i % 3), clientY: box.top + box.height / 3 }));
      }
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      observer.disconnect();
      return { writes, text: label.textContent };
    });
    expect(shown).toEqual({ writes: 1, text: 'factual claim; opinion; call to action; memory; place' });
    await page.close();
  });

  it('says the codes at the caret in a polite live region that describes the text box, as the arrow keys move it', async () => {
    const { page, problems } = await openCoded('light', coded.id);
    const textbox = await page.evaluate(() => {
      const root = document.querySelector('.text-host')!.shadowRoot!;
      const view = root.querySelector('.text-view')!;
      const region = root.getElementById(view.getAttribute('aria-describedby')!);
      return {
        role: view.getAttribute('role'),
        multiline: view.getAttribute('aria-multiline'),
        readonly: view.getAttribute('aria-readonly'),
        label: view.getAttribute('aria-label'),
        live: region?.getAttribute('aria-live'),
        lines: Array.from(root.querySelectorAll('.tv-line')).every((line) => line.tagName === 'P'),
      };
    });
    expect(textbox).toMatchObject({ role: 'textbox', multiline: 'true', readonly: 'true', live: 'polite', lines: true });
    expect(textbox.label).toMatch(/^Text of /);
    const said = () => page.evaluate(() => document.querySelector('.text-host')!.shadowRoot!.querySelector('.caret-codes')!.textContent);

    // The caret in plain text after the five-code passage: nothing said yet.
    await clickAt(page, coded.text.indexOf('A century ago'));
    await page.waitForTimeout(400);
    expect(await said()).toBe('');
    // Left into "Seas.": the factual claim alone.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(said).toBe('Coded: factual claim');
    // Back out: "Not coded", once.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(said).toBe('Not coded');
    // Into "long shadow": all five, in text order.
    await clickAt(page, coded.text.indexOf('a long shadow') - 3);
    await page.keyboard.press('ArrowRight');
    await expect.poll(said).toBe('Coded: factual claim; opinion; call to action');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(said).toBe('Coded: factual claim; opinion; call to action; memory; place');
    expect(problems).toEqual([]);
    await page.close();
  });
});
