/**
 * Speed and size figures of the report, for `npm run bench` (scripts/bench.mjs calls
 * `reportBenchFigures()` after bundling). Measured, never asserted.
 *
 * Issue 11's targets for verification: one PDF under 50 ms, 100 PDFs under 5 s. Layout 2 (the
 * signed PDF) is a hash, a signature and the key figures read from the page text; layout 1 (the
 * PDFs already issued) keeps its byte-for-byte rebuild with the frozen bundle, so it is slower.
 */
import v1 from '../forms/definitions/zeeland-quickscan/1.0.0.json';
import type { QuickScanDefinition } from '../forms/schema';
import { canonicalJson } from '../forms/hash';
import { buildEnvelope, buildEnvelopeV2, canonicalContent, historyEntryOf, issuedContentFromScan, issuedContentV2FromScan, type IssueInput } from '../scoring/issued';
import { publicJwkOf, signWithPrivateJwk } from '../scoring/keys';
import { parseScanFile } from '../scoring/scan-file';
import { signWithSecretKey } from '../scoring/signature';
import example from '../docs/examples/new-build-school-goes.quickscan.json';
import testKey from './fixtures/test-key.json';
import testKeyP256 from './fixtures/test-key-p256.json';
import { importP256SigningKey } from './pades';
import { buildReportPdf, buildSignedReportPdf } from './pdf';
import { buildRevalidationPdf } from './revalidation';
import { verifyFile, type VerifyOptions } from './verify';

export interface ReportFigure {
  figure: string;
  value: number;
  unit: string;
  runs?: number;
  median?: number;
  note?: string;
}

const round = (x: number, digits = 4) => Number(x.toPrecision(digits));

async function timeMean(fn: () => Promise<unknown>, minRuns: number, minMs: number): Promise<{ mean: number; median: number; runs: number }> {
  for (let i = 0; i < 3; i++) await fn(); // warm up
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const total = times.reduce((a, b) => a + b, 0);
  times.sort((a, b) => a - b);
  return { mean: total / times.length, median: times[Math.floor(times.length / 2)]!, runs: times.length };
}

/** Verifies `count` PDFs one after another (each its own bytes, as an evaluator's folder of bids). */
async function verifyMany(pdfs: readonly Uint8Array[], options: VerifyOptions): Promise<number> {
  const t0 = performance.now();
  for (const [i, pdf] of pdfs.entries()) {
    const r = await verifyFile(pdf, `bid-${i}.pdf`, options);
    if (r.verdict === 'failed') throw new Error(`bench: PDF ${i} does not verify (${r.findings.map((f) => f.code).join(', ')})`);
  }
  return performance.now() - t0;
}

