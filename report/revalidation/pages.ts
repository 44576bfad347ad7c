/**
 * Re-validation layout 2: the pages of a herbeoordeling (an earlier issued revision, e.g. the
 * one cited in the bid, against a later one, e.g. at delivery) for revisions of format 1 and 2,
 * drawn on the shared report toolkit (report/toolkit: DejaVu Sans, running header, footers).
 * Besides what layout 1 shows, page 1 gives the verdict of both revisions as checked when the
 * report was made (scoring/verdict.ts `decideVerdict` over the findings in the descriptor) and a
 * section lists every evidence file with its state (scoring/compare.ts).
 *
 * Verification rebuilds these pages byte for byte from the two envelopes and the descriptor
 * (report/verify.ts), so once released this layout draws the same bytes for the same input:
 * make changes in a new layout and register it in report/revalidation.ts. Deterministic: no
 * clock, no randomness, no time zone, no `Intl`.
 */
import type { QuickScanDefinition } from '../../forms/schema';
import { compareRevisions, type EvidenceFileRow, type QuestionComparison, type QuestionSide, type RevisionComparison } from '../../scoring/compare';
import { assessorKeyOf, type AnyIssuedEnvelope, type ReportLocale } from '../../scoring/issued';
import { keyFingerprint } from '../../scoring/keys';
import type { ScoreValue } from '../../scoring/types';
import { decideVerdict, type Finding, type Verdict } from '../../scoring/verdict';
import { formatDate, formatEuroWhole, formatInteger, formatScore, pdfDate } from '../format';
import { PHASE_NAMES, PHASE_SHORT, buildingTypeName } from '../strings';
import { coverBand, COVER_BAND_BASELINE, coverTitle, footers as toolkitFooters, headRule, HEADER_BASELINE, keepRow, numberedSteps, printedTextNote, RIGHT_EDGE, rowRule, rule, runningHeader } from '../toolkit/furniture';
import {
  ACCENT,
  ACCENT_LIGHT,
  BAR_BG,
  BAR_THEME,
  BAR_TOTAL,
  CLAIM_BG,
  CLAIM_FG,
  CONTENT_W,
  INK,
  LABEL_COLOURS,
  MARGIN_X,
  MUTED,
  newDocument,
  NOT_BG,
  NOT_FG,
  OK_BG,
  OK_FG,
  PAGE_W,
  PT,
  RULE,
  TOP,
  WHITE,
  Writer,
  type RGB,
} from '../toolkit/writer';
import { anchorText, findingText, missingReasonText, VERDICT_NAMES } from '../verdict-strings';
import { revalidation2Strings, type Revalidation2Strings } from './strings';

/** The definitions the two revisions were made with (the same object when they share a release). */
export interface RevalidationDefinitions {
  earlier: QuickScanDefinition;
  later: QuickScanDefinition;
}

/** How both revisions verified when the report was made (kept in the descriptor, so the pages rebuild). */
export interface RevalidationChecks {
  /** When they were checked (ISO 8601). */
  at: string;
  earlier: readonly Finding[];
  later: readonly Finding[];
}

/** What layout 2 prints beyond the two envelopes; all of it is in the descriptor. */
export interface RevalidationLayout2Input {
  /** Null: not checked when made (the page says so). */
  checks: RevalidationChecks | null;
  /** SHA-256s of the later revision's evidence files that were at hand and matched. */
  supplied: readonly string[];
}

const BAR_BEFORE: RGB = [158, 203, 193];
const CARD_EARLIER: RGB = [240, 242, 244];

interface Model {
  a: AnyIssuedEnvelope;
  b: AnyIssuedEnvelope;
  input: RevalidationLayout2Input;
  da: QuickScanDefinition;
  db: QuickScanDefinition;
  loc: ReportLocale;
  s: Revalidation2Strings;
  cmp: RevisionComparison;
  /** The later revision lists the earlier one (same hash) in its history. */
  linked: boolean;
  sameMethod: boolean;
}

/* ------------------------------------------------------------------------------------------ */
/* Small drawing helpers                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** A drawn arrow (→ is not in the built-in fonts) for text of `size` pt; returns its width. */
function arrow(w: Writer, x: number, baseline: number, size: number, colour: RGB): number {
  const len = size * PT * 0.95;
  const y = baseline - size * PT * 0.3;
  const h = size * PT * 0.17;
  w.draw(colour, Math.max(0.2, size * 0.022));
  w.doc.line(x, y, x + len - h, y);
  w.fill(colour);
  w.doc.triangle(x + len - 1.6 * h, y - h, x + len, y, x + len - 1.6 * h, y + h, 'F');
  return len;
}

/** Width of "left → right" in the current font. */
function pairWidth(w: Writer, left: string, right: string, size: number): number {
  return w.width(w.t(left)) + w.width(w.t(right)) + size * PT * 0.95 + 2.4;
}

/** Draws "left → right" in the current font from `x` (or ending at `x` with align right); returns the width. */
function pair(w: Writer, left: string, right: string, x: number, baseline: number, size: number, options: { align?: 'left' | 'right'; arrowColour?: RGB; rightStyle?: () => void } = {}): number {
  const total = pairWidth(w, left, right, size);
  let cx = options.align === 'right' ? x - total : x;
  const l = w.t(left);
  w.doc.text(l, cx, baseline);
  cx += w.width(l) + 1.2;
  const { colour } = w.currentFont();
  cx += arrow(w, cx, baseline, size, options.arrowColour ?? colour) + 1.2;
  options.rightStyle?.();
  w.doc.text(w.t(right), cx, baseline);
  return total;
}

