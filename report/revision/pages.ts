/**
 * Report layout 2: the pages of an issued format-2 revision, drawn with jsPDF and the report
 * toolkit (report/toolkit/): DejaVu Sans embedded (every character of European names, ĳ, ≥),
 * key figures marked for the verifier (`QSFigure` marked content: reference code, total, label,
 * per-theme scores), a verification section for PAdES. The PDF is signed (report/pades.ts), so
 * verification never rebuilds these pages: they may evolve in later releases (layout 2 stays
 * layout 2 as long as the key figures are marked the same way; docs/verifying.md).
 */
import type { QuickScanDefinition } from '../../forms/schema';
import { budgetVerdict } from '../../scoring/advice';
import type { ComplianceResult } from '../../scoring/compliance';
import type { IssuedEnvelopeV2 } from '../../scoring/issued';
import { keyFingerprint } from '../../scoring/keys';
import { isMethodFileJson, unpackMethod, verifyMethodFile, type VerifiedMethodFile } from '../../scoring/method-file';
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
} from '../format';
import { profileIssuesText } from '../input-strings';
import { buildingTypeName, KIND_NAMES, PHASE_NAMES, PHASE_SHORT } from '../strings';
import { frontierChart, scoreBars, totalBar } from '../toolkit/charts';
import { coverBand, COVER_BAND_BASELINE, coverTitle, drawQr, facts, footers, headRule, keepRow, numberedSteps, printedTextNote, RIGHT_EDGE, rowRule, rule, runningHeader, table } from '../toolkit/furniture';
import {
  ACCENT,
  ACCENT_LIGHT,
  BOTTOM,
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
  TOP,
  WHITE,
  Writer,
} from '../toolkit/writer';
import { revisionModel, type ComplianceModel, type Model } from './model';
import { layout2Strings } from './strings';

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

/* ------------------------------------------------------------------------------------------ */
/* Page (a): cover                                                                            */
/* ------------------------------------------------------------------------------------------ */

