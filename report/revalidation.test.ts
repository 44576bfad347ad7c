import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../forms/hash';
import type { QuickScanDefinition } from '../forms/schema';
import { envelopeJsonText, historyEntryOf, type IssuedEnvelope } from '../scoring/issued';
import { keyFingerprint } from '../scoring/signature';
import { extractAttachmentFromPdf } from './extract';
import { exampleIssueInput, exampleScan, issue, OTHER_TEST_KEY, TEST_KEY, testRegistry, zeelandDefinition } from './fixtures/example';
import { editPageContent, replaceAttachedEnvelope } from './fixtures/tamper';
import {
  buildRevalidationPdf,
  RevalidationDefinitionError,
  REVALIDATION_DESCRIPTOR_ATTACHMENT,
  REVALIDATION_EARLIER_ATTACHMENT,
  REVALIDATION_LATER_ATTACHMENT,
  UnknownRevalidationLayoutError,
} from './revalidation';
import { drawRevalidationLayout1 } from './revalidation-layout1';
import { verifyFile } from './verify';
import { hasTool } from './fixtures/tools';

// pdftotext and friends (poppler); required in CI
const hasPoppler = hasTool('pdftotext');

const defs = { earlier: zeelandDefinition, later: zeelandDefinition };

/** The example scan issued at VO, and re-validated at delivery by an independent assessor. */
function pair(options: { laterKey?: { secretKey: string; publicKey: string }; linked?: boolean } = {}): { earlier: IssuedEnvelope; later: IssuedEnvelope } {
  const earlier = issue(exampleScan());
  const scan = exampleScan();
  const a = scan.scan.answers;
  a.C1 = { level: 'l1', note: 'Gevel op de bouwplaats verlijmd in plaats van geschroefd.' }; // down, with a reason
  a.F1 = { level: 'l1' }; // down, no reason
  a.B2 = { ...a.B2!, level: 'l2' }; // down, the old note kept (if any)
  a.E1 = { level: 'l3', evidence: [{ id: '00000000-0000-4000-8000-000000000001', name: 'doorsnede.pdf', type: 'application/pdf', size: 1000, sha256: 'ab'.repeat(32), addedAt: '2028-05-01T08:00:00.000Z' }] }; // up, evidenced
  a.D2 = { notApplicable: true, note: 'Installaties in de vloer; bereikbaarheid niet van toepassing geacht.' }; // was l3: not met
  scan.project.phase = 'delivery';
  const key = options.laterKey ?? TEST_KEY;
  const later = issue(scan, {
    secretKey: key.secretKey,
    publicKey: key.publicKey,
    input: {
      revisionId: '5e0c8a52-7d1e-4b9a-9c2f-5e6d7a8b9c02',
      issuedAt: '2028-06-30T09:00:00.000Z',
      phase: 'delivery',
      assessor: { name: 'ir. B. Toetser', organisation: 'Bouwtoets Zeeland', role: 'Onafhankelijk toetser', assessmentType: 'independent', publicKey: key.publicKey },
      history: options.linked === false ? [] : [...exampleIssueInput().history, historyEntryOf(earlier)],
      followUp: [],
    },
  });
  return { earlier, later };
}