/** A filled rounded tag starting at `x`; returns its width. */
function tag(w: Writer, text: string, x: number, baseline: number, fg: RGB, bg: RGB, size = 7.5): number {
  w.setFont(size, 'bold', fg);
  const t = w.t(text);
  const width = w.width(t) + 3.6;
  const h = size * PT + 1.8;
  w.fill(bg);
  w.doc.roundedRect(x, baseline - h + 1.05, width, h, 1.2, 1.2, 'F');
  w.doc.text(t, x + 1.8, baseline);
  return width;
}

function labelColour(id: string | null): RGB {
  return id === null ? MUTED : (LABEL_COLOURS[id] ?? ACCENT);
}

function labelName(def: QuickScanDefinition, id: string | null, m: Model): string {
  if (id === null) return m.s.noLabel;
  return def.labels.find((l) => l.id === id)?.name[m.loc] ?? id;
}

function scoreOf(v: ScoreValue | null, m: Model): string {
  return v === null ? '–' : formatScore(v.display, m.loc);
}

/** A signed change on one decimal: +1,2 / -0,4 / 0,0. */
function signedScore(delta: number | null | undefined, m: Model): string {
  if (delta === null || delta === undefined) return '–';
  const tenths = Math.round(delta * 10);
  if (tenths === 0) return formatScore(0, m.loc);
  return `${tenths > 0 ? '+' : '-'}${formatScore(Math.abs(tenths) / 10, m.loc)}`;
}

function changeColour(delta: number | null | undefined): RGB {
  if (delta === null || delta === undefined || Math.round(delta * 10) === 0) return MUTED;
  return delta > 0 ? OK_FG : NOT_FG;
}

function question(m: Model, id: string) {
  return m.da.questions.find((q) => q.id === id) ?? m.db.questions.find((q) => q.id === id);
}

/** "3 · Grotendeels droge verbindingen", "niet van toepassing", "open (niet beantwoord)" or "niet in deze methodeversie". */
function sideText(m: Model, def: QuickScanDefinition, questionId: string, side: QuestionSide | null): string {
  if (side === null) return m.s.notInMethod;
  if (side.level === null) return side.evidence === 'na' ? m.s.notApplicable : m.s.unanswered;
  const label = def.questions.find((q) => q.id === questionId)?.levels.find((l) => l.id === side.level!.id)?.label[m.loc];
  return m.s.levelText(side.level.index, label ?? '?');
}

/** "3 · 6 p" for the promises table. */
function shortLevel(m: Model, side: QuestionSide | null): string {
  if (side === null) return '–';
  if (side.level === null) return side.evidence === 'na' ? m.s.evidence.na : m.s.evidence.unanswered;
  return m.s.levelPoints(side.level.index, formatInteger(side.level.points, m.loc));
}

function costText(m: Model, side: QuestionSide | null): string {
  if (side === null) return '–';
  return side.cost.lowCents === side.cost.highCents ? formatEuroWhole(side.cost.lowCents, m.loc) : m.s.costRange(formatEuroWhole(side.cost.lowCents, m.loc), formatEuroWhole(side.cost.highCents, m.loc));
}

function evidenceText(m: Model, side: QuestionSide | null): string {
  if (side === null) return '–';
  return m.s.evidenceFiles(m.s.evidence[side.evidence], side.level === null ? 0 : side.evidenceCount);
}

/* ------------------------------------------------------------------------------------------ */
/* Page 1: the two revisions, who re-validated, the summary and the theme chart               */
/* ------------------------------------------------------------------------------------------ */

function revisionCard(w: Writer, m: Model, env: AnyIssuedEnvelope, x: number, y: number, width: number, height: number, which: 'earlier' | 'later'): void {
  const { s, loc } = m;
  const doc = w.doc;
  const c = env.content;
  w.fill(which === 'earlier' ? CARD_EARLIER : ACCENT_LIGHT);
  doc.roundedRect(x, y, width, height, 2, 2, 'F');
  const ix = x + 4;
  const iw = width - 8;
  let cy = y + 6;
  w.setFont(7.5, 'bold', which === 'earlier' ? MUTED : ACCENT);
  doc.text(w.fit(`${which === 'earlier' ? s.earlier : s.later} · ${which === 'earlier' ? s.earlierRole : s.laterRole}`.toUpperCase(), iw), ix, cy);
  cy += 6;
  w.setFont(11.5, 'bold', INK);
  doc.text(w.fit(PHASE_NAMES[c.phase][loc], iw), ix, cy);
  cy += 4.6;
  w.setFont(8.5, 'normal', MUTED);
  doc.text(w.fit(s.issuedOn(formatDate(c.issuedAt, loc)), iw), ix, cy);
  cy += 6.4;
  // a long (format-2) reference code gets the size that fits the card
  let codeSize = 12;
  w.setFont(codeSize, 'bold', INK);
  while (codeSize > 7 && w.width(env.referenceCode) > iw) w.setFont((codeSize -= 0.5), 'bold', INK);
  doc.text(env.referenceCode, ix, cy);
  cy += 6;
  w.setFont(8.5, 'bold', INK);
  doc.text(w.fit(c.assessor.name, iw), ix, cy);
  cy += 4;
  w.setFont(8, 'normal', INK);
  for (const line of [c.assessor.organisation, c.assessor.role].filter((t) => t.trim() !== '')) {
    doc.text(w.fit(line, iw), ix, cy);
    cy += 3.7;
  }
  w.setFont(8, 'italic', INK);
  doc.text(w.fit(c.assessor.assessmentType === 'self' ? s.assessmentSelf : s.assessmentIndependent, iw), ix, cy);
  w.setFont(7, 'normal', MUTED);
  doc.text(w.fit(s.methodVersion(c.method.id, c.method.version), iw), ix, y + height - 3.5);
}