function cover(w: Writer, m: Model): void {
  const { env, s, loc } = m;
  const c = env.content;
  const doc = w.doc;

  coverBand(w, s.appName, () => doc.text(w.t(s.coverKicker(PHASE_SHORT[c.phase][loc])), RIGHT_EDGE, COVER_BAND_BASELINE, { align: 'right' }));

  // right column: reference code and QR
  const rx = 140;
  const rw = PAGE_W - MARGIN_X - rx;
  w.fill(ACCENT_LIGHT);
  doc.roundedRect(rx, 22, rw, 71, 2, 2, 'F');
  w.setFont(7.5, 'bold', ACCENT);
  doc.text(w.t(s.referenceCode.toUpperCase()), rx + rw / 2, 29, { align: 'center' });
  // the long code on two lines, split after a dash (the lines together are the code)
  w.setFont(10.5, 'bold', INK);
  const cut = env.referenceCode.length > 20 ? env.referenceCode.indexOf('-', 15) + 1 : env.referenceCode.length;
  w.figure('referenceCode', '', () => {
    doc.text(env.referenceCode.slice(0, cut), rx + rw / 2, 33.5, { align: 'center' });
    if (cut < env.referenceCode.length) doc.text(env.referenceCode.slice(cut), rx + rw / 2, 38, { align: 'center' });
  });
  drawQr(w, `${env.referenceCode};sha256=${env.contentHash}`, rx + (rw - 44) / 2, 39.5, 44);
  w.setFont(6.5, 'normal', MUTED);
  w.split(s.qrHint, rw - 6).forEach((line, i) => doc.text(line, rx + rw / 2, 87.5 + i * 3, { align: 'center' }));

  // left column: project
  const lw = rx - MARGIN_X - 8;
  coverTitle(w, s.documentTitle, c.project.name, lw, 3);
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

  const { barX, barW, labelW } = scoreBars(
    w,
    m.score.themes.map((t) => ({ id: t.id, title: m.def.themes.find((d) => d.id === t.id)?.title[loc] ?? t.id, display: t.display })),
    loc,
    s.noThemeScore,
  );
  const valueX = PAGE_W - MARGIN_X;

  // total and label
  w.y += 4;
  rule(w, 0.3);
  w.y += 7.5;
  w.setFont(10.5, 'bold', INK);
  doc.text(w.t(s.total), MARGIN_X, w.y);
  w.setFont(7.5, 'normal', MUTED);
  doc.text(w.fit(s.totalNote, labelW - 4), MARGIN_X, w.y + 3.6);
  const total = m.score.total?.display ?? null;
  totalBar(w, barX, barW, total);
  w.setFont(12, 'bold', INK);
  w.figure('total', '', () => doc.text(scoreText(m, total), valueX, w.y + 0.3, { align: 'right' }));

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
  w.figure('label', reached ?? '', () => doc.text(w.t(badge), barX + 4, w.y));
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
  rule(w, 0.3);
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
  // who published the method: a signed method file names its publisher and key (the verdict
  // decides whether that publisher is trusted); a built-in release names its publisher
  const signed = signedMethodOf(env);
  const publisher = signed ? s.methodPublisherSigned(signed.publisher.name, signed.publisherFingerprint) : m.def.publisher.trim() !== '' ? s.methodPublisher(m.def.publisher) : '';
  if (publisher !== '') {
    w.setFont(7.5, 'normal', MUTED);
    for (const line of w.split(publisher, colW).slice(0, 4)) {
      doc.text(line, MARGIN_X, ly);
      ly += 3.4;
    }
    ly += 0.8;
  }
  w.setFont(7, 'normal', MUTED);
  doc.text(w.t(`${s.methodHash}:`), MARGIN_X, ly);
  w.setFont(7, 'normal', MUTED, 'mono');
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
  w.setFont(8.5, 'bold', INK, 'mono');
  doc.text(keyFingerprint(c.assessor.key), ax, ay + 3.8);

  // content hash
  w.y = Math.max(ly + 6.6, ay + 3.8) + 6;
  w.fill(ACCENT_LIGHT);
  doc.roundedRect(MARGIN_X, w.y, CONTENT_W, 15, 1.5, 1.5, 'F');
  w.setFont(7, 'normal', MUTED);
  doc.text(w.t(`${s.contentHash}:`), MARGIN_X + 3, w.y + 4.5);
  w.setFont(8, 'normal', INK, 'mono');
  doc.text(env.contentHash, MARGIN_X + 3, w.y + 8.6);
  w.setFont(7, 'normal', MUTED);
  doc.text(w.fit(s.signedNote, CONTENT_W - 6), MARGIN_X + 3, w.y + 12.4);
}

/* ------------------------------------------------------------------------------------------ */
/* Page (a2): tender requirements (only for a revision that embeds a requirement profile)     */
/* ------------------------------------------------------------------------------------------ */

