/**
 * REFI-QDA files on disk: a `.qdpx` bundle (a zip of `project.qde` and the source texts under
 * `sources/`), a bare `.qde`, and a `.qdc` codebook. Writing builds the XML in shared/refi-qda
 * and zips it; reading unzips, finds each source's text, and hands the rest to the import plan.
 * GUIDs are derived from the project id and each record's id, so exporting the same project
 * twice gives the same GUIDs, and a segment keeps its own id (already a UUID) as its GUID.
 */
import { createHash, hash as oneHash } from 'node:crypto';
import type { DatasetInput } from '../../shared/model/project';
import { WorkbenchFailure } from '../../shared/model/failure';
import { readProjectQde, type QdeProject, type QdeSource } from '../../shared/exchange/refi-qda/qde-reader';
import { codebookQdc, projectQdeParts, sourceEntryName, type GuidFor } from '../../shared/exchange/refi-qda/qde-writer';
import type { Code } from '../../shared/model/codebook';
import { importedCodeId } from '../../shared/model/code-ids';
import { DamagedArchive, ZipArchive } from './zip-archive';
import { ZipWriter } from './zip-writer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Name-based GUIDs (the layout of RFC 9562's version 5, from SHA-1) within one project. */
export function guidMaker(projectId: string): GuidFor {
  return (kind, key) => {
    if (kind === 'selection' && UUID.test(key)) return key;
    const hash = oneHash('sha1', `${projectId}\u0000${kind}\u0000${key}`, 'buffer');
    hash[6] = (hash[6]! & 0x0f) | 0x50;
    hash[8] = (hash[8]! & 0x3f) | 0x80;
    const hex = hash.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  };
}

/** The id of a code brought in from elsewhere: from its ref, so that a second import finds the same id. */
export function newCodeId(ref: string, taken: ReadonlySet<string>): string {
  return importedCodeId(ref, createHash('sha1').update(ref).digest('hex'), taken);
}

/** The phase of an export's job while its coded segments are written. */
export const WRITING_SEGMENTS = 'Writing the coded segments';

export interface QdpxOptions {
  projectId: string;
  projectName: string;
  coder: string;
  now: string;
}

/**
 * The bytes of a `.qdpx` bundle of the dataset: the XML is made in parts and deflated by zlib as
 * each part is made (see zip-writer.ts). `checkpoint` runs between parts (it may throw to stop the
 * export, and lets other calls in meanwhile) and `onSegment` hears of each coded segment written.
 */
export async function qdpxBytes(
  dataset: DatasetInput,
  options: QdpxOptions,
  progress: { checkpoint?: () => Promise<void>; onSegment?: () => void } = {},
): Promise<Uint8Array> {
  const guidFor = guidMaker(options.projectId);
  const zip = new ZipWriter(new Date(options.now));
  const parts = projectQdeParts(dataset, {
    projectName: options.projectName,
    exportingCoder: options.coder,
    now: options.now,
    guidFor,
    onSegment: progress.onSegment,
  });
  await zip.add('project.qde', parts, progress.checkpoint);
  for (const { record, text } of dataset.documents) {
    await zip.add(sourceEntryName(guidFor('source', record.id)), [text]);
    await progress.checkpoint?.();
  }
  return zip.bytes();
}

/** The text of a `.qdc` codebook. */
export function qdcText(codes: readonly Code[], projectId: string): string {
  return codebookQdc(codes, guidMaker(projectId));
}

export interface ReadBundle {
  project: QdeProject;
  /** Each text source with its text, or with why its text could not be found. */
  sources: Array<{ source: QdeSource; text: string | null; problem: string | null }>;
  notes: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The parts of a bundle by their path compared without case and with either kind of slash, each
 * inflated only when asked for (within the archive's limits: a bomb is refused, never unpacked).
 */
function bundleParts(name: string, bytes: Uint8Array): Map<string, () => Uint8Array> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    if (/\.qde$/i.test(name) || bytes[0] === 0x3c || (bytes[0] === 0xef && bytes[3] === 0x3c)) return new Map([['project.qde', () => bytes]]);
    throw new WorkbenchFailure('invalid-input', `${name} is neither a REFI-QDA project bundle (.qdpx, a zip archive) nor a project.qde.`);
  }
  const damaged = (error: unknown): never => {
    if (error instanceof DamagedArchive) throw new WorkbenchFailure('invalid-input', `${name} is not a readable REFI-QDA project: ${error.message}.`);
    throw error;
  };
  let archive: ZipArchive;
  try {
    archive = ZipArchive.open(name, bytes);
  } catch (error) {
    return damaged(error);
  }
  const read = (path: string) => () => {
    try {
      return archive.read(path);
    } catch (error) {
      return damaged(error);
    }
  };
  return new Map(archive.paths.map((path) => [path.replace(/\\/g, '/').toLowerCase(), read(path)]));
}

/** Reads a `.qdpx` bundle, or a bare `.qde` (whose sources must then carry their text inline). */
export function readQdpx(name: string, bytes: Uint8Array): ReadBundle {
  const notes: string[] = [];
  const byPath = bundleParts(name, bytes);
  const qdePart = byPath.get('project.qde') ?? [...byPath].find(([path]) => path.endsWith('.qde'))?.[1];
  if (!qdePart) throw new WorkbenchFailure('invalid-input', `${name} holds no project.qde: it is not a REFI-QDA project.`);
  const qdeEntry = qdePart();
  let xml: string;
  try {
    xml = utf8.decode(qdeEntry);
  } catch {
    throw new WorkbenchFailure('invalid-input', `The project.qde in ${name} is not UTF-8 text.`);
  }
  const project = readProjectQde(xml);
  const sources = project.sources.map((source) => {
    const path = source.plainTextPath?.trim() ?? '';
    if (path.toLowerCase().startsWith('internal://')) {
      const inside = path.slice('internal://'.length).replace(/\\/g, '/').toLowerCase();
      const part = byPath.get(`sources/${inside}`) ?? byPath.get(inside);
      if (part) {
        const data = part();
        try {
          // A byte-order mark is not part of the text the positions count.
          return { source, text: utf8.decode(data), problem: null };
        } catch {
          return { source, text: null, problem: `its text file ${path} is not UTF-8` };
        }
      }
      if (source.plainTextContent === null) return { source, text: null, problem: `its text file ${path} is missing from the bundle` };
    }
    if (source.plainTextContent !== null) return { source, text: source.plainTextContent, problem: null };
    if (path) return { source, text: null, problem: `its text lies outside the bundle (${path})` };
    return { source, text: null, problem: 'it has no plain text (only a rich-text file)' };
  });
  return { project, sources, notes };
}