function cover(w: Writer, m: Model): void {
  const { s, loc, a, b, cmp } = m;
  const doc = w.doc;
  const ca = a.content;
  const cb = b.content;

  coverBand(w, s.appName, () => pair(w, `${s.kicker} · ${PHASE_SHORT[ca.phase][loc]}`, PHASE_SHORT[cb.phase][loc], RIGHT_EDGE, COVER_BAND_BASELINE, 9, { align: 'right' }));

  // title and project
  coverTitle(w, s.documentTitle, cb.project.name, CONTENT_W, 2);
  const place = [cb.project.address, cb.project.municipality].filter((x) => x.trim() !== '').join(', ');
  w.setFont(10, 'normal', MUTED);
  w.y += 5.5;
  doc.text(w.fit([place, buildingTypeName(cb.project.buildingType, loc)].filter((x) => x !== '').join(' · '), CONTENT_W), MARGIN_X, w.y);

  // the two revisions
  w.y += 5;
  const gap = 12;
  const cardW = (CONTENT_W - gap) / 2;
  const cardH = 50;
  revisionCard(w, m, a, MARGIN_X, w.y, cardW, cardH, 'earlier');
  revisionCard(w, m, b, MARGIN_X + cardW + gap, w.y, cardW, cardH, 'later');
  arrow(w, MARGIN_X + cardW + 2.5, w.y + cardH / 2 + 2, 20, ACCENT);
  w.y += cardH;

  // who re-validated
  w.y += 8;
  w.setFont(7.5, 'bold', ACCENT);
  doc.text(w.t(s.revalidatedBy.toUpperCase()), MARGIN_X, w.y);
  w.y += 5.5;
  w.setFont(10.5, 'bold', INK);
  const who = w.fit(cb.assessor.name, CONTENT_W / 2);
  const whoW = w.width(who);
  doc.text(who, MARGIN_X, w.y);
  const org = [cb.assessor.organisation, cb.assessor.role].filter((x) => x.trim() !== '').join(', ');
  if (org) {
    w.setFont(9, 'normal', INK);
    doc.text(w.fit(org, CONTENT_W - whoW - 4), MARGIN_X + whoW + 3, w.y);
  }
  w.y += 6;
  const independent = cb.assessor.assessmentType === 'independent';
  const tw = tag(w, independent ? s.assessmentIndependent : s.assessmentSelf, MARGIN_X, w.y, independent ? OK_FG : CLAIM_FG, independent ? OK_BG : CLAIM_BG, 8);
  w.setFont(8, 'normal', MUTED);
  const fpLabel = w.t(`${s.keyFingerprint}:`);
  const fpLabelW = w.width(fpLabel);
  doc.text(fpLabel, MARGIN_X + tw + 4, w.y);
  w.setFont(9, 'bold', INK, 'mono');
  doc.text(keyFingerprint(assessorKeyOf(cb)), MARGIN_X + tw + 4 + fpLabelW + 1.5, w.y);
  w.y += 2;
  const notes: [string, RGB, 'normal' | 'bold'][] = [[m.linked ? s.linked : s.notLinked, m.linked ? MUTED : CLAIM_FG, m.linked ? 'normal' : 'bold']];
  if (!m.sameMethod) notes.push([s.otherMethod(`${ca.method.id} ${ca.method.version}`, `${cb.method.id} ${cb.method.version}`), CLAIM_FG, 'normal']);
  for (const [text, colour, style] of notes) {
    w.setFont(8, style, colour);
    w.paragraph(text, MARGIN_X, CONTENT_W, 8);
  }

  // summary: total, label, promises
  w.y += 6;
  rule(w, 0.3);
  const top = w.y + 6;
  const col = CONTENT_W / 3;
  // total
  w.setFont(7.5, 'bold', ACCENT);
  doc.text(w.t(s.total.toUpperCase()), MARGIN_X, top);
  w.setFont(15, 'bold', INK);
  pair(w, scoreOf(cmp.total.before, m), scoreOf(cmp.total.after, m), MARGIN_X, top + 8, 15, { arrowColour: MUTED });
  w.setFont(10, 'bold', changeColour(cmp.total.delta?.display));
  doc.text(signedScore(cmp.total.delta?.display, m), MARGIN_X, top + 14);
  w.setFont(7.5, 'normal', MUTED);
  doc.text(w.t(`${s.extraCost}:`), MARGIN_X, top + 19.5);
  pair(w, formatEuroWhole(cmp.a.cost.midCents, loc), formatEuroWhole(cmp.b.cost.midCents, loc), MARGIN_X, top + 23, 7.5);
  // label
  const lx = MARGIN_X + col;
  w.setFont(7.5, 'bold', ACCENT);
  doc.text(w.t(s.label.toUpperCase()), lx, top);
  const badge = (id: string | null, def: QuickScanDefinition, x: number): number => {
    w.setFont(9.5, 'bold', WHITE);
    const text = w.t(labelName(def, id, m));
    const bw = w.width(text) + 6;
    w.fill(labelColour(id));
    doc.roundedRect(x, top + 3.2, bw, 6.2, 1.4, 1.4, 'F');
    doc.text(text, x + 3, top + 7.6);
    return bw;
  };
  const w1 = badge(cmp.label.before, m.da, lx);
  const ax = lx + w1 + 1.6;
  arrow(w, ax, top + 7.6, 10, MUTED);
  badge(cmp.label.after, m.db, ax + 10 * PT * 0.95 + 1.6);
  w.setFont(10, 'bold', cmp.label.change === 'down' ? NOT_FG : cmp.label.change === 'up' ? OK_FG : MUTED);
  doc.text(w.t(s.labelChange[cmp.label.change]), lx, top + 14);
  // promises
  const px = MARGIN_X + 2 * col;
  w.setFont(7.5, 'bold', ACCENT);
  doc.text(w.fit(s.promises.toUpperCase(), col), px, top);
  const counts: [string, number, RGB][] = [
    [s.promiseCount.met, cmp.promiseCounts.met, OK_FG],
    [s.promiseCount.exceeded, cmp.promiseCounts.exceeded, OK_FG],
    [s.promiseCount['not-met'], cmp.promiseCounts['not-met'], NOT_FG],
    [s.promiseCount['not-assessed'], cmp.promiseCounts['not-assessed'], MUTED],
    [s.downgradesCount, cmp.downgrades.length, NOT_FG],
  ];
  counts.forEach(([name, n, colour], i) => {
    const y = top + 5 + i * 4.1;
    w.setFont(9, 'bold', n > 0 ? colour : MUTED);
    doc.text(formatInteger(n, loc), px + 7, y, { align: 'right' });
    w.setFont(8.5, i === 4 && n > 0 ? 'bold' : 'normal', i === 4 && n > 0 ? NOT_FG : INK);
    doc.text(w.t(name), px + 9, y);
  });
  w.y = top + 26;

  verdictSection(w, m);
  themeChart(w, m);
}