/** The signed method file the revision carries, when it carries one whose signature holds. */
function signedMethodOf(env: { methodFile?: string | undefined }): VerifiedMethodFile | undefined {
  if (env.methodFile === undefined) return undefined;
  const packed = unpackMethod(env.methodFile);
  if (packed === undefined || !isMethodFileJson(packed)) return undefined;
  const check = verifyMethodFile(packed);
  return check.ok ? check.method : undefined;
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
  w.setFont(8, 'normal', INK, 'mono');
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
      : s.complianceMismatch(profileIssuesText(cm.issues, loc));
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
    headRule(w);
  };
  const level = (questionId: string, id: string) => {
    const q = def.questions.find((x) => x.id === questionId);
    const index = q ? q.levels.findIndex((x) => x.id === id) : -1;
    return index >= 0 ? s.levelText(index, q!.levels[index]!.label[loc]) : '?';
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
    keepRow(w, height, head);
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
    rowRule(w, height);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Page (b): budget                                                                           */
/* ------------------------------------------------------------------------------------------ */

function budgetPage(w: Writer, m: Model): void {
  const { s, loc, env } = m;
  const c = env.content;
  const p = c.project;
  w.newPage();
  w.sectionTitle(s.budgetTitle);

  const cost = m.score.cost;
  // the one budget rule (scoring/advice.ts), worded as the app's result panel words it
  const verdict = budgetVerdict(cost, m.budgetCents);
  // an amount never breaks over two lines
  const euro = (cents: number) => formatEuroWhole(cents, loc).replace(/ /g, '\u00a0');
  const budgetText =
    p.circularBudget.mode === 'pct'
      ? `${formatEuroWhole(m.budgetCents, loc)} (${s.circularBudgetPct(formatDecimal(p.circularBudget.pct, loc))})`
      : `${formatEuroWhole(m.budgetCents, loc)} (${s.circularBudgetEur})`;
  const rows: [string, string, boolean][] = [
    [s.constructionBudget, formatEuroWhole(Math.round(p.constructionBudgetEur * 100), loc), false],
    [s.circularBudget, budgetText, false],
    [s.extraCost, s.extraCostRange(euro(cost.lowCents), euro(cost.highCents), euro(cost.midCents)), true],
  ];
  for (const [label, value, strong] of rows) {
    w.y += 5.6;
    w.setFont(9, 'normal', MUTED);
    w.doc.text(w.t(label), MARGIN_X, w.y);
    w.setFont(9.5, strong ? 'bold' : 'normal', INK);
    w.doc.text(w.fit(value, CONTENT_W - 68), MARGIN_X + 68, w.y);
  }
  w.y += 5.6;
  w.setFont(9, 'normal', MUTED);
  w.doc.text(w.t(s.withinBudget), MARGIN_X, w.y);
  w.y -= 0.75 * Writer.lh(9.5, 1.3);
  w.setFont(9.5, 'bold', verdict.code === 'within' || verdict.code === 'mid' ? OK_FG : verdict.code === 'low' ? CLAIM_FG : NOT_FG);
  w.paragraph(s.budgetVerdictText[verdict.code](euro(verdict.budgetCents), euro(cost.lowCents), euro(cost.midCents), euro(cost.highCents)), MARGIN_X + 68, CONTENT_W - 68, 9.5, 1.3);
  w.y += 2;
  w.setFont(7.5, 'normal', MUTED);
  w.paragraph(s.extraCostNote(formatDecimal(p.gfaM2, loc)), MARGIN_X, CONTENT_W, 7.5);

  w.subTitle(s.frontierTitle, 95);
  frontierChart(
    w,
    m.frontier,
    m.budgetCents,
    loc,
    { axisCost: s.frontierAxisCost, axisTotal: s.frontierAxisTotal, budget: s.frontierBudget, thisDesign: s.frontierThisDesign, best: s.frontierBest, bestNone: s.frontierBestNone, note: s.frontierNote },
    78,
  );

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
    rule(w, 0.2);
  };
  const range = (ci: { basis: string; low: number; high: number }) =>
    `${formatEuroAmount(ci.low, loc)} – ${formatEuroAmount(ci.high, loc)} ${ci.basis === 'per_m2_gfa' ? s.perM2 : s.lumpSum}`;
  header();
  for (const o of overrides) {
    keepRow(w, 6, header);
    const q = m.def.questions.find((x) => x.id === o.question);
    const levelIndex = q ? q.levels.findIndex((l) => l.id === o.level) : -1;
    const level = levelIndex >= 0 ? q!.levels[levelIndex] : undefined;
    w.y += 5;
    w.setFont(8.5, 'bold', INK);
    w.doc.text(w.t(o.question), cols[0]!, w.y);
    w.setFont(8.5, 'normal', INK);
    w.doc.text(w.fit(level ? s.levelText(levelIndex, level.label[loc]) : '?', cols[2]! - cols[1]! - 3), cols[1]!, w.y);
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
        answerLine = `${s.levelText(q.levels.indexOf(level), level.label[loc])} · ${s.points(formatInteger(level.points, loc), formatInteger(maxPoints, loc))}`;
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
      rule(w, 0.15, textX);
      w.y += 1.5;
    }
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Pages (d) and (e): history, follow-up, how to verify                                        */
/* ------------------------------------------------------------------------------------------ */

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
  const { s, env, loc } = m;
  const c = env.content;
  const doc = w.doc;
  if (w.y > 150) w.newPage();
  else w.y += 8;
  w.sectionTitle(s.verifyTitle);
  numberedSteps(w, s.verifySteps2);

  w.subTitle(s.verifyOutcomesTitle);
  for (const [name, text] of s.verifyOutcomes2) {
    w.ensure(10);
    const top = w.y;
    w.setFont(8.5, 'bold', INK);
    doc.text(w.t(name), MARGIN_X + 6, top + Writer.lh(8.5) - 1);
    w.setFont(8.5, 'normal', INK);
    w.paragraph(text, MARGIN_X + 40, CONTENT_W - 40, 8.5);
    w.y = Math.max(w.y, top + Writer.lh(8.5));
  }

  w.subTitle(s.verifyData, 30);
  const key = c.assessor.key;
  const rows: [string, string][] = [
    [s.referenceCode, env.referenceCode],
    [s.contentHash, env.contentHash],
    [s.keyFingerprint, keyFingerprint(key)],
    [s.publicKeyJwk, key.kty === 'EC' ? `x ${key.x}` : `x ${key.x}`],
    ...(key.kty === 'EC' ? ([['', `y ${key.y}`]] as [string, string][]) : []),
    [s.methodHash, c.method.sha256],
    [s.layoutAndLanguage, s.layoutAndLanguageValue(c.report.layout, loc)],
    ...(m.verifierSha256 ? ([[s.verifierHash, m.verifierSha256]] as [string, string][]) : []),
  ];
  for (const [label, value] of rows) {
    w.ensure(9);
    if (label) {
      w.y += 4;
      w.setFont(7.5, 'normal', MUTED);
      doc.text(w.t(label), MARGIN_X, w.y);
    }
    w.y += 4;
    w.setFont(8, 'normal', INK, 'mono');
    doc.text(w.t(value), MARGIN_X, w.y);
    w.y += 1;
  }
  printedTextNote(w, s.printedTextNote2);
}

