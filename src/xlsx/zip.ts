/**
 * The zip container of an .xlsx, read the careful way: the central directory is parsed here, and
 * each part is inflated as a stream under a byte budget (declared size, per-part bound, package
 * bound, compression ratio), so a zip bomb stops at its first megabytes. No Node API: the
 * browser build uses fflate; the command line passes node:zlib (see src/cli/node-inflate.ts).
 */
import { XlsxError } from './errors';
import { MAX_INFLATE_RATIO, MAX_PACKAGE_BYTES, RATIO_GRACE_BYTES } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

/** Inflates raw DEFLATE data, handing the output to `sink` piece by piece; `sink` may throw to stop. */
export interface Inflater {
  inflate(compressed: Uint8Array, sink: (chunk: Uint8Array) => void): Promise<void>;
  /** CRC-32 of `chunk` continuing from `previous` (a native one is much faster than ours). */
  crc32?(chunk: Uint8Array, previous: number): number;
  /**
   * Optional: `compressed` will be inflated next; an inflater working beside the caller may start
   * on it (a bounded amount, kept until `inflate` is called with the same bytes).
   */
  ahead?(compressed: Uint8Array): void;
}

/** Bytes inflated so far from one package, against MAX_PACKAGE_BYTES. */
export interface Budget {
  used: number;
}

export interface ZipArchive {
  data: Uint8Array;
  entries: ZipEntry[];
  inflater: Inflater;
  budget: Budget;
}

/** `why` is 「中文 / English」: each half of the message gets its own language's reason. */
const corrupt = (why: string) => {
  const i = why.indexOf(' / ');
  const [zh, en] = i < 0 ? [why, why] : [why.slice(0, i), why.slice(i + 3)];
  return new XlsxError('corrupt', `文件已损坏，无法解压（${zh}） / the file is damaged (${en})`);
};

const STEP = 64 * 1024;

/**
 * fflate's streaming inflater: fed 64 KiB at a time so no single push yields more than ~66 MB.
 * Imported when first used: fflate builds its tables as it loads (~6 ms), which every start of
 * the command line paid though it inflates with node:zlib. Eager: in the browser's own bundle.
 */
export const fflateInflater: Inflater = {
  async inflate(compressed, sink) {
    const { Inflate } = await import(/* webpackMode: "eager" */ 'fflate');
    const inf = new Inflate((chunk) => sink(chunk));
    if (compressed.length === 0) inf.push(compressed, true);
    for (let i = 0; i < compressed.length; i += STEP) inf.push(compressed.subarray(i, i + STEP), i + STEP >= compressed.length);
  },
};

let crcTable: Int32Array | null = null;

