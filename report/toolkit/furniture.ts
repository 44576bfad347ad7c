/**
 * Page furniture of the live reports (layout 2 of the revision and the re-validation report): the
 * cover band and title block, the running header, the footers with page numbers, rules, key/value
 * facts, tables, numbered steps, the printed-text note and the QR code. Each helper makes exactly
 * the drawing calls its callers made before it was shared, so the committed example PDFs keep
 * their bytes (report/revision/signed.test.ts, report/revalidation/layout2.test.ts).
 */
import { create as createQr } from 'qrcode/lib/core/qrcode.js';
import { ACCENT, BOTTOM, CONTENT_W, INK, MARGIN_X, MUTED, PAGE_H, PAGE_W, RULE, WHITE, Writer } from './writer';

/** Where the running header's text stands, and the right edge it is aligned to. */
export const HEADER_BASELINE = 12;
export const RIGHT_EDGE = PAGE_W - MARGIN_X;

/**
 * The running header: the app name left, a reference right (text, or drawn by `right` at
 * {@link RIGHT_EDGE} / {@link HEADER_BASELINE} in the header's font), a rule below.
 */
export function runningHeader(appName: string, right: string | ((w: Writer) => void)): (w: Writer) => void {
  return (w: Writer) => {
    w.setFont(7.5, 'bold', ACCENT);
    w.doc.text(w.t(appName), MARGIN_X, HEADER_BASELINE);
    w.setFont(7.5, 'normal', MUTED);
    if (typeof right === 'string') w.doc.text(w.t(right), RIGHT_EDGE, HEADER_BASELINE, { align: 'right' });
    else right(w);
    w.draw(RULE, 0.25);
    w.doc.line(MARGIN_X, 14.5, RIGHT_EDGE, 14.5);
  };
}

/** Where the cover band's text stands. */
export const COVER_BAND_BASELINE = 9;

/**
 * The cover's top band: accent colour over the page width, the app name in capitals left; `right`
 * then draws the band's right-hand text in its font (9 pt, white) at {@link COVER_BAND_BASELINE}.
 */
export function coverBand(w: Writer, appName: string, right: () => void): void {
  w.fill(ACCENT);
  w.doc.rect(0, 0, PAGE_W, 14, 'F');
  w.setFont(9, 'bold', WHITE);
  w.doc.text(appName.toUpperCase(), MARGIN_X, COVER_BAND_BASELINE);
  w.setFont(9, 'normal', WHITE);
  right();
}

/**
 * The cover's title block below the band: the document title in small capitals, then the project
 * name in 19 pt on at most `maxLines` lines of `width` (a longer name runs on into the last line,
 * cut to fit). Leaves `w.y` on the last line's baseline.
 */
export function coverTitle(w: Writer, documentTitle: string, name: string, width: number, maxLines: number): void {
  w.y = 22;
  w.setFont(8, 'bold', ACCENT);
  w.y += 4;
  w.doc.text(w.t(documentTitle.toUpperCase()), MARGIN_X, w.y);
  w.setFont(19, 'bold', INK);
  const all = w.split(name || '—', width);
  const lines = all.slice(0, maxLines);
  if (all.length > maxLines) lines[maxLines - 1] = w.fit(`${lines[maxLines - 1]} ${all[maxLines]}`, width);
  for (const line of lines) {
    w.y += Writer.lh(19, 1.15);
    w.doc.text(line, MARGIN_X, w.y);
  }
}

/** A rule at `w.y` of `weight` mm, from `from` to the right margin. */
export function rule(w: Writer, weight: number, from = MARGIN_X): void {
  w.draw(RULE, weight);
  w.doc.line(from, w.y, RIGHT_EDGE, w.y);
}

/** The rule under a table's column titles (or closing a table): 1.6 mm lower, 0.2 mm. */
export function headRule(w: Writer): void {
  w.y += 1.6;
  rule(w, 0.2);
}

/** A table row of `height` done: `w.y` moves below it and a thin rule separates it from the next. */
export function rowRule(w: Writer, height: number): void {
  w.y += height;
  rule(w, 0.15);
}

/** Before a table row of `height`: when it does not fit, a new page with the column titles (`head`) again. */
export function keepRow(w: Writer, height: number, head: () => void): void {
  if (w.y + height > BOTTOM) {
    w.newPage();
    head();
  }
}

/** Numbered steps ("1." in the accent colour, the step as a paragraph beside it). */
export function numberedSteps(w: Writer, steps: readonly string[]): void {
  steps.forEach((step, i) => {
    w.ensure(10);
    w.setFont(9, 'bold', ACCENT);
    w.doc.text(`${i + 1}.`, MARGIN_X, w.y + Writer.lh(9) - 1);
    w.setFont(9, 'normal', INK);
    w.paragraph(step, MARGIN_X + 6, CONTENT_W - 6, 9);
    w.y += 1.5;
  });
}

/** When some text had to be simplified for the PDF's fonts: the note that says so (`note`), small and italic. */
export function printedTextNote(w: Writer, note: string): void {
  if (!w.simplified) return;
  w.y += 4;
  w.setFont(7.5, 'italic', MUTED);
  w.paragraph(note, MARGIN_X, CONTENT_W, 7.5);
}

/** Footers on every page: a line of text left and "page p of n" right. */
export function footers(w: Writer, left: string, pageOf: (page: number, pages: number) => string): void {
  const pages = w.doc.getNumberOfPages();
  for (let p = 1; p <= pages; p++) {
    w.doc.setPage(p);
    w.draw(RULE, 0.25);
    w.doc.line(MARGIN_X, PAGE_H - 13, PAGE_W - MARGIN_X, PAGE_H - 13);
    w.setFont(7.5, 'normal', MUTED);
    w.doc.text(w.fit(left, CONTENT_W - 35), MARGIN_X, PAGE_H - 8.5);
    w.doc.text(w.t(pageOf(p, pages)), PAGE_W - MARGIN_X, PAGE_H - 8.5, { align: 'right' });
  }
}

/** Key/value rows in columns: label (muted, small) above value. */
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

/** A simple table: a header row, then one line per row (cut to fit), breaking pages with the header repeated. */
export function table(w: Writer, columns: { title: string; x: number; mono?: boolean }[], rows: { cells: string[]; strong?: boolean }[]): void {
  const head = () => {
    w.y += 4.5;
    w.setFont(7.5, 'bold', MUTED);
    columns.forEach((c) => w.doc.text(w.t(c.title), c.x, w.y));
    headRule(w);
  };
  head();
  for (const r of rows) {
    keepRow(w, 6, head);
    w.y += 5;
    r.cells.forEach((cell, i) => {
      const col = columns[i]!;
      const next = columns[i + 1]?.x ?? PAGE_W - MARGIN_X;
      if (col.mono) w.setFont(8, r.strong ? 'bold' : 'normal', INK, 'mono');
      else w.setFont(8.5, r.strong ? 'bold' : 'normal', INK);
      w.doc.text(w.fit(cell, next - col.x - 2), col.x, w.y);
    });
  }
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
