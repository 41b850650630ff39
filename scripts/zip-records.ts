/**
 * The three fixed records of a zip (APPNOTE 4.3.7 local header, 4.3.12 central header, 4.3.16
 * end of central directory), for the packages the bench and the hostile tests write by hand:
 * one layout for both, each writer free to fill in what it needs (zeros and a data descriptor
 * while streaming, lying sizes in a hostile test).
 */
export interface ZipEntry {
  /** The entry's name, UTF-8 (flag bit 11 says so). */
  name: Buffer;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** General-purpose flags: 0x800 UTF-8 name, | 0x8 sizes in a data descriptor. */
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
}

export function localHeader(e: ZipEntry): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(e.flags, 6);
  b.writeUInt16LE(e.method, 8);
  b.writeUInt32LE(e.crc, 14);
  b.writeUInt32LE(e.compressedSize, 18);
  b.writeUInt32LE(e.size, 22);
  b.writeUInt16LE(e.name.length, 26);
  return Buffer.concat([b, e.name]);
}

/** The entry's record in the central directory; `offset` is where its local header starts. */
export function centralHeader(e: ZipEntry, offset: number): Buffer {
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(20, 6);
  b.writeUInt16LE(e.flags, 8);
  b.writeUInt16LE(e.method, 10);
  b.writeUInt32LE(e.crc, 16);
  b.writeUInt32LE(e.compressedSize, 20);
  b.writeUInt32LE(e.size, 24);
  b.writeUInt16LE(e.name.length, 28);
  b.writeUInt32LE(offset, 42);
  return Buffer.concat([b, e.name]);
}

export function endOfCentralDirectory(entries: number, directorySize: number, directoryOffset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(entries, 8);
  b.writeUInt16LE(entries, 10);
  b.writeUInt32LE(directorySize, 12);
  b.writeUInt32LE(directoryOffset, 16);
  return b;
}
