/**
 * Report layout 1: the pages of an issued revision, drawn with jsPDF.
 *
 * FROZEN once released: verification rebuilds a PDF's pages byte for byte with the builder of
 * the layout named in its envelope, so any change to what this file (or the strings and formats
 * it uses) draws makes every layout-1 PDF issued so far fail the page check. Make changes in a
 * new layout module (copy this file to layout2.ts) and register it in report/pdf.ts. The test
 * of the committed examples (report/examples.test.ts) catches accidental changes.
 *
 * Deterministic: no current time, no randomness, no machine time zone, no `Intl`, only the
 * built-in Helvetica and Courier (text reduced to Windows-1252 by `toWinAnsi`).
 *
 * Revisions that embed a tender requirement profile (`content.profile`, added later) get one
 * more page after the cover (compliancePage); without a profile nothing here changed. The
 * Writer, the page geometry and the colours are exported for the re-validation report
 * (report/revalidation-layout1.ts), which is frozen the same way.
 */
import { jsPDF } from 'jspdf';
import { create as createQr } from 'qrcode/lib/core/qrcode.js';
import type { QuickScanDefinition } from '../forms/schema';
import { checkCompliance, type ComplianceResult } from '../scoring/compliance';
import type { IssuedEnvelope, ReportLocale } from '../scoring/issued';
import { frontier as computeFrontier, scoredPoints, type Frontier } from '../scoring/optimize';
import { profileAppliesToMethod, profileIssues, verifyProfileEnvelope, type ProfileEnvelope, type ProfileIssue, type ProfileVerification } from '../scoring/profile';
import { scoreScan, type ScanScore } from '../scoring/score';
import { circularBudgetCents } from '../scoring/money';
import { keyFingerprint } from '../scoring/signature';
import {
  formatDate,
  formatDateTime,
  formatDecimal,
  formatEuroAmount,
  formatEuroCents,
  formatEuroWhole,
  formatInteger,
  formatIsoDate,
  formatScore,
  pdfDate,
  toWinAnsi,
} from './format';
import { buildingTypeName, KIND_NAMES, PHASE_NAMES, PHASE_SHORT, reportStrings, type ReportStrings } from './strings';

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

/** The parts of an envelope and definition the pages are drawn from, computed once. */
interface Model {
  env: IssuedEnvelope;
  def: QuickScanDefinition;
  loc: ReportLocale;
  s: ReportStrings;
  score: ScanScore;
  frontier: Frontier;
  budgetCents: number;
  /** Only for a revision issued against a tender requirement profile (`content.profile`). */
  compliance?: ComplianceModel;
}

/** The embedded requirement profile, checked, and the compliance of the revision with it. */
interface ComplianceModel {
  profile: ProfileEnvelope;
  verification: ProfileVerification;
  /** The profile names the revision's method (id, version, SHA-256). */
  applies: boolean;
  /** Labels, themes, questions or levels the profile names that the definition lacks. */
  issues: ProfileIssue[];
  /** Null when the profile cannot be checked against this revision (`applies` false or `issues`). */
  result: ComplianceResult | null;
}

interface InternalWriter {
  write(...parts: string[]): void;
}

/** A thin layer over jsPDF: a cursor, page breaks, wrapped text, Windows-1252 text. */
export class Writer {
  readonly doc: jsPDF;
  y = TOP;
  /** Set when printed text had to be simplified to fit Windows-1252. */
  simplified = false;
  private readonly header: (w: Writer) => void;

  constructor(doc: jsPDF, header: (w: Writer) => void) {
    this.doc = doc;
    this.header = header;
  }

  /** Text as printed: reduced to Windows-1252 (and noted when that changed it). */
  t(text: string): string {
    const out = toWinAnsi(text);
    if (out !== text.replace(/\r\n?/g, '\n')) this.simplified = true;
    return out;
  }