function crc32js(chunk: Uint8Array, previous: number): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = ~previous;
  for (let i = 0; i < chunk.length; i++) c = crcTable[(c ^ chunk[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function u16(d: DataView, at: number): number {
  return d.getUint16(at, true);
}
function u32(d: DataView, at: number): number {
  return d.getUint32(at, true);
}
function u64(d: DataView, at: number): number {
  return d.getUint32(at, true) + d.getUint32(at + 4, true) * 2 ** 32;
}

/** Reads the central directory. Throws XlsxError('corrupt') for anything that is not a sound zip. */
export function openZip(data: Uint8Array, inflater: Inflater = fflateInflater): ZipArchive {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 5 && data[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('找不到压缩包目录 / no zip directory');
  let count = u16(view, eocd + 10);
  let cdSize = u32(view, eocd + 12);
  let cdOffset = u32(view, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(view, loc) !== 0x07064b50) throw corrupt('ZIP64 目录缺失 / zip64 locator missing');
    const z = u64(view, loc + 8);
    if (z + 56 > data.length || u32(view, z) !== 0x06064b50) throw corrupt('ZIP64 目录损坏 / zip64 directory damaged');
    count = u64(view, z + 32);
    cdSize = u64(view, z + 40);
    cdOffset = u64(view, z + 48);
  }
  if (cdOffset + cdSize > data.length) throw corrupt('压缩包目录超出文件末尾，文件可能不完整 / the directory lies past the end: the file is cut short');
  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || u32(view, p) !== 0x02014b50) throw corrupt('压缩包目录损坏 / zip directory damaged');
    const flags = u16(view, p + 8);
    const nameLen = u16(view, p + 28);
    const extraLen = u16(view, p + 30);
    const commentLen = u16(view, p + 32);
    let compressedSize = u32(view, p + 20);
    let size = u32(view, p + 24);
    let headerOffset = u32(view, p + 42);
    if (p + 46 + nameLen + extraLen > data.length) throw corrupt('压缩包目录损坏 / zip directory damaged');
    const name = utf8.decode(data.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 sizes and offset sit in extra field 0x0001, in this order, for the fields set to all ones.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = u16(view, e);
      const len = u16(view, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) (size = u64(view, q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(view, q)), (q += 8);
        if (headerOffset === 0xffffffff) headerOffset = u64(view, q);
      }
      e += 4 + len;
    }
    entries.push({ name, method: u16(view, p + 10), flags, crc: u32(view, p + 16), compressedSize, size, headerOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { data, entries, inflater, budget: { used: 0 } };
}

/**
 * The entry of a part name. Part names are case-insensitive in OPC, so an exact match is tried
 * first and then one ignoring ASCII case. Two entries for one part make the package ambiguous.
 */
export function findEntry(zip: ZipArchive, part: string): ZipEntry | null {
  const exact = zip.entries.filter((e) => e.name === part);
  let found = exact.length ? exact : zip.entries.filter((e) => e.name.toLowerCase() === part.toLowerCase());
  if (found.length === 0 && part.includes('%')) {
    // Relationship targets are URIs: a part named with a space may be targeted as %20.
    let decoded = part;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (decoded !== part) return findEntry(zip, decoded);
  }
  if (found.length > 1) throw corrupt(`部件 ${part} 出现了 ${found.length} 次 / part ${part} appears ${found.length} times`);
  return found[0] ?? null;
}

const LOCAL_HEADER_DAMAGED = 1;
const CUT_SHORT = 2;

/** The entry's stored bytes, after its local header; or why they cannot be found. */
function entryData(data: Uint8Array, entry: ZipEntry): Uint8Array | typeof LOCAL_HEADER_DAMAGED | typeof CUT_SHORT {
  const h = entry.headerOffset;
  if (h + 30 > data.length || data[h] !== 0x50 || data[h + 1] !== 0x4b || data[h + 2] !== 3 || data[h + 3] !== 4) return LOCAL_HEADER_DAMAGED;
  const start = h + 30 + (data[h + 26] | (data[h + 27] << 8)) + (data[h + 28] | (data[h + 29] << 8));
  if (start + entry.compressedSize > data.length) return CUT_SHORT;
  return data.subarray(start, start + entry.compressedSize);
}

/**
 * Lets the inflater start on an entry that will be read next (see Inflater.ahead); nothing for an
 * entry that is stored, encrypted or damaged (its reading says why).
 */
export function inflateAhead(zip: ZipArchive, entry: ZipEntry): void {
  if (!zip.inflater.ahead || entry.method !== 8 || entry.flags & 1) return;
  const compressed = entryData(zip.data, entry);
  if (compressed instanceof Uint8Array) zip.inflater.ahead(compressed);
}

/**
 * Streams one entry's bytes to `sink`, never more than its declared size, `maxBytes`, or what is
 * left of the package's budget, nor a part declared past MAX_INFLATE_RATIO; checks the CRC at the end.
 */
export async function streamEntry(zip: ZipArchive, entry: ZipEntry, maxBytes: number, sink: (chunk: Uint8Array) => void): Promise<void> {
  const { data } = zip;
  const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
  if (entry.flags & 1) throw new XlsxError('encrypted', `部件 ${entry.name} 已加密，无法读取 / part ${entry.name} is encrypted`);
  if (entry.size > maxBytes) {
    throw new XlsxError('too-large', `部件 ${entry.name} 解压后有 ${mib(entry.size)}，超过上限 ${mib(maxBytes)}，可能是恶意构造的压缩包 / part ${entry.name} inflates to ${mib(entry.size)}, over the ${mib(maxBytes)} bound: likely a zip bomb`);
  }
  if (zip.budget.used + entry.size > MAX_PACKAGE_BYTES) {
    throw new XlsxError('too-large', `文件解压后超过 ${mib(MAX_PACKAGE_BYTES)}，可能是恶意构造的压缩包 / the package inflates past ${mib(MAX_PACKAGE_BYTES)}: likely a zip bomb`);
  }
  // Output never passes the declared size (checked below as it comes), so a bomb shows in the declared ratio.
  if (entry.size > RATIO_GRACE_BYTES && entry.size > MAX_INFLATE_RATIO * entry.compressedSize) {
    throw new XlsxError('too-large', `部件 ${entry.name} 的压缩比超过 ${MAX_INFLATE_RATIO}:1，可能是恶意构造的压缩包 / part ${entry.name} is compressed over ${MAX_INFLATE_RATIO}:1: likely a zip bomb`);
  }
  const compressed = entryData(data, entry);
  if (compressed === LOCAL_HEADER_DAMAGED) throw corrupt(`部件 ${entry.name} 的文件头损坏 / local header of ${entry.name} damaged`);
  if (compressed === CUT_SHORT) throw corrupt(`部件 ${entry.name} 超出文件末尾，文件可能不完整 / part ${entry.name} runs past the end: the file is cut short`);
  const crc32 = zip.inflater.crc32 ?? crc32js;
  let out = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    out += chunk.length;
    if (out > entry.size) throw corrupt(`部件 ${entry.name} 解压后比声明的长 / part ${entry.name} inflates past its declared size`);
    crc = crc32(chunk, crc);
    try {
      sink(chunk);
    } catch (e) {
      sinkError = e; // the reader's own complaint, not a damaged deflate stream
      throw e;
    }
  };
  let sinkError: unknown = null;
  zip.budget.used += entry.size;
  if (entry.method === 0) {
    for (let i = 0; i < compressed.length; i += 1 << 20) take(compressed.subarray(i, Math.min(compressed.length, i + (1 << 20))));
  } else if (entry.method === 8) {
    try {
      await zip.inflater.inflate(compressed, take);
    } catch (e) {
      if (sinkError) throw sinkError;
      if (e instanceof XlsxError) throw e;
      throw corrupt(`部件 ${entry.name} 无法解压：${(e as Error).message} / part ${entry.name} cannot be inflated`);
    }
  } else throw corrupt(`部件 ${entry.name} 用了不支持的压缩方式 ${entry.method} / part ${entry.name} uses compression method ${entry.method}`);
  if (out !== entry.size) throw corrupt(`部件 ${entry.name} 解压后长度不符，文件可能不完整 / part ${entry.name} is shorter than declared: the file is cut short`);
  if (crc !== entry.crc) throw corrupt(`部件 ${entry.name} 校验失败 / part ${entry.name} fails its CRC check`);
}

/** A small part's bytes, whole. */
export async function readEntryBytes(zip: ZipArchive, entry: ZipEntry, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await streamEntry(zip, entry, maxBytes, (c) => chunks.push(c.slice()));
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) (all.set(c, at), (at += c.length));
  return all;
}
