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
import { deflateTexts, ZipWriter } from './zip-writer';

/**
 * True for a UUID as we write them (lower-case hex in the 8-4-4-4-12 layout). It runs for every
 * segment: a regular expression is compiled to machine code on first use, where a loop over the
 * characters runs interpreted for the first tens of thousands of segments of an export in a fresh
 * thread (~100 ms more per 100,000).
 */
const PLAIN_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isPlainUuid = (key: string): boolean => PLAIN_UUID.test(key);

const HEX = '0123456789abcdef';
const HEX_CODES = Array.from(HEX, (c) => c.charCodeAt(0));

/** A name-based GUID (the layout of RFC 9562's version 5, from SHA-1). */
function sha1Guid(name: string): string {
  const hash = oneHash('sha1', name, 'buffer');
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * GUIDs within one project: name-based (version 5, from SHA-1) for every record, except the
 * selection and the coding of a segment whose id is already a UUID. The selection keeps that id;
 * the coding of a segment whose id is a random UUID (version 4 of RFC 9562's variant, as we make
 * them) gets the id with every hex digit combined (XOR) with a mask made once from the project
 * id, in RFC 9562's version 8 layout: as stable as the segment ids, distinct for distinct ids
 * (the layout overwrites only the version and variant bits, the same in every such id), never
 * equal to a selection's version-4 GUID, and without a hash per segment (a hundred thousand of
 * them took a fifth of an export's time). Any other id's coding gets a name-based GUID, so that
 * two ids that differ only in those bits never share one, whatever order they come in.
 */
export function guidMaker(projectId: string): GuidFor {
  const mask = sha1Guid(`${projectId}\u0000coding-mask`).replace(/-/g, '');
  const maskDigits = Array.from(mask, (c) => HEX.indexOf(c));
  const digits = new Array<number>(36);
  /** The coding's GUID of a segment id that is a random UUID, or null when the id is not one. */
  const codingOf = (id: string): string | null => {
    if (id.length !== 36 || id.charCodeAt(14) !== 0x34 /* 4 */) return null;
    const variant = id.charCodeAt(19);
    if (variant !== 0x38 && variant !== 0x39 && variant !== 0x61 && variant !== 0x62 /* 8 9 a b */) return null;
    let digit = 0;
    for (let i = 0; i < 36; i++) {
      const c = id.charCodeAt(i);
      if (i === 8 || i === 13 || i === 18 || i === 23) {
        if (c !== 0x2d) return null;
        digits[i] = c;
        continue;
      }
      const nibble = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
      if (nibble < 0) return null;
      const value = nibble ^ maskDigits[digit]!;
      // Digit 12 is the version (8); digit 16 holds the variant (10xx).
      digits[i] = HEX_CODES[digit === 12 ? 8 : digit === 16 ? 0x8 | (value & 0x3) : value]!;
      digit++;
    }
    return String.fromCharCode.apply(null, digits);
  };
  return (kind, key) => {
    if (kind === 'selection' && isPlainUuid(key)) return key;
    if (kind === 'coding') {
      const guid = codingOf(key);
      if (guid !== null) return guid;
    }
    return sha1Guid(`${projectId}\u0000${kind}\u0000${key}`);
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
 * each part is made (see zip-writer.ts), while the source texts are deflated on zlib's other
 * threads. `checkpoint` runs between parts (it may throw to stop the export, and lets other calls
 * in meanwhile) and `onSegment` hears of each coded segment written.
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
  // The texts are ready now; the XML takes this thread meanwhile.
  const sources = deflateTexts(dataset.documents.map(({ text }) => text));
  try {
    await zip.add('project.qde', parts, progress.checkpoint);
    const deflated = await sources.parts;
    for (const [i, { record }] of dataset.documents.entries()) zip.addDeflated(sourceEntryName(guidFor('source', record.id)), deflated[i]!);
  } finally {
    sources.stop();
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

/** UTF-8 bytes as text (without a leading byte-order mark), or null when they are not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

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
  const xml = decodeUtf8(qdeEntry);
  if (xml === null) throw new WorkbenchFailure('invalid-input', `The project.qde in ${name} is not UTF-8 text.`);
  const project = readProjectQde(xml);
  const sources = project.sources.map((source) => {
    const path = source.plainTextPath?.trim() ?? '';
    if (path.toLowerCase().startsWith('internal://')) {
      const inside = path.slice('internal://'.length).replace(/\\/g, '/').toLowerCase();
      const part = byPath.get(`sources/${inside}`) ?? byPath.get(inside);
      if (part) {
        // A byte-order mark is not part of the text the positions count.
        const text = decodeUtf8(part());
        return text === null ? { source, text: null, problem: `its text file ${path} is not UTF-8` } : { source, text, problem: null };
      }
      if (source.plainTextContent === null) return { source, text: null, problem: `its text file ${path} is missing from the bundle` };
    }
    if (source.plainTextContent !== null) return { source, text: source.plainTextContent, problem: null };
    if (path) return { source, text: null, problem: `its text lies outside the bundle (${path})` };
    return { source, text: null, problem: 'it has no plain text (only a rich-text file)' };
  });
  return { project, sources, notes };
}
