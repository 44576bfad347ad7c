/**
 * Page furniture of the live reports: the running header, the footers with page numbers, key/value
 * facts, tables and the QR code. Shared by the revision and re-validation pages.
 */
import { create as createQr } from 'qrcode/lib/core/qrcode.js';
import { ACCENT, BOTTOM, CONTENT_W, INK, MARGIN_X, MUTED, PAGE_H, PAGE_W, RULE, WHITE, Writer } from './writer';

/** The running header: the app name left, a reference right, a rule below. */
export function runningHeader(appName: string, right: string): (w: Writer) => void {
  return (w: Writer) => {
    w.setFont(7.5, 'bold', ACCENT);
    w.doc.text(w.t(appName), MARGIN_X, 12);
    w.setFont(7.5, 'normal', MUTED);
    w.doc.text(w.t(right), PAGE_W - MARGIN_X, 12, { align: 'right' });
    w.draw(RULE, 0.25);
    w.doc.line(MARGIN_X, 14.5, PAGE_W - MARGIN_X, 14.5);
  };
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