function pdftotext(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'quickscan-revalidation-'));
  const path = join(dir, 'r.pdf');
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Re-validation layout 1 (frozen; new reports use layout 2: report/revalidation/layout2.test.ts). */
describe('buildRevalidationPdf, layout 1', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    delete process.env.TZ;
  });

  it('is deterministic: same revisions, same bytes, whatever the clock, time zone or random source', async () => {
    const { earlier, later } = pair();
    const first = await buildRevalidationPdf(earlier, later, defs, 'nl', 1);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2033-03-04T05:06:07Z'));
    vi.spyOn(Math, 'random').mockReturnValue(0.42);
    process.env.TZ = 'Asia/Tokyo';
    const second = await buildRevalidationPdf(earlier, later, defs, 'nl', 1);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // the same definition given as two objects makes no difference
    const copy = structuredClone(zeelandDefinition) as QuickScanDefinition;
    const third = await buildRevalidationPdf(earlier, later, { earlier: zeelandDefinition, later: copy }, 'nl', 1);
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);
    const en = await buildRevalidationPdf(earlier, later, defs, 'en', 1);
    expect(Buffer.from(en).equals(Buffer.from(first))).toBe(false);
  });

  it('carries both envelopes and a descriptor; fixed dates, metadata and a file id from both hashes', async () => {
    const { earlier, later } = pair();
    const bytes = await buildRevalidationPdf(earlier, later, defs, 'en', 1);
    const a = await extractAttachmentFromPdf(bytes, REVALIDATION_EARLIER_ATTACHMENT);
    const b = await extractAttachmentFromPdf(bytes, REVALIDATION_LATER_ATTACHMENT);
    const d = await extractAttachmentFromPdf(bytes, REVALIDATION_DESCRIPTOR_ATTACHMENT);
    expect(a.ok && a.text).toBe(envelopeJsonText(earlier));
    expect(b.ok && b.text).toBe(envelopeJsonText(later));
    expect(d.ok && JSON.parse(d.text)).toEqual({
      format: 'quickscan-revalidation',
      formatVersion: 1,
      locale: 'en',
      layout: 1,
      earlier: { referenceCode: earlier.referenceCode, contentHash: earlier.contentHash },
      later: { referenceCode: later.referenceCode, contentHash: later.contentHash },
    });
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Re-validation: promised versus delivered: Brede school De Schelp, Goes (VO → delivery)');
    expect(doc.getSubject()).toBe(`${earlier.referenceCode} → ${later.referenceCode}`);
    expect(doc.getAuthor()).toBe('ir. B. Toetser, Bouwtoets Zeeland');
    expect(doc.getKeywords()).toContain(`sha256:${later.contentHash}`);
    expect(doc.getCreationDate()?.toISOString()).toBe('2028-06-30T09:00:00.000Z');
    const text = new TextDecoder('latin1').decode(bytes);
    const id = sha256Hex(`quickscan-revalidation:${earlier.contentHash}:${later.contentHash}`).slice(0, 32).toUpperCase();
    expect(text).toContain(`/ID [ <${id}> <${id}> ]`);
    expect(new Set([...text.matchAll(/D:(\d{14})/g)].map((m) => m[1]))).toEqual(new Set(['20280630090000']));
  });

  it('is small and quick, and needs no simplified text', async () => {
    const { earlier, later } = pair();
    await buildRevalidationPdf(earlier, later, defs, 'nl', 1);
    const t0 = performance.now();
    const bytes = await buildRevalidationPdf(earlier, later, defs, 'nl', 1);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(bytes.length).toBeLessThan(200 * 1024);
    const { info } = drawRevalidationLayout1(earlier, later, defs, 'nl');
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(info.simplifiedText).toBe(false);
  });

  it('refuses a definition that is not the one a revision names, and an unknown layout', async () => {
    const { earlier, later } = pair();
    const other = { ...zeelandDefinition, version: '9.9.9' };
    await expect(buildRevalidationPdf(earlier, later, { earlier: zeelandDefinition, later: other }, 'nl', 1)).rejects.toBeInstanceOf(RevalidationDefinitionError);
    await expect(buildRevalidationPdf(earlier, later, defs, 'nl', 7)).rejects.toBeInstanceOf(UnknownRevalidationLayoutError);
  });

  it.skipIf(!hasPoppler)('prints codes, phases, who re-validated, scores, label change, reasons and promised versus delivered (Dutch)', async () => {
    const { earlier, later } = pair();
    const t = pdftotext(await buildRevalidationPdf(earlier, later, defs, 'nl', 1));
    for (const expected of [
      'HERVALIDATIE: BELOOFD TEGENOVER GELEVERD',
      'Brede school De Schelp, Goes',
      earlier.referenceCode,
      later.referenceCode,
      'VO (voorlopig ontwerp)',
      'Oplevering',
      'uitgegeven op 22-11-2026',
      'uitgegeven op 30-06-2028',
      'GEHERVALIDEERD DOOR',
      'ir. B. Toetser',
      'onafhankelijke beoordeling',
      keyFingerprint(TEST_KEY.publicKey),
      'De latere revisie noemt de eerdere in haar revisiegeschiedenis.',
      'Scores per thema: eerder en later',
      'Verbindingen',
      'Verslechteringen',
      'Gevel op de bouwplaats verlijmd',
      'geen reden opgegeven',
      'Beloofd tegenover geleverd',
      'gehaald',
      'niet gehaald',
      'overtroffen',
      'niet beoordeeld',
      'Wijzigingen per vraag',
      'aangetoond (1 bestand)',
      'Ongewijzigd:',
      'Zo controleert u dit document',
      'quickscan-envelope-earlier.json',
      earlier.contentHash.slice(0, 32),
      'pagina 1 van',
    ]) {
      expect(t, expected).toContain(expected);
    }
    expect(t).not.toMatch(/[\uFFFD]/);
    expect(t).not.toContain('->');
  });

  it.skipIf(!hasPoppler)('reads completely in English in the English report', async () => {
    const { earlier, later } = pair();
    const t = pdftotext(await buildRevalidationPdf(earlier, later, defs, 'en', 1));
    for (const expected of ['RE-VALIDATION: PROMISED VERSUS DELIVERED', 'RE-VALIDATED BY', 'independent assessment', 'Downgrades', 'no reason given', 'Promised versus delivered', 'not met', 'Changes per question', 'issued on 30 June 2028', 'page 1 of']) {
      expect(t, expected).toContain(expected);
    }
    for (const dutch of ['pagina', 'Verslechteringen', 'gehaald', 'Toelichting']) expect(t, dutch).not.toContain(dutch);
  });

  it.skipIf(!hasPoppler)('warns on the cover when the later revision does not list the earlier one', async () => {
    const { earlier, later } = pair({ linked: false });
    expect(pdftotext(await buildRevalidationPdf(earlier, later, defs, 'en', 1))).toContain('does not list the earlier one in its revision history');
  });

  it.skipIf(!hasPoppler)('renders every page (pdftoppm) and lists the three attachments (pdfdetach)', async () => {
    const { earlier, later } = pair();
    const dir = mkdtempSync(join(tmpdir(), 'quickscan-revalidation-render-'));
    const path = join(dir, 'r.pdf');
    writeFileSync(path, await buildRevalidationPdf(earlier, later, defs, 'nl', 1));
    execFileSync('pdftoppm', ['-png', '-r', '30', path, join(dir, 'page')]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(3);
    const list = execFileSync('pdfdetach', ['-list', path], { encoding: 'utf8' });
    for (const name of [REVALIDATION_EARLIER_ATTACHMENT, REVALIDATION_LATER_ATTACHMENT, REVALIDATION_DESCRIPTOR_ATTACHMENT]) expect(list).toContain(name);
  });
});

