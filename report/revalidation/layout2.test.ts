/**
 * Re-validation layout 2 (report/revalidation/): herbeoordelingen of revisions of format 1 and 2
 * on the report toolkit, with the verdict of both revisions (scoring/verdict.ts, as checked when
 * made), the state of every evidence file, and the glossary's words; rebuilt byte for byte on
 * verification, so an edited descriptor or page fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyEnvelopeJsonText, historyEntryOf, type AnyIssuedEnvelope } from '../../scoring/issued';
import { extractAttachmentFromPdf } from '../extract';
import { exampleIssueInput, exampleScan, issue, issueV2, TEST_KEY, TEST_KEY_P256_PUBLIC, testRegistry, zeelandDefinition } from '../fixtures/example';
import { editPageContent, replaceAttachedEnvelope } from '../fixtures/tamper';
import { buildRevalidationPdf, checksOf, RevalidationFormatError, REVALIDATION_DESCRIPTOR_ATTACHMENT, type RevalidationOptions } from '../revalidation';
import { verifyFile, type VerifyOptions } from '../verify';
import { hasTool } from '../fixtures/tools';

// pdftotext (poppler); required in CI
const hasPoppler = hasTool('pdftotext');
if (process.env.CI === 'true' && !hasPoppler) throw new Error('pdftotext (poppler-utils) is required in CI: apt-get install -y poppler-utils');

const dir = mkdtempSync(join(tmpdir(), 'quickscan-revalidation2-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdftotext(bytes: Uint8Array): string {
  const path = join(dir, `r${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const defs = { earlier: zeelandDefinition, later: zeelandDefinition };
const EVIDENCE_E1 = 'ab'.repeat(32);
const trusted: VerifyOptions = {
  registry: testRegistry,
  anchors: { keys: [{ key: TEST_KEY_P256_PUBLIC, label: 'TEST P-256' }], lists: [] },
  trustedKeys: [{ publicKey: TEST_KEY.publicKey, label: 'TEST' }],
  now: '2028-07-01T00:00:00Z',
};

/** The example scan issued at VO (format 1 or 2), and re-validated at delivery in format 2. */
function pair(earlierFormat: 1 | 2, locale: 'nl' | 'en' = 'nl'): { earlier: AnyIssuedEnvelope; later: AnyIssuedEnvelope } {
  const earlier = earlierFormat === 1 ? issue(exampleScan()) : issueV2(exampleScan(), { locale });
  const scan = exampleScan();
  const a = scan.scan.answers;
  a.C1 = { level: 'l1', note: 'Gevel op de bouwplaats verlijmd in plaats van geschroefd.' }; // down with a reason; its two evidence files withdrawn
  a.F1 = { level: 'l1' }; // down, no reason
  a.E1 = { level: 'l3', evidence: [{ id: '00000000-0000-4000-8000-000000000001', name: 'doorsnede.pdf', type: 'application/pdf', size: 1000, sha256: EVIDENCE_E1, addedAt: '2028-05-01T08:00:00.000Z' }] };
  scan.project.phase = 'delivery';
  const later = issueV2(scan, {
    locale,
    input: {
      revisionId: '5e0c8a52-7d1e-4b9a-9c2f-5e6d7a8b9c02',
      issuedAt: '2028-06-30T09:00:00.000Z',
      phase: 'delivery',
      assessor: { name: 'ir. B. Toetser', organisation: 'Bouwtoets Zeeland', role: 'Onafhankelijk toetser', assessmentType: 'independent', publicKey: '' },
      history: [...exampleIssueInput().history, historyEntryOf(earlier)],
      followUp: [],
    },
  });
  return { earlier, later };
}

/** What the maker found: each envelope verified with the maker's anchors. */
async function checked(earlier: AnyIssuedEnvelope, later: AnyIssuedEnvelope, options: VerifyOptions): Promise<RevalidationOptions['checks']> {
  const enc = (e: AnyIssuedEnvelope) => new TextEncoder().encode(anyEnvelopeJsonText(e));
  const [ra, rb] = [await verifyFile(enc(earlier), 'a.json', options), await verifyFile(enc(later), 'b.json', options)];
  return checksOf('2028-07-01T10:00:00.000Z', ra.findings, rb.findings);
}