function themeChart(w: Writer, m: Model): void {
  const { s, loc, cmp } = m;
  const doc = w.doc;
  w.y += 2;
  rule(w, 0.3);
  w.y += 7;
  w.setFont(11, 'bold', INK);
  doc.text(w.t(s.themeChart), MARGIN_X, w.y);
  w.y += 1;
  w.setFont(7.5, 'normal', MUTED);
  w.paragraph(s.themeChartNote, MARGIN_X, CONTENT_W, 7.5);

  const labelW = 62;
  const barX = MARGIN_X + labelW;
  const barW = 68;
  const cBefore = PAGE_W - MARGIN_X - 34;
  const cAfter = PAGE_W - MARGIN_X - 17;
  const cChange = PAGE_W - MARGIN_X;
  w.y += 3.5;
  w.setFont(7, 'bold', MUTED);
  doc.text(w.t(s.colBefore), cBefore, w.y, { align: 'right' });
  doc.text(w.t(s.colAfter), cAfter, w.y, { align: 'right' });
  doc.text(w.t(s.colChange), cChange, w.y, { align: 'right' });
  const row = 6.6;
  const bar = (x: number, y: number, display: number | undefined, colour: RGB, h: number) => {
    w.fill(BAR_BG);
    doc.rect(x, y, barW, h, 'F');
    if (display !== undefined && display > 0) {
      w.fill(colour);
      doc.rect(x, y, (barW * display) / 100, h, 'F');
    }
  };
  const line = (id: string, title: string, before: ScoreValue | null, after: ScoreValue | null, delta: number | null | undefined, strong: boolean) => {
    w.ensure(row + 1);
    w.y += row;
    w.setFont(9, 'bold', INK);
    doc.text(w.t(id), MARGIN_X, w.y);
    w.setFont(9, strong ? 'bold' : 'normal', INK);
    doc.text(w.fit(title, labelW - (id ? 7 : 0) - 2), MARGIN_X + (id ? 5.5 : 0), w.y);
    bar(barX, w.y - 3.6, before?.display, strong ? [140, 170, 164] : BAR_BEFORE, 2);
    bar(barX, w.y - 1.4, after?.display, strong ? BAR_TOTAL : BAR_THEME, 2);
    w.setFont(9, 'normal', MUTED);
    doc.text(before ? formatScore(before.display, loc) : '–', cBefore, w.y, { align: 'right' });
    w.setFont(9, 'bold', INK);
    doc.text(after ? formatScore(after.display, loc) : '–', cAfter, w.y, { align: 'right' });
    w.setFont(9, 'bold', changeColour(delta));
    doc.text(signedScore(delta, m), cChange, w.y, { align: 'right' });
  };
  for (const t of cmp.themes) {
    const def = m.da.themes.find((d) => d.id === t.theme) ?? m.db.themes.find((d) => d.id === t.theme);
    line(t.theme, def?.title[loc] ?? t.theme, t.before, t.after, t.delta?.display, false);
  }
  w.y += 1.5;
  rule(w, 0.2);
  line('', s.total, cmp.total.before, cmp.total.after, cmp.total.delta?.display, true);
}

/* ------------------------------------------------------------------------------------------ */
/* Page 2: downgrades and promised versus delivered                                           */
/* ------------------------------------------------------------------------------------------ */