describe('verifyFile on a re-validation PDF', () => {
  const trustedKeys = [{ publicKey: TEST_KEY.publicKey, label: 'test key' }];

  it('valid: both revisions verified, pages rebuilt, both reference codes reported', async () => {
    const { earlier, later } = pair();
    const r = await verifyFile(await buildRevalidationPdf(earlier, later, defs, 'nl', 1), 'r.pdf', { registry: testRegistry, trustedKeys });
    expect(r.status).toBe('valid');
    expect(r.kind).toBe('revalidation');
    expect(r.checks).toEqual({ dataIntact: true, signatureValid: true, methodKnown: true, pagesMatch: true, keyTrusted: true });
    expect(r.revalidation).toMatchObject({ linked: true, locale: 'nl', layout: 1 });
    expect(r.revalidation!.earlier).toMatchObject({ status: 'valid', kind: 'envelope', referenceCode: earlier.referenceCode, phase: 'VO' });
    expect(r.revalidation!.later).toMatchObject({ status: 'valid', kind: 'envelope', referenceCode: later.referenceCode, phase: 'delivery' });
    expect(r.revalidation!.later.checks.pagesMatch).toBeNull();
    // the later revision describes the file
    expect(r.referenceCode).toBe(later.referenceCode);
    expect(r.assessor?.assessmentType).toBe('independent');
    expect(r.envelope).toBeUndefined();
    const text = r.messages.map((m) => m.en).join('\n');
    expect(text).toContain(`Re-validation: the earlier revision ${earlier.referenceCode} (VO (preliminary design)) against the later revision ${later.referenceCode} (Delivery)`);
    expect(text).toContain('identical, byte for byte');
    expect(text).not.toContain('data file without pages');
  });

  it('altered pages: a printed figure edited', async () => {
    const { earlier, later } = pair();
    const bytes = await buildRevalidationPdf(earlier, later, defs, 'en', 1);
    const edited = await editPageContent(bytes, 0, (t) => t.replace(/\(Downgrades\)|\(downgraded\)/, '(improved)'));
    const r = await verifyFile(edited, 'r.pdf', { registry: testRegistry });
    expect([r.status, r.alteredParts]).toEqual(['altered', ['pages']]);
    expect(r.checks.dataIntact).toBe(true);
  });

  it('altered data: a level raised in the attached later revision', async () => {
    const { earlier, later } = pair();
    const bytes = await buildRevalidationPdf(earlier, later, defs, 'nl', 1);
    const edited = await replaceAttachedEnvelope(
      bytes,
      (text) => {
        const env = JSON.parse(text) as IssuedEnvelope;
        env.content.scan.answers.C1 = { level: 'l3' };
        return envelopeJsonText(env);
      },
      REVALIDATION_LATER_ATTACHMENT,
    );
    const r = await verifyFile(edited, 'r.pdf', { registry: testRegistry });
    expect([r.status, r.alteredParts]).toEqual(['altered', ['data']]);
    expect(r.revalidation?.earlier.status).toBe('valid');
    expect(r.revalidation?.later.status).toBe('altered');
    expect(r.checks.pagesMatch).toBeNull();
  });

  it('the two revisions swapped in the attachments: the pages no longer match', async () => {
    const { earlier, later } = pair();
    const bytes = await buildRevalidationPdf(earlier, later, defs, 'nl', 1);
    const swapped = await replaceAttachedEnvelope(
      await replaceAttachedEnvelope(bytes, () => envelopeJsonText(later), REVALIDATION_EARLIER_ATTACHMENT),
      () => envelopeJsonText(earlier),
      REVALIDATION_LATER_ATTACHMENT,
    );
    const r = await verifyFile(swapped, 'r.pdf', { registry: testRegistry });
    expect([r.status, r.alteredParts]).toEqual(['altered', ['pages']]);
    expect(r.revalidation?.linked).toBe(false);
  });

  it('a later revision signed with a key not on the list: untrusted', async () => {
    const { earlier, later } = pair({ laterKey: OTHER_TEST_KEY });
    const r = await verifyFile(await buildRevalidationPdf(earlier, later, defs, 'nl', 1), 'r.pdf', { registry: testRegistry, trustedKeys });
    expect(r.status).toBe('untrusted-signature');
    expect(r.checks.keyTrusted).toBe(false);
    expect(r.revalidation?.earlier.checks.keyTrusted).toBe(true);
  });

  it('not linked: still valid, with a message', async () => {
    const { earlier, later } = pair({ linked: false });
    const r = await verifyFile(await buildRevalidationPdf(earlier, later, defs, 'en', 1), 'r.pdf', { registry: testRegistry });
    expect(r.status).toBe('valid');
    expect(r.revalidation?.linked).toBe(false);
    expect(r.messages.map((m) => m.en).join('\n')).toContain('does not list the earlier one');
  });

  it('an unknown re-validation layout: altered pages with a message to update; a damaged descriptor: unreadable', async () => {
    const { earlier, later } = pair();
    const bytes = await buildRevalidationPdf(earlier, later, defs, 'nl', 1);
    const future = await replaceAttachedEnvelope(bytes, (t) => t.replace('"layout": 1', '"layout": 99'), REVALIDATION_DESCRIPTOR_ATTACHMENT);
    const r = await verifyFile(future, 'r.pdf', { registry: testRegistry });
    expect([r.status, r.alteredParts]).toEqual(['altered', ['pages']]);
    expect(r.messages.map((m) => m.en).join('\n')).toContain('re-validation layout version 99');
    const broken = await replaceAttachedEnvelope(bytes, (t) => t.replace('"locale": "nl"', '"locale": "de"'), REVALIDATION_DESCRIPTOR_ATTACHMENT);
    const u = await verifyFile(broken, 'r.pdf', { registry: testRegistry });
    expect([u.status, u.kind]).toEqual(['unreadable', 'revalidation']);
  });

  it('a revision with an unknown method inside: unknown-method, pages not checked', async () => {
    const { earlier, later } = pair();
    const bytes = await buildRevalidationPdf(earlier, later, defs, 'nl', 1);
    const empty = { getDefinition: () => undefined };
    const r = await verifyFile(bytes, 'r.pdf', { registry: empty });
    expect(r.status).toBe('unknown-method');
    expect(r.checks.pagesMatch).toBeNull();
  });
});

