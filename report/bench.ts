/**
 * Speed and size figures of the report, for `npm run bench` (scripts/bench.mjs calls
 * `reportBenchFigures()` after bundling). Measured, never asserted.
 */
import example from '../docs/examples/new-build-school-goes.quickscan.json';
import v1 from '../forms/definitions/zeeland-quickscan/1.0.0.json';
import type { QuickScanDefinition } from '../forms/schema';
import { buildEnvelope, canonicalContent, historyEntryOf, issuedContentFromScan } from '../scoring/issued';
import { parseScanFile } from '../scoring/scan-file';
import { signWithSecretKey } from '../scoring/signature';
import testKey from './fixtures/test-key.json';
import { buildReportPdf } from './pdf';
import { buildRevalidationPdf } from './revalidation';
import { verifyFile } from './verify';

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

/** PDF build time and size (definition v1, the example new build, no photos) and PDF verify time. */
export async function reportBenchFigures(): Promise<ReportFigure[]> {
  const parsed = parseScanFile(example);
  if (!parsed.ok) throw new Error('the example scan docs/examples/new-build-school-goes.quickscan.json is invalid');
  const definition = v1 as unknown as QuickScanDefinition;
  const content = issuedContentFromScan(parsed.file, {
    revisionId: '5d2c6a1e-8f3b-4c7d-9e0a-1b2c3d4e5f60',
    issuedAt: '2026-11-22T10:15:00.000Z',
    phase: 'VO',
    assessor: { name: 'Bench', organisation: 'Bench', role: 'Bench', assessmentType: 'self', publicKey: testKey.publicKey },
    assumptions: '',
    exclusions: '',
    history: [],
    followUp: [],
  });
  const envelope = buildEnvelope(content, signWithSecretKey(canonicalContent(content), testKey.secretKey), { locale: 'nl', layout: 1 });

  const figures: ReportFigure[] = [];
  const coldStart = performance.now();
  const pdf = await buildReportPdf(envelope, definition);
  figures.push({ figure: 'report_pdf_build_cold_ms', value: round(performance.now() - coldStart), unit: 'ms', note: 'first buildReportPdf in the process (includes JIT warm-up)' });
  const build = await timeMean(() => buildReportPdf(envelope, definition), 10, 2000);
  figures.push({ figure: 'report_pdf_build_v1_ms', value: round(build.mean), median: round(build.median), runs: build.runs, unit: 'ms', note: 'buildReportPdf, v1 (36 questions), example new build, no photos, warm mean' });
  figures.push({ figure: 'report_pdf_size_v1_bytes', value: pdf.length, unit: 'bytes', note: 'the same PDF, with the envelope attached' });
  const verify = await timeMean(() => verifyFile(pdf, 'bench.pdf'), 10, 2000);
  figures.push({ figure: 'report_verify_pdf_v1_ms', value: round(verify.mean), median: round(verify.median), runs: verify.runs, unit: 'ms', note: 'verifyFile on that PDF: extract, hash, signature, rescore, rebuild and compare; warm mean' });

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
  figures.push({ figure: 'report_revalidation_build_ms', value: round(rbuild.mean), median: round(rbuild.median), runs: rbuild.runs, unit: 'ms', note: 'buildRevalidationPdf, v1, example new build against a delivery revision (4 answers changed), warm mean' });
  figures.push({ figure: 'report_revalidation_size_bytes', value: revalidation.length, unit: 'bytes', note: 'the same PDF, with both envelopes attached' });
  const rverify = await timeMean(() => verifyFile(revalidation, 'bench-revalidation.pdf'), 10, 2000);
  figures.push({ figure: 'report_verify_revalidation_ms', value: round(rverify.mean), median: round(rverify.median), runs: rverify.runs, unit: 'ms', note: 'verifyFile on that PDF: both envelopes checked and rescored, the re-validation rebuilt and compared; warm mean' });
  return figures;
}