describe('re-validation layout 2', () => {
  const made: Record<string, { earlier: AnyIssuedEnvelope; later: AnyIssuedEnvelope; pdf: Uint8Array }> = {};

  beforeAll(async () => {
    for (const [name, format, locale] of [['v2-nl', 2, 'nl'], ['v2-en', 2, 'en'], ['mixed-nl', 1, 'nl']] as const) {
      const { earlier, later } = pair(format, locale);
      const checks = await checked(earlier, later, trusted);
      made[name] = { earlier, later, pdf: await buildRevalidationPdf(earlier, later, defs, locale, undefined, { checks, supplied: [EVIDENCE_E1] }) };
    }
  }, 120_000);

  it('is made for format-2 revisions and a format-1 against a format-2 one, deterministically, and verifies as passed', async () => {
    for (const name of ['v2-nl', 'v2-en', 'mixed-nl']) {
      const { earlier, later, pdf } = made[name]!;
      const again = await buildRevalidationPdf(earlier, later, defs, name.endsWith('en') ? 'en' : 'nl', 2, { checks: await checked(earlier, later, trusted), supplied: [EVIDENCE_E1] });
      expect(Buffer.from(again).equals(Buffer.from(pdf)), name).toBe(true);
      const r = await verifyFile(pdf, `${name}.pdf`, trusted);
      expect(r.kind).toBe('revalidation');
      expect(r.verdict, JSON.stringify(r.findings)).toBe('passed');
      expect(r.findings).toContainEqual({ code: 'pages-match' });
      expect(r.revalidation?.layout).toBe(2);
      expect(r.revalidation?.earlier.formatVersion).toBe(name === 'mixed-nl' ? 1 : 2);
      expect(r.revalidation?.later.formatVersion).toBe(2);
    }
    // the verifier's own anchors decide: without them the same file is indeterminate, never passed
    const r = await verifyFile(made['v2-nl']!.pdf, 'x.pdf', { registry: testRegistry, now: '2028-07-01T00:00:00Z' });
    expect(r.verdict).toBe('indeterminate');
  });

  it.skipIf(!hasPoppler)('prints both verdicts, the evidence states and the glossary words; no level ids, no "Hervalidatie" or "geclaimd"', async () => {
    const nl = pdftotext(made['v2-nl']!.pdf);
    for (const expected of ['HERBEOORDELING', 'VERIFICATIE VAN BEIDE REVISIES', 'GESLAAGD', 'Verlagingen', 'Beloofd tegenover opgeleverd', 'zonder bewijs', 'met bewijs', 'aangeleverd en passend', 'genoemd, niet aangeleverd', 'ingetrokken', 'doorsnede.pdf']) {
      expect(nl, expected).toContain(expected);
    }
    expect(nl).not.toMatch(/\bl[0-4]\b/);
    expect(nl).not.toMatch(/[Hh]ervalid|geclaimd|[Mm]eerkosten/);
    // C1: promised level 3 ("3 · ...") against delivered level 1
    const c1 = zeelandDefinition.questions.find((q) => q.id === 'C1')!;
    expect(nl).toContain(`1 · ${c1.levels[1]!.label.nl}`);
    const en = pdftotext(made['v2-en']!.pdf);
    for (const expected of ['RE-VALIDATION', 'VERIFICATION OF BOTH REVISIONS', 'PASSED', 'file supplied and matching', 'referenced, file not supplied', 'withdrawn', 'without evidence']) {
      expect(en, expected).toContain(expected);
    }
    expect(en).not.toMatch(/\bl[0-4]\b|\bclaimed\b/);
  });

  it.skipIf(!hasPoppler)('prints what the maker found: an unknown signer is ONBESLIST with what to do; unchecked says so', async () => {
    const { earlier, later } = pair(2);
    const unknown = await buildRevalidationPdf(earlier, later, defs, 'nl', 2, { checks: await checked(earlier, later, { registry: testRegistry, now: '2028-07-01T00:00:00Z' }) });
    const t = pdftotext(unknown);
    expect(t).toContain('ONBESLIST');
    expect(t).toContain('Vergelijk de vingerafdruk');
    expect(t).not.toContain('GESLAAGD');
    const none = pdftotext(await buildRevalidationPdf(earlier, later, defs, 'nl'));
    expect(none).toContain('Niet gecontroleerd bij het maken');
    // no dossier at hand: the evidence is referenced, never read as withdrawn or a downgrade
    expect(none).toContain('genoemd, niet aangeleverd');
  });

  it('fails when the descriptor (the printed verdict) or a page is edited', async () => {
    const { pdf } = made['v2-nl']!;
    const descriptor = await extractAttachmentFromPdf(pdf, REVALIDATION_DESCRIPTOR_ATTACHMENT);
    expect(descriptor.ok && JSON.parse(descriptor.text).formatVersion).toBe(2);
    const forged = await replaceAttachedEnvelope(pdf, (text) => text.replace(/"code": "signer-trusted"/g, '"code": "signer-unknown"'), REVALIDATION_DESCRIPTOR_ATTACHMENT);
    const r1 = await verifyFile(forged, 'f.pdf', trusted);
    expect(r1.verdict).toBe('failed');
    expect(r1.findings.some((f) => f.code === 'pages-altered')).toBe(true);
    const edited = await editPageContent(pdf, 0, (text) => text.replace(/\bBT\b/, 'BT '));
    expect((await verifyFile(edited, 'e.pdf', trusted)).verdict).toBe('failed');
  });

  // Committed examples (docs/examples/revalidation/): this layout is released, so the live
  // toolkit code must keep drawing these bytes (verification rebuilds them). Regenerate only for
  // a new example, never to follow a changed drawing: QS_WRITE_EXAMPLES=1.
  it('rebuilds the committed layout-2 examples byte for byte, and they verify as passed', async () => {
    const exampleDir = join(import.meta.dirname, '../../docs/examples/revalidation');
    for (const locale of ['nl', 'en'] as const) {
      const file = join(exampleDir, `school-goes-delivery.revalidation.${locale}.pdf`);
      const { pdf } = made[`v2-${locale}`]!;
      if (process.env.QS_WRITE_EXAMPLES === '1' && !existsSync(file)) {
        mkdirSync(exampleDir, { recursive: true });
        writeFileSync(file, pdf);
      }
      const committed = new Uint8Array(readFileSync(file));
      expect(Buffer.from(pdf).equals(Buffer.from(committed)), `${file} no longer rebuilds: make a new re-validation layout instead of changing this one`).toBe(true);
      const r = await verifyFile(committed, file, trusted);
      expect(r.verdict, JSON.stringify(r.findings)).toBe('passed');
    }
  });

  it('layout 1 refuses format-2 revisions (it is kept only for the re-validations made with it)', async () => {
    const { earlier, later } = pair(2);
    await expect(buildRevalidationPdf(earlier, later, defs, 'nl', 1)).rejects.toBeInstanceOf(RevalidationFormatError);
  });
});
