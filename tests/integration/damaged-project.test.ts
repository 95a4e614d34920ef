import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../support/project';
import { tempFolder } from '../support/temp';

async function openDamaged(content: string) {
  const folder = join(await tempFolder(), 'project');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'project.json'), content);
  const project = await openProject(folder);
  const kept = (await readdir(folder)).filter((name) => name.startsWith('project.unreadable-'));
  return { ...project, kept };
}

describe('a damaged project file', () => {
  it('is kept byte for byte beside the project under a dated name, and the notice names it', async () => {
    const damaged = '{"schemaVersion": 1, "segments": [ {"id": "s1"'; // cut off mid-write
    const { folder, store, kept } = await openDamaged(damaged);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^project\.unreadable-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/);
    expect(await readFile(join(folder, kept[0]), 'utf8')).toBe(damaged);
    const [notice] = store.overview().notices;
    expect(notice).toContain(join(folder, 'project.json'));
    expect(notice).toContain(join(folder, kept[0]));
    expect(notice).toMatch(/not valid JSON/);
    // The app goes on with a fresh project; the kept copy is never written to again.
    expect(store.overview().documents).toHaveLength(5);
    const document = store.overview().documents[0];
    const { text } = await store.openDocument(document.id);
    await store.addSegment({ id: crypto.randomUUID(), documentId: document.id, codeId: 'opinion', start: 2, end: 20 });
    expect(text.length).toBeGreaterThan(20);
    expect(await readFile(join(folder, kept[0]), 'utf8')).toBe(damaged);
  });

  it('that parses but breaks the schema is kept too, with the reason', async () => {
    const wrong = JSON.stringify({ schemaVersion: 1, projectId: 'p', segments: 'none' });
    const { folder, store, kept } = await openDamaged(wrong);
    expect(await readFile(join(folder, kept[0]), 'utf8')).toBe(wrong);
    expect(store.overview().notices[0]).toMatch(/not a valid project file/);
  });

  it('with bytes that are not UTF-8 is kept byte for byte, naming the first bad byte, rather than read with U+FFFD and saved over', async () => {
    const before = Buffer.from('{"schemaVersion": 4, "projectId": "p", "memo": "caf', 'utf8');
    // Latin-1's é (0xE9) where UTF-8 needs two bytes: a file edited by hand in another encoding.
    const damaged = Buffer.concat([before, Buffer.from([0xe9]), Buffer.from('"}', 'utf8')]);
    const folder = join(await tempFolder(), 'project');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'project.json'), damaged);
    const { store } = await openProject(folder);
    const kept = (await readdir(folder)).filter((name) => name.startsWith('project.unreadable-'));
    expect(kept).toHaveLength(1);
    expect((await readFile(join(folder, kept[0]))).equals(damaged)).toBe(true);
    expect(store.overview().notices[0]).toContain(`it is not UTF-8 text (the byte at offset ${before.length} is not part of a valid UTF-8 character)`);
  });

  it('from a newer version is refused with the reason, and nothing is set aside or started in its place', async () => {
    const folder = join(await tempFolder(), 'project');
    await mkdir(folder, { recursive: true });
    const newer = JSON.stringify({ schemaVersion: 99 });
    await writeFile(join(folder, 'project.json'), newer);
    await expect(openProject(folder)).rejects.toThrow(/written by a newer version of Annotation Workbench \(schema 99; this version reads 5\)/);
    expect(await readdir(folder)).toEqual(['project.json']);
    expect(await readFile(join(folder, 'project.json'), 'utf8')).toBe(newer);
  });
});

describe('a segment whose quote no longer matches its text', () => {
  it('is reported by name when its document opens, and left where its offsets point', async () => {
    const first = await openProject();
    const document = first.store.overview().documents[4];
    const { text } = await first.store.openDocument(document.id);
    const start = text.indexOf('Anarchist');
    const id = crypto.randomUUID();
    await first.store.addSegment({ id, documentId: document.id, codeId: 'opinion', start, end: start + 9 });
    await first.store.close();
    const file = join(first.folder, 'project.json');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    saved.segments.rows[0][saved.segments.fields.indexOf('quote')] = 'Something else';
    await writeFile(file, JSON.stringify(saved));
    const second = await openProject(first.folder);
    expect(second.store.overview().notices).toEqual([]);
    const { segments } = await second.store.openDocument(document.id);
    expect(segments[0]).toMatchObject({ id, start, end: start + 9 });
    const [notice] = second.store.overview().notices;
    expect(notice).toContain(`1 coded segment in “${document.title}” no longer matches`);
    expect(notice).toContain(id);
  });
});
