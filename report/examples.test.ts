/**
 * The committed examples in docs/examples/issued/ (and the tender examples' issued revisions,
 * re-validation reports and revisions with a requirement profile in docs/examples/tender/) must
 * keep verifying as valid with the released registry. A failure here after a change to the report means the change altered the
 * pages of layout 1: PDFs that were issued with it would then fail their page check. Put the
 * change in a new layout (report/pdf.ts LAYOUTS, docs/verifying.md) instead. If the example
 * scans changed, regenerate with `node scripts/make-examples.mjs` and commit the files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDefinition } from '../forms/registry';
import { contentHash, envelopeJsonText, parseEnvelope } from '../scoring/issued';
import { extractAttachmentFromPdf, extractEnvelopeFromPdf } from './extract';
import { buildReportPdf } from './pdf';
import { REVALIDATION_EARLIER_ATTACHMENT, REVALIDATION_LATER_ATTACHMENT } from './revalidation';
import { verifyFile } from './verify';

const dir = join(import.meta.dirname, '../docs/examples/issued');
const files = readdirSync(dir).sort();
const key = JSON.parse(readFileSync(join(dir, 'test-key.public.json'), 'utf8')) as { publicKey: string; label: string; fingerprint: string };
const trustedKeys = [{ publicKey: key.publicKey, label: key.label }];
const hint = 'run `node scripts/make-examples.mjs` if the example scans changed; a layout change needs a new layout version (docs/verifying.md)';

describe('committed examples (docs/examples/issued)', () => {
  it('has PDFs in Dutch and English and envelope files', () => {
    expect(files.filter((f) => f.endsWith('.nl.pdf')).length).toBeGreaterThanOrEqual(1);
    expect(files.filter((f) => f.endsWith('.en.pdf')).length).toBe(files.filter((f) => f.endsWith('.nl.pdf')).length);
    expect(files.filter((f) => f.endsWith('.quickscan-issued.json')).length).toBeGreaterThanOrEqual(1);
  });

  for (const file of files.filter((f) => f.endsWith('.pdf') || f.endsWith('.quickscan-issued.json'))) {
    it(`${file} verifies as valid with the released method and the test key`, async () => {
      const result = await verifyFile(new Uint8Array(readFileSync(join(dir, file))), file, { trustedKeys });
      expect(result.status, `${file}: ${result.messages.map((m) => m.en).join(' | ')}\n${hint}`).toBe('valid');
      expect(result.assessor?.fingerprint).toBe(key.fingerprint);
      if (file.endsWith('.pdf')) expect(result.checks.pagesMatch).toBe(true);
    });
  }

  it('the Dutch and English PDF of one revision carry the same reference code', async () => {
    for (const nl of files.filter((f) => f.endsWith('.nl.pdf'))) {
      const en = nl.replace(/\.nl\.pdf$/, '.en.pdf');
      const a = await verifyFile(new Uint8Array(readFileSync(join(dir, nl))), nl);
      const b = await verifyFile(new Uint8Array(readFileSync(join(dir, en))), en);
      expect(a.referenceCode).toBe(b.referenceCode);
      expect(a.contentHash).toBe(b.contentHash);
    }
  });
});

const tender = join(import.meta.dirname, '../docs/examples/tender');
const read = (path: string) => new Uint8Array(readFileSync(path));
const released = getDefinition('zeeland-quickscan', '1.0.0')!;

/** Every committed issued PDF whose data and pages are as the app made them. */
const issuedPdfs = [
  ...files.filter((f) => f.endsWith('.pdf')).map((f) => join(dir, f)),
  ...readdirSync(tender)
    .filter((f) => /^bid-\d\d-.*\.pdf$/.test(f) && !/altered|unknown-method/.test(f))
    .map((f) => join(tender, f)),
  join(tender, 'delivery/bid-01-delivery.pdf'),
  ...readdirSync(join(tender, 'with-profile')).map((f) => join(tender, 'with-profile', f)),
];

