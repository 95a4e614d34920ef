/**
 * Writing a zip archive (a `.qdpx` bundle) whose parts are made in chunks: the chunks are
 * gathered into runs of half a million characters or so, each deflated by node's own zlib as it
 * comes (on zlib's threads, while the next run is made) and counted into the part's CRC-32, so
 * that no part is ever held whole as text. Parts that are already whole (the sources' texts) can
 * be deflated ahead, on zlib's threads while another part is made (`deflateTexts`), and placed
 * later. The archive is the plain zip of the standard (no zip64: a part or an archive of 4 GiB or
 * more, or more than 65,535 parts, is refused), with each part's sizes and CRC in its local header.
 */
import { once } from 'node:events';
import { constants, crc32, createDeflateRaw } from 'node:zlib';

/** A part of the archive as it is written: its name, where its header starts, and what it holds. */
interface WrittenPart {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  packedSize: number;
}

const LIMIT_32 = 0xffffffff;

/**
 * The zlib level of the parts, 1 (fastest) to 9 (smallest). 2 by measurement on the XML of
 * 100,000 coded segments (55 MB): as fast as 1 or faster and a little smaller; 3 took a fifth
 * longer for 2 % less, 4 and more half as long again.
 */
export const DEFLATE_LEVEL = 2;

/** The time of the parts, as MS-DOS writes it (local time, to two seconds). */
function dosTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * Texts that follow one another as UTF-8, each encoded straight into one buffer (never joined
 * first: joining many small strings into a long one, then encoding it, costs several times more).
 */
function utf8Pieces(pieces: readonly string[]): Buffer {
  let most = 0;
  for (const piece of pieces) most += piece.length;
  // A UTF-16 code unit takes at most three bytes (a pair of them, four).
  const bytes = Buffer.allocUnsafe(most * 3);
  let length = 0;
  for (const piece of pieces) length += bytes.write(piece, length, 'utf8');
  return bytes.subarray(0, length);
}

/**
 * About how many UTF-16 units of text are encoded and handed to zlib at once. Each hand-over is a
 * trip to zlib's threads and back: the part of a document's few selections (a few kilobytes) each
 * on its own made thousands of them for a project of 5,000 documents.
 */
const RUN_UNITS = 512 * 1024;
/** How much may wait for zlib while the next run is made (zlib works while the text is made, up to this much behind). */
const WAITING_BYTES = 8 * 1024 * 1024;

/** The runs of bytes of `chunks`: texts gathered up to `RUN_UNITS` and encoded together; bytes as they are. */
function* byteRuns(chunks: Iterable<string | readonly string[] | Uint8Array>): Generator<Uint8Array> {
  let texts: string[] = [];
  let units = 0;
  for (const chunk of chunks) {
    if (chunk instanceof Uint8Array) {
      if (texts.length) yield utf8Pieces(texts);
      texts = [];
      units = 0;
      yield chunk;
      continue;
    }
    for (const text of typeof chunk === 'string' ? [chunk] : chunk) {
      texts.push(text);
      units += text.length;
    }
    if (units >= RUN_UNITS) {
      yield utf8Pieces(texts);
      texts = [];
      units = 0;
    }
  }
  if (texts.length) yield utf8Pieces(texts);
}

/** A part deflated whole, ahead of its place in the archive (see `deflateTexts`). */
export interface DeflatedPart {
  crc: number;
  size: number;
  packed: Buffer;
}

/**
 * An empty last block (fixed codes: the last-block bit, the block type, the end code), which ends
 * a deflate stream after a full flush.
 */
const LAST_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

/** Texts being deflated ahead (see `deflateTexts`). */
export interface TextsDeflating {
  /** Each text's part, in the texts' order, once all are deflated. */
  parts: Promise<DeflatedPart[]>;
  /** Stops the work (the archive will not be finished). */
  stop(): void;
}

/**
 * Deflates `texts` as UTF-8 parts, all in one zlib stream on zlib's threads (a stream per text
 * cost the calling thread more than the deflating did, thousands of them: zlib's set-up and a
 * quarter of a megabyte of its memory each). After each text a full flush ends its data on a byte
 * and makes what follows owe nothing to it, so each text's share of the output, closed with an
 * empty last block, is a deflate stream of its own, as pigz makes independent blocks.
 */
export function deflateTexts(texts: readonly string[], level = DEFLATE_LEVEL): TextsDeflating {
  const deflater = createDeflateRaw({ level, chunkSize: 256 * 1024 });
  const output: Buffer[] = [];
  let outputSize = 0;
  // Read, not heard as 'data': what zlib gave before a flush's callback may still wait in the
  // stream's buffer then, and is taken from it at once.
  const take = () => {
    for (let chunk: Buffer | null; (chunk = deflater.read() as Buffer | null) !== null; ) {
      output.push(chunk);
      outputSize += chunk.length;
    }
  };
  deflater.on('readable', take);
  const ended = once(deflater, 'end');
  const heads: Array<{ crc: number; size: number }> = [];
  // Where each text's data ends in the output (zlib's output up to its flush's callback).
  const ends: number[] = [];
  let flushes = 0;
  for (const text of texts) {
    const bytes = Buffer.from(text, 'utf8');
    heads.push({ crc: crc32(bytes), size: bytes.length });
    // An empty text has no data (two flushes in a row would be an error of zlib's).
    if (bytes.length === 0) continue;
    deflater.write(bytes);
    flushes++;
    deflater.flush(constants.Z_FULL_FLUSH, () => {
      take();
      ends.push(outputSize);
      // Ended only now: the stream makes its last chunk a finish, which the last flush must not be.
      if (ends.length === flushes) deflater.end();
    });
  }
  if (flushes === 0) deflater.end();
  const parts = ended.then(() => {
    const all = Buffer.concat(output, outputSize);
    let start = 0;
    let flushed = 0;
    return heads.map(({ crc, size }) => {
      const end = size === 0 ? start : ends[flushed++]!;
      const data = all.subarray(start, end);
      // A full flush ends on an empty stored block: 00 00 ff ff.
      if (size > 0 && !(data.length >= 4 && data.readUInt32BE(data.length - 4) === 0x0000ffff)) {
        throw new Error('a text deflated ahead did not end where its flush did');
      }
      start = end;
      return { crc, size, packed: Buffer.concat([data, LAST_EMPTY_BLOCK]) };
    });
  });
  // A failure is the caller's when it takes the parts; until then it is not an unhandled one.
  parts.catch(() => undefined);
  return { parts, stop: () => deflater.destroy() };
}

