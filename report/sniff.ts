/**
 * Recognising a file by its first bytes, shared by the verifier (report/verify.ts), the PDF reader
 * (report/extract.ts) and the app's import (renderer/files/import.ts). No dependencies, so the
 * app's first screen can use it without loading the PDF libraries.
 */

/** The first byte that is not whitespace or a UTF-8 byte-order mark, or -1. */
function firstSignificantByte(bytes: Uint8Array): number {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  for (; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return -1;
}

/**
 * Whether the bytes are a PDF: `%PDF-` within the first 1,024 bytes (where PDF readers accept
 * the header), unless the file starts like JSON (`{` or `[`): a signed envelope is JSON even
 * when its text (a project name, a note) contains "%PDF-".
 */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const first = firstSignificantByte(bytes);
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) return false;
  const n = Math.min(bytes.length, 1024);
  for (let i = 0; i + 4 < n; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}
