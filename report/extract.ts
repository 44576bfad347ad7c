/**
 * Reads the envelope attachment (`quickscan-envelope.json`) back out of PDF bytes, and any
 * other attachment by name (the re-validation report carries two envelopes and a descriptor).
 *
 * pdf-lib has no API for reading attachments, so this walks the catalog's
 * /Names → /EmbeddedFiles name tree to the file specification, its /EF /F stream, and
 * decodes it (no filter or /FlateDecode only). Built for hostile input: it never throws,
 * bounds the input size, the tree walk (depth, nodes, cycles) and the decoded size (the
 * inflater stops as soon as the limit is passed, so a compression bomb costs nothing).
 */
import { Unzlib } from 'fflate';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString, type PDFObject } from '@cantoo/pdf-lib';
import { ENVELOPE_ATTACHMENT_NAME } from './attachments';
import { looksLikePdf } from './sniff';

export const EXTRACT_LIMITS = {
  /** Largest PDF file read at all. */
  maxPdfBytes: 50 * 1024 * 1024,
  /** Largest attachment, decoded. An envelope of a full scan is a few tens of KB. */
  maxAttachmentBytes: 4 * 1024 * 1024,
  maxTreeDepth: 16,
  maxTreeNodes: 2_000,
} as const;

export type ExtractErrorCode = 'empty' | 'too-large' | 'not-pdf' | 'pdf-unreadable' | 'encrypted' | 'no-attachment' | 'attachment-unreadable';

export type ExtractResult =
  | { ok: true; text: string; bytes: Uint8Array }
  | { ok: false; code: ExtractErrorCode; detail: string };

class ExtractError extends Error {
  readonly code: ExtractErrorCode;
  constructor(code: ExtractErrorCode, detail: string) {
    super(detail);
    this.code = code;
  }
}

function describe(error: unknown): string {
  // a JavaScript error from inside the PDF library ("Cannot read properties of undefined") is a
  // damaged structure, not a message for a person
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError || error instanceof SyntaxError) return 'broken internal structure';
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split('\n')[0] ?? '';
  return firstLine.length > 160 ? `${firstLine.slice(0, 157)}...` : firstLine;
}

export { looksLikePdf };

function resolve(doc: PDFDocument, obj: PDFObject | undefined): PDFObject | undefined {
  let current = obj;
  for (let i = 0; i < 8 && current instanceof PDFRef; i++) current = doc.context.lookup(current);
  return current instanceof PDFRef ? undefined : current;
}

function dictGet(doc: PDFDocument, dict: PDFDict, key: string): PDFObject | undefined {
  return resolve(doc, dict.get(PDFName.of(key)));
}

function nameTreeKey(obj: PDFObject | undefined): string | undefined {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  return undefined;
}

/** Finds the value for `name` in a name tree (ISO 32000-1, 7.9.6), with bounded work. */
function findInNameTree(doc: PDFDocument, root: PDFDict, name: string): PDFObject | undefined {
  const seen = new Set<PDFDict>();
  let nodes = 0;
  const visit = (node: PDFDict, depth: number): PDFObject | undefined => {
    if (depth > EXTRACT_LIMITS.maxTreeDepth) throw new ExtractError('pdf-unreadable', 'the attachment list is nested too deeply');
    if (seen.has(node)) throw new ExtractError('pdf-unreadable', 'the attachment list refers to itself');
    seen.add(node);
    if (++nodes > EXTRACT_LIMITS.maxTreeNodes) throw new ExtractError('pdf-unreadable', 'the attachment list is too large');
    const names = dictGet(doc, node, 'Names');
    if (names instanceof PDFArray) {
      for (let i = 0; i + 1 < names.size(); i += 2) {
        if (nameTreeKey(resolve(doc, names.get(i))) === name) return resolve(doc, names.get(i + 1));
      }
    }
    const kids = dictGet(doc, node, 'Kids');
    if (kids instanceof PDFArray) {
      for (let i = 0; i < kids.size(); i++) {
        const kid = resolve(doc, kids.get(i));
        if (kid instanceof PDFDict) {
          const found = visit(kid, depth + 1);
          if (found) return found;
        }
      }
    }
    return undefined;
  };
  return visit(root, 0);
}