/* ------------------------------------------------------------------------------------------ */

export interface Layout2Options {
  /**
   * SHA-256 of the standalone verifier (a build-time constant of the verifier-vc helper), printed
   * in the verification section so an evaluator can check the verifier itself. Omitted: no line.
   */
  verifierSha256?: string | undefined;
}

/** The page count and whether text was simplified, for tests and the bench. */
export interface Layout2Info {
  pages: number;
  simplifiedText: boolean;
}

/** Draws the pages of layout 2 and returns jsPDF's bytes (without attachment, metadata and signature). */
export function drawLayout2(env: IssuedEnvelopeV2, def: QuickScanDefinition, options: Layout2Options = {}): { bytes: Uint8Array; info: Layout2Info } {
  const m = revisionModel(env, def, options.verifierSha256);
  const c = env.content;
  const doc = newDocument();
  doc.setFileId(env.contentHash.slice(0, 32));
  const created = pdfDate(c.issuedAt);
  const year = Number(created.slice(2, 6));
  doc.setCreationDate(year >= 1970 && year <= 2037 ? `${created.slice(0, 16)}+00'00'` : "D:20000101000000+00'00'");
  doc.setLanguage(m.loc === 'nl' ? 'nl' : 'en-GB');

  const w = new Writer(doc, runningHeader(m.s.appName, `${m.s.referenceCode} ${env.referenceCode}`));
  cover(w, m);
  if (m.compliance) compliancePage(w, m, m.compliance);
  budgetPage(w, m);
  answersPages(w, m);
  historyPage(w, m);
  verifySection(w, m);
  footers(w, `${env.referenceCode} · ${c.project.name} · ${formatDate(c.issuedAt, m.loc)}`, m.s.pageOf);
  const bytes = new Uint8Array(doc.output('arraybuffer'));
  return { bytes, info: { pages: doc.getNumberOfPages(), simplifiedText: w.simplified } };
}

/** Document metadata of layout 2. */
export function layout2Metadata(env: IssuedEnvelopeV2, def: QuickScanDefinition): { title: string; subject: string; author: string; keywords: string[]; creator: string; producer: string } {
  const loc = env.content.report.locale;
  const s = layout2Strings[loc];
  const c = env.content;
  return {
    title: `${s.documentTitle}: ${c.project.name} (${PHASE_SHORT[c.phase][loc]})`,
    subject: env.referenceCode,
    author: [c.assessor.name, c.assessor.organisation].filter((x) => x.trim() !== '').join(', '),
    keywords: [env.referenceCode, `sha256:${env.contentHash}`, `${def.id}@${def.version}`, ...s.keywords.split(', ')],
    creator: s.appName,
    producer: `${s.appName}, report layout 2`,
  };
}
