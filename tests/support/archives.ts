/**
 * Projects worth archiving and the means to compare and tamper with their archives: a project
 * with every kind of record (documents with hard texts, codes, segments with memos, variables,
 * a removed document, history to undo and redo), a snapshot of a project folder as a restore
 * must bring it back, and an archive taken apart and put together again with a change.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, unzipSync, Zip, ZipPassThrough, zipSync, type Zippable } from 'fflate';
import { createHash } from 'node:crypto';
import { dispatch } from '../../electron/handlers/handlers';
import { ProjectStore } from '../../electron/project/project-store';
import type { ProjectFile } from '../../shared/model/project-schema';
import { value } from './builders';
import { openProject, segmentInput, type OpenProject } from './project';

/** A text with the hard cases: an emoji, a combining accent, CRLF line ends, a BOM, a non-breaking space, right-to-left words. */
export const HARD_TEXT = '\uFEFFInterview 7\r\nShe said: “café” — 👩🏽‍🔬 e\u0301\u00A0ok.\r\nمرحبا بالعالم\r\n';

/** A project (coder ana, the bundled texts and one hard one) with codes, segments, memos, variables, a removed document and history. */
export async function richProject(): Promise<OpenProject> {
  const project = await openProject();
  const { store, handlers } = project;
  const call = async (operation: string, input: unknown) => value<unknown>(await dispatch(handlers, operation, input));
  await store.importDocument('interview-7.txt', strToU8(HARD_TEXT));
  const [first, second, , , fifth] = store.documents;
  const { text } = await store.openDocument(fifth!.id);
  await store.addSegment(segmentInput(fifth!.id, text, 'Anarchist Voices'));
  await store.addSegment(segmentInput(fifth!.id, text, 'Nagorno-Karabakh', 'opinion'));
  const hard = store.documents.find((document) => document.file.startsWith('interview-7'))!;
  const hardText = await store.text(hard.id);
  await store.addSegment(segmentInput(hard.id, hardText, '👩🏽‍🔬 e\u0301'));
  await call('addCode', { name: 'casualties', colour: '#8a3ffc' });
  await call('updateDocument', { documentId: first!.id, memo: 'Official statement, with a memo.' });
  await call('defineVariable', { name: 'outlet', type: 'choice', choices: ['press', 'blog'] });
  await call('setDocumentValue', { documentId: first!.id, name: 'outlet', value: 'press' });
  await call('removeDocument', { documentId: second!.id });
  await call('updateDocument', { documentId: fifth!.id, title: 'A title to undo' });
  await call('undo', {});
  return project;
}

/** A project folder as a restore must bring it back: the project as it loads, and every text's bytes. */
export async function projectOnDisk(folder: string): Promise<{ project: ProjectFile; texts: Record<string, string> }> {
  const store = await ProjectStore.open({ folder, bundledDocuments: null, existingOnly: true });
  try {
    return { project: structuredClone(store.state) as ProjectFile, texts: await textsIn(folder) };
  } finally {
    await store.close();
  }
}

/** The SHA-256 of every file in a project's documents/, by name. */
export async function textsIn(folder: string): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const name of (await readdir(join(folder, 'documents'))).sort()) {
    texts[name] = createHash('sha256').update(await readFile(join(folder, 'documents', name))).digest('hex');
  }
  return texts;
}

/** The parts of an archive, by path. */
export function partsOf(archive: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(archive);
}

/** The archive with its parts changed by `change` (which may add, remove or rewrite parts). */
export function tampered(archive: Uint8Array, change: (parts: Record<string, Uint8Array>) => void): Uint8Array {
  const parts = partsOf(archive);
  change(parts);
  return zipSync(parts as Zippable);
}

/** The archive's manifest, parsed. */
export function manifestOf(parts: Record<string, Uint8Array>): { files: Array<{ path: string; bytes: number; sha256: string }> } & Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(parts['manifest.json']));
}

/** Rewrites a part and brings its manifest entry up to date, so that only the checks beyond the sums can refuse it. */
export function replaceListed(parts: Record<string, Uint8Array>, path: string, bytes: Uint8Array): void {
  const manifest = manifestOf(parts);
  const entry = manifest.files.find((file) => file.path === path);
  const listed = { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  if (entry) Object.assign(entry, listed);
  else manifest.files.push(listed);
  parts[path] = bytes;
  parts['manifest.json'] = strToU8(JSON.stringify(manifest));
}

/** A zip holding the given parts in order, the same name possibly twice (zipSync cannot make one). */
export function zipWithRepeats(parts: Array<[string, Uint8Array]>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [path, bytes] of parts) {
    const file = new ZipPassThrough(path);
    zip.add(file);
    file.push(bytes, true);
  }
  zip.end();
  const whole = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}