function downgradesSection(w: Writer, m: Model): void {
  const { s, loc, cmp } = m;
  const doc = w.doc;
  w.newPage();
  w.sectionTitle(s.downgradesTitle);
  w.setFont(8.5, 'normal', MUTED);
  w.paragraph(cmp.downgrades.length > 0 ? s.downgradesIntro : s.downgradesNone, MARGIN_X, CONTENT_W, 8.5);
  if (cmp.downgrades.length === 0) return;

  const cols = [MARGIN_X, MARGIN_X + 56, MARGIN_X + 110, MARGIN_X + 118];
  const widths = [52, 50, 0, PAGE_W - MARGIN_X - cols[3]!];
  const head = () => {
    w.y += 5;
    w.setFont(7.5, 'bold', MUTED);
    doc.text(w.t(s.colQuestion), cols[0]!, w.y);
    doc.text(w.t(s.colFromTo), cols[1]!, w.y);
    doc.text(w.t(s.colPoints), cols[2]! + 5, w.y, { align: 'right' });
    doc.text(w.fit(s.colReason, widths[3]!), cols[3]!, w.y);
    headRule(w);
  };
  head();
  const byId = new Map(cmp.questions.map((q) => [q.question, q]));
  const lh = Writer.lh(8.5, 1.25);
  const slh = Writer.lh(7.5, 1.25);
  for (const d of cmp.downgrades) {
    const q = byId.get(d.question)!;
    const title = question(m, d.question)?.title[loc] ?? '';
    const note = q.after?.note?.trim() ?? '';
    const unchanged = note !== '' && note === (q.before?.note?.trim() ?? '');
    w.setFont(7.5, 'normal');
    const titleLines = w.split(title, widths[0]!).slice(0, 3);
    w.setFont(8.5, 'normal');
    const fromLines = w.split(sideText(m, m.da, d.question, q.before), widths[1]! - 4).slice(0, 2);
    const toLines = w.split(sideText(m, m.db, d.question, q.after), widths[1]! - 4).slice(0, 2);
    let reasonLines = note === '' ? [] : w.split(note, widths[3]!);
    if (reasonLines.length > 10) reasonLines = [...reasonLines.slice(0, 9), w.fit(`${reasonLines[9]!} …`, widths[3]!)];
    w.setFont(7.5, 'normal');
    const extra = unchanged ? w.split(s.reasonUnchanged, widths[3]!) : [];
    const height =
      Math.max(
        lh + titleLines.length * slh,
        (fromLines.length + toLines.length) * lh + 0.8,
        Math.max(1, reasonLines.length) * lh + extra.length * slh,
      ) + 3;
    keepRow(w, height, head);
    const top = w.y + 1.5;
    w.setFont(8.5, 'bold', ACCENT);
    doc.text(w.t(d.question), cols[0]!, top + lh - 1);
    w.setFont(7.5, 'normal', MUTED);
    titleLines.forEach((line, i) => doc.text(line, cols[0]!, top + lh + (i + 1) * slh - 1));
    w.setFont(8.5, 'normal', MUTED);
    fromLines.forEach((line, i) => doc.text(line, cols[1]! + 4, top + (i + 1) * lh - 1));
    const toTop = top + fromLines.length * lh + 0.8;
    arrow(w, cols[1]!, toTop + lh - 1, 7, NOT_FG);
    w.setFont(8.5, 'bold', INK);
    toLines.forEach((line, i) => doc.text(line, cols[1]! + 4, toTop + (i + 1) * lh - 1));
    w.setFont(9, 'bold', NOT_FG);
    doc.text(String(d.pointsDelta), cols[2]! + 5, top + lh - 1, { align: 'right' });
    if (note === '') {
      tag(w, s.noReason, cols[3]!, top + lh - 1, NOT_FG, NOT_BG, 7.5);
    } else {
      w.setFont(8.5, 'normal', INK);
      reasonLines.forEach((line, i) => doc.text(line, cols[3]!, top + (i + 1) * lh - 1));
      if (unchanged) {
        w.setFont(7.5, 'italic', MUTED);
        extra.forEach((line, i) => doc.text(line, cols[3]!, top + reasonLines.length * lh + (i + 1) * slh - 1));
      }
    }
    rowRule(w, height);
  }
}

const PROMISE_COLOURS: Record<string, [RGB, RGB]> = {
  met: [OK_FG, OK_BG],
  exceeded: [OK_FG, OK_BG],
  'not-met': [NOT_FG, NOT_BG],
  'not-assessed': [MUTED, BAR_BG],
};

function promisesSection(w: Writer, m: Model): void {
  const { s, loc, cmp } = m;
  const doc = w.doc;
  if (w.y > 200) w.newPage();
  else w.y += 6;
  w.sectionTitle(s.promisesTitle);
  w.setFont(8.5, 'normal', MUTED);
  w.paragraph(s.promisesIntro, MARGIN_X, CONTENT_W, 8.5);
  const cols = [MARGIN_X, MARGIN_X + 9, MARGIN_X + 72, MARGIN_X + 95, MARGIN_X + 120];
  const head = () => {
    w.y += 5;
    w.setFont(7.5, 'bold', MUTED);
    doc.text(w.t(s.colQuestion), cols[0]!, w.y);
    doc.text(w.t(s.colPromised), cols[2]!, w.y);
    doc.text(w.t(s.colDelivered), cols[3]!, w.y);
    doc.text(w.t(s.colEvidence), cols[4]!, w.y);
    doc.text(w.t(s.colOutcome), PAGE_W - MARGIN_X, w.y, { align: 'right' });
    headRule(w);
  };
  head();
  const byId = new Map(cmp.questions.map((q) => [q.question, q]));
  let theme = '';
  for (const r of cmp.promisedVsDelivered) {
    const q = byId.get(r.question)!;
    keepRow(w, 6.5, head);
    if (r.theme !== theme && theme !== '') {
      w.draw(RULE, 0.15);
      doc.line(MARGIN_X, w.y + 0.6, PAGE_W - MARGIN_X, w.y + 0.6);
    }
    theme = r.theme;
    w.y += 5.2;
    w.setFont(8.5, 'bold', ACCENT);
    doc.text(w.t(r.question), cols[0]!, w.y);
    w.setFont(8, 'normal', INK);
    doc.text(w.fit(question(m, r.question)?.title[loc] ?? '', cols[2]! - cols[1]! - 3), cols[1]!, w.y);
    w.setFont(8.5, 'normal', INK);
    doc.text(w.fit(shortLevel(m, q.before), cols[3]! - cols[2]! - 2), cols[2]!, w.y);
    const changed = r.status === 'not-met' || r.status === 'exceeded';
    w.setFont(8.5, changed ? 'bold' : 'normal', r.status === 'not-met' ? NOT_FG : INK);
    doc.text(w.fit(shortLevel(m, q.after), cols[4]! - cols[3]! - 2), cols[3]!, w.y);
    const eb = q.before ? s.evidence[q.before.evidence] : '–';
    const ea = q.after ? s.evidence[q.after.evidence] : '–';
    if (eb === ea) {
      w.setFont(8, 'normal', MUTED);
      doc.text(w.t(ea), cols[4]!, w.y);
    } else {
      w.setFont(8, 'normal', MUTED);
      pair(w, eb, ea, cols[4]!, w.y, 8, { rightStyle: () => w.setFont(8, 'bold', q.after?.evidence === 'evidenced' ? OK_FG : INK) });
    }
    const [fg, bg] = PROMISE_COLOURS[r.status]!;
    w.pill(s.promiseStatus[r.status], PAGE_W - MARGIN_X, w.y, fg, bg, 7);
  }
  headRule(w);
}