/** A zip archive in memory, part by part; `bytes()` closes it with its central directory. */
export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private readonly parts: WrittenPart[] = [];
  private length = 0;
  private readonly time: { time: number; date: number };

  constructor(
    /** The time written on every part (the same export gives the same bytes). */
    modified: Date,
    /** zlib's level, 1 (fastest) to 9 (smallest). */
    private readonly level = DEFLATE_LEVEL,
  ) {
    this.time = dosTime(modified);
  }

  /**
   * Adds a part made of `chunks` (text as UTF-8, bytes, or a list of texts that follow one
   * another), deflated as they come. Resolves once the part is written; `between` runs after each
   * run of chunks handed to zlib (to report progress, or to let other calls in, say).
   */
  async add(path: string, chunks: Iterable<string | readonly string[] | Uint8Array>, between?: () => void | Promise<void>): Promise<void> {
    const deflater = createDeflateRaw({ level: this.level, chunkSize: 256 * 1024 });
    const packed: Buffer[] = [];
    let packedSize = 0;
    deflater.on('data', (chunk: Buffer) => {
      packed.push(chunk);
      packedSize += chunk.length;
    });
    const ended = once(deflater, 'end');
    // Awaited below; a failure meanwhile surfaces there (or through a write), never unhandled.
    ended.catch(() => undefined);
    let crc = 0;
    let size = 0;
    for (const bytes of byteRuns(chunks)) {
      if (bytes.length === 0) continue;
      crc = crc32(bytes, crc);
      size += bytes.length;
      deflater.write(bytes);
      // zlib works on what waits while the next run is made; past that much, the text waits for it.
      if (deflater.writableLength > WAITING_BYTES) await once(deflater, 'drain');
      await between?.();
    }
    deflater.end();
    await ended;
    this.place(path, { crc, size, packed, packedSize });
  }

  /** Adds a part deflated ahead (see `deflateTexts`), in its turn after the parts already added. */
  addDeflated(path: string, part: DeflatedPart): void {
    this.place(path, { crc: part.crc, size: part.size, packed: [part.packed], packedSize: part.packed.length });
  }

  private place(path: string, { crc, size, packed, packedSize }: { crc: number; size: number; packed: Buffer[]; packedSize: number }): void {
    if (size >= LIMIT_32 || packedSize >= LIMIT_32) throw new Error(`the part ${path} is too large for a zip archive (4 GiB or more)`);
    const name = Buffer.from(path, 'utf8');
    const part: WrittenPart = { name, offset: this.length, crc, size, packedSize };
    this.push(this.localHeader(part));
    for (const chunk of packed) this.push(chunk);
    this.parts.push(part);
  }

  /** The whole archive: the parts added, then the central directory. */
  bytes(): Buffer {
    if (this.parts.length > 0xffff) throw new Error(`a zip archive holds at most 65,535 parts, not ${this.parts.length}`);
    const directoryOffset = this.length;
    for (const part of this.parts) this.push(this.directoryEntry(part));
    const directorySize = this.length - directoryOffset;
    if (this.length >= LIMIT_32) throw new Error('the archive is too large for a zip archive (4 GiB or more)');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.parts.length, 8);
    end.writeUInt16LE(this.parts.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(directoryOffset, 16);
    this.push(end);
    return Buffer.concat(this.chunks, this.length);
  }

  private push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** Flags: bit 11, the name is UTF-8. Method 8: deflated. */
  private localHeader(part: WrittenPart): Buffer {
    const header = Buffer.alloc(30 + part.name.length);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(this.time.time, 10);
    header.writeUInt16LE(this.time.date, 12);
    header.writeUInt32LE(part.crc >>> 0, 14);
    header.writeUInt32LE(part.packedSize, 18);
    header.writeUInt32LE(part.size, 22);
    header.writeUInt16LE(part.name.length, 26);
    header.writeUInt16LE(0, 28);
    part.name.copy(header, 30);
    return header;
  }

  private directoryEntry(part: WrittenPart): Buffer {
    const entry = Buffer.alloc(46 + part.name.length);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(this.time.time, 12);
    entry.writeUInt16LE(this.time.date, 14);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.packedSize, 20);
    entry.writeUInt32LE(part.size, 24);
    entry.writeUInt16LE(part.name.length, 28);
    entry.writeUInt32LE(part.offset, 42);
    part.name.copy(entry, 46);
    return entry;
  }
}
