/**
 * Report layout 2: the signed PDF of a format-2 revision. PAdES B-B over the whole file,
 * checked by our verifier (report/verify-pades.ts) and by poppler's pdfsig; altered copies
 * (a changed byte, appended bytes, an incremental update, a changed page, a copy signed again)
 * fail. pdfsig is required in CI (CI=true): without it this file fails there instead of skipping.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, rgb } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetVerdict } from '../../scoring/advice';
import { scoreScan } from '../../scoring/score';
import { formatEuroWhole } from '../format';
import { drawLayout2 } from './pages';
import { exampleScan, issueV2, TEST_KEY_P256, zeelandDefinition } from '../fixtures/example';
import { extractEnvelopeFromPdf } from '../extract';
import { buildSignedReportPdf } from '../pdf';
import { createSignerCertificate, importP256SigningKey, preparePdfForSignature, signPreparedPdf, verifyPadesSignature } from '../pades';
import { readPageFigures } from '../pdf-text';
import { checkSignedPages, type RecomputedScore } from '../verify-pades';
import type { IssuedEnvelopeV2 } from '../../scoring/issued';
import { verifyFile } from '../verify';
import { testRegistry, TEST_KEY_P256_PUBLIC } from '../fixtures/example';
import { hasTool } from '../fixtures/tools';

// poppler's pdfsig; required in CI
const hasPdfsig = hasTool('pdfsig');
if (process.env.CI === 'true' && !hasPdfsig) throw new Error('pdfsig (poppler-utils) is required in CI: apt-get install -y poppler-utils');

const dir = mkdtempSync(join(tmpdir(), 'quickscan-pades-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfsig(bytes: Uint8Array): { valid: boolean; whole: boolean; text: string } {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  const r = spawnSync('pdfsig', [path], { encoding: 'utf8' });
  const text = `${r.stdout}${r.stderr}`;
  const signatures = (text.match(/Signature #\d+/g) ?? []).length;
  const valid = signatures > 0 && (text.match(/Signature Validation: Signature is Valid\./g) ?? []).length === signatures;
  const whole = signatures > 0 && (text.match(/Total document signed/g) ?? []).length === signatures;
  return { valid, whole, text };
}

function scoreOf(env: IssuedEnvelopeV2): RecomputedScore {
  const c = env.content;
  const s = scoreScan(zeelandDefinition, { project: c.project, answers: c.scan.answers, costOverrides: c.scan.costOverrides });
  return { themes: s.themes.map((t) => ({ id: t.id, display: t.display })), total: s.total?.display ?? null, label: s.label.reached ? { id: s.label.reached } : null };
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

/** An incremental update as a PDF editor writes one: a changed Info dictionary, a new xref section and trailer. */
function incrementalUpdate(bytes: Uint8Array): Uint8Array {
  const text = latin1(bytes);
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const size = Number([...text.matchAll(/\/Size (\d+)/g)].pop()![1]);
  const root = [...text.matchAll(/\/Root (\d+ \d+ R)/g)].pop()![1];
  const objOffset = bytes.length + 1;
  const obj = `\n${size} 0 obj\n<< /Title (Vervalst) /Producer (editor) >>\nendobj\n`;
  const xrefOffset = bytes.length + obj.length;
  const tail = `xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(objOffset).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${prev} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(bytes), Buffer.from(obj + tail, 'latin1')]));
}

describe('report layout 2: signed PDF', () => {
  let key: CryptoKey;
  const made: Record<'nl' | 'en', { env: IssuedEnvelopeV2; pdf: Uint8Array }> = {} as never;

  beforeAll(async () => {
    key = await importP256SigningKey(TEST_KEY_P256.privateJwk);
    for (const locale of ['nl', 'en'] as const) {
      const env = issueV2(exampleScan(), {
        locale,
        input: {
          assumptions: 'Prijspeil 2026; ĳzeren liggers hergebruikt (≥ 40 %). Opgesteld met Łukasz Wróbel, Zoë Öztürk en Ștefan Dvořák.',
        },
      });
      made[locale] = { env, pdf: await buildSignedReportPdf(env, zeelandDefinition, key, { verifierSha256: 'a1'.repeat(32) }) };
    }
  }, 120_000);

  it('is one PAdES B-B signature over the whole file, by the assessor key, with the envelope inside', async () => {
    for (const locale of ['nl', 'en'] as const) {
      const { env, pdf } = made[locale];
      const v = await verifyPadesSignature(pdf);
      expect(v.problems).toEqual([]);
      expect(v.ok).toBe(true);
      expect(v.byteRange![0]).toBe(0);
      expect(v.byteRange![2] + v.byteRange![3]).toBe(pdf.length);
      expect(v.certificateKey).toEqual({ kty: 'EC', crv: 'P-256', x: TEST_KEY_P256.privateJwk.x, y: TEST_KEY_P256.privateJwk.y });
      expect(v.certificateSubject).toEqual({ name: env.content.assessor.name, organisation: env.content.assessor.organisation });
      expect(v.signedAt).toBe(env.content.issuedAt);
      const text = latin1(pdf);
      expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
      const attached = await extractEnvelopeFromPdf(pdf);
      expect(attached.ok && JSON.parse(attached.text)).toEqual(JSON.parse(JSON.stringify(env)));
      // language and layout are in the signed content
      expect(env.content.report).toEqual({ locale, layout: 2 });
    }
  });

  it('shows the key figures as signed, read back from the page text', async () => {
    for (const locale of ['nl', 'en'] as const) {
      const { env, pdf } = made[locale];
      const check = await checkSignedPages(pdf, env, scoreOf(env), zeelandDefinition);
      expect(check.findings).toEqual([{ code: 'pages-match' }]);
      expect(check.pagesMatch).toBe(true);
      const figures = await readPageFigures(pdf, [1]);
      expect(figures.find((f) => f.name === 'referenceCode')?.text).toBe(env.referenceCode);
      expect(figures.find((f) => f.name === 'total')?.text).toBe(locale === 'nl' ? '47,6' : '47.6');
      expect(figures.filter((f) => f.name === 'theme').map((f) => f.key)).toEqual(zeelandDefinition.themes.map((t) => t.id));
    }
  });

  it('embeds DejaVu Sans: ĳ, ≥ and accented names print as they are; a 7-page report stays under 300 KB', () => {
    const { pdf } = made.nl;
    expect(pdf.length).toBeLessThan(300 * 1024);
    const text = latin1(pdf);
    expect(text).toMatch(/\/BaseFont \/DejaVuSans/);
    expect(text).toContain('/FontFile2');
    if (!hasPdfsig) return; // poppler present with pdfsig; pdftotext comes with it
    const path = join(dir, 'fonts.pdf');
    writeFileSync(path, pdf);
    const shown = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of ['ĳzeren', '≥ 40 %', 'Łukasz Wróbel', 'Zoë Öztürk', 'Ștefan Dvořák', 'Anouk de Vries-Çelik']) expect(shown).toContain(s);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(6);
  });

  it.skipIf(!hasPdfsig)('speaks the glossary: levels as "number · name", never an id; "zonder bewijs"; the budget verdict with the low, middle and high estimate in all four cases', () => {
    const textOf = (bytes: Uint8Array) => {
      const path = join(dir, `t${Math.random().toString(36).slice(2)}.pdf`);
      writeFileSync(path, bytes);
      return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    for (const locale of ['nl', 'en'] as const) {
      const shown = textOf(made[locale].pdf);
      expect(shown).not.toMatch(/\bl[0-4]\b/);
      expect(shown).not.toMatch(locale === 'nl' ? /geclaimd|[Hh]ervalidatie|[Mm]eerkosten/ : /\bclaimed\b/);
      expect(shown).toContain(locale === 'nl' ? 'zonder bewijs' : 'without evidence');
      // C1 of the example scan is answered with its third level (index 2)
      const c1 = zeelandDefinition.questions.find((q) => q.id === 'C1')!;
      const answered = made[locale].env.content.scan.answers.C1 as { level: string };
      const index = c1.levels.findIndex((l) => l.id === answered.level);
      expect(shown).toContain(`${index} · ${c1.levels[index]!.label[locale]}`);
      // the method's publisher is named (a built-in release: the definition's publisher)
      expect(shown).toContain(`${locale === 'nl' ? 'uitgever' : 'publisher'}: ${zeelandDefinition.publisher}`);
    }
    // the four cases of scoring/advice.ts budgetVerdict, each with the three estimates; the
    // example's low estimate is a saving, so "over" needs positive costs (project cost overrides)
    const euros = (cents: number) => formatEuroWhole(cents, 'nl');
    const variant = (costly: boolean) => {
      const e = structuredClone(made.nl.env);
      const answers = e.content.scan.answers;
      if (costly) {
        e.content.scan.costOverrides = Object.entries(answers).flatMap(([question, a]) =>
          a && 'level' in a ? [{ question, level: a.level, cost: { basis: 'lump_sum' as const, low: 1000, high: 3000 } }] : [],
        );
      }
      const c = e.content;
      return { e, cost: scoreScan(zeelandDefinition, { project: c.project, answers: c.scan.answers, costOverrides: c.scan.costOverrides }).cost };
    };
    const plain = variant(false);
    const costly = variant(true);
    const cases: [typeof plain, number, string, string][] = [
      [plain, plain.cost.highCents, 'within', 'ook bij de hoge raming'],
      [plain, plain.cost.midCents, 'mid', 'bij de middenraming, niet bij de hoge raming'],
      [plain, 0, 'low', 'Past alleen bij de lage raming'],
      [costly, 0, 'over', 'Past niet binnen het budget'],
    ];
    for (const [{ e, cost }, budgetCents, code, words] of cases) {
      e.content.project.circularBudget = { mode: 'eur', amountEur: budgetCents / 100 };
      expect(budgetVerdict(cost, budgetCents).code).toBe(code);
      const shown = textOf(drawLayout2(e, zeelandDefinition).bytes);
      expect(shown).toContain(words);
      expect(shown).toContain(`(laag ${euros(cost.lowCents)}, midden ${euros(cost.midCents)}, hoog ${euros(cost.highCents)})`);
    }
  });

  describe.skipIf(!hasPdfsig)('pdfsig (poppler) agrees', () => {
    it('reports every newly issued PDF as valid and covering the whole document', () => {
      for (const locale of ['nl', 'en'] as const) {
        const r = pdfsig(made[locale].pdf);
        expect(r.valid, r.text).toBe(true);
        expect(r.whole, r.text).toBe(true);
      }
    });
  });

  it('verifyFile: passed with the key as anchor, indeterminate without; every altered copy failed', async () => {
    const anchors = { keys: [{ key: TEST_KEY_P256_PUBLIC, label: 'TEST P-256' }], lists: [] };
    const ok = await verifyFile(made.nl.pdf, 'a.pdf', { anchors, registry: testRegistry });
    expect(ok.verdict, JSON.stringify(ok.findings)).toBe('passed');
    expect(ok.findings).toContainEqual({ code: 'pages-match' });
    expect((await verifyFile(made.en.pdf, 'a.pdf', { registry: testRegistry })).verdict).toBe('indeterminate');
    const appended = new Uint8Array(Buffer.concat([Buffer.from(made.nl.pdf), Buffer.from('\n% x\n')]));
    const updated = incrementalUpdate(made.nl.pdf);
    const changed = new Uint8Array(made.nl.pdf);
    const at = latin1(changed).indexOf('/Producer');
    changed[at + 12] = changed[at + 12] === 0x41 ? 0x42 : 0x41;
    for (const bad of [appended, updated, changed]) {
      const r = await verifyFile(bad, 'b.pdf', { anchors, registry: testRegistry });
      expect(r.verdict).toBe('failed');
    }
  }, 60_000);

  describe('altered copies fail', () => {
    const check = async (pdf: Uint8Array) => checkSignedPages(pdf, made.nl.env, scoreOf(made.nl.env), zeelandDefinition);

    it('a changed byte', async () => {
      const pdf = new Uint8Array(made.nl.pdf);
      const at = latin1(pdf).indexOf('/Producer');
      pdf[at + 12] = pdf[at + 12] === 0x41 ? 0x42 : 0x41;
      const r = await check(pdf);
      expect(r.pagesMatch).toBe(false);
      expect(r.findings).toContainEqual({ code: 'pages-altered', detail: 'digest-mismatch' });
      if (hasPdfsig) expect(pdfsig(pdf).valid).toBe(false);
    });

    it('appended bytes', async () => {
      const pdf = new Uint8Array(Buffer.concat([Buffer.from(made.nl.pdf), Buffer.from('\n% added later\n')]));
      const r = await check(pdf);
      expect(r.findings).toContainEqual({ code: 'pages-incremental-update', detail: 'bytes-appended' });
      if (hasPdfsig) expect(pdfsig(pdf).whole).toBe(false);
    });

    it('an incremental update, named as such', async () => {
      const pdf = incrementalUpdate(made.nl.pdf);
      const r = await check(pdf);
      expect(r.findings).toContainEqual({ code: 'pages-incremental-update', detail: 'incremental-update' });
      expect(r.messages.map((m) => m.en).join(' ')).toMatch(/incremental update was added/);
      if (hasPdfsig) {
        const s = pdfsig(pdf);
        expect(s.whole, s.text).toBe(false);
      }
    });

    it('a changed page (a PDF editor rewrites the file)', async () => {
      const doc = await PDFDocument.load(made.nl.pdf);
      doc.getPage(0).drawRectangle({ x: 400, y: 600, width: 120, height: 30, color: rgb(1, 1, 1) });
      const pdf = await doc.save({ useObjectStreams: false });
      const r = await check(pdf);
      expect(r.pagesMatch).toBe(false);
      if (hasPdfsig) expect(pdfsig(pdf).valid && pdfsig(pdf).whole).toBe(false);
    });

    it('a copy signed again with another key (its own signature is valid for pdfsig, not for the verifier)', async () => {
      // the pages unchanged, the signature removed and made anew by someone else
      const other = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
      const jwk = await crypto.subtle.exportKey('jwk', other.publicKey);
      const unsignedPages = await PDFDocument.load(made.nl.pdf);
      // drop the original signature field, its signature and the page's reference to it
      const form = unsignedPages.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
      const widgetRef = form.lookup(PDFName.of('Fields'), PDFArray).get(0) as PDFRef;
      const widget = unsignedPages.context.lookup(widgetRef, PDFDict);
      unsignedPages.context.delete(widget.get(PDFName.of('V')) as PDFRef);
      unsignedPages.context.delete(widgetRef);
      unsignedPages.getPage(0).node.delete(PDFName.of('Annots'));
      unsignedPages.catalog.delete(PDFName.of('AcroForm'));
      const bytes = await unsignedPages.save({ useObjectStreams: false });
      const info = { signedAt: new Date(made.nl.env.content.issuedAt), name: 'Someone Else', reason: 'copy' };
      const prepared = await preparePdfForSignature(bytes, info, () => {});
      const signer = { privateKey: other.privateKey, publicJwk: { kty: 'EC' as const, crv: 'P-256' as const, x: jwk.x!, y: jwk.y! }, name: 'Someone Else', organisation: '' };
      const pdf = await signPreparedPdf(prepared, other.privateKey, await createSignerCertificate(signer, info.signedAt, new Uint8Array([9])));
      const r = await check(pdf);
      expect(r.pagesMatch).toBe(false);
      expect(r.findings.map((f) => f.detail)).toContain('certificate-key');
      if (hasPdfsig) expect(pdfsig(pdf).text).toMatch(/Someone Else/);
    });

    it('pages that show another total than the data', async () => {
      // the same pages drawn for other data (a better score), with the original envelope attached
      const better = exampleScan();
      for (const q of Object.keys(better.scan.answers).slice(0, 6)) better.scan.answers[q] = { level: 'l3' };
      const forged = issueV2(better, { locale: 'nl' });
      const forgedPdf = await buildSignedReportPdf(forged, zeelandDefinition, key);
      const r = await checkSignedPages(forgedPdf, made.nl.env, scoreOf(made.nl.env), zeelandDefinition);
      expect(r.findings).toContainEqual({ code: 'pages-altered', detail: 'figures' });
      expect(r.messages.map((m) => m.en).join(' ')).toMatch(/The pages show/);
    });
  });
});

describe('committed signed examples (docs/examples/signed, TEST P-256 key)', () => {
  const signedDir = join(import.meta.dirname, '../../docs/examples/signed');
  const files = readdirSync(signedDir).filter((f) => f.endsWith('.pdf')).sort();
  it('exist in Dutch and English', () => {
    expect(files.filter((f) => f.endsWith('.nl.pdf')).length).toBeGreaterThanOrEqual(3);
    expect(files.filter((f) => f.endsWith('.en.pdf')).length).toBe(files.filter((f) => f.endsWith('.nl.pdf')).length);
  });
  for (const file of files) {
    it(`${file} passes with the TEST key as anchor (pdfsig: valid, whole document)`, async () => {
      const bytes = new Uint8Array(readFileSync(join(signedDir, file)));
      const r = await verifyFile(bytes, file, { anchors: { keys: [{ key: TEST_KEY_P256_PUBLIC, label: 'TEST' }], lists: [] } });
      expect(r.verdict, JSON.stringify(r.findings)).toBe('passed');
      expect(r.findings).toContainEqual({ code: 'pages-match' });
      expect(bytes.length).toBeLessThan(300 * 1024);
      if (hasPdfsig) {
        const s = pdfsig(bytes);
        expect(s.valid && s.whole, s.text).toBe(true);
      }
    }, 60_000);
  }
});