describe('re-validation with unusual content', () => {
  it('breaks many downgrades with long reasons over pages; still verifies', async () => {
    const earlier = issue(exampleScan());
    const scan = exampleScan();
    const long = 'Op de bouwplaats anders uitgevoerd dan in het bestek, na overleg met de opdrachtgever; zie het opleverdossier. '.repeat(8);
    for (const [id, a] of Object.entries(scan.scan.answers)) {
      if ('level' in a && a.level !== 'l0') scan.scan.answers[id] = { level: 'l0', ...(id.endsWith('1') ? {} : { note: `${id}: ${long} ĳzer ≥ 2` }) };
    }
    const later = issue(scan, { input: { revisionId: '6e0c8a52-7d1e-4b9a-9c2f-5e6d7a8b9c03', issuedAt: '2028-06-30T09:00:00.000Z', phase: 'delivery', history: [historyEntryOf(earlier)] } });
    const bytes = await buildRevalidationPdf(earlier, later, defs, 'nl', 1);
    const { info } = drawRevalidationLayout1(earlier, later, defs, 'nl');
    expect(info.pages).toBeGreaterThan(6);
    expect(info.simplifiedText).toBe(true);
    expect((await verifyFile(bytes, 'long.pdf', { registry: testRegistry })).status).toBe('valid');
    if (process.env.QUICKSCAN_KEEP_PDF) writeFileSync(process.env.QUICKSCAN_KEEP_PDF, bytes);
  });

  it.skipIf(!hasPoppler)('compares revisions made with different method versions by question id', async () => {
    const earlier = issue(exampleScan());
    const draft = structuredClone(zeelandDefinition) as QuickScanDefinition;
    draft.version = '1.1.0';
    draft.questions = draft.questions.filter((q) => q.id !== 'H4');
    const scan = exampleScan();
    scan.method = { ...scan.method, version: '1.1.0' };
    const later = issue(scan, { input: { revisionId: '7e0c8a52-7d1e-4b9a-9c2f-5e6d7a8b9c04', issuedAt: '2028-06-30T09:00:00.000Z', phase: 'delivery', history: [historyEntryOf(earlier)] } });
    const t = pdftotext(await buildRevalidationPdf(earlier, later, { earlier: zeelandDefinition, later: draft }, 'en', 1));
    expect(t).toContain('different method versions (zeeland-quickscan 1.0.0 and zeeland-quickscan 1.1.0)');
    expect(t).toContain('not in this method version');
  });
});
