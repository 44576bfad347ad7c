/**
 * The report toolkit's writer: a thin layer over jsPDF shared by the live report pages (issued
 * revision layout 2, report/revision/; re-validation) — a cursor with page breaks, wrapped text,
 * the page geometry and colours, and the embedded Unicode font (DejaVu Sans, subset by jsPDF to
 * the glyphs used). The frozen layout-1 pages keep their own copy (report/layout1.ts).
 *
 * Deterministic: no clock, no randomness, no `Intl`.
 */
import { jsPDF } from 'jspdf';
import { DEJAVU_RANGES, DEJAVU_SANS } from '../fonts/dejavu';

export type RGB = readonly [number, number, number];

export const PAGE_W = 210;
export const PAGE_H = 297;
export const MARGIN_X = 18;
export const CONTENT_W = PAGE_W - 2 * MARGIN_X;
export const TOP = 22;
export const BOTTOM = PAGE_H - 20;
export const PT = 25.4 / 72; // mm per point

export const INK: RGB = [31, 41, 51];
export const MUTED: RGB = [98, 108, 118];
export const RULE: RGB = [214, 220, 224];
export const ACCENT: RGB = [0, 98, 86];
export const ACCENT_LIGHT: RGB = [226, 241, 237];
export const BAR_BG: RGB = [233, 237, 239];
export const BAR_THEME: RGB = [38, 140, 122];
export const BAR_BEFORE: RGB = [158, 203, 193];
export const BAR_TOTAL: RGB = [0, 84, 74];
export const OK_FG: RGB = [22, 110, 56];
export const OK_BG: RGB = [220, 241, 227];
export const CLAIM_FG: RGB = [146, 84, 0];
export const CLAIM_BG: RGB = [252, 238, 208];
export const WHITE: RGB = [255, 255, 255];
export const NOT_FG: RGB = [168, 38, 28];
export const NOT_BG: RGB = [250, 226, 222];

export const LABEL_COLOURS: Record<string, RGB> = {
  bronze: [150, 94, 46],
  silver: [104, 114, 124],
  gold: [166, 124, 0],
  platinum: [58, 84, 110],
};

export type FontStyle = 'normal' | 'bold' | 'italic';
/** `sans`: DejaVu Sans (every character of DEJAVU_RANGES); `mono`: Courier, for hashes and keys (ASCII). */
export type FontFamily = 'sans' | 'mono';

const SANS = 'DejaVuSans';

/** A new A4 jsPDF document with DejaVu Sans registered (regular, bold, oblique). */
export function newDocument(): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  for (const [style, data] of Object.entries(DEJAVU_SANS) as [FontStyle, string][]) {
    const file = `${SANS}-${style}.ttf`;
    doc.addFileToVFS(file, data);
    doc.addFont(file, SANS, style, 'Identity-H');
  }
  doc.setFont(SANS, 'normal');
  return doc;
}

function covered(cp: number): boolean {
  for (const [a, b] of DEJAVU_RANGES) if (cp >= a && cp <= b) return true;
  return false;
}

/** Text as the embedded font can print it: NFC, line ends unified, characters outside the font as "?". */
export function printable(text: string): { text: string; simplified: boolean } {
  let simplified = false;
  let out = '';
  for (const ch of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a || covered(cp)) out += ch;
    else if (cp === 0x09) out += ' ';
    else {
      out += '?';
      simplified = true;
    }
  }
  return { text: out, simplified };
}

interface InternalWriter {
  write(...parts: string[]): void;
}

/** A cursor over a jsPDF document: page breaks, wrapped text, fonts and colours. */
export class Writer {
  readonly doc: jsPDF;
  y = TOP;
  /** Set when printed text had characters the embedded font lacks (shown as "?"). */
  simplified = false;
  private readonly header: (w: Writer) => void;
  private fontState: { style: FontStyle; family: FontFamily; colour: RGB } = { style: 'normal', family: 'sans', colour: INK };

  constructor(doc: jsPDF, header: (w: Writer) => void) {
    this.doc = doc;
    this.header = header;
  }

  /** Text as printed (see {@link printable}); notes when characters had to be replaced. */
  t(text: string): string {
    const p = printable(text);
    if (p.simplified) this.simplified = true;
    return p.text;
  }

