/**
 * The bench's large scenarios, built from the seeded PRNG so that every run measures the same
 * texts and the same spans:
 *
 *   C: one generated 10 MB document with 100,000 coded segments (a book-length text, densely coded);
 *   D: 5,000 generated documents of 2–20 KB with 100,000 coded segments in all (a project-sized corpus).
 *
 * Each is a real project folder made by the real store. Segments go in either one `addSegment`
 * call each (as the researcher makes them; the bench times building C this way) or as actions of
 * many passages each (`codePassages`, as "code all hits" makes them), which is quicker to build.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { codePassages } from '../../shared/edits/segments';
import { ProjectStore } from '../../electron/project/project-store';
import { generateDocument, randomCodedSpans, randomInt, type CodedSpan, type Random } from './generate';

export const CODE_IDS = DEFAULT_CODES.map((code) => code.id);

export const C_BYTES = 10_000_000;
export const C_SEGMENTS = 100_000;
export const D_DOCUMENTS = 5_000;
export const D_MIN_BYTES = 2_000;
export const D_MAX_BYTES = 20_000;
export const D_SEGMENTS = 100_000;

/** addSegment calls made at once while building a project (the store merges their writes). */
export const ADD_BATCH = 500;
/** Passages per action when segments go in as actions. */
const PASSAGES_PER_ACTION = 10_000;

export type BuildWay = 'addSegment' | 'actions';

export interface CodedPassage extends CodedSpan {
  documentId: string;
}

/** Puts `passages` into the store, one addSegment each (in concurrent batches) or as large actions. */
export async function codeInto(store: ProjectStore, passages: readonly CodedPassage[], way: BuildWay): Promise<void> {
  if (way === 'addSegment') {
    for (let i = 0; i < passages.length; i += ADD_BATCH) {
      await Promise.all(passages.slice(i, i + ADD_BATCH).map((p) => store.addSegment({ id: randomUUID(), ...p })));
    }
    return;
  }
  const texts = new Map<string, string>();
  for (const p of passages) if (!texts.has(p.documentId)) texts.set(p.documentId, await store.text(p.documentId));
  for (const codeId of CODE_IDS) {
    const ofCode = passages.filter((p) => p.codeId === codeId);
    for (let i = 0; i < ofCode.length; i += PASSAGES_PER_ACTION) {
      const spans = ofCode.slice(i, i + PASSAGES_PER_ACTION);
      await store.edit((state, at) =>
        codePassages(state, { codeId, spans, label: `Code ${spans.length} passages as ${codeId}` }, texts, at, randomUUID),
      );
    }
  }
}

export interface BuiltProject {
  /** The project folder (closed: open it with ProjectStore.open, or serve it). */
  folder: string;
  /** The folder of the source texts the project was made from. */
  source: string;
  documentIds: string[];
  /** Texts by document id. */
  texts: Map<string, string>;
  segmentCount: number;
  /** Milliseconds spent putting the segments in. */
  codingMs: number;
}

/**
 * Makes a project in `folder` from texts written into `source` (one file each), and codes
 * `segmentsFor(documentId, text)` into it. The project is closed when this returns.
 */
async function buildProject(
  folder: string,
  source: string,
  files: ReadonlyArray<{ name: string; text: string }>,
  passagesOf: (documents: ReadonlyArray<{ id: string; text: string }>) => CodedPassage[],
  way: BuildWay,
): Promise<BuiltProject> {
  await mkdir(source, { recursive: true });
  for (const file of files) await writeFile(join(source, file.name), file.text);
  const store = await ProjectStore.open({ folder, bundledDocuments: source, coder: 'bench' });
  try {
    const documents = [];
    for (const record of store.documents) documents.push({ id: record.id, text: await store.text(record.id) });
    const passages = passagesOf(documents);
    const started = performance.now();
    await codeInto(store, passages, way);
    const codingMs = performance.now() - started;
    return {
      folder,
      source,
      documentIds: documents.map((d) => d.id),
      texts: new Map(documents.map((d) => [d.id, d.text])),
      segmentCount: passages.length,
      codingMs,
    };
  } finally {
    await store.close();
  }
}

/** The text of scenario C (the same on every run for the same PRNG state). */
export function scenarioCText(random: Random): string {
  return generateDocument(random, C_BYTES);
}

/** Scenario C: one 10 MB document with 100,000 segments, in `folder` (sources in `source`). */
export async function buildScenarioC(random: Random, folder: string, source: string, way: BuildWay, text = scenarioCText(random)): Promise<BuiltProject> {
  return buildProject(folder, source, [{ name: 'generated-10mb.txt', text }], ([document]) =>
    randomCodedSpans(random, document!.text, C_SEGMENTS, CODE_IDS).map((span) => ({ ...span, documentId: document!.id })),
  way);
}

/** The texts of scenario D: 5,000 documents of 2–20 KB. */
export function scenarioDTexts(random: Random): Array<{ name: string; text: string }> {
  const files = [];
  for (let i = 0; i < D_DOCUMENTS; i++) {
    files.push({ name: `document-${String(i + 1).padStart(4, '0')}.txt`, text: generateDocument(random, randomInt(random, D_MIN_BYTES, D_MAX_BYTES)) });
  }
  return files;
}

/** Scenario D: 5,000 documents with 100,000 segments in all, each document's share by its length. */
export async function buildScenarioD(random: Random, folder: string, source: string, way: BuildWay): Promise<BuiltProject> {
  return buildProject(folder, source, scenarioDTexts(random), (documents) => {
    const total = documents.reduce((sum, d) => sum + d.text.length, 0);
    const passages: CodedPassage[] = [];
    let given = 0;
    documents.forEach((document, i) => {
      const share = i === documents.length - 1 ? D_SEGMENTS - given : Math.round((D_SEGMENTS * document.text.length) / total);
      given += share;
      for (const span of randomCodedSpans(random, document.text, share, CODE_IDS)) passages.push({ ...span, documentId: document.id });
    });
    return passages;
  }, way);
}