/** Inflates zlib data, stopping as soon as the output passes `max` bytes. */
function inflateBounded(data: Uint8Array, max: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Unzlib((chunk, final) => {
    total += chunk.length;
    if (total > max) throw new ExtractError('attachment-unreadable', `the attachment is larger than ${max} bytes`);
    chunks.push(chunk);
    if (final) ended = true;
  });
  const step = 16 * 1024;
  for (let i = 0; i < data.length; i += step) inflater.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  if (!ended) throw new ExtractError('attachment-unreadable', 'the compressed attachment is incomplete');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function streamBytes(doc: PDFDocument, stream: PDFRawStream): Uint8Array {
  const filter = dictGet(doc, stream.dict, 'Filter');
  const raw = stream.getContents();
  let filters: string[] = [];
  if (filter instanceof PDFName) filters = [filter.decodeText()];
  else if (filter instanceof PDFArray) {
    for (let i = 0; i < filter.size(); i++) {
      const f = resolve(doc, filter.get(i));
      if (!(f instanceof PDFName)) throw new ExtractError('attachment-unreadable', 'the attachment has an invalid filter');
      filters.push(f.decodeText());
    }
  } else if (filter !== undefined) {
    throw new ExtractError('attachment-unreadable', 'the attachment has an invalid filter');
  }
  if (filters.length === 0) {
    if (raw.length > EXTRACT_LIMITS.maxAttachmentBytes) throw new ExtractError('attachment-unreadable', 'the attachment is too large');
    return raw;
  }
  if (filters.length === 1 && filters[0] === 'FlateDecode') {
    try {
      return inflateBounded(raw, EXTRACT_LIMITS.maxAttachmentBytes);
    } catch (error) {
      if (error instanceof ExtractError) throw error;
      throw new ExtractError('attachment-unreadable', `the compressed attachment is damaged (${describe(error)})`);
    }
  }
  throw new ExtractError('attachment-unreadable', `the attachment uses an unsupported encoding (${filters.join(', ')})`);
}

/** The attachments of a PDF, read on demand by name (see {@link openPdfAttachments}). */
export interface PdfAttachments {
  /** The document as loaded (read only), so that later checks (the page text) need not parse the file again. */
  doc: PDFDocument;
  /** Whether the PDF has an attachment of that name (its stream is not read). */
  has(name: string): boolean;
  /** The attachment's bytes and text (UTF-8), or why it cannot be read. Never throws. */
  get(name: string): ExtractResult;
}

/**
 * Loads a PDF once to read its attachments by name. Never throws: a file that is not a PDF, is
 * encrypted or damaged comes back as `{ ok: false, code, detail }`; a PDF without attachments
 * gives an empty set (`has` false, `get` 'no-attachment').
 */
export async function openPdfAttachments(bytes: Uint8Array): Promise<({ ok: true } & PdfAttachments) | { ok: false; code: ExtractErrorCode; detail: string }> {
  try {
    if (bytes.length === 0) return { ok: false, code: 'empty', detail: 'the file is empty' };
    if (bytes.length > EXTRACT_LIMITS.maxPdfBytes) return { ok: false, code: 'too-large', detail: 'the file is too large' };
    if (!looksLikePdf(bytes)) return { ok: false, code: 'not-pdf', detail: 'the file does not start like a PDF' };
    let doc: PDFDocument;
    try {
      doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
    } catch (error) {
      const detail = describe(error);
      if (/encrypt/i.test(detail)) return { ok: false, code: 'encrypted', detail: 'the PDF is encrypted' };
      return { ok: false, code: 'pdf-unreadable', detail };
    }
    const names = dictGet(doc, doc.catalog, 'Names');
    const tree = names instanceof PDFDict ? dictGet(doc, names, 'EmbeddedFiles') : undefined;
    const specs = new Map<string, PDFObject | undefined | ExtractError>();
    const spec = (name: string): PDFObject | undefined => {
      if (!(tree instanceof PDFDict)) return undefined;
      if (!specs.has(name)) {
        try {
          specs.set(name, findInNameTree(doc, tree, name));
        } catch (error) {
          specs.set(name, error instanceof ExtractError ? error : new ExtractError('pdf-unreadable', describe(error)));
        }
      }
      const found = specs.get(name);
      if (found instanceof ExtractError) throw found;
      return found;
    };
    const get = (name: string): ExtractResult => {
      try {
        if (!(tree instanceof PDFDict)) return { ok: false, code: 'no-attachment', detail: 'the PDF has no attached files' };
        const fileSpec = spec(name);
        if (!(fileSpec instanceof PDFDict)) return { ok: false, code: 'no-attachment', detail: `the PDF has no attachment ${name}` };
        const ef = dictGet(doc, fileSpec, 'EF');
        const stream = ef instanceof PDFDict ? (dictGet(doc, ef, 'F') ?? dictGet(doc, ef, 'UF')) : undefined;
        if (!(stream instanceof PDFRawStream)) return { ok: false, code: 'attachment-unreadable', detail: 'the attachment has no embedded file stream' };
        const data = streamBytes(doc, stream);
        let text: string;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(data);
        } catch {
          return { ok: false, code: 'attachment-unreadable', detail: 'the attachment is not UTF-8 text' };
        }
        return { ok: true, text, bytes: data };
      } catch (error) {
        if (error instanceof ExtractError) return { ok: false, code: error.code, detail: error.message };
        return { ok: false, code: 'pdf-unreadable', detail: describe(error) };
      }
    };
    const has = (name: string): boolean => {
      try {
        return spec(name) instanceof PDFDict;
      } catch {
        return false;
      }
    };
    return { ok: true, doc, has, get };
  } catch (error) {
    if (error instanceof ExtractError) return { ok: false, code: error.code, detail: error.message };
    return { ok: false, code: 'pdf-unreadable', detail: describe(error) };
  }
}

/**
 * The attached envelope's bytes and text (UTF-8). Never throws: every problem comes back as
 * `{ ok: false, code, detail }` with a short English detail.
 */
export async function extractEnvelopeFromPdf(bytes: Uint8Array): Promise<ExtractResult> {
  return extractAttachmentFromPdf(bytes, ENVELOPE_ATTACHMENT_NAME);
}

/** One attachment's bytes and text (UTF-8), by name. Never throws. */
export async function extractAttachmentFromPdf(bytes: Uint8Array, name: string): Promise<ExtractResult> {
  const opened = await openPdfAttachments(bytes);
  if (!opened.ok) return opened;
  return opened.get(name);
}