/* ------------------------------------------------------------------------------------------ */
/* Pages 3+: what changed per question                                                        */
/* ------------------------------------------------------------------------------------------ */

function answerKey(side: QuestionSide | null): string {
  if (side === null) return 'absent';
  return side.level?.id ?? side.evidence;
}

/** Whether anything about the question changed between the two revisions. */
function changed(q: QuestionComparison): boolean {
  if (q.before === null || q.after === null) return true;
  return (
    answerKey(q.before) !== answerKey(q.after) ||
    q.pointsDelta !== 0 ||
    q.costDelta?.lowCents !== 0 ||
    q.costDelta?.highCents !== 0 ||
    q.before.evidence !== q.after.evidence ||
    q.evidenceChanged ||
    q.noteChanged
  );
}

function changesSection(w: Writer, m: Model): void {
  const { s, loc, cmp } = m;
  const doc = w.doc;
  if (w.y > 200) w.newPage();
  else w.y += 8;
  w.sectionTitle(s.changesTitle);
  const list = cmp.questions.filter(changed);
  w.setFont(8.5, 'normal', MUTED);
  w.paragraph(list.length > 0 ? s.changesIntro : s.changesNone, MARGIN_X, CONTENT_W, 8.5);

  const labelX = MARGIN_X + 11;
  const beforeX = MARGIN_X + 34;
  const colW = 64;
  const afterX = beforeX + colW + 6;
  const afterW = PAGE_W - MARGIN_X - afterX;
  const lh = Writer.lh(8.5, 1.28);
  const head = () => {
    w.y += 4.5;
    w.setFont(7.5, 'bold', MUTED);
    doc.text(w.t(s.colQuestion), MARGIN_X, w.y);
    doc.text(w.t(s.colBefore), beforeX, w.y);
    doc.text(w.t(s.colAfter), afterX, w.y);
    headRule(w);
    w.y += 0.8;
  };
  if (list.length > 0) head();
  for (const q of list) {
    const title = question(m, q.question)?.title[loc] ?? '';
    type Row = { label: string; before: string[]; after: string[]; strong: boolean };
    const rows: Row[] = [];
    const add = (label: string, before: string, after: string, strong: boolean, maxLines = 4) => {
      w.setFont(8.5, 'normal');
      const cut = (lines: string[], width: number) => (lines.length > maxLines ? [...lines.slice(0, maxLines - 1), w.fit(`${lines[maxLines - 1]!} …`, width)] : lines);
      rows.push({ label, before: cut(w.split(before, colW), colW), after: cut(w.split(after, afterW), afterW), strong });
    };
    const levelChanged = answerKey(q.before) !== answerKey(q.after);
    add(s.rowLevel, sideText(m, m.da, q.question, q.before), sideText(m, m.db, q.question, q.after), levelChanged, 3);
    if (q.pointsDelta !== 0) {
      const delta = q.pointsDelta === null ? '' : ` (${q.pointsDelta > 0 ? '+' : ''}${formatInteger(q.pointsDelta, loc)})`;
      add(s.rowPoints, q.before ? formatInteger(q.before.points, loc) : '–', `${q.after ? formatInteger(q.after.points, loc) : '–'}${delta}`, true);
    }
    if (q.costDelta === null || q.costDelta.lowCents !== 0 || q.costDelta.highCents !== 0) add(s.rowCost, costText(m, q.before), costText(m, q.after), true);
    if (q.before?.evidence !== q.after?.evidence || q.evidenceChanged) {
      const after = evidenceText(m, q.after) + (q.evidenceChanged && q.before?.evidence === q.after?.evidence ? `; ${s.evidenceFilesChanged}` : '');
      add(s.rowEvidence, evidenceText(m, q.before), after, true);
    }
    if (q.noteChanged) add(s.rowNote, q.before?.note?.trim() || s.noNote, q.after?.note?.trim() || s.noNote, true, 12);

    w.setFont(9, 'bold');
    const titleLines = w.split(title, CONTENT_W - 11 - 16).slice(0, 2);
    const height = titleLines.length * Writer.lh(9, 1.25) + rows.reduce((h, r) => h + Math.max(r.before.length, r.after.length) * lh + 0.8, 0) + 5;
    keepRow(w, height, head);
    const top = w.y + 1;
    w.setFont(9, 'bold', ACCENT);
    doc.text(w.t(q.question), MARGIN_X, top + Writer.lh(9, 1.25) - 1);
    w.setFont(9, 'bold', INK);
    titleLines.forEach((line, i) => doc.text(line, labelX, top + (i + 1) * Writer.lh(9, 1.25) - 1));
    if (q.pointsDelta !== null && q.pointsDelta !== 0) {
      const up = q.pointsDelta > 0;
      w.pill(s.pointsChange(`${up ? '+' : ''}${formatInteger(q.pointsDelta, loc)}`, q.pointsDelta), PAGE_W - MARGIN_X, top + Writer.lh(9, 1.25) - 1, up ? OK_FG : NOT_FG, up ? OK_BG : NOT_BG);
    }
    let y = top + titleLines.length * Writer.lh(9, 1.25) + 0.6;
    for (const r of rows) {
      const n = Math.max(r.before.length, r.after.length);
      w.setFont(7.5, 'normal', MUTED);
      doc.text(w.t(r.label), labelX, y + lh - 1);
      w.setFont(8.5, 'normal', MUTED);
      r.before.forEach((line, i) => doc.text(line, beforeX, y + (i + 1) * lh - 1));
      arrow(w, beforeX + colW + 0.8, y + lh - 1, 8, r.strong ? ACCENT : RULE);
      w.setFont(8.5, r.strong ? 'bold' : 'normal', INK);
      r.after.forEach((line, i) => doc.text(line, afterX, y + (i + 1) * lh - 1));
      y += n * lh + 0.8;
    }
    w.y = y + 1.6;
    rule(w, 0.15, labelX);
    w.y += 0.8;
  }

  const unchanged = cmp.questions.filter((q) => !changed(q)).map((q) => q.question);
  if (unchanged.length > 0) {
    w.y += 3;
    w.setFont(8.5, 'normal', MUTED);
    w.paragraph(s.unchanged(unchanged.join(', ')), MARGIN_X, CONTENT_W, 8.5);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* How to verify                                                                              */
/* ------------------------------------------------------------------------------------------ */

function verifySection(w: Writer, m: Model): void {
  const { s, a, b, loc } = m;
  const doc = w.doc;
  if (w.y > 170) w.newPage();
  else w.y += 8;
  w.sectionTitle(s.verifyTitle);
  numberedSteps(w, s.verifySteps);

  w.subTitle(s.verifyData, 34);
  const half = CONTENT_W / 2;
  const block = (env: AnyIssuedEnvelope, title: string, x: number, y0: number): number => {
    let y = y0;
    w.setFont(8, 'bold', ACCENT);
    doc.text(w.t(`${title} · ${PHASE_NAMES[env.content.phase][loc]}`), x, y);
    const rows: [string, string][] = [
      [s.referenceCode, env.referenceCode],
      [s.publicKey, keyFingerprint(assessorKeyOf(env.content))],
      [s.contentHash, env.contentHash.slice(0, 32)],
      ['', env.contentHash.slice(32)],
    ];
    for (const [label, value] of rows) {
      if (label) {
        y += 4.2;
        w.setFont(7.5, 'normal', MUTED);
        doc.text(w.t(label), x, y);
      }
      y += 3.8;
      w.setFont(8, 'normal', INK, 'mono');
      doc.text(value, x, y);
    }
    return y;
  };
  w.ensure(34);
  const y0 = w.y + 3;
  const y1 = block(a, s.earlier, MARGIN_X, y0);
  const y2 = block(b, s.later, MARGIN_X + half, y0);
  w.y = Math.max(y1, y2) + 2;
  printedTextNote(w, s.printedTextNote);
}

/* ------------------------------------------------------------------------------------------ */
/* Header and footer                                                                          */
/* ------------------------------------------------------------------------------------------ */

function pageHeader(m: Model) {
  return runningHeader(m.s.appName, (w) => pair(w, `${m.s.kicker} ${m.a.referenceCode}`, m.b.referenceCode, RIGHT_EDGE, HEADER_BASELINE, 7.5, { align: 'right' }));
}

/* ------------------------------------------------------------------------------------------ */
/* The verdict of both revisions when the report was made                                      */
/* ------------------------------------------------------------------------------------------ */

const VERDICT_COLOURS: Record<Verdict, [RGB, RGB]> = { passed: [OK_FG, OK_BG], indeterminate: [CLAIM_FG, CLAIM_BG], failed: [NOT_FG, NOT_BG] };

/** The sentences that say why: the findings behind the verdict's reasons (or who vouched, when passed). */
function verdictLines(findings: readonly Finding[], loc: ReportLocale): { verdict: Verdict; lines: string[] } {
  const { verdict, reasons } = decideVerdict(findings);
  const lines: string[] = [];
  if (verdict === 'passed') {
    const trusted = findings.find((f) => f.code === 'signer-trusted');
    const text = trusted ? findingText(trusted) : undefined;
    if (text) lines.push(text[loc]);
    else if (trusted?.anchor) lines.push(anchorText(trusted.anchor)[loc]);
  } else {
    for (const reason of reasons) {
      const f = findings.find((x) => x.code === reason);
      const text = (f ? findingText(f) : undefined) ?? missingReasonText(reason);
      if (text && !lines.includes(text[loc])) lines.push(text[loc]);
    }
  }
  return { verdict, lines: lines.slice(0, 3) };
}

function verdictSection(w: Writer, m: Model): void {
  const { s, loc } = m;
  const doc = w.doc;
  w.y += 2;
  rule(w, 0.3);
  w.y += 6;
  w.setFont(7.5, 'bold', ACCENT);
  doc.text(w.t(s.verdictTitle.toUpperCase()), MARGIN_X, w.y);
  w.setFont(7.5, 'normal', MUTED);
  const checks = m.input.checks;
  w.paragraph(checks ? s.verdictChecked(formatDate(checks.at, loc)) : s.verdictNotChecked, MARGIN_X, CONTENT_W, 7.5);
  if (!checks) return;
  const half = (CONTENT_W - 8) / 2;
  const top = w.y + 1;
  let bottom = top;
  (['earlier', 'later'] as const).forEach((which, i) => {
    const x = MARGIN_X + i * (half + 8);
    const env = which === 'earlier' ? m.a : m.b;
    const { verdict, lines } = verdictLines(checks[which], loc);
    w.setFont(8, 'bold', INK);
    doc.text(w.fit(which === 'earlier' ? s.earlier : s.later, half - 30), x, top + 4);
    const [fg, bg] = VERDICT_COLOURS[verdict];
    w.pill(VERDICT_NAMES[verdict][loc], x + half, top + 4, fg, bg, 7.5);
    w.setFont(7.5, 'normal', MUTED, 'mono');
    doc.text(env.referenceCode, x, top + 8);
    w.y = top + 9;
    w.setFont(7.5, 'normal', INK);
    for (const line of lines) w.paragraph(line, x, half, 7.5, 1.25);
    bottom = Math.max(bottom, w.y);
  });
  w.y = bottom + 3;
}

/* ------------------------------------------------------------------------------------------ */
/* Evidence files and their state                                                             */
/* ------------------------------------------------------------------------------------------ */

const EVIDENCE_COLOURS: Record<EvidenceFileRow['state'], [RGB, RGB]> = { supplied: [OK_FG, OK_BG], 'not-supplied': [CLAIM_FG, CLAIM_BG], withdrawn: [NOT_FG, NOT_BG] };

function evidenceSection(w: Writer, m: Model): void {
  const { s, loc, cmp } = m;
  const doc = w.doc;
  if (w.y > 200) w.newPage();
  else w.y += 8;
  w.sectionTitle(s.evidenceTitle);
  w.setFont(8.5, 'normal', MUTED);
  const rows = cmp.evidenceFiles;
  w.paragraph(rows.length > 0 ? s.evidenceIntro : s.evidenceNone, MARGIN_X, CONTENT_W, 8.5);
  if (rows.length === 0) return;
  w.y += 1;
  w.setFont(8.5, 'bold', INK);
  const n = cmp.evidenceCounts;
  w.paragraph(s.evidenceCounts(formatInteger(n.supplied, loc), formatInteger(n['not-supplied'], loc), formatInteger(n.withdrawn, loc)), MARGIN_X, CONTENT_W, 8.5);
  const cols = [MARGIN_X, MARGIN_X + 14, MARGIN_X + 96];
  const head = () => {
    w.y += 5;
    w.setFont(7.5, 'bold', MUTED);
    doc.text(w.t(s.colQuestion), cols[0]!, w.y);
    doc.text(w.t(s.colFile), cols[1]!, w.y);
    doc.text(w.t('SHA-256'), cols[2]!, w.y);
    doc.text(w.t(s.colState), PAGE_W - MARGIN_X, w.y, { align: 'right' });
    headRule(w);
  };
  head();
  for (const r of rows) {
    keepRow(w, 6.5, head);
    w.y += 5.2;
    w.setFont(8.5, 'bold', ACCENT);
    doc.text(w.t(r.question), cols[0]!, w.y);
    w.setFont(8, 'normal', INK);
    doc.text(w.fit(r.name, cols[2]! - cols[1]! - 3), cols[1]!, w.y);
    w.setFont(7.5, 'normal', MUTED, 'mono');
    doc.text(`${r.sha256.slice(0, 16)}…`, cols[2]!, w.y);
    const [fg, bg] = EVIDENCE_COLOURS[r.state];
    w.pill(s.evidenceState[r.state], PAGE_W - MARGIN_X, w.y, fg, bg, 7);
  }
  headRule(w);
}

/* ------------------------------------------------------------------------------------------ */

export interface RevalidationLayoutInfo {
  pages: number;
  simplifiedText: boolean;
}

/** Draws the pages of re-validation layout 2 and returns jsPDF's bytes (without attachments and metadata). */
export function drawRevalidationLayout2(
  earlier: AnyIssuedEnvelope,
  later: AnyIssuedEnvelope,
  definitions: RevalidationDefinitions,
  locale: ReportLocale,
  input: RevalidationLayout2Input,
  fileId: string,
): { bytes: Uint8Array; info: RevalidationLayoutInfo } {
  const ma = earlier.content.method;
  const mb = later.content.method;
  const sameMethod = ma.id === mb.id && ma.version === mb.version && ma.sha256 === mb.sha256;
  const da = definitions.earlier;
  const db = sameMethod ? da : definitions.later;
  const m: Model = {
    a: earlier,
    b: later,
    input,
    da,
    db,
    loc: locale,
    s: revalidation2Strings[locale],
    cmp: compareRevisions(earlier.content, later.content, da, db, { supplied: new Set(input.supplied) }),
    linked: later.content.history.some((h) => h.contentHash === earlier.contentHash),
    sameMethod,
  };

  const doc = newDocument();
  doc.setFileId(fileId);
  const created = pdfDate(later.content.issuedAt);
  const year = Number(created.slice(2, 6));
  doc.setCreationDate(year >= 1970 && year <= 2037 ? `${created.slice(0, 16)}+00'00'` : "D:20000101000000+00'00'");
  doc.setLanguage(locale === 'nl' ? 'nl' : 'en-GB');

  const w = new Writer(doc, pageHeader(m));
  w.y = TOP;
  cover(w, m);
  downgradesSection(w, m);
  promisesSection(w, m);
  evidenceSection(w, m);
  changesSection(w, m);
  verifySection(w, m);
  const b = later.content;
  toolkitFooters(w, `${earlier.referenceCode} → ${later.referenceCode} · ${b.project.name} · ${formatDate(b.issuedAt, locale)}`, m.s.pageOf);
  const bytes = new Uint8Array(doc.output('arraybuffer'));
  return { bytes, info: { pages: doc.getNumberOfPages(), simplifiedText: w.simplified } };
}

/** Document metadata of re-validation layout 2. */
export function revalidationLayout2Metadata(
  earlier: AnyIssuedEnvelope,
  later: AnyIssuedEnvelope,
  locale: ReportLocale,
): { title: string; subject: string; author: string; keywords: string[]; creator: string; producer: string } {
  const s = revalidation2Strings[locale];
  const b = later.content;
  return {
    title: `${s.documentTitle}: ${b.project.name} (${PHASE_SHORT[earlier.content.phase][locale]} → ${PHASE_SHORT[b.phase][locale]})`,
    subject: `${earlier.referenceCode} → ${later.referenceCode}`,
    author: [b.assessor.name, b.assessor.organisation].filter((x) => x.trim() !== '').join(', '),
    keywords: [earlier.referenceCode, later.referenceCode, `sha256:${earlier.contentHash}`, `sha256:${later.contentHash}`, ...s.keywords.split(', ')],
    creator: s.appName,
    producer: `${s.appName}, re-validation layout 2`,
  };
}
