import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { openProject } from '../support/project';
import { BUNDLED_DOCUMENTS } from '../support/temp';

describe('first start', () => {
  it('creates the project with the five bundled documents, text equal to the shipped bytes', async () => {
    const { store, folder } = await openProject();
    const overview = store.overview();
    const files = (await readdir(BUNDLED_DOCUMENTS)).filter((f) => f.endsWith('.txt')).sort();
    expect(files).toHaveLength(5);
    expect(overview.documents.map((d) => d.file)).toEqual(files);
    for (const document of overview.documents) {
      const shipped = await readFile(join(BUNDLED_DOCUMENTS, document.file));
      const copied = await readFile(join(folder, 'documents', document.file));
      expect(copied.equals(shipped)).toBe(true);
      expect(document.sha256).toBe(createHash('sha256').update(shipped).digest('hex'));
      expect(document.id).toBe(`doc-${document.sha256.slice(0, 16)}`);
      const { text } = await store.openDocument(document.id);
      // Exact: re-encoding the text gives the shipped bytes back, nothing normalised.
      expect(Buffer.from(text, 'utf8').equals(shipped)).toBe(true);
      expect(document.length).toBe(text.length);
      const firstLine = text.split('\n').find((line) => line.trim() !== '')!.trim();
      // The first line, or (003 opens with a 450-character paragraph) its start, cut at a word.
      if (firstLine.length <= 80) expect(document.title).toBe(firstLine);
      else {
        expect(document.title.length).toBeLessThanOrEqual(80);
        expect(document.title).toMatch(/\S…$/);
        expect(firstLine.startsWith(document.title.slice(0, -1))).toBe(true);
        expect(firstLine[document.title.length - 1]).toMatch(/\s/); // cut at a word break
      }
    }
    expect(overview.codes.map((c) => c.id)).toEqual(DEFAULT_CODES.map((c) => c.id));
    expect(overview.notices).toEqual([]);
    await store.close();
  });

  it('keeps leading blank lines, runs of spaces and non-breaking spaces in the text', async () => {
    const { store } = await openProject();
    const texts = await Promise.all(store.overview().documents.map((d) => store.openDocument(d.id)));
    const all = texts.map((t) => t.text);
    expect(all.some((t) => t.startsWith('\n\n'))).toBe(true); // 000 opens with two blank lines
    expect(all.some((t) => t.includes('\u00A0'))).toBe(true);
    await store.close();
  });

  it('opens the same project again on the next start instead of making a new one', async () => {
    const first = await openProject();
    const id = JSON.parse(await readFile(first.store.file, 'utf8')).projectId;
    await first.store.close();
    const second = await openProject(first.folder);
    expect(JSON.parse(await readFile(second.store.file, 'utf8')).projectId).toBe(id);
    await second.store.close();
  });
});
