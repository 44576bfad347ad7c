/**
 * Zip files for the project, scan, backup and evidence-dossier formats: written with fflate's
 * zipSync, read by a small reader of our own built for hostile input. Used by the app
 * (renderer/files/zip.ts words its errors), the verification (report/dossier.ts) and the CLI.
 *
 * Why not fflate's unzipSync for reading: its `filter` shows the declared sizes, but it then
 * inflates each entry into a buffer of the declared size and keeps decoding the whole
 * compressed stream however much more it produces (a zip bomb costs CPU time), and it does not
 * check CRC-32s. This reader
 * - reads the central directory only, with every offset bounds-checked; no zip64, no encryption;
 * - refuses unsafe entry names (absolute, `..`, backslashes, control characters) and duplicates;
 * - bounds the entry count, the sum of all declared sizes, and each entry's declared size;
 * - inflates an entry only when asked, in small steps, stopping as soon as the output passes the
 *   declared size, then checks the length and the CRC-32.
 */
import { Inflate, zipSync, type Zippable } from 'fflate';

/** Why a zip cannot be read, as a code (the surfaces word it); `detail`/`entry`/`max` as the code needs. */
export type ZipErrorCode = 'damaged' | 'unsupported' | 'too-many-entries' | 'entry-too-large' | 'too-large' | 'unsafe-name' | 'duplicate';

export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    readonly params: { detail?: string; entry?: string; max?: number } = {},
  ) {
    super(`zip: ${code} ${JSON.stringify(params)}`);
    this.name = 'ZipError';
  }
}

/** Bounds on what one zip may hold (the caller's: the app's FILE_LIMITS, the verifier's own). */
export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of the entries, and of those read. */
  maxUnzippedBytes: number;
}

const fail = (code: ZipErrorCode, params: ZipError['params'] = {}): never => {
  throw new ZipError(code, params);
};

/** C0 control characters and DEL. */
const isControl = (ch: string) => {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06] as const;

/** Whether the bytes start like a zip file (a local file header, or the end record of an empty zip). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  const starts = (magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
  return bytes.length >= 4 && (starts(ZIP_MAGIC) || starts(EMPTY_ZIP_MAGIC));
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the compressed data in the zip. */
  dataOffset: number;
}

export interface ZipReader {
  /** The entries by name (directories left out). */
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /**
   * The bytes of one entry, or undefined when there is none. `maxBytes` bounds its declared size
   * (checked before anything is inflated); every entry read counts against the total limit.
   */
  read(name: string, maxBytes: number): Uint8Array | undefined;
}

/** Names that are never acceptable, whatever the format expects: they signal a hostile file. */
export function isUnsafeEntryName(name: string): boolean {
  if (name === '' || name.length > 1024) return true;
  if (name.includes('\\') || Array.from(name).some(isControl)) return true;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return true;
  const parts = name.replace(/\/$/, '').split('/');
  return parts.some((p) => p === '' || p === '.' || p === '..');
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const damaged = (): never => fail('damaged');
const unsupported = (detail: string): never => fail('unsupported', { detail });

function decodeName(raw: Uint8Array, utf8: boolean): string {
  if (utf8) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return fail('unsafe-name', { entry: Array.from(raw.subarray(0, 60), (b) => String.fromCharCode(b)).join('') });
    }
  }
  // Without the UTF-8 flag: bytes as Latin-1; every name this app expects is plain ASCII.
  return Array.from(raw, (b) => String.fromCharCode(b)).join('');
}

/**
 * Reads a zip's directory. Throws {@link ZipError} for anything wrong or unsafe. `read` counts in
 * bytes; the `max` of an error is in bytes too.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits): ZipReader {
  const length = bytes.length;
  if (length < 22) damaged();
  // The end of central directory record: within the last 22 + 65535 bytes (its comment).
  let eocd = -1;
  for (let i = length - 22; i >= Math.max(0, length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06 && i + 22 + u16(bytes, i + 20) <= length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) damaged();
  const diskEntries = u16(bytes, eocd + 8);
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0 || diskEntries !== count) unsupported('split archive');
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) unsupported('zip64');
  if (count > limits.maxEntries) fail('too-many-entries', { max: limits.maxEntries });
  if (cdOffset + cdSize > eocd) damaged();

  const entries = new Map<string, ZipEntry>();
  const seen = new Set<string>();
  let declared = 0;
  let p = cdOffset;
  const cdEnd = cdOffset + cdSize;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdEnd || u32(bytes, p) !== 0x02014b50) damaged();
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > cdEnd) damaged();
    const name = decodeName(bytes.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0);
    p = next;
    if (isUnsafeEntryName(name)) fail('unsafe-name', { entry: name.slice(0, 120) });
    if (seen.has(name)) fail('duplicate', { entry: name.slice(0, 120) });
    seen.add(name);
    if (name.endsWith('/')) continue; // a directory
    if (flags & 0x1) unsupported('encrypted');
    if (method !== 0 && method !== 8) unsupported(`compression method ${method}`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) unsupported('zip64');
    if (method === 0 && compressedSize !== size) damaged();
    if (localOffset + 30 > cdOffset || u32(bytes, localOffset) !== 0x04034b50) damaged();
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataOffset + compressedSize > cdOffset) damaged();
    entries.set(name, { name, method, crc, compressedSize, size, dataOffset });
    declared += size;
  }
  // Refused before anything is inflated: what the entries say they hold, all together.
  if (declared > limits.maxUnzippedBytes) fail('too-large', { max: limits.maxUnzippedBytes });

  let unzipped = 0;
  return {
    entries,
    read(name, maxBytes) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      if (entry.size > maxBytes) fail('entry-too-large', { entry: name.slice(0, 120), max: maxBytes });
      unzipped += entry.size;
      if (unzipped > limits.maxUnzippedBytes) fail('too-large', { max: limits.maxUnzippedBytes });
      const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
      const data = entry.method === 0 ? raw.slice() : inflateBounded(raw, entry.size);
      if (crc32(data) !== entry.crc) damaged();
      return data;
    },
  };
}

/** Inflates raw DEFLATE data that must come to exactly `size` bytes; stops as soon as it passes it. */
function inflateBounded(data: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (offset + chunk.length > size) throw new Error('longer than declared');
    out.set(chunk, offset);
    offset += chunk.length;
    if (final) ended = true;
  });
  const step = 16 * 1024;
  try {
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
    for (let i = 0; i < data.length; i += step) inflater.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
  } catch {
    // a bomb (more output than declared) or damaged data; both are reported as damaged
    damaged();
  }
  if (!ended || offset !== size) damaged();
  return out;
}

/** A zip of the given entries; `store` entries are kept uncompressed (already compressed data). */
export function writeZip(entries: { name: string; data: Uint8Array; store?: boolean }[], mtime = new Date()): Uint8Array {
  const zippable: Zippable = {};
  for (const e of entries) zippable[e.name] = [e.data, { level: e.store ? 0 : 6, mtime }];
  return zipSync(zippable);
}