describe('committed examples are unchanged by the optional profile field', () => {
  it('every committed envelope file parses and re-serialises byte for byte, with the same hash', () => {
    const envelopes = [...files.filter((f) => f.endsWith('.quickscan-issued.json')).map((f) => join(dir, f)), join(tender, 'delivery/bid-01-delivery.quickscan-issued.json')];
    for (const path of envelopes) {
      const text = readFileSync(path, 'utf8');
      const parsed = parseEnvelope(text);
      if (!parsed.ok) throw new Error(`${path}: ${JSON.stringify(parsed.errors)}`);
      expect(envelopeJsonText(parsed.envelope), path).toBe(text);
      expect(contentHash(parsed.envelope.content), path).toBe(parsed.envelope.contentHash);
      expect('profile' in parsed.envelope.content, path).toBe(false);
    }
  });

  for (const path of issuedPdfs) {
    const name = path.slice(path.indexOf('docs/examples/'));
    it(`${name}: its envelope re-serialises byte for byte and the PDF rebuilds byte for byte`, async () => {
      const bytes = read(path);
      const extracted = await extractEnvelopeFromPdf(bytes);
      if (!extracted.ok) throw new Error(`${name}: ${extracted.detail}`);
      const parsed = parseEnvelope(extracted.text);
      if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.errors)}`);
      expect(envelopeJsonText(parsed.envelope)).toBe(extracted.text);
      expect(contentHash(parsed.envelope.content)).toBe(parsed.envelope.contentHash);
      expect('profile' in parsed.envelope.content).toBe(name.includes('with-profile'));
      const rebuilt = await buildReportPdf(parsed.envelope, released.definition);
      expect(Buffer.from(rebuilt).equals(Buffer.from(bytes)), `${name}\n${hint}`).toBe(true);
    });
  }
});

describe('committed tender examples: re-validation reports and revisions with a profile', () => {
  const bidderKey = JSON.parse(readFileSync(join(tender, 'trusted-bidder-keys.json'), 'utf8')) as { publicKey: string; label: string }[];
  const trusted = bidderKey.map((k) => ({ publicKey: k.publicKey, label: k.label }));
  const hintTender = 'run `node scripts/make-tender-examples.mjs` if the examples changed on purpose; a layout change needs a new layout version (docs/verifying.md)';

  for (const locale of ['nl', 'en'] as const) {
    it(`delivery/bid-01-revalidation.${locale}.pdf verifies as a valid re-validation of bid 01 and its delivery revision`, async () => {
      const bytes = read(join(tender, `delivery/bid-01-revalidation.${locale}.pdf`));
      const r = await verifyFile(bytes, 'r.pdf', { trustedKeys: trusted });
      expect(r.status, `${r.messages.map((m) => m.en).join(' | ')}\n${hintTender}`).toBe('valid');
      expect(r.kind).toBe('revalidation');
      expect(r.checks.pagesMatch).toBe(true);
      const bid = await verifyFile(read(join(tender, 'bid-01-compliant-gold.pdf')), 'bid.pdf');
      const delivery = await verifyFile(read(join(tender, 'delivery/bid-01-delivery.pdf')), 'delivery.pdf');
      expect(r.revalidation?.earlier.referenceCode).toBe(bid.referenceCode);
      expect(r.revalidation?.later.referenceCode).toBe(delivery.referenceCode);
      expect(r.revalidation).toMatchObject({ linked: true, locale, layout: 1 });
      expect(r.assessor).toMatchObject({ assessmentType: 'independent', name: 'ir. B. Lievense (fictief)' });
      // the attachments are exactly the bid's and the delivery revision's envelopes
      const a = await extractAttachmentFromPdf(bytes, REVALIDATION_EARLIER_ATTACHMENT);
      const b = await extractAttachmentFromPdf(bytes, REVALIDATION_LATER_ATTACHMENT);
      const bidEnvelope = await extractEnvelopeFromPdf(read(join(tender, 'bid-01-compliant-gold.pdf')));
      expect(a.ok && a.text).toBe(bidEnvelope.ok && bidEnvelope.text);
      expect(b.ok && b.text).toBe(readFileSync(join(tender, 'delivery/bid-01-delivery.quickscan-issued.json'), 'utf8'));
    });
  }

  it('with-profile/: valid, the authority-signed profile intact, compliance as the file names say', async () => {
    const authority = 'V5DG-3S4Z-DTNX-0WFG';
    const gold = await verifyFile(read(join(tender, 'with-profile/bid-01-compliant-gold.with-profile.nl.pdf')), 'a.pdf', { trustedKeys: trusted });
    expect(gold.status).toBe('valid');
    expect(gold.profile).toMatchObject({ ok: true, fingerprint: authority, tender: { reference: 'KAP-2026-IKC-017' }, appliesToMethod: true, issues: [] });
    expect(gold.compliance).toMatchObject({ compliant: true, fictitiousDiscountCents: 16_650_000, missing: [] });
    const musthave = await verifyFile(read(join(tender, 'with-profile/bid-04-not-compliant-musthave.with-profile.en.pdf')), 'b.pdf', { trustedKeys: trusted });
    expect(musthave.status).toBe('valid');
    expect(musthave.profile?.ok).toBe(true);
    expect(musthave.compliance).toMatchObject({ compliant: false, fictitiousDiscountCents: null, missing: [{ kind: 'must-have', question: 'C1', status: 'below' }] });
  });
});
