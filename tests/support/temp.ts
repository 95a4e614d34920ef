/** Temporary folders for tests that use real files, removed after each test file. */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

export async function tempFolder(prefix = 'workbench-test-'): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  made.push(folder);
  return folder;
}

afterAll(async () => {
  await Promise.all(made.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** Writes texts as UTF-8 files into a new folder and returns it (a stand-in for documents/). */
export async function textFolder(texts: Record<string, string>): Promise<string> {
  const folder = join(await tempFolder('workbench-texts-'), 'documents');
  await mkdir(folder);
  for (const [name, text] of Object.entries(texts)) await writeFile(join(folder, name), text, 'utf8');
  return folder;
}

/** The bundled corpus as it ships. */
export const BUNDLED_DOCUMENTS = new URL('../../documents', import.meta.url).pathname;
