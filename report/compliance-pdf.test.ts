/**
 * Issued PDFs of revisions that embed a tender requirement profile: the compliance page
 * (layout 1, only for such revisions) and what verifyFile reports about the profile.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnvelope, canonicalContent, issuedContentFromScan, type IssuedContent, type IssuedEnvelope, type ReportLocale } from '../scoring/issued';
import { signWithSecretKey } from '../scoring/signature';
import { exampleIssueInput, exampleProfileContent, exampleScan, issue, signProfile, TEST_KEY, testRegistry, zeelandDefinition } from './fixtures/example';
import { drawLayout1 } from './layout1';
import { buildReportPdf } from './pdf';
import { verifyFile } from './verify';
import { hasTool } from './fixtures/tools';

// pdftotext and friends (poppler); required in CI
const hasPoppler = hasTool('pdftotext');

function signContent(content: IssuedContent, locale: ReportLocale = 'nl'): IssuedEnvelope {
  return buildEnvelope(content, signWithSecretKey(canonicalContent(content), TEST_KEY.secretKey), { locale, layout: 1 });
}

function withProfile(profile = signProfile(), locale: ReportLocale = 'nl', scan = exampleScan()): IssuedEnvelope {
  return signContent(issuedContentFromScan(scan, { ...exampleIssueInput(), profile }), locale);
}

function text(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'quickscan-compliance-'));
  const path = join(dir, 'report.pdf');
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the compliance page of an issued PDF', () => {
  it('is one page more than the same revision without a profile, right after the cover', () => {
    const plain = drawLayout1(issue(exampleScan()), zeelandDefinition).info.pages;
    expect(drawLayout1(withProfile(), zeelandDefinition).info.pages).toBe(plain + 1);
  });

  it('is deterministic and verifies as valid, with the profile checked and compliance recomputed', async () => {
    const envelope = withProfile();
    const bytes = await buildReportPdf(envelope, zeelandDefinition);
    expect(Buffer.from(await buildReportPdf(envelope, zeelandDefinition)).equals(Buffer.from(bytes))).toBe(true);
    const r = await verifyFile(bytes, 'bid.pdf', { registry: testRegistry });
    expect(r.status).toBe('valid');
    expect(r.checks.pagesMatch).toBe(true);
    expect(r.profile).toMatchObject({
      ok: true,
      dataIntact: true,
      signatureValid: true,
      contentHash: envelope.content.profile!.contentHash,
      tender: { name: 'Nieuwbouw brede school De Schelp', reference: 'GOES-2026-BS-004' },
      contractingAuthority: 'Gemeente Goes (test)',
      appliesToMethod: true,
      issues: [],
    });
    expect(r.profile!.referenceCode).toMatch(/^QS-/);
    // the example scan: Bronze, C >= 30, C1 at l3 >= l2; total 47,6 x EUR 1.234,56 = EUR 58.765,05 (58765.056 rounded down)
    expect(r.compliance).toMatchObject({ compliant: true, missing: [], label: { required: 'bronze', reached: 'bronze', met: true } });
    expect(r.score!.total).toBe(47.6);
    expect(r.compliance!.fictitiousDiscountCents).toBe(5_876_505);
    expect(r.messages.map((m) => m.en).join('\n')).toMatch(/profile code QS-.*Compare both with the tender documents/);
    expect(r.messages.map((m) => m.en)).toContain('The attached requirement profile is unchanged and its signature is valid.');
  });

  it.skipIf(!hasPoppler)('names the profile and shows what is met, what is missing and the fictitious discount (Dutch)', async () => {
    const envelope = withProfile();
    const t = text(await buildReportPdf(envelope, zeelandDefinition));
    const r = await verifyFile(await buildReportPdf(envelope, zeelandDefinition), 'x.pdf', { registry: testRegistry });
    for (const expected of [
      'Eisen van de aanbesteding',
      'Nieuwbouw brede school De Schelp',
      'GOES-2026-BS-004',
      'Gemeente Goes (test)',
      r.profile!.referenceCode,
      envelope.content.profile!.contentHash,
      r.profile!.fingerprint,
      'geldig',
      'Voldoet aan alle eisen',
      'Minimaal label',
      'minimaal Brons',
      'Minimumscore thema C · Verbindingen',
      'Verplicht antwoord C1',
      'voldaan',
      'Fictieve korting',
      '× € 1.234,56 per punt',
      'Testprofiel.',
      'pagina 2 van',
    ]) {
      expect(t, expected).toContain(expected);
    }
    expect(t).not.toContain('niet voldaan');
  });

  it.skipIf(!hasPoppler)('marks what is not met, gives no discount, and reads in English', async () => {
    const scan = exampleScan();
    scan.scan.answers.C1 = { level: 'l1', note: 'verlijmd' };
    const content = { ...exampleProfileContent(), minimumLabel: 'gold', themeMinimums: { C: 30, F: 90 } };
    const envelope = withProfile(signProfile(content), 'en', scan);
    const bytes = await buildReportPdf(envelope, zeelandDefinition);
    const t = text(bytes);
    for (const expected of ['Tender requirements', 'Does not meet every requirement', 'at least Gold', 'not met', 'Must-have C1', 'l1 · ', 'None: only a revision that meets every requirement', 'page 2 of']) {
      expect(t, expected).toContain(expected);
    }
    const r = await verifyFile(bytes, 'x.pdf', { registry: testRegistry });
    expect(r.status).toBe('valid');
    expect(r.compliance?.compliant).toBe(false);
    expect(r.compliance?.fictitiousDiscountCents).toBeNull();
    expect(r.compliance?.missing.map((g) => g.kind)).toEqual(['label', 'theme', 'must-have']);
    expect(r.messages.map((m) => m.en).join('\n')).toContain('does not meet every requirement of the profile: label Gold required');
  });

  it.skipIf(!hasPoppler)('says when the embedded profile does not match its own signature; the revision itself stays valid', async () => {
    const profile = signProfile();
    profile.content = { ...profile.content, mustHaves: [] }; // lowered after signing
    const envelope = withProfile(profile);
    const bytes = await buildReportPdf(envelope, zeelandDefinition);
    expect(text(bytes)).toContain('ONGELDIG: het profiel klopt niet met zijn hash of handtekening');
    const r = await verifyFile(bytes, 'x.pdf', { registry: testRegistry });
    expect(r.status).toBe('valid');
    expect(r.profile).toMatchObject({ ok: false, dataIntact: false });
    expect(r.messages.map((m) => m.en).join('\n')).toContain('does not match its content hash or signature');
  });

  it.skipIf(!hasPoppler)('a profile for another method release: not assessed, on the page and in the result', async () => {
    const other = { ...exampleProfileContent(), method: { ...exampleProfileContent().method, version: '0.9.0' } };
    // issuedContentFromScan refuses this, so build the content by hand (as a hostile tool could)
    const content: IssuedContent = { ...issuedContentFromScan(exampleScan(), exampleIssueInput()), profile: signProfile(other) };
    const bytes = await buildReportPdf(signContent(content), zeelandDefinition);
    const t = text(bytes);
    expect(t).toContain('Niet getoetst');
    expect(t).toContain('Het profiel geldt voor zeeland-quickscan 0.9.0');
    const r = await verifyFile(bytes, 'x.pdf', { registry: testRegistry });
    expect(r.status).toBe('valid');
    expect(r.profile?.appliesToMethod).toBe(false);
    expect(r.compliance).toBeUndefined();
  });

  it('a profile naming a question the method lacks: not assessed, no crash', async () => {
    const content: IssuedContent = {
      ...issuedContentFromScan(exampleScan(), exampleIssueInput()),
      profile: signProfile({ ...exampleProfileContent(), mustHaves: [{ question: 'Z9', minLevel: 'l2' }] }),
    };
    const r = await verifyFile(await buildReportPdf(signContent(content), zeelandDefinition), 'x.pdf', { registry: testRegistry });
    expect(r.status).toBe('valid');
    expect(r.profile?.issues.map((i) => i.path)).toEqual(['mustHaves[0].question']);
    expect(r.compliance).toBeUndefined();
  });

  it('the envelope file (no pages) reports the profile and compliance too', async () => {
    const envelope = withProfile();
    const r = await verifyFile(new TextEncoder().encode(JSON.stringify(envelope)), 'x.quickscan-issued.json', { registry: testRegistry });
    expect(r.status).toBe('valid');
    expect(r.kind).toBe('envelope');
    expect(r.compliance?.compliant).toBe(true);
  });
});
