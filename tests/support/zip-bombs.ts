/**
 * Zip archives made to exhaust memory, for the tests that must refuse them: a part of gigabytes of
 * a repeated block, packed into megabytes, built without ever holding the unpacked bytes. A block
 * deflated with a full flush stands alone, so the same packed bytes repeated are a valid stream
 * of the block repeated; the CRC is carried over the block as many times. A part may declare a
 * size other than its own (a lying header), and parts of 4 GiB or more get zip64 sizes.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface BombPart {
  path: string;
  /** One block of the part's bytes (repeated `times` times), or the whole of a small part. */
  block: Uint8Array;
  times?: number;
  /** The size the headers declare; the real size when not given. */
  declaredSize?: number;
}

/** A block of `size` zero bytes. */
export const zeros = (size: number): Uint8Array => new Uint8Array(size);

const FOUR_GIB = 0xffffffff;

/** The bytes of a zip archive holding the parts, each deflated. */
export function zipBomb(parts: readonly BombPart[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const times = part.times ?? 1;
    const flushed = deflateRawSync(part.block, { finishFlush: constants.Z_FULL_FLUSH });
    const packed = Buffer.concat([...Array.from({ length: times }, () => flushed), Buffer.from([0x03, 0x00])]);
    let crc = 0;
    for (let i = 0; i < times; i++) crc = crc32(part.block, crc);
    const size = part.declaredSize ?? part.block.length * times;
    const zip64 = size >= FOUR_GIB;
    const name = Buffer.from(part.path, 'utf8');
    const extra = Buffer.alloc(zip64 ? 20 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(packed.length), 12);
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(0x800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(zip64 ? FOUR_GIB : packed.length, 18);
    header.writeUInt32LE(zip64 ? FOUR_GIB : size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(extra.length, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(zip64 ? 45 : 20, 4);
    entry.writeUInt16LE(zip64 ? 45 : 20, 6);
    entry.writeUInt16LE(0x800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(zip64 ? FOUR_GIB : packed.length, 20);
    entry.writeUInt32LE(zip64 ? FOUR_GIB : size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt16LE(extra.length, 30);
    entry.writeUInt32LE(offset, 42);
    local.push(header, name, extra, packed);
    central.push(entry, name, extra);
    offset += header.length + name.length + extra.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, directory, end]));
}