  font(size: number, style: 'normal' | 'bold' | 'italic' = 'normal', colour: RGB = INK, family: 'helvetica' | 'courier' = 'helvetica'): void {
    this.doc.setFont(family, style);
    this.doc.setFontSize(size);
    this.doc.setTextColor(colour[0], colour[1], colour[2]);
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
        this.font(size, style, colour, family);
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

  private fontState: { style: 'normal' | 'bold' | 'italic'; family: 'helvetica' | 'courier'; colour: RGB } = {
    style: 'normal',
    family: 'helvetica',
    colour: INK,
  };

  currentFont(): { style: 'normal' | 'bold' | 'italic'; family: 'helvetica' | 'courier'; colour: RGB } {
    return this.fontState;
  }

  setFont(size: number, style: 'normal' | 'bold' | 'italic' = 'normal', colour: RGB = INK, family: 'helvetica' | 'courier' = 'helvetica'): void {
    this.fontState = { style, family, colour };
    this.font(size, style, colour, family);
  }

  /** A filled rounded tag with text, right-aligned at `right`; returns its width. */
  pill(text: string, right: number, baseline: number, fg: RGB, bg: RGB, size = 7.5): number {
    this.setFont(size, 'bold', fg);
    const w = this.width(text) + 3.6;
    const h = size * PT + 1.8;
    this.fill(bg);
    this.doc.roundedRect(right - w, baseline - h + 1.05, w, h, 1.2, 1.2, 'F');
    this.doc.text(text, right - w + 1.8, baseline);
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

/* ------------------------------------------------------------------------------------------ */
/* Shared bits                                                                                */
/* ------------------------------------------------------------------------------------------ */

function labelName(m: Model, id: string | null): string {
  if (id === null) return m.s.noLabel;
  return m.def.labels.find((l) => l.id === id)?.name[m.loc] ?? id;
}

function scoreText(m: Model, display: number | null): string {
  return display === null ? '–' : formatScore(display, m.loc);
}

/** Key/value rows in two columns: label (muted, small) above value. */
export function facts(w: Writer, rows: [string, string][], x: number, width: number, columns: number): void {
  const colW = width / columns;
  let maxY = w.y;
  const startY = w.y;
  rows.forEach(([label, value], i) => {
    const col = i % columns;
    if (col === 0 && i > 0) w.y = maxY + 1.6;
    const rowY = w.y;
    const cx = x + col * colW;
    w.setFont(7.5, 'normal', MUTED);
    w.doc.text(w.t(label), cx, rowY + 3);
    w.setFont(9.5, 'normal', INK);
    const lines = w.split(value || '—', colW - 4).slice(0, 3);
    lines.forEach((line, li) => w.doc.text(line, cx, rowY + 7.2 + li * Writer.lh(9.5, 1.2)));
    maxY = Math.max(maxY, rowY + 7.2 + (lines.length - 1) * Writer.lh(9.5, 1.2) + 1.2);
    w.y = rowY;
  });
  w.y = Math.max(maxY, startY);
}

/** The QR code as vector squares: one path of rectangles per row run, filled once. */
export function drawQr(w: Writer, text: string, x: number, y: number, size: number): void {
  const qr = createQr(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const m = size / (n + 2 * quiet);
  const k = 72 / 25.4;
  const ops: string[] = [];
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      let end = c;
      while (end < n && qr.modules.get(r, end)) end++;
      const x0 = (x + (quiet + c) * m) * k;
      const y0 = (PAGE_H - (y + (quiet + r + 1) * m)) * k;
      ops.push(`${x0.toFixed(2)} ${y0.toFixed(2)} ${((end - c) * m * k).toFixed(2)} ${(m * k).toFixed(2)} re`);
      c = end;
    }
  }
  w.fill(WHITE);
  w.doc.rect(x, y, size, size, 'F');
  w.raw('0 g');
  w.raw(ops.join('\n'));
  w.raw('f');
}

/* ------------------------------------------------------------------------------------------ */
/* Page (a): cover                                                                            */
/* ------------------------------------------------------------------------------------------ */

function cover(w: Writer, m: Model): void {
  const { env, s, loc } = m;
  const c = env.content;
  const doc = w.doc;

  // band
  w.fill(ACCENT);
  doc.rect(0, 0, PAGE_W, 14, 'F');
  w.setFont(9, 'bold', WHITE);
  doc.text(s.appName.toUpperCase(), MARGIN_X, 9);
  w.setFont(9, 'normal', WHITE);
  doc.text(w.t(s.coverKicker(PHASE_SHORT[c.phase][loc])), PAGE_W - MARGIN_X, 9, { align: 'right' });

  // right column: reference code and QR
  const rx = 140;
  const rw = PAGE_W - MARGIN_X - rx;
  w.fill(ACCENT_LIGHT);
  doc.roundedRect(rx, 22, rw, 71, 2, 2, 'F');
  w.setFont(7.5, 'bold', ACCENT);
  doc.text(w.t(s.referenceCode.toUpperCase()), rx + rw / 2, 29, { align: 'center' });
  w.setFont(12.5, 'bold', INK);
  doc.text(env.referenceCode, rx + rw / 2, 36, { align: 'center' });
  drawQr(w, `${env.referenceCode};sha256=${env.contentHash}`, rx + (rw - 44) / 2, 39, 44);
  w.setFont(6.5, 'normal', MUTED);
  w.split(s.qrHint, rw - 6).forEach((line, i) => doc.text(line, rx + rw / 2, 87.5 + i * 3, { align: 'center' }));

  // left column: project
  const lw = rx - MARGIN_X - 8;
  w.y = 22;
  w.setFont(8, 'bold', ACCENT);
  w.y += 4;
  doc.text(w.t(s.documentTitle.toUpperCase()), MARGIN_X, w.y);
  w.setFont(19, 'bold', INK);
  const allNameLines = w.split(c.project.name || '—', lw);
  const nameLines = allNameLines.slice(0, 3);
  if (allNameLines.length > 3) nameLines[2] = w.fit(`${nameLines[2]} ${allNameLines[3]}`, lw);
  for (const line of nameLines) {
    w.y += Writer.lh(19, 1.15);
    doc.text(line, MARGIN_X, w.y);
  }
  const place = [c.project.address, c.project.municipality].filter((x) => x.trim() !== '').join(', ');
  if (place) {
    w.setFont(10, 'normal', MUTED);
    w.y += 5.5;
    doc.text(w.fit(place, lw), MARGIN_X, w.y);
  }
  w.y += 4;
  facts(
    w,
    [
      [s.projectBuildingType, buildingTypeName(c.project.buildingType, loc)],
      [s.projectKind, KIND_NAMES[c.project.kind][loc]],
      [s.projectGfa, s.gfaValue(formatDecimal(c.project.gfaM2, loc))],
      [s.projectClient, c.project.client],
      [s.phase, PHASE_NAMES[c.phase][loc]],
      [s.issuedOn, formatDateTime(c.issuedAt, loc)],
    ],
    MARGIN_X,
    lw,
    2,
  );
  w.y = Math.max(w.y, 97);

  // theme scores
  w.setFont(12, 'bold', INK);
  w.y += 5;
  doc.text(w.t(s.themeScores), MARGIN_X, w.y);
  w.setFont(7.5, 'normal', MUTED);
  w.y += 4;
  doc.text(w.t(s.themeScoresNote), MARGIN_X, w.y);
  w.y += 3;

  const labelW = 68;
  const barX = MARGIN_X + labelW;
  const barW = 86;
  const valueX = PAGE_W - MARGIN_X;
  const row = 6.6;
  for (const t of m.score.themes) {
    const def = m.def.themes.find((d) => d.id === t.id);
    w.y += row;
    w.setFont(9, 'bold', INK);
    doc.text(t.id, MARGIN_X, w.y);
    w.setFont(9, 'normal', INK);
    doc.text(w.fit(def?.title[loc] ?? t.id, labelW - 9), MARGIN_X + 5.5, w.y);
    w.fill(BAR_BG);
    doc.rect(barX, w.y - 3.3, barW, 4.2, 'F');
    if (t.display !== null) {
      w.fill(BAR_THEME);
      if (t.display > 0) doc.rect(barX, w.y - 3.3, (barW * t.display) / 100, 4.2, 'F');
      w.setFont(9.5, 'bold', INK);
      doc.text(formatScore(t.display, loc), valueX, w.y, { align: 'right' });
    } else {
      w.setFont(7.5, 'italic', MUTED);
      doc.text(w.t(s.noThemeScore), barX + 2, w.y - 0.3);
      w.setFont(9.5, 'bold', MUTED);
      doc.text('–', valueX, w.y, { align: 'right' });
    }
  }
  // gridlines at 25/50/75 over the bars
  w.draw(WHITE, 0.35);
  const gridTop = w.y - m.score.themes.length * row - 3.3 + row;
  for (const q of [25, 50, 75]) doc.line(barX + (barW * q) / 100, gridTop, barX + (barW * q) / 100, w.y + 0.9);

  // total and label
  w.y += 4;
  w.draw(RULE, 0.3);
  doc.line(MARGIN_X, w.y, PAGE_W - MARGIN_X, w.y);
  w.y += 7.5;
  w.setFont(10.5, 'bold', INK);
  doc.text(w.t(s.total), MARGIN_X, w.y);
  w.setFont(7.5, 'normal', MUTED);
  doc.text(w.fit(s.totalNote, labelW - 4), MARGIN_X, w.y + 3.6);
  w.fill(BAR_BG);
  doc.rect(barX, w.y - 4, barW, 5.4, 'F');
  const total = m.score.total?.display ?? null;
  if (total !== null && total > 0) {
    w.fill(BAR_TOTAL);
    doc.rect(barX, w.y - 4, (barW * total) / 100, 5.4, 'F');
  }
  w.setFont(12, 'bold', INK);
  doc.text(scoreText(m, total), valueX, w.y + 0.3, { align: 'right' });

  // label badge
  w.y += 11;
  const reached = m.score.label.reached;
  w.setFont(9, 'normal', MUTED);
  doc.text(w.t(s.label), MARGIN_X, w.y);
  const badge = reached === null ? s.noLabel : labelName(m, reached);
  w.setFont(10.5, 'bold', WHITE);
  const bw = w.width(w.t(badge)) + 8;
  w.fill(reached === null ? MUTED : (LABEL_COLOURS[reached] ?? ACCENT));
  doc.roundedRect(barX, w.y - 4.6, bw, 6.6, 1.5, 1.5, 'F');
  doc.text(w.t(badge), barX + 4, w.y);
  const next = m.score.label.next;
  if (next) {
    const themes = next.themesBelow.map((t) => t.theme).join(', ');
    const parts =
      next.missingTotal > 0
        ? [s.nextLabel(labelName(m, next.id), formatScore(next.missingTotal, loc)), ...(themes ? [s.nextLabelThemes(themes)] : [])]
        : [s.nextLabelOnlyThemes(labelName(m, next.id), themes)];
    w.setFont(7.5, 'normal', MUTED);
    const lines = w.split(parts.join('; '), PAGE_W - MARGIN_X - (barX + bw + 4));
    const first = lines.length > 1 ? w.y - 2.6 : w.y - 0.9;
    lines.slice(0, 2).forEach((line, i) => doc.text(line, barX + bw + 4, first + i * 3.2));
  }

  // method, assessor, integrity
  w.y = Math.max(w.y + 8, 206);
  w.draw(RULE, 0.3);
  doc.line(MARGIN_X, w.y, PAGE_W - MARGIN_X, w.y);
  const colW = CONTENT_W / 2 - 4;
  const top = w.y + 5;
  // method
  w.setFont(7.5, 'bold', ACCENT);
  doc.text(w.t(s.method.toUpperCase()), MARGIN_X, top);
  w.setFont(9.5, 'bold', INK);
  let ly = top + 5;
  for (const line of w.split(m.def.title[loc], colW).slice(0, 2)) {
    doc.text(line, MARGIN_X, ly);
    ly += 4.2;
  }
  w.setFont(8.5, 'normal', INK);
  doc.text(w.t(s.methodVersion(c.method.version, formatIsoDate(m.def.released, loc))), MARGIN_X, ly);
  ly += 4.2;
  w.setFont(7, 'normal', MUTED);
  doc.text(w.t(`${s.methodHash}:`), MARGIN_X, ly);
  w.setFont(7, 'normal', MUTED, 'courier');
  doc.text(c.method.sha256.slice(0, 32), MARGIN_X, ly + 3.4);
  doc.text(c.method.sha256.slice(32), MARGIN_X, ly + 6.6);

  // assessor
  const ax = MARGIN_X + CONTENT_W / 2 + 4;
  w.setFont(7.5, 'bold', ACCENT);
  doc.text(w.t(s.assessor.toUpperCase()), ax, top);
  w.setFont(9.5, 'bold', INK);
  doc.text(w.fit(c.assessor.name, colW), ax, top + 5);
  w.setFont(8.5, 'normal', INK);
  let ay = top + 9.2;
  for (const line of [c.assessor.organisation, c.assessor.role].filter((x) => x.trim() !== '')) {
    doc.text(w.fit(line, colW), ax, ay);
    ay += 4.2;
  }
  w.setFont(8.5, 'italic', INK);
  doc.text(w.t(c.assessor.assessmentType === 'self' ? s.assessmentSelf : s.assessmentIndependent), ax, ay);
  ay += 4.2;
  w.setFont(7, 'normal', MUTED);
  doc.text(w.t(`${s.keyFingerprint}:`), ax, ay);
  w.setFont(8.5, 'bold', INK, 'courier');
  doc.text(keyFingerprint(c.assessor.publicKey), ax, ay + 3.8);

  // content hash
  w.y = Math.max(ly + 6.6, ay + 3.8) + 6;
  w.fill(ACCENT_LIGHT);
  doc.roundedRect(MARGIN_X, w.y, CONTENT_W, 15, 1.5, 1.5, 'F');
  w.setFont(7, 'normal', MUTED);
  doc.text(w.t(`${s.contentHash}:`), MARGIN_X + 3, w.y + 4.5);
  w.setFont(8, 'normal', INK, 'courier');
  doc.text(env.contentHash, MARGIN_X + 3, w.y + 8.6);
  w.setFont(7, 'normal', MUTED);
  doc.text(w.fit(s.signedNote, CONTENT_W - 6), MARGIN_X + 3, w.y + 12.4);
}

/* ------------------------------------------------------------------------------------------ */
/* Page (a2): tender requirements (only for a revision that embeds a requirement profile)     */
/* ------------------------------------------------------------------------------------------ */

function complianceModel(env: IssuedEnvelope, def: QuickScanDefinition, profile: ProfileEnvelope): ComplianceModel {
  const c = env.content;
  const verification = verifyProfileEnvelope(profile);
  const applies = profileAppliesToMethod(profile.content, c.method);
  const issues = applies ? profileIssues(def, profile.content) : [];
  const result =
    applies && issues.length === 0 ? checkCompliance(def, { project: c.project, answers: c.scan.answers, costOverrides: c.scan.costOverrides }, profile.content) : null;
  return { profile, verification, applies, issues, result };
}

function compliancePage(w: Writer, m: Model, cm: ComplianceModel): void {
  const { s, loc } = m;
  const doc = w.doc;
  const p = cm.profile.content;
  const r = cm.result;
  w.newPage();
  w.sectionTitle(s.complianceTitle);
  w.setFont(8.5, 'normal', MUTED);
  w.paragraph(s.complianceIntro, MARGIN_X, CONTENT_W, 8.5);
  w.y += 1;

  facts(
    w,
    [
      [s.complianceTender, p.tender.name],
      [s.complianceTenderReference, p.tender.reference],
      [s.complianceAuthority, p.contractingAuthority],
      [s.complianceCreated, formatIsoDate(p.created, loc)],
      [s.complianceSigner, [p.signer.name, p.signer.role].filter((x) => x.trim() !== '').join(', ')],
      [s.complianceSignerFingerprint, cm.verification.fingerprint || '–'],
      [s.complianceProfileCode, cm.verification.referenceCode || '–'],
      [s.complianceSignature, cm.verification.ok ? s.complianceSignatureValid : s.complianceSignatureInvalid],
    ],
    MARGIN_X,
    CONTENT_W,
    2,
  );
  // the profile's hash in full, and where to compare the fingerprint
  w.y += 3;
  w.fill(ACCENT_LIGHT);
  doc.roundedRect(MARGIN_X, w.y, CONTENT_W, 15, 1.5, 1.5, 'F');
  w.setFont(7, 'normal', MUTED);
  doc.text(w.t(`${s.complianceProfileHash}:`), MARGIN_X + 3, w.y + 4.5);
  w.setFont(8, 'normal', INK, 'courier');
  doc.text(cm.verification.contentHash || cm.profile.contentHash, MARGIN_X + 3, w.y + 8.6);
  w.setFont(7, 'normal', MUTED);
  doc.text(w.fit(s.complianceFingerprintNote, CONTENT_W - 6), MARGIN_X + 3, w.y + 12.4);
  w.y += 15;

  // the outcome
  w.y += 9;
  const requirements = r ? (r.score.total === null ? 1 : 0) + (r.label.required !== null ? 1 : 0) + r.themes.length + r.mustHaves.length : 0;
  const metCount = r ? (r.label.required !== null && r.label.met ? 1 : 0) + r.themes.filter((t) => t.met).length + r.mustHaves.filter((x) => x.met).length : 0;
  const badge = r === null ? s.complianceNotAssessed : r.compliant ? s.compliant : s.notCompliant;
  w.setFont(11, 'bold', WHITE);
  const bw = w.width(w.t(badge)) + 9;
  w.fill(r === null ? MUTED : r.compliant ? OK_FG : NOT_FG);
  doc.roundedRect(MARGIN_X, w.y - 5.2, bw, 7.6, 1.6, 1.6, 'F');
  doc.text(w.t(badge), MARGIN_X + 4.5, w.y);
  if (r) {
    w.setFont(9, 'normal', MUTED);
    doc.text(w.t(s.complianceCount(formatInteger(metCount, loc), formatInteger(requirements, loc))), MARGIN_X + bw + 4, w.y - 0.3);
  }
  w.y += 4;

  if (!r) {
    w.y += 2;
    w.setFont(9, 'normal', INK);
    const what = (x: { id: string; version: string; sha256: string }) => `${x.id} ${x.version} (SHA-256 ${x.sha256.slice(0, 12)}…)`;
    const text = !cm.applies
      ? s.complianceOtherMethod(what(p.method), what(m.env.content.method))
      : s.complianceMismatch(cm.issues.slice(0, 3).map(layout1IssueText).join('; ') + (cm.issues.length > 3 ? ` (+${cm.issues.length - 3})` : ''));
    w.paragraph(text, MARGIN_X, CONTENT_W, 9);
  } else {
    complianceTable(w, m, r);

    // the fictitious discount
    w.subTitle(s.complianceDiscount, 10);
    if (p.valuePerPointEur === undefined) {
      w.setFont(9, 'normal', INK);
      w.paragraph(s.complianceDiscountNotInProfile, MARGIN_X, CONTENT_W, 9);
    } else if (r.fictitiousDiscountCents === null) {
      w.setFont(9, 'normal', INK);
      w.paragraph(s.complianceDiscountNone, MARGIN_X, CONTENT_W, 9);
    } else {
      w.y += 5;
      w.setFont(12, 'bold', INK);
      doc.text(formatEuroCents(r.fictitiousDiscountCents, loc), MARGIN_X, w.y);
      w.y += 0.5;
      w.setFont(8.5, 'normal', MUTED);
      const total = r.score.total ? formatScore(r.score.total.display, loc) : '–';
      w.paragraph(s.complianceDiscountExplain(total, formatEuroAmount(p.valuePerPointEur, loc)), MARGIN_X, CONTENT_W, 8.5);
    }
  }

  if (p.notes !== undefined && p.notes.trim() !== '') {
    w.subTitle(s.complianceNotes, 8);
    w.setFont(8.5, 'normal', INK);
    w.paragraph(p.notes.trim(), MARGIN_X, CONTENT_W, 8.5);
  }
  w.y += 3;
  w.setFont(7.5, 'normal', MUTED);
  w.paragraph(s.complianceRulesNote, MARGIN_X, CONTENT_W, 7.5);
}

/**
 * A profile issue as layout 1 prints it: the English sentence scoring/profile.ts gave before the
 * issues became codes, kept word for word (in both locales, as issued) so that a layout-1 page
 * rebuilds to the same bytes. New layouts word issues with report/input-strings.ts.
 */
function layout1IssueText(issue: ProfileIssue): string {
  const p = issue.params ?? {};
  const known = (p.known ?? []).join(', ');
  switch (issue.code) {
    case 'unknown-label':
      return `${issue.path}: unknown label "${p.id ?? ''}" (the method has: ${known || 'no labels'})`;
    case 'unknown-theme':
      return `${issue.path}: unknown theme "${p.id ?? ''}"`;
    case 'unknown-question':
      return `${issue.path}: unknown question "${p.id ?? ''}"`;
    case 'unknown-level':
      return `${issue.path}: question ${p.question ?? ''} has no level "${p.id ?? ''}" (it has ${known})`;
    default:
      return `${issue.path}: ${issue.code}`;
  }
}

/** The requirements one per row: what is required, what this revision has, met or not. */
function complianceTable(w: Writer, m: Model, r: ComplianceResult): void {
  const { s, loc, def } = m;
  const doc = w.doc;
  const cols = [MARGIN_X, MARGIN_X + 66, MARGIN_X + 108, PAGE_W - MARGIN_X];
  const widths = [cols[1]! - cols[0]! - 3, cols[2]! - cols[1]! - 3, cols[3]! - cols[2]! - 24];
  const head = () => {
    w.y += 4.5;
    w.setFont(7.5, 'bold', MUTED);
    doc.text(w.t(s.complianceColRequirement), cols[0]!, w.y);
    doc.text(w.t(s.complianceColRequired), cols[1]!, w.y);
    doc.text(w.t(s.complianceColThisScan), cols[2]!, w.y);
    doc.text(w.t(s.complianceColOutcome), cols[3]!, w.y, { align: 'right' });
    w.y += 1.6;
    w.draw(RULE, 0.2);
    doc.line(MARGIN_X, w.y, PAGE_W - MARGIN_X, w.y);
  };
  const level = (questionId: string, id: string) => {
    const q = def.questions.find((x) => x.id === questionId);
    const l = q?.levels.find((x) => x.id === id);
    return s.complianceLevel(id, l ? l.label[loc] : id);
  };
  type Row = { title: string; sub?: string; required: string; has: string; met: boolean };
  const rows: Row[] = [];
  // a scan without any theme score never complies: shown only when that is the case
  if (r.score.total === null) rows.push({ title: s.complianceReqScore, required: s.complianceReqScoreRequired, has: s.complianceNoThemeScore, met: false });
  if (r.label.required !== null) {
    rows.push({ title: s.complianceReqLabel, required: s.complianceAtLeast(labelName(m, r.label.required)), has: labelName(m, r.label.reached), met: r.label.met });
  }
  for (const t of r.themes) {
    const title = def.themes.find((x) => x.id === t.theme)?.title[loc] ?? t.theme;
    rows.push({
      title: s.complianceReqTheme(t.theme, title),
      required: s.complianceAtLeast(formatInteger(t.required, loc)),
      has: t.has === null ? s.complianceNoThemeScore : formatScore(t.has, loc),
      met: t.met,
    });
  }
  for (const x of r.mustHaves) {
    const q = def.questions.find((d) => d.id === x.question);
    rows.push({
      title: s.complianceReqMustHave(x.question),
      sub: q?.title[loc],
      required: s.complianceAtLeast(level(x.question, x.required.id)),
      has: x.current ? level(x.question, x.current.id) : x.status === 'not-applicable' ? s.complianceNotApplicable : s.complianceUnanswered,
      met: x.met,
    });
  }

  head();
  const lh = Writer.lh(8.5, 1.25);
  for (const row of rows) {
    w.setFont(8.5, 'bold');
    const title = w.split(row.title, widths[0]!).slice(0, 2);
    w.setFont(7.5, 'normal');
    const sub = row.sub ? w.split(row.sub, widths[0]!).slice(0, 2) : [];
    w.setFont(8.5, 'normal');
    const required = w.split(row.required, widths[1]!).slice(0, 3);
    const has = w.split(row.has, widths[2]!).slice(0, 3);
    const height = Math.max(title.length * lh + sub.length * Writer.lh(7.5, 1.25), required.length * lh, has.length * lh) + 2.6;
    if (w.y + height > BOTTOM) {
      w.newPage();
      head();
    }
    const top = w.y + 1.3;
    w.setFont(8.5, 'bold', INK);
    title.forEach((line, i) => doc.text(line, cols[0]!, top + (i + 1) * lh - 1));
    w.setFont(7.5, 'normal', MUTED);
    sub.forEach((line, i) => doc.text(line, cols[0]!, top + title.length * lh + (i + 1) * Writer.lh(7.5, 1.25) - 1));
    w.setFont(8.5, 'normal', INK);
    required.forEach((line, i) => doc.text(line, cols[1]!, top + (i + 1) * lh - 1));
    w.setFont(8.5, row.met ? 'normal' : 'bold', row.met ? INK : NOT_FG);
    has.forEach((line, i) => doc.text(line, cols[2]!, top + (i + 1) * lh - 1));
    w.pill(row.met ? s.complianceMet : s.complianceNotMet, cols[3]!, top + lh - 1, row.met ? OK_FG : NOT_FG, row.met ? OK_BG : NOT_BG);
    w.y += height;
    w.draw(RULE, 0.15);
    doc.line(MARGIN_X, w.y, PAGE_W - MARGIN_X, w.y);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Page (b): budget                                                                           */
/* ------------------------------------------------------------------------------------------ */

/** A "nice" tick step (1, 2, 2.5 or 5 × 10^k) for a range. */
export function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * mag >= raw) return f * mag;
  return 10 * mag;
}

function frontierChart(w: Writer, m: Model, height: number): void {
  const { doc } = w;
  const { s, loc } = m;
  const pts = scoredPoints(m.frontier.points);
  const current = m.frontier.current;
  const x0 = MARGIN_X + 16;
  const x1 = PAGE_W - MARGIN_X - 2;
  const yTop = w.y + 4;
  const yBot = yTop + height;

  const costs = pts.map((p) => p.costHalfCents / 2);
  const currentCost = current.costHalfCents / 2;
  let minC = Math.min(0, currentCost, ...costs.slice(0, 1));
  let maxC = Math.max(m.budgetCents, currentCost, costs.length > 0 ? costs[costs.length - 1]! : 0);
  if (maxC - minC < 100) maxC = minC + 100;
  const step = niceStep((maxC - minC) / 100, 5) * 100; // in cents, whole euros
  minC = Math.floor(minC / step) * step;
  maxC = Math.ceil(maxC / step) * step;
  const X = (cents: number) => x0 + ((cents - minC) / (maxC - minC)) * (x1 - x0);
  const Y = (total: number) => yBot - (total / 100) * (yBot - yTop);

  // grid and axes
  w.setFont(7, 'normal', MUTED);
  w.draw(RULE, 0.2);
  for (let t = 0; t <= 100; t += 20) {
    doc.line(x0, Y(t), x1, Y(t));
    doc.text(String(t), x0 - 2, Y(t) + 1, { align: 'right' });
  }
  for (let c = minC; c <= maxC + 1e-6; c += step) {
    doc.line(X(c), yTop, X(c), yBot);
    doc.text(formatEuroWhole(c, loc), X(c), yBot + 4, { align: 'center' });
  }
  w.draw(MUTED, 0.3);
  doc.line(x0, yBot, x1, yBot);
  doc.line(x0, yTop, x0, yBot);
  w.setFont(7.5, 'bold', MUTED);
  doc.text(w.t(s.frontierAxisCost), x1, yBot + 8.5, { align: 'right' });
  doc.text(w.t(s.frontierAxisTotal), x0 - 14, yTop - 2);

  // budget line, labelled at the foot of the chart (the frontier rises to the right, so the
  // lower part of the plot near the budget is free)
  const labelBox = (text: string, x: number, y: number, align: 'left' | 'right', colour: RGB) => {
    const tw = w.width(text);
    const left = align === 'left' ? x : x - tw;
    w.fill(WHITE);
    doc.rect(left - 0.8, y - 2.6, tw + 1.6, 3.4, 'F');
    w.setFont(7, 'bold', colour);
    doc.text(text, left, y);
  };
  const budgetX = m.budgetCents >= minC && m.budgetCents <= maxC ? X(m.budgetCents) : undefined;
  if (budgetX !== undefined) {
    w.draw(CLAIM_FG, 0.35);
    doc.setLineDashPattern([1.2, 1], 0);
    doc.line(budgetX, yTop, budgetX, yBot);
    doc.setLineDashPattern([], 0);
    w.setFont(7, 'bold', CLAIM_FG);
    const text = w.t(`${s.frontierBudget} ${formatEuroWhole(m.budgetCents, loc)}`);
    const right = budgetX + 1.5 + w.width(text) > x1;
    labelBox(text, right ? budgetX - 1.5 : budgetX + 1.5, yBot - 2.5, right ? 'right' : 'left', CLAIM_FG);
  }

  // the frontier as a step line: each total holds from its cost to the next point's cost
  if (pts.length > 0) {
    const k = 72 / 25.4;
    const P = (x: number, y: number) => `${(x * k).toFixed(2)} ${((PAGE_H - y) * k).toFixed(2)}`;
    const ops: string[] = [];
    pts.forEach((p, i) => {
      const x = X(p.costHalfCents / 2);
      const y = Y(p.total.display);
      if (i === 0) ops.push(`${P(x, y)} m`);
      else ops.push(`${P(x, Y(pts[i - 1]!.total.display))} l`, `${P(x, y)} l`);
    });
    ops.push(`${P(X(costs[costs.length - 1]!), Y(pts[pts.length - 1]!.total.display))} l`);
    w.draw(BAR_THEME, 0.6);
    w.raw(ops.join('\n'));
    w.raw('S');
  }

  // best within budget
  let best: (typeof pts)[number] | undefined;
  for (const p of pts) if (p.costHalfCents <= 2 * m.budgetCents) best = p;
  if (best) {
    w.draw(BAR_TOTAL, 0.5);
    w.fill(WHITE);
    doc.circle(X(best.costHalfCents / 2), Y(best.total.display), 1.3, 'FD');
  }

  // this design: labelled on the side away from the budget line, where it fits
  if (current.total) {
    const cx = X(currentCost);
    const cy = Y(current.total.display);
    w.fill(CLAIM_FG);
    doc.circle(cx, cy, 1.5, 'F');
    w.setFont(7, 'bold', INK);
    const label = w.t(`${s.frontierThisDesign} (${formatScore(current.total.display, loc)}; ${formatEuroWhole(current.cost.midCents, loc)})`);
    const tw = w.width(label);
    const fitsRight = cx + 2.5 + tw <= x1;
    const fitsLeft = cx - 2.5 - tw >= x0;
    const crossesRight = budgetX !== undefined && budgetX > cx && budgetX < cx + 2.5 + tw;
    const crossesLeft = budgetX !== undefined && budgetX < cx && budgetX > cx - 2.5 - tw;
    const right = fitsRight && (!crossesRight || !fitsLeft || crossesLeft);
    const ly = cy + (cy > yBot - 8 ? -2.8 : 4);
    labelBox(label, right ? cx + 2.5 : cx - 2.5, ly, right ? 'left' : 'right', INK);
  }

  w.y = yBot + 11;
  w.setFont(8.5, 'normal', INK);
  if (best) {
    w.paragraph(s.frontierBest(formatScore(best.total.display, loc), formatEuroWhole(best.cost.midCents, loc)), MARGIN_X, CONTENT_W, 8.5);
  } else {
    w.paragraph(s.frontierBestNone, MARGIN_X, CONTENT_W, 8.5);
  }
  w.setFont(7.5, 'normal', MUTED);
  w.paragraph(s.frontierNote, MARGIN_X, CONTENT_W, 7.5);
}

function budgetPage(w: Writer, m: Model): void {
  const { s, loc, env } = m;
  const c = env.content;
  const p = c.project;
  w.newPage();
  w.sectionTitle(s.budgetTitle);

  const cost = m.score.cost;
  const within =
    cost.highCents <= m.budgetCents
      ? s.withinBudgetHigh
      : cost.midCents <= m.budgetCents
        ? s.withinBudgetMid
        : cost.lowCents <= m.budgetCents
          ? s.withinBudgetLow
          : s.withinBudgetNo;
  const budgetText =
    p.circularBudget.mode === 'pct'
      ? `${formatEuroWhole(m.budgetCents, loc)} (${s.circularBudgetPct(formatDecimal(p.circularBudget.pct, loc))})`
      : `${formatEuroWhole(m.budgetCents, loc)} (${s.circularBudgetEur})`;
  const rows: [string, string, boolean][] = [
    [s.constructionBudget, formatEuroWhole(Math.round(p.constructionBudgetEur * 100), loc), false],
    [s.circularBudget, budgetText, false],
    [s.extraCost, s.extraCostRange(formatEuroWhole(cost.lowCents, loc), formatEuroWhole(cost.highCents, loc), formatEuroWhole(cost.midCents, loc)), true],
    [s.withinBudget, within, true],
  ];
  for (const [label, value, strong] of rows) {
    w.y += 5.6;
    w.setFont(9, 'normal', MUTED);
    w.doc.text(w.t(label), MARGIN_X, w.y);
    w.setFont(9.5, strong ? 'bold' : 'normal', INK);
    w.doc.text(w.fit(value, CONTENT_W - 68), MARGIN_X + 68, w.y);
  }
  w.y += 2;
  w.setFont(7.5, 'normal', MUTED);
  w.paragraph(s.extraCostNote(formatDecimal(p.gfaM2, loc)), MARGIN_X, CONTENT_W, 7.5);

  w.subTitle(s.frontierTitle, 95);
  frontierChart(w, m, 78);

  w.subTitle(s.assumptions);
  w.setFont(9, 'normal', INK);
  w.paragraph(c.assumptions.trim() || s.noneStated, MARGIN_X, CONTENT_W, 9);
  w.subTitle(s.exclusions);
  w.setFont(9, 'normal', INK);
  w.paragraph(c.exclusions.trim() || s.noneStated, MARGIN_X, CONTENT_W, 9);

  w.subTitle(s.costOverrides);
  const overrides = c.scan.costOverrides ?? [];
  if (overrides.length === 0) {
    w.setFont(9, 'normal', INK);
    w.paragraph(s.costOverridesNone, MARGIN_X, CONTENT_W, 9);
    return;
  }
  const cols = [MARGIN_X, MARGIN_X + 16, MARGIN_X + 78, MARGIN_X + 128];
  const header = () => {
    w.y += 4.5;
    w.setFont(7.5, 'bold', MUTED);
    [s.costOverrideQuestion, s.costOverrideLevel, s.costOverrideDefault, s.costOverrideProject].forEach((h, i) => w.doc.text(w.t(h), cols[i]!, w.y));
    w.y += 1.5;
    w.draw(RULE, 0.2);
    w.doc.line(MARGIN_X, w.y, PAGE_W - MARGIN_X, w.y);
  };
  const range = (ci: { basis: string; low: number; high: number }) =>
    `${formatEuroAmount(ci.low, loc)} – ${formatEuroAmount(ci.high, loc)} ${ci.basis === 'per_m2_gfa' ? s.perM2 : s.lumpSum}`;
  header();
  for (const o of overrides) {
    if (w.y + 6 > BOTTOM) {
      w.newPage();
      header();
    }
    const q = m.def.questions.find((x) => x.id === o.question);
    const level = q?.levels.find((l) => l.id === o.level);
    w.y += 5;
    w.setFont(8.5, 'bold', INK);
    w.doc.text(w.t(o.question), cols[0]!, w.y);
    w.setFont(8.5, 'normal', INK);
    w.doc.text(w.fit(level ? level.label[loc] : o.level, cols[2]! - cols[1]! - 3), cols[1]!, w.y);
    w.doc.text(w.fit(level ? range(level.cost) : '–', cols[3]! - cols[2]! - 3), cols[2]!, w.y);
    w.setFont(8.5, 'bold', INK);
    w.doc.text(w.fit(range(o.cost), PAGE_W - MARGIN_X - cols[3]!), cols[3]!, w.y);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Pages (c): answers                                                                         */
/* ------------------------------------------------------------------------------------------ */

function answersPages(w: Writer, m: Model): void {
  const { s, loc, env, def } = m;
  const c = env.content;
  const answers = c.scan.answers;
  const locked = new Set(c.scan.locked ?? []);
  const notApplicable = new Set(m.score.notApplicable);
  const ignored = new Set(m.score.ignoredAnswers);
  const doc = w.doc;
  w.newPage();
  w.sectionTitle(s.answersTitle);
  w.setFont(8.5, 'normal', MUTED);
  w.paragraph(s.answersIntro, MARGIN_X, CONTENT_W, 8.5);
  w.y += 1;

  const textX = MARGIN_X + 11;
  const textW = CONTENT_W - 11 - 26;
  for (const theme of def.themes) {
    const ts = m.score.themes.find((t) => t.id === theme.id);
    const questions = def.questions.filter((q) => q.theme === theme.id);
    // theme header bar, kept with the first question
    w.ensure(30);
    w.y += 4;
    w.fill(ACCENT_LIGHT);
    doc.rect(MARGIN_X, w.y, CONTENT_W, 8, 'F');
    w.setFont(10, 'bold', ACCENT);
    doc.text(w.fit(s.themeHeading(theme.id, theme.title[loc]), CONTENT_W - 60), MARGIN_X + 2.5, w.y + 5.5);
    w.setFont(8.5, 'normal', INK);
    const summary =
      ts && ts.display !== null
        ? s.themeSummary(formatScore(ts.display, loc), formatInteger(ts.points, loc), formatInteger(ts.max, loc))
        : s.themeSummaryNone;
    doc.text(w.t(summary), PAGE_W - MARGIN_X - 2.5, w.y + 5.5, { align: 'right' });
    w.y += 9;

    for (const q of questions) {
      const a = answers[q.id];
      const maxPoints = Math.max(...q.levels.map((l) => l.points));
      // what to print on the answer line, and the marker
      let answerLine: string;
      let answerStyle: 'normal' | 'italic' = 'normal';
      let marker: 'evidenced' | 'claimed' | null = null;
      const level = a && 'level' in a ? q.levels.find((l) => l.id === a.level) : undefined;
      if (notApplicable.has(q.id)) {
        answerLine = a && 'notApplicable' in a ? s.notApplicableAnswered : s.notApplicableKind;
        if (ignored.has(q.id)) answerLine = s.ignoredAnswer;
        answerStyle = 'italic';
      } else if (level) {
        answerLine = `${level.label[loc]} · ${s.points(formatInteger(level.points, loc), formatInteger(maxPoints, loc))}`;
        marker = (a?.evidence?.length ?? 0) > 0 ? 'evidenced' : 'claimed';
      } else {
        answerLine = s.unanswered;
        answerStyle = 'italic';
      }
      if (locked.has(q.id)) answerLine += ` · ${s.locked}`;

      // measure the block to keep it on one page
      w.setFont(9, 'bold');
      const titleLines = w.split(q.title[loc], textW);
      w.setFont(8.5, answerStyle);
      const answerLines = w.split(answerLine, textW);
      w.setFont(8, 'normal');
      const noteLines = a?.note && a.note.trim() !== '' ? w.split(`${s.note}: ${a.note.trim()}`, textW) : [];
      const evidence = a?.evidence ?? [];
      const evidenceLines = evidence.flatMap((e) =>
        w.split(`${s.evidence}: ${s.evidenceItem(e.name, formatDate(e.addedAt, loc), e.sha256.slice(0, 12))}`, textW),
      );
      const height =
        titleLines.length * Writer.lh(9, 1.25) +
        answerLines.length * Writer.lh(8.5, 1.3) +
        (noteLines.length + evidenceLines.length) * Writer.lh(8, 1.3) +
        4.5;
      if (height <= BOTTOM - TOP - 10) w.ensure(height);

      const top = w.y;
      w.setFont(9, 'bold', ACCENT);
      doc.text(w.t(q.id), MARGIN_X, top + Writer.lh(9, 1.25) - 1);
      w.setFont(9, 'bold', INK);
      w.paragraph(q.title[loc], textX, textW, 9, 1.25);
      if (marker) {
        w.pill(marker === 'evidenced' ? s.evidenced : s.claimed, PAGE_W - MARGIN_X, top + Writer.lh(9, 1.25) - 1, marker === 'evidenced' ? OK_FG : CLAIM_FG, marker === 'evidenced' ? OK_BG : CLAIM_BG);
      }
      w.setFont(8.5, answerStyle, answerStyle === 'italic' ? MUTED : ACCENT);
      w.paragraph(answerLine, textX, textW, 8.5, 1.3);
      if (noteLines.length > 0) {
        w.setFont(8, 'normal', INK);
        w.paragraph(`${s.note}: ${a!.note!.trim()}`, textX, textW, 8, 1.3);
      }
      for (const e of evidence) {
        w.setFont(8, 'normal', MUTED);
        w.paragraph(`${s.evidence}: ${s.evidenceItem(e.name, formatDate(e.addedAt, loc), e.sha256.slice(0, 12))}`, textX, textW, 8, 1.3);
      }
      w.y += 2;
      w.draw(RULE, 0.15);
      doc.line(textX, w.y, PAGE_W - MARGIN_X, w.y);
      w.y += 1.5;
    }
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Pages (d) and (e): history, follow-up, how to verify                                        */
/* ------------------------------------------------------------------------------------------ */

function table(w: Writer, columns: { title: string; x: number; mono?: boolean }[], rows: { cells: string[]; strong?: boolean }[]): void {
  const head = () => {
    w.y += 4.5;
    w.setFont(7.5, 'bold', MUTED);
    columns.forEach((c) => w.doc.text(w.t(c.title), c.x, w.y));
    w.y += 1.6;
    w.draw(RULE, 0.2);
    w.doc.line(MARGIN_X, w.y, PAGE_W - MARGIN_X, w.y);
  };
  head();
  for (const r of rows) {
    if (w.y + 6 > BOTTOM) {
      w.newPage();
      head();
    }
    w.y += 5;
    r.cells.forEach((cell, i) => {
      const col = columns[i]!;
      const next = columns[i + 1]?.x ?? PAGE_W - MARGIN_X;
      if (col.mono) w.setFont(8, r.strong ? 'bold' : 'normal', INK, 'courier');
      else w.setFont(8.5, r.strong ? 'bold' : 'normal', INK);
      w.doc.text(w.fit(cell, next - col.x - 2), col.x, w.y);
    });
  }
}

function historyPage(w: Writer, m: Model): void {
  const { s, loc, env } = m;
  const c = env.content;
  w.newPage();
  w.sectionTitle(s.historyTitle);
  w.setFont(8.5, 'normal', MUTED);
  w.paragraph(c.history.length > 0 ? s.historyIntro : s.historyNone, MARGIN_X, CONTENT_W, 8.5);
  const cols = [
    { title: s.historyPhase, x: MARGIN_X },
    { title: s.historyDate, x: MARGIN_X + 66 },
    { title: s.historyCode, x: MARGIN_X + 96, mono: true },
    { title: s.historyHash, x: MARGIN_X + 137, mono: true },
  ];
  table(w, cols, [
    ...c.history.map((h) => ({ cells: [PHASE_NAMES[h.phase][loc], formatDate(h.issuedAt, loc), h.referenceCode, `${h.contentHash.slice(0, 12)}…`] })),
    { cells: [`${PHASE_NAMES[c.phase][loc]} (${s.historyThis})`, formatDate(c.issuedAt, loc), env.referenceCode, `${env.contentHash.slice(0, 12)}…`], strong: true },
  ]);

  w.y += 4;
  w.subTitle(s.followUpTitle);
  w.setFont(8.5, 'normal', MUTED);
  w.paragraph(c.followUp.length > 0 ? s.followUpIntro : s.followUpNone, MARGIN_X, CONTENT_W, 8.5);
  if (c.followUp.length > 0) {
    table(
      w,
      [
        { title: s.followUpPhase, x: MARGIN_X },
        { title: s.followUpDate, x: MARGIN_X + 60 },
      ],
      c.followUp.map((f) => ({ cells: [PHASE_NAMES[f.phase][loc], formatIsoDate(f.plannedDate, loc)] })),
    );
  }
}

function verifySection(w: Writer, m: Model): void {
  const { s, env } = m;
  const c = env.content;
  const doc = w.doc;
  if (w.y > 150) w.newPage();
  else w.y += 8;
  w.sectionTitle(s.verifyTitle);
  s.verifySteps.forEach((step, i) => {
    w.ensure(10);
    w.setFont(9, 'bold', ACCENT);
    doc.text(`${i + 1}.`, MARGIN_X, w.y + Writer.lh(9) - 1);
    w.setFont(9, 'normal', INK);
    w.paragraph(step, MARGIN_X + 6, CONTENT_W - 6, 9);
    w.y += 1.5;
  });

  w.subTitle(s.verifyOutcomesTitle);
  for (const [name, text] of s.verifyOutcomes) {
    w.ensure(6);
    w.y += Writer.lh(8.5);
    w.setFont(8.5, 'bold', INK);
    doc.text(w.t(name), MARGIN_X + 6, w.y - 1);
    w.setFont(8.5, 'normal', INK);
    doc.text(w.fit(text, CONTENT_W - 56), MARGIN_X + 56, w.y - 1);
  }

  w.subTitle(s.verifyData, 30);
  const rows: [string, string][] = [
    [s.referenceCode, env.referenceCode],
    [s.contentHash, env.contentHash],
    [s.keyFingerprint, keyFingerprint(c.assessor.publicKey)],
    [s.publicKey, c.assessor.publicKey],
    [s.methodHash, c.method.sha256],
  ];
  for (const [label, value] of rows) {
    w.ensure(9);
    w.y += 4;
    w.setFont(7.5, 'normal', MUTED);
    doc.text(w.t(label), MARGIN_X, w.y);
    w.y += 4;
    w.setFont(8, 'normal', INK, 'courier');
    doc.text(value, MARGIN_X, w.y);
    w.y += 1;
  }
  if (w.simplified) {
    w.y += 4;
    w.setFont(7.5, 'italic', MUTED);
    w.paragraph(s.printedTextNote, MARGIN_X, CONTENT_W, 7.5);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Header and footer                                                                          */
/* ------------------------------------------------------------------------------------------ */

function pageHeader(m: Model) {
  return (w: Writer) => {
    w.setFont(7.5, 'bold', ACCENT);
    w.doc.text(m.s.appName, MARGIN_X, 12);
    w.setFont(7.5, 'normal', MUTED);
    w.doc.text(`${w.t(m.s.referenceCode)} ${m.env.referenceCode}`, PAGE_W - MARGIN_X, 12, { align: 'right' });
    w.draw(RULE, 0.25);
    w.doc.line(MARGIN_X, 14.5, PAGE_W - MARGIN_X, 14.5);
  };
}

function footers(w: Writer, m: Model): void {
  const pages = w.doc.getNumberOfPages();
  for (let p = 1; p <= pages; p++) {
    w.doc.setPage(p);
    w.draw(RULE, 0.25);
    w.doc.line(MARGIN_X, PAGE_H - 13, PAGE_W - MARGIN_X, PAGE_H - 13);
    w.setFont(7.5, 'normal', MUTED);
    w.doc.text(w.fit(`${m.env.referenceCode} · ${m.env.content.project.name} · ${formatDate(m.env.content.issuedAt, m.loc)}`, CONTENT_W - 35), MARGIN_X, PAGE_H - 8.5);
    w.doc.text(w.t(m.s.pageOf(p, pages)), PAGE_W - MARGIN_X, PAGE_H - 8.5, { align: 'right' });
  }
}

/* ------------------------------------------------------------------------------------------ */

/** The page count and whether text was simplified, for tests and the bench. */
export interface Layout1Info {
  pages: number;
  simplifiedText: boolean;
}

/** Draws the pages of layout 1 and returns jsPDF's bytes (without the attachment and metadata). */
export function drawLayout1(env: IssuedEnvelope, def: QuickScanDefinition): { bytes: Uint8Array; info: Layout1Info } {
  const c = env.content;
  const input = { project: c.project, answers: c.scan.answers, costOverrides: c.scan.costOverrides };
  const loc = env.report.locale;
  const m: Model = {
    env,
    def,
    loc,
    s: reportStrings[loc],
    score: scoreScan(def, input),
    frontier: computeFrontier(def, input, { locked: c.scan.locked }),
    budgetCents: circularBudgetCents(c.project.circularBudget, c.project.constructionBudgetEur),
    ...(c.profile !== undefined ? { compliance: complianceModel(env, def, c.profile) } : {}),
  };

  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  doc.setFileId(env.contentHash.slice(0, 32));
  const created = pdfDate(c.issuedAt);
  // jsPDF accepts only years 1970-2037 with an explicit offset; pdf-lib rewrites the date anyway
  const year = Number(created.slice(2, 6));
  doc.setCreationDate(year >= 1970 && year <= 2037 ? `${created.slice(0, 16)}+00'00'` : "D:20000101000000+00'00'");
  doc.setLanguage(loc === 'nl' ? 'nl' : 'en-GB');

  const w = new Writer(doc, pageHeader(m));
  cover(w, m);
  if (m.compliance) compliancePage(w, m, m.compliance);
  budgetPage(w, m);
  answersPages(w, m);
  historyPage(w, m);
  verifySection(w, m);
  footers(w, m);
  const bytes = new Uint8Array(doc.output('arraybuffer'));
  return { bytes, info: { pages: doc.getNumberOfPages(), simplifiedText: w.simplified } };
}

/** Document metadata of layout 1. */
export function layout1Metadata(env: IssuedEnvelope, def: QuickScanDefinition): { title: string; subject: string; author: string; keywords: string[]; creator: string; producer: string } {
  const s = reportStrings[env.report.locale];
  const c = env.content;
  return {
    title: `${s.documentTitle}: ${c.project.name} (${PHASE_SHORT[c.phase][env.report.locale]})`,
    subject: env.referenceCode,
    author: [c.assessor.name, c.assessor.organisation].filter((x) => x.trim() !== '').join(', '),
    keywords: [env.referenceCode, `sha256:${env.contentHash}`, `${def.id}@${def.version}`, ...s.keywords.split(', ')],
    creator: s.appName,
    producer: `${s.appName}, report layout 1`,
  };
}