/** PDF build time and size (definition v1, the example new build, no photos) and PDF verify time. */
export async function reportBenchFigures(): Promise<ReportFigure[]> {
  const parsed = parseScanFile(example);
  if (!parsed.ok) throw new Error('the example scan docs/examples/new-build-school-goes.quickscan.json is invalid');
  const definition = v1 as unknown as QuickScanDefinition;
  const input = (revisionId: string): IssueInput => ({
    revisionId,
    issuedAt: '2026-11-22T10:15:00.000Z',
    phase: 'VO',
    assessor: { name: 'Bench', organisation: 'Bench', role: 'Bench', assessmentType: 'self', publicKey: testKey.publicKey },
    assumptions: '',
    exclusions: '',
    history: [],
    followUp: [],
  });
  const content = issuedContentFromScan(parsed.file, input('5d2c6a1e-8f3b-4c7d-9e0a-1b2c3d4e5f60'));
  const envelope = buildEnvelope(content, signWithSecretKey(canonicalContent(content), testKey.secretKey), { locale: 'nl', layout: 1 });
  const trust: VerifyOptions = { trustedKeys: [{ publicKey: testKey.publicKey, label: 'Bench' }] };

  const figures: ReportFigure[] = [];
  const coldStart = performance.now();
  const pdf = await buildReportPdf(envelope, definition);
  figures.push({ figure: 'report_pdf_build_cold_ms', value: round(performance.now() - coldStart), unit: 'ms', note: 'first buildReportPdf in the process (includes JIT warm-up)' });
  const build = await timeMean(() => buildReportPdf(envelope, definition), 10, 2000);
  figures.push({ figure: 'report_pdf_build_v1_ms', value: round(build.mean), median: round(build.median), runs: build.runs, unit: 'ms', note: 'buildReportPdf (layout 1, format 1), v1 (36 questions), example new build, no photos, warm mean' });
  figures.push({ figure: 'report_pdf_size_v1_bytes', value: pdf.length, unit: 'bytes', note: 'the same layout-1 PDF, with the envelope attached' });
  const verify = await timeMean(() => verifyFile(pdf, 'bench.pdf', trust), 10, 2000);
  figures.push({ figure: 'report_verify_pdf_v1_ms', value: round(verify.mean), median: round(verify.median), runs: verify.runs, unit: 'ms', note: 'verifyFile on that layout-1 PDF: extract, hash, signature, rescore, frozen rebuild and byte compare; warm mean' });
  const layout1Many = Array.from({ length: 100 }, () => pdf.slice());
  figures.push({ figure: 'report_verify_100_layout1_ms', value: round(await verifyMany(layout1Many, trust)), unit: 'ms', note: '100 layout-1 PDFs verified one after another (target of issue 11 is for layout 2; layout 1 keeps its frozen rebuild)' });

  // layout 2: format 2, P-256, PAdES signed
  const privateJwk = testKeyP256.privateJwk as { kty: 'EC'; crv: 'P-256'; x: string; y: string; d: string; alg: 'ES256' };
  const key = await importP256SigningKey(privateJwk);
  const { publicKey: _raw, ...assessor } = input('').assessor;
  const envelopeV2 = (i: number) => {
    const c = issuedContentV2FromScan(parsed.file, { ...input(`7d2c6a1e-8f3b-4c7d-9e0a-${String(i).padStart(12, '0')}`), assessor: { ...assessor, key: publicJwkOf(privateJwk) }, report: { locale: 'nl', layout: 2 } });
    return buildEnvelopeV2(c, signWithPrivateJwk('revision', canonicalJson(c), privateJwk));
  };
  const env2 = envelopeV2(0);
  const trust2: VerifyOptions = { anchors: { keys: [{ key: publicJwkOf(privateJwk), label: 'Bench' }], lists: [] } };
  const cold2 = performance.now();
  const pdf2 = await buildSignedReportPdf(env2, definition, key);
  figures.push({ figure: 'report_pdf_issue_layout2_cold_ms', value: round(performance.now() - cold2), unit: 'ms', note: 'first buildSignedReportPdf in the process' });
  const build2 = await timeMean(() => buildSignedReportPdf(env2, definition, key), 10, 2000);
  figures.push({ figure: 'report_pdf_issue_layout2_ms', value: round(build2.mean), median: round(build2.median), runs: build2.runs, unit: 'ms', note: 'issuing one layout-2 PDF (format 2): draw, embed the envelope and the font subset, PAdES sign (ECDSA P-256); warm mean' });
  figures.push({ figure: 'report_pdf_size_layout2_bytes', value: pdf2.length, unit: 'bytes', note: 'the same layout-2 PDF (signed, with the envelope and the font subset)' });
  const verify2 = await timeMean(() => verifyFile(pdf2, 'bench2.pdf', trust2), 10, 2000);
  figures.push({ figure: 'report_verify_pdf_layout2_ms', value: round(verify2.mean), median: round(verify2.median), runs: verify2.runs, unit: 'ms', note: 'verifyFile on one layout-2 PDF: extract, envelope check, rescore, PAdES signature, key figures from the page text; warm mean (target < 50 ms)' });
  const layout2Many: Uint8Array[] = [];
  for (let i = 0; i < 100; i++) layout2Many.push(await buildSignedReportPdf(envelopeV2(i), definition, key));
  figures.push({ figure: 'report_verify_100_layout2_ms', value: round(await verifyMany(layout2Many, trust2)), unit: 'ms', note: '100 different layout-2 PDFs verified one after another (target < 5000 ms)' });

  // re-validation: the same revision against a delivery revision with four answers changed
  const answers = structuredClone(parsed.file.scan.answers);
  answers.C1 = { level: 'l1', note: 'Gevel verlijmd in plaats van geschroefd.' };
  answers.F1 = { level: 'l1' };
  answers.E1 = { level: 'l3' };
  answers.G1 = { level: 'l0' };
  const laterContent = issuedContentFromScan(
    { ...parsed.file, scan: { ...parsed.file.scan, answers } },
    {
      revisionId: '6d2c6a1e-8f3b-4c7d-9e0a-1b2c3d4e5f61',
      issuedAt: '2028-06-30T09:00:00.000Z',
      phase: 'delivery',
      assessor: { name: 'Bench', organisation: 'Bench', role: 'Bench', assessmentType: 'independent', publicKey: testKey.publicKey },
      assumptions: '',
      exclusions: '',
      history: [historyEntryOf(envelope)],
      followUp: [],
    },
  );
  const later = buildEnvelope(laterContent, signWithSecretKey(canonicalContent(laterContent), testKey.secretKey), { locale: 'nl', layout: 1 });
  const defs = { earlier: definition, later: definition };
  const revalidation = await buildRevalidationPdf(envelope, later, defs, 'nl');
  const rbuild = await timeMean(() => buildRevalidationPdf(envelope, later, defs, 'nl'), 10, 2000);
  figures.push({ figure: 'report_revalidation_build_ms', value: round(rbuild.mean), median: round(rbuild.median), runs: rbuild.runs, unit: 'ms', note: 'buildRevalidationPdf (re-validation layout 2, toolkit), v1, example new build against a delivery revision (4 answers changed), warm mean' });
  figures.push({ figure: 'report_revalidation_size_bytes', value: revalidation.length, unit: 'bytes', note: 'the same PDF, with both envelopes attached' });
  const rverify = await timeMean(() => verifyFile(revalidation, 'bench-revalidation.pdf', trust), 10, 2000);
  figures.push({ figure: 'report_verify_revalidation_ms', value: round(rverify.mean), median: round(rverify.median), runs: rverify.runs, unit: 'ms', note: 'verifyFile on that PDF: both envelopes checked and rescored, the re-validation rebuilt and compared; warm mean' });
  return figures;
}
