/**
 * The zip writer of `.qdpx` bundles: texts deflated ahead in one zlib stream come out as parts
 * that each inflate alone to their own text, and an archive of such parts beside a part made in
 * many small chunks reads back exactly, with fflate (another program's reader) as with ours.
 */
import { unzipSync } from 'fflate';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ZipArchive } from '../../electron/services/zip-archive';
import { deflateTexts, ZipWriter } from '../../electron/services/zip-writer';

/** Texts with the hard cases: empty ones (first, between, last), astral characters, CRLF, one of several hundred kilobytes. */
const TEXTS = ['', 'a', 'emoji 😀, combining é, CRLF\r\nand right-to-left שלום', '', 'word '.repeat(80_000), 'the last one\n', ''];

describe('zip writer', () => {
  it('deflates texts ahead so that each part inflates alone to its own text, its size and CRC given', async () => {
    const parts = await deflateTexts(TEXTS).parts;
    expect(parts).toHaveLength(TEXTS.length);
    parts.forEach((part, i) => {
      const bytes = Buffer.from(TEXTS[i]!, 'utf8');
      expect(inflateRawSync(part.packed).toString('utf8')).toBe(TEXTS[i]);
      expect(part.size).toBe(bytes.length);
    });
    // The long text is packed, not stored.
    expect(parts[4]!.packed.length).toBeLessThan(parts[4]!.size / 10);
  });

  it('writes an archive of a part made in many small chunks and of texts deflated ahead that reads back exactly', async () => {
    const zip = new ZipWriter(new Date(2024, 0, 2, 3, 4, 6));
    const pieces = Array.from({ length: 5_000 }, (_, i) => [`<Item n="${i}">`, 'é😀'.repeat(i % 7), '</Item>\n'] as const);
    await zip.add('project.qde', pieces);
    const deflated = await deflateTexts(TEXTS).parts;
    deflated.forEach((part, i) => zip.addDeflated(`sources/${i}.txt`, part));
    const bytes = zip.bytes();
    const xml = pieces.map((piece) => piece.join('')).join('');
    const archive = ZipArchive.open('test.qdpx', bytes);
    expect(Buffer.from(archive.read('project.qde')).toString('utf8')).toBe(xml);
    const other = unzipSync(bytes);
    expect(Buffer.from(other['project.qde']!).toString('utf8')).toBe(xml);
    TEXTS.forEach((text, i) => {
      expect(Buffer.from(archive.read(`sources/${i}.txt`)).toString('utf8')).toBe(text);
      expect(Buffer.from(other[`sources/${i}.txt`]!).toString('utf8')).toBe(text);
    });
  });
});
