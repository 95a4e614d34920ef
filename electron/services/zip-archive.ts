/**
 * Reading a zip archive (a `.qdpx` bundle, a `.docx`) that may have been made to exhaust memory:
 * a few megabytes that inflate to gigabytes. The central directory is read first, and each part is
 * inflated by zlib with a ceiling on what may come out: the first of three limits (the size of one
 * part, the size of the whole archive unpacked, and how many times larger than its packed bytes a
 * part grows) or the size the part declares, whichever is least. A part that holds more than it
 * declares is refused as damaged; a part with a large ceiling is first tried on growing beginnings,
 * so that a bomb is stopped after megabytes, not after hundreds of them.
 */
import { constants, inflateRawSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { WorkbenchFailure } from '../../shared/model/failure';

const MiB = 1024 * 1024;

/** The most one part of an archive may unpack to. */
export const MAX_PART_BYTES = 256 * MiB;
/** The most a whole archive may unpack to (the parts read from it, together). */
export const MAX_ARCHIVE_BYTES = 1024 * MiB;
/** The most a part may grow over its packed size (text and XML stay far below it; a bomb far above). */
export const MAX_INFLATE_RATIO = 100;
/** A part may unpack to this much before its growth is judged, so that small, very repetitive parts are never refused. */
const RATIO_GRACE_BYTES = 8 * MiB;
/** The most parts an archive may list. */
export const MAX_PARTS = 100_000;
/** A part whose limit is at most this is inflated at once: what it may unpack to is small enough to hold. */
const ONE_SHOT_BYTES = 128 * MiB;
/** The first beginning of a larger part that is tried, then four times as much each time (what 64 KiB unpack to within the ratio stays small). */
const PROBE_BYTES = 64 * 1024;

/** The limits a reading is held to (the constants above, unless a caller narrows them). */
export interface ArchiveLimits {
  partBytes: number;
  archiveBytes: number;
  ratio: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = { partBytes: MAX_PART_BYTES, archiveBytes: MAX_ARCHIVE_BYTES, ratio: MAX_INFLATE_RATIO };

/** An archive refused for what it would unpack to (not merely damaged). */
export class ArchiveTooLarge extends WorkbenchFailure {
  constructor(message: string) {
    super('invalid-input', message);
  }
}

/** A zip that cannot be read: no central directory, a part beyond the end, a method not supported. */
export class DamagedArchive extends WorkbenchFailure {
  constructor(readonly reason: string) {
    super('invalid-input', `the zip archive is damaged (${reason})`);
  }
}

interface Part {
  path: string;
  method: number;
  encrypted: boolean;
  packedSize: number;
  declaredSize: number;
  headerOffset: number;
}

/** A limit's size as a researcher reads it (“256 MiB”, “1 GiB”). */
export function sizeInWords(bytes: number): string {
  return bytes >= 1024 * MiB ? `${bytes / 1024 / MiB} GiB` : `${bytes / MiB} MiB`;
}

const utf8 = new TextDecoder('utf-8');
const cp437 = new TextDecoder('latin1');

/** A zip archive in memory, its parts listed from the central directory and inflated on request. */
export class ZipArchive {
  private readonly parts = new Map<string, Part>();
  private readonly repeated: string[] = [];
  private unpacked = 0;

  private constructor(
    /** The archive's file name, for messages. */
    readonly name: string,
    private readonly bytes: Uint8Array,
    private readonly limits: ArchiveLimits,
  ) {}

  /** Reads the archive's central directory; throws DamagedArchive when there is none to read. */
  static open(name: string, bytes: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS): ZipArchive {
    const archive = new ZipArchive(name, bytes, limits);
    archive.readDirectory();
    return archive;
  }

  /** The paths of the parts, as the archive names them. */
  get paths(): string[] {
    return [...this.parts.keys()];
  }

  /** Paths the central directory lists more than once (only the last of each is read): a well-made archive has none. */
  get duplicatePaths(): string[] {
    return [...this.repeated];
  }

  /** The bytes of one part, inflated within the limits; throws ArchiveTooLarge past one of them. */
  read(path: string): Uint8Array {
    const part = this.parts.get(path);
    if (!part) throw new DamagedArchive(`there is no part ${path}`);
    if (part.encrypted) throw new DamagedArchive(`${path} is encrypted`);
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = part.headerOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== 0x04034b50) throw new DamagedArchive(`the header of ${path} is missing`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + part.packedSize;
    if (end > this.bytes.length) throw new DamagedArchive(`${path} runs past the end of the file`);
    const packed = this.bytes.subarray(start, end);
    if (part.method === 0) {
      this.count(part, packed.length, packed.length);
      return packed.slice();
    }
    if (part.method !== 8) throw new DamagedArchive(`${path} is packed with method ${part.method}, which cannot be read`);
    const bytes = this.inflate(part, packed);
    this.count(part, bytes.length, packed.length);
    this.unpacked += bytes.length;
    return bytes;
  }

  /**
   * Inflates a part with zlib, never past the least of the limits it is held to. A part whose
   * limit is large (it declares hundreds of megabytes) is first tried on growing beginnings of
   * its packed bytes, so that a bomb is refused for its growth after a few megabytes, as when it
   * was inflated slice by slice, instead of after hundreds.
   */
  private inflate(part: Part, packed: Uint8Array): Uint8Array {
    const whole = this.ceilings(part, packed.length);
    if (Math.min(...whole.map(([limit]) => limit)) > ONE_SHOT_BYTES) {
      for (let prefix = PROBE_BYTES; prefix < packed.length; prefix *= 4) this.inflateWithin(part, packed.subarray(0, prefix), false);
    }
    return this.inflateWithin(part, packed, true);
  }

  /** The limits on what `consumed` packed bytes of a part may unpack to, each with the failure past it, in the order they are judged. */
  private ceilings(part: Part, consumed: number): Array<[number, () => WorkbenchFailure]> {
    const { partBytes, archiveBytes, ratio } = this.limits;
    return [
      [archiveBytes - this.unpacked, () => new ArchiveTooLarge(`${this.name} was refused: it would unpack to more than ${sizeInWords(archiveBytes)}, the most an archive may hold.`)],
      [partBytes, () => new ArchiveTooLarge(`${this.name} was refused: its part ${part.path} would unpack to more than ${sizeInWords(partBytes)}, the most one part may hold.`)],
      [
        Math.max(RATIO_GRACE_BYTES, ratio * consumed),
        () =>
          new ArchiveTooLarge(
            `${this.name} was refused: its part ${part.path} unpacks to more than ${ratio} times its packed size, the most that is accepted (a file made to exhaust memory?).`,
          ),
      ],
      [part.declaredSize, () => new DamagedArchive(`${part.path} holds more than the ${part.declaredSize} bytes it declares`)],
    ];
  }

  /** Inflates packed bytes (all of a part, or its beginning) within the limits; throws the first limit passed. */
  private inflateWithin(part: Part, packed: Uint8Array, all: boolean): Uint8Array {
    const ceilings = this.ceilings(part, packed.length);
    const ceiling = Math.max(0, Math.min(...ceilings.map(([limit]) => limit)));
    try {
      return inflateRawSync(packed, { maxOutputLength: ceiling + 1, ...(all ? {} : { finishFlush: constants.Z_SYNC_FLUSH }) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw ceilings.find(([limit]) => limit <= ceiling)![1]();
      throw new DamagedArchive(`${part.path} does not inflate: ${(error as Error).message}`);
    }
  }

  /** Checks what a part has unpacked to (from `consumed` packed bytes) against the limits. */
  private count(part: Part, size: number, consumed: number): void {
    const passed = this.ceilings(part, consumed).find(([limit]) => size > limit);
    if (passed) throw passed[1]();
  }

  private readDirectory(): void {
    const bytes = this.bytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The end-of-directory record: the last 22 bytes, or earlier by a comment of up to 65,535 bytes.
    let end = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
      if (view.getUint32(at, true) === 0x06054b50) {
        end = at;
        break;
      }
    }
    if (end < 0) throw new DamagedArchive('no central directory');
    let count = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
      const record = Number(view.getBigUint64(end - 12, true));
      if (record + 56 > bytes.length || view.getUint32(record, true) !== 0x06064b50) throw new DamagedArchive('the zip64 directory is missing');
      count = Number(view.getBigUint64(record + 32, true));
      offset = Number(view.getBigUint64(record + 48, true));
    }
    if (count > MAX_PARTS) throw new ArchiveTooLarge(`${this.name} was refused: it lists ${count} parts, more than the ${MAX_PARTS} an archive may hold.`);
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new DamagedArchive('the central directory is cut short');
      const flags = view.getUint16(at + 8, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      if (at + 46 + nameLength + extraLength > bytes.length) throw new DamagedArchive('the central directory is cut short');
      const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
      // Bit 11: the name is UTF-8; otherwise it is in the old DOS code page (ASCII in practice).
      const path = (flags & 0x800 ? utf8 : cp437).decode(nameBytes);
      const part: Part = {
        path,
        method: view.getUint16(at + 10, true),
        encrypted: (flags & 1) === 1,
        packedSize: view.getUint32(at + 20, true),
        declaredSize: view.getUint32(at + 24, true),
        headerOffset: view.getUint32(at + 42, true),
      };
      readZip64Sizes(view, at + 46 + nameLength, extraLength, part);
      if (!path.endsWith('/')) {
        if (this.parts.has(path)) this.repeated.push(path);
        this.parts.set(path, part);
      }
      at += 46 + nameLength + extraLength + commentLength;
    }
  }
}

/**
 * The archive rebuilt from its parts, each unpacked within the limits and stored unpacked, for a
 * reader (mammoth) that unzips without limits of its own; null when the archive is damaged.
 * Throws ArchiveTooLarge past a limit.
 */
export function checkedZip(name: string, bytes: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS): Uint8Array | null {
  try {
    const archive = ZipArchive.open(name, bytes, limits);
    const parts: Zippable = {};
    for (const path of archive.paths) parts[path] = [archive.read(path), { level: 0 }];
    return zipSync(parts);
  } catch (error) {
    if (error instanceof DamagedArchive) return null;
    throw error;
  }
}

/** Sizes and offsets too large for 32 bits are in the zip64 extra field, in this order, each only when its field is 0xffffffff. */
function readZip64Sizes(view: DataView, start: number, length: number, part: Part): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + size) throw new DamagedArchive(`the zip64 sizes of ${part.path} are cut short`);
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (part.declaredSize === 0xffffffff) part.declaredSize = next();
      if (part.packedSize === 0xffffffff) part.packedSize = next();
      if (part.headerOffset === 0xffffffff) part.headerOffset = next();
      return;
    }
    at += 4 + size;
  }
}
