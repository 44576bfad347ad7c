/**
 * Reads the key figures back from the pages of a layout-2 PDF: the text inside the marked-content
 * sequences `/QSFigure <</N /name /K (key)>> BDC … EMC` that report/toolkit/writer.ts `figure()`
 * writes (reference code, total, label, per-theme scores). A small content-stream reader for our
 * own pages: it decodes FlateDecode page streams (fflate), tokenises them, follows `Tf` for the
 * font and maps shown strings to text through the font's ToUnicode CMap (Identity-H, two-byte
 * codes) or, for the standard fonts, as Latin-1. Never throws: a page it cannot read gives no figures.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from '@cantoo/pdf-lib';
import { unzlibSync } from 'fflate';

export interface PageFigure {
  /** 1-based page number. */
  page: number;
  /** The figure's name (`referenceCode`, `total`, `label`, `theme`). */
  name: string;
  /** Which one (e.g. the theme id); '' when there is one of its name. */
  key: string;
  /** The text shown inside the marked sequence, strings concatenated in drawing order. */
  text: string;
}

type Token = { t: 'num'; v: number } | { t: 'name'; v: string } | { t: 'str'; v: Uint8Array } | { t: 'op'; v: string } | { t: '['} | { t: ']' } | { t: '<<' } | { t: '>>' };

/** Character classes (ISO 32000-1, 7.2.2): 1 white-space, 2 delimiter. */
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[c] = 2;
const ESCAPES: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };

function ascii(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) s += String.fromCharCode(b[k]!);
  return s;
}

/** A number token as PDF writes it (`12`, `-3.5`, `.5`, `+1.`), else NaN. */
function numberOf(b: Uint8Array, from: number, to: number): number {
  let k = from;
  if (b[k] === 0x2b || b[k] === 0x2d) k++;
  let digits = 0;
  let dots = 0;
  for (; k < to; k++) {
    const c = b[k]!;
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x2e && dots === 0) dots++;
    else return NaN;
  }
  return digits > 0 ? Number(ascii(b, from, to)) : NaN;
}

function tokenize(b: Uint8Array): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    const cls = CLASS[c]!;
    if (cls === 1) {
      i++;
    } else if (c === 0x25) {
      while (i < n && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    } else if (c === 0x2f) {
      let j = i + 1;
      while (j < n && CLASS[b[j]!] === 0) j++;
      out.push({ t: 'name', v: ascii(b, i + 1, j) });
      i = j;
    } else if (c === 0x28) {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const x = b[i]!;
        if (x === 0x5c) {
          const e = b[i + 1]!;
          if (e in ESCAPES) {
            bytes.push(ESCAPES[e]!);
            i += 2;
          } else if (e >= 0x30 && e <= 0x37) {
            let j = i + 1;
            let v = 0;
            while (j < i + 4 && b[j]! >= 0x30 && b[j]! <= 0x37) v = v * 8 + (b[j++]! - 0x30);
            bytes.push(v & 0xff);
            i = j;
          } else i += 2;
          continue;
        }
        if (x === 0x28) depth++;
        if (x === 0x29 && --depth === 0) {
          i++;
          break;
        }
        bytes.push(x);
        i++;
      }
      out.push({ t: 'str', v: Uint8Array.from(bytes) });
    } else if (c === 0x3c && b[i + 1] === 0x3c) {
      out.push({ t: '<<' });
      i += 2;
    } else if (c === 0x3e && b[i + 1] === 0x3e) {
      out.push({ t: '>>' });
      i += 2;
    } else if (c === 0x3c) {
      let j = i + 1;
      let hex = '';
      while (j < n && b[j] !== 0x3e) {
        if (CLASS[b[j]!] !== 1) hex += String.fromCharCode(b[j]!);
        j++;
      }
      if (hex.length % 2) hex += '0';
      const bytes = new Uint8Array(hex.length / 2);
      for (let k = 0; k < bytes.length; k++) bytes[k] = parseInt(hex.slice(2 * k, 2 * k + 2), 16);
      out.push({ t: 'str', v: bytes });
      i = j + 1;
    } else if (c === 0x5b) {
      out.push({ t: '[' });
      i++;
    } else if (c === 0x5d) {
      out.push({ t: ']' });
      i++;
    } else {
      let j = i;
      while (j < n && CLASS[b[j]!] === 0) j++;
      if (j === i) j++;
      const num = numberOf(b, i, j);
      out.push(Number.isFinite(num) ? { t: 'num', v: num } : { t: 'op', v: ascii(b, i, j) });
      i = j;
    }
  }
  return out;
}

/** A font's decoder: ToUnicode CMap for two-byte codes, else Latin-1 bytes. */
type Decoder = (bytes: Uint8Array) => string;