  private font(size: number, style: FontStyle, colour: RGB, family: FontFamily): void {
    if (family === 'mono') this.doc.setFont('courier', style === 'italic' ? 'normal' : style);
    else this.doc.setFont(SANS, style);
    this.doc.setFontSize(size);
    this.doc.setTextColor(colour[0], colour[1], colour[2]);
  }

  setFont(size: number, style: FontStyle = 'normal', colour: RGB = INK, family: FontFamily = 'sans'): void {
    this.fontState = { style, family, colour };
    this.font(size, style, colour, family);
  }

  currentFont(): { style: FontStyle; family: FontFamily; colour: RGB } {
    return this.fontState;
  }

  fill(c: RGB): void {
    this.doc.setFillColor(c[0], c[1], c[2]);
  }

  draw(c: RGB, width = 0.2): void {
    this.doc.setDrawColor(c[0], c[1], c[2]);
    this.doc.setLineWidth(width);
  }

  raw(...parts: string[]): void {
    (this.doc.internal as unknown as InternalWriter).write(...parts);
  }

  /**
   * Prints a key figure inside a marked-content sequence `/QSFigure <</N /name /K (key)>> BDC … EMC`,
   * so a verifier reads it back from the page text (report/pdf-text.ts) and compares it with the
   * signed data. `key` tells apart figures of one name (e.g. the theme id).
   */
  figure(name: string, key: string, draw: () => void): void {
    const k = key.replace(/[()\\]/g, '');
    this.raw(`/QSFigure <</N /${name} /K (${k})>> BDC`);
    draw();
    this.raw('EMC');
  }

  /** Line height in mm for a font size in points. */
  static lh(size: number, factor = 1.32): number {
    return size * PT * factor;
  }

  newPage(): void {
    this.doc.addPage('a4', 'portrait');
    this.y = TOP;
    this.header(this);
  }

  /** Starts a new page when `height` mm does not fit below the cursor. */
  ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  width(text: string): number {
    return this.doc.getTextWidth(text);
  }

  split(text: string, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of this.t(text).split('\n')) {
      if (paragraph.trim() === '') {
        lines.push('');
        continue;
      }
      lines.push(...(this.doc.splitTextToSize(paragraph, width) as string[]));
    }
    return lines;
  }

  /** Prints wrapped text at the cursor, breaking pages between lines; the current font applies. */
  paragraph(text: string, x: number, width: number, size: number, factor = 1.32): void {
    const lh = Writer.lh(size, factor);
    for (const line of this.split(text, width)) {
      if (this.y + lh > BOTTOM) {
        const { style, family, colour } = this.currentFont();
        this.newPage();
        this.setFont(size, style, colour, family);
      }
      this.y += lh;
      if (line !== '') this.doc.text(line, x, this.y - lh * 0.25);
    }
  }

  /** Fits one line into a width, cutting it with an ellipsis when needed. */
  fit(text: string, width: number): string {
    let t = this.t(text);
    if (this.width(t) <= width) return t;
    while (t.length > 1 && this.width(`${t}…`) > width) t = t.slice(0, -1);
    return `${t.trimEnd()}…`;
  }

  /** A filled rounded tag with text, right-aligned at `right`; returns its width. */
  pill(text: string, right: number, baseline: number, fg: RGB, bg: RGB, size = 7.5): number {
    this.setFont(size, 'bold', fg);
    const t = this.t(text);
    const w = this.width(t) + 3.6;
    const h = size * PT + 1.8;
    this.fill(bg);
    this.doc.roundedRect(right - w, baseline - h + 1.05, w, h, 1.2, 1.2, 'F');
    this.doc.text(t, right - w + 1.8, baseline);
    return w;
  }

  sectionTitle(text: string): void {
    this.ensure(16);
    this.setFont(15, 'bold', ACCENT);
    this.y += 6.5;
    this.doc.text(this.t(text), MARGIN_X, this.y);
    this.y += 3;
    this.draw(ACCENT, 0.5);
    this.doc.line(MARGIN_X, this.y, MARGIN_X + 22, this.y);
    this.y += 4.5;
  }

  subTitle(text: string, needBelow = 12): void {
    this.ensure(9 + needBelow);
    this.y += 3;
    this.setFont(11, 'bold', INK);
    this.y += 4.5;
    this.doc.text(this.t(text), MARGIN_X, this.y);
    this.y += 2.5;
  }
}
