/**
 * Reproducible bench data, drawn with the statistics' seeded PRNG: a generated document of
 * paragraph-like lines, and random coded spans over a text. The same seed gives the same text and
 * the same spans on every run (segment ids are random UUIDs; nothing measured depends on them).
 */
import { randomUUID } from 'node:crypto';
import type { CodedSegment } from '../../shared/model/segments';
import { mulberry32 } from '../../shared/model/seeded-random';

/** The seeded PRNG of the statistics, offered with the generators for the bench's own draws. */
export { mulberry32 };

export type Random = () => number;

/** An integer in [min, max]. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which ' +
  'but have an they you were her she there been one all we their has would when if so no will ' +
  'more can about what up out them some into than its only other new could time these two may ' +
  'first then do any like my now over such our man me even most made after also did many before ' +
  'must through back years where much your way well down should because each just those people ' +
  'how too little state good very make world still own see men work long get here between both ' +
  'life being under never day same another know while last might us great old year off come ' +
  'since against go came right used take three government council report minister protest ' +
  'election economy workers union border village city committee statement evidence policy ' +
  'budget region agreement majority court police rights freedom history community movement'
).split(' ');

/** Words with non-ASCII letters (Latin-1, Latin Extended, Greek, Cyrillic) and one astral emoji. */
const RARE_WORDS = ['café', 'naïve', 'façade', 'Zürich', 'São', 'Łódź', 'Ελλάδα', 'Москва', 'señora', 'Ærø', '🙂'];

function sentence(random: Random): string {
  const count = randomInt(random, 6, 24);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    let word = r < 0.002 ? pick(random, RARE_WORDS) : pick(random, WORDS);
    if (i === 0) word = word[0].toUpperCase() + word.slice(1);
    if (i < count - 1 && random() < 0.08) word += random() < 0.2 ? ' —' : ',';
    words.push(word);
  }
  const end = random();
  return words.join(' ') + (end < 0.05 ? '?' : end < 0.08 ? '!' : '.');
}

function heading(random: Random): string {
  const count = randomInt(random, 3, 7);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = pick(random, WORDS);
    words.push(word[0].toUpperCase() + word.slice(1));
  }
  return words.join(' ');
}

/** Breaks a paragraph into lines of at most `width` characters at spaces (a hard-wrapped text). */
function wrap(paragraph: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/**
 * A document of about `targetBytes` UTF-8 bytes: paragraphs as single long lines (some
 * hard-wrapped at 72 columns), a few headings, blank lines between most paragraphs, `\n` line
 * ends, and a few non-ASCII words.
 */
export function generateDocument(random: Random, targetBytes: number): string {
  const blocks: string[] = ['Generated bench document: a long transcript', ''];
  let bytes = 0;
  while (bytes < targetBytes) {
    let block: string;
    if (random() < 0.05) {
      block = heading(random);
    } else {
      const sentences: string[] = [];
      for (let i = randomInt(random, 2, 9); i > 0; i--) sentences.push(sentence(random));
      block = sentences.join(' ');
      if (random() < 0.2) block = wrap(block, 72);
    }
    if (random() < 0.6) block += '\n'; // a blank line after it
    blocks.push(block);
    bytes += Buffer.byteLength(block, 'utf8') + 1;
  }
  return `${blocks.join('\n')}\n`;
}

/** True when offset `i` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * A random span of `minLength`–`maxLength` UTF-16 units that starts and ends on non-whitespace
 * and does not cut a character in half. It may cross line breaks.
 */
export function randomSpan(random: Random, text: string, minLength: number, maxLength: number): Span {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    let start = Math.floor(random() * (text.length - minLength));
    while (start < text.length && /\s/.test(text[start])) start++;
    let end = Math.min(text.length, start + randomInt(random, minLength, maxLength));
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end - start >= minLength && !splitsPair(text, start) && !splitsPair(text, end)) return { start, end };
  }
  throw new Error('could not find a span of non-whitespace text');
}

export interface CodedSpan extends Span {
  codeId: string;
}

/** `count` random spans of 5–300 characters, each with one of `codeIds`. */
export function randomCodedSpans(random: Random, text: string, count: number, codeIds: readonly string[]): CodedSpan[] {
  const spans: CodedSpan[] = [];
  for (let i = 0; i < count; i++) spans.push({ ...randomSpan(random, text, 5, 300), codeId: pick(random, codeIds) });
  return spans;
}

/** Full segment records for spans of one document (for the CSV export, which takes plain data). */
export function segmentsFor(text: string, documentId: string, spans: readonly CodedSpan[]): CodedSegment[] {
  const base = Date.UTC(2025, 0, 1);
  return spans.map((span, i) => {
    const time = new Date(base + i * 1000).toISOString();
    return {
      id: randomUUID(),
      documentId,
      codeId: span.codeId,
      start: span.start,
      end: span.end,
      quote: text.slice(span.start, span.end),
      coder: 'bench',
      createdAt: time,
      updatedAt: time,
      memo: '',
      origin: 'manual',
    };
  });
}