function streamBytes(obj: PDFObject | undefined): Uint8Array | undefined {
  if (!(obj instanceof PDFRawStream)) return undefined;
  const filter = obj.dict.get(PDFName.of('Filter'));
  const raw = obj.contents;
  if (filter === undefined) return raw;
  const name = filter instanceof PDFArray ? filter.get(0) : filter;
  if (name instanceof PDFName && name.asString() === '/FlateDecode') {
    try {
      return unzlibSync(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function hexToInt(bytes: Uint8Array): number {
  let v = 0;
  for (const x of bytes) v = v * 256 + x;
  return v;
}

function utf16(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return s;
}

function toUnicodeDecoder(cmap: Uint8Array): Decoder {
  const map = new Map<number, string>();
  const toks = tokenize(cmap);
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i]!;
    if (tk.t !== 'op') continue;
    if (tk.v === 'beginbfchar') {
      for (i++; i + 1 < toks.length && !(toks[i]!.t === 'op' && (toks[i] as { v: string }).v === 'endbfchar'); i += 2) {
        const a = toks[i]!;
        const b = toks[i + 1]!;
        if (a.t === 'str' && b.t === 'str') map.set(hexToInt(a.v), utf16(b.v));
      }
    } else if (tk.v === 'beginbfrange') {
      for (i++; i + 2 < toks.length && !(toks[i]!.t === 'op' && (toks[i] as { v: string }).v === 'endbfrange'); ) {
        const a = toks[i]!;
        const b = toks[i + 1]!;
        const d = toks[i + 2]!;
        if (a.t === 'str' && b.t === 'str' && d.t === 'str') {
          const start = hexToInt(a.v);
          const end = hexToInt(b.v);
          const base = utf16(d.v);
          for (let code = start; code <= end && code - start < 65536; code++) {
            map.set(code, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (code - start)));
          }
          i += 3;
        } else if (a.t === 'str' && b.t === 'str' && d.t === '[') {
          const start = hexToInt(a.v);
          let k = i + 3;
          let code = start;
          while (k < toks.length && toks[k]!.t !== ']') {
            const x = toks[k]!;
            if (x.t === 'str') map.set(code++, utf16(x.v));
            k++;
          }
          i = k + 1;
        } else i++;
      }
    }
  }
  return (bytes) => {
    let s = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) s += map.get((bytes[i]! << 8) | bytes[i + 1]!) ?? '\ufffd';
    return s;
  };
}

const latin1: Decoder = (bytes) => String.fromCharCode(...bytes);

function fontDecoders(doc: PDFDocument, resources: PDFDict | undefined): Map<string, Decoder> {
  const out = new Map<string, Decoder>();
  const fonts = resources?.lookup(PDFName.of('Font'));
  if (!(fonts instanceof PDFDict)) return out;
  for (const [name, ref] of fonts.entries()) {
    const font = doc.context.lookup(ref);
    if (!(font instanceof PDFDict)) continue;
    const tu = font.get(PDFName.of('ToUnicode'));
    const cmap = streamBytes(tu instanceof PDFRef ? doc.context.lookup(tu) : tu);
    out.set(name.asString().slice(1), cmap ? toUnicodeDecoder(cmap) : latin1);
  }
  return out;
}

function pageContents(doc: PDFDocument, contents: PDFObject | undefined): Uint8Array {
  const obj = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const parts: Uint8Array[] = [];
  if (obj instanceof PDFArray) {
    for (let i = 0; i < obj.size(); i++) {
      const b = streamBytes(doc.context.lookup(obj.get(i)));
      if (b) parts.push(b, Uint8Array.of(0x0a));
    }
  } else if (obj instanceof PDFStream) {
    const b = streamBytes(obj);
    if (b) parts.push(b);
  }
  const total = parts.reduce((a, p) => a + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The key figures of every page, in drawing order. */
export async function readPageFigures(bytes: Uint8Array, onlyPages?: readonly number[]): Promise<PageFigure[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return [];
  }
  return readFiguresOf(doc, onlyPages);
}

/** As {@link readPageFigures}, for a document already loaded. */
export function readFiguresOf(doc: PDFDocument, onlyPages?: readonly number[]): PageFigure[] {
  const figures: PageFigure[] = [];
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const number = index + 1;
    if (onlyPages && !onlyPages.includes(number)) return;
    try {
      const decoders = fontDecoders(doc, page.node.Resources());
      const toks = tokenize(pageContents(doc, page.node.get(PDFName.of('Contents'))));
      let decode: Decoder = latin1;
      const stack: (PageFigure | null)[] = [];
      const operands: Token[] = [];
      const show = (text: string) => {
        for (let k = stack.length - 1; k >= 0; k--) {
          const f = stack[k];
          if (f) {
            f.text += text;
            return;
          }
        }
      };
      for (const tk of toks) {
        if (tk.t !== 'op') {
          operands.push(tk);
          continue;
        }
        const op = tk.v;
        if (op === 'Tf') {
          const name = operands.find((o) => o.t === 'name') as { v: string } | undefined;
          if (name) decode = decoders.get(name.v) ?? latin1;
        } else if (op === 'Tj' || op === "'" || op === '"') {
          const s = [...operands].reverse().find((o) => o.t === 'str') as { v: Uint8Array } | undefined;
          if (s) show(decode(s.v));
        } else if (op === 'TJ') {
          for (const o of operands) if (o.t === 'str') show(decode(o.v));
        } else if (op === 'BDC') {
          const tag = operands.find((o) => o.t === 'name') as { v: string } | undefined;
          if (tag?.v === 'QSFigure') {
            let name = '';
            let key = '';
            for (let k = 0; k + 1 < operands.length; k++) {
              const a = operands[k]!;
              const b = operands[k + 1]!;
              if (a.t === 'name' && a.v === 'N' && b.t === 'name') name = b.v;
              if (a.t === 'name' && a.v === 'K' && b.t === 'str') key = latin1(b.v);
            }
            const f: PageFigure = { page: number, name, key, text: '' };
            figures.push(f);
            stack.push(f);
          } else stack.push(null);
        } else if (op === 'BMC') {
          stack.push(null);
        } else if (op === 'EMC') {
          stack.pop();
        }
        operands.length = 0;
      }
    } catch {
      // a page this reader cannot follow gives no figures
    }
  });
  return figures;
}
