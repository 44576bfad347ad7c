import { describe, expect, it } from 'vitest';
import { jsPDF } from 'jspdf';
import { canonicalJson } from '../forms/hash';
import { createRegistry } from '../forms/registry';
import { buildEnvelope, canonicalContent, envelopeJsonText, type IssuedEnvelope } from '../scoring/issued';
import { signWithSecretKey } from '../scoring/signature';
import { exampleScan, issue, OTHER_TEST_KEY, TEST_KEY, testRegistry, zeelandDefinition, zeelandHash } from './fixtures/example';
import { attachmentRange, editPageContent, flipByte, pageContentRange, pageContentText, replaceAttachedEnvelope } from './fixtures/tamper';
import { buildReportPdf } from './pdf';
import { verifyFile, type VerifyResult } from './verify';

const options = { registry: testRegistry };
const enc = (text: string) => new TextEncoder().encode(text);

async function issuedPdf(envelope: IssuedEnvelope = issue(exampleScan())): Promise<Uint8Array> {
  return buildReportPdf(envelope, zeelandDefinition);
}

/** Re-signs (possibly changed) content with a key, keeping or replacing the named public key. */
function resign(envelope: IssuedEnvelope, secretKey: string, change: (c: IssuedEnvelope['content']) => void = () => {}): IssuedEnvelope {
  const content = structuredClone(envelope.content);
  change(content);
  return buildEnvelope(content, signWithSecretKey(canonicalContent(content), secretKey), envelope.report);
}

function expectMessage(result: VerifyResult, fragment: RegExp): void {
  expect(result.messages.map((m) => m.en).join('\n')).toMatch(fragment);
  for (const m of result.messages) {
    expect(m.nl.length).toBeGreaterThan(5);
    expect(m.en.length).toBeGreaterThan(5);
  }
}

describe('verifyFile: PDF round trip', () => {
  it('an exported PDF verifies as valid, with the score recomputed from the data', async () => {
    const envelope = issue(exampleScan());
    const result = await verifyFile(await issuedPdf(envelope), 'rapport.pdf', options);
    expect(result.status).toBe('valid');
    expect(result.kind).toBe('pdf');
    expect(result.checks).toEqual({ dataIntact: true, signatureValid: true, methodKnown: true, pagesMatch: true, keyTrusted: null });
    expect(result.referenceCode).toBe(envelope.referenceCode);
    expect(result.projectName).toBe('Brede school De Schelp, Goes');
    expect(result.phase).toBe('VO');
    expect(result.assessor).toMatchObject({ name: 'Anouk de Vries-Çelik', assessmentType: 'self', publicKey: TEST_KEY.publicKey });
    expect(result.assessor?.fingerprint).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(result.score?.total).toBe(47.6);
    expect(result.score?.label?.id).toBe('bronze');
    expect(result.score?.themes.map((t) => t.display)).toEqual([50, 55, 55, 50, 50, 37.5, 37.5, 35, 37.5]);
    expectMessage(result, /byte for byte/);
  });

  it('with the key on the trusted list: valid, and the label is given', async () => {
    const result = await verifyFile(await issuedPdf(), 'r.pdf', { ...options, trustedKeys: [{ publicKey: TEST_KEY.publicKey, label: 'Bureau test' }] });
    expect(result.status).toBe('valid');
    expect(result.checks.keyTrusted).toBe(true);
    expect(result.trustedKeyLabel).toBe('Bureau test');
    expect(result.verdict).toBe('passed');
    expect(result.signer).toMatchObject({ code: 'signer-trusted', anchor: { kind: 'own', label: 'Bureau test' } });
  });

  it('English reports verify too', async () => {
    const result = await verifyFile(await issuedPdf(issue(exampleScan(), { locale: 'en' })), 'report.pdf', options);
    expect(result.status).toBe('valid');
  });
});

describe('verifyFile: altered data', () => {
  it('a changed value in the embedded data: altered (data)', async () => {
    const pdf = await issuedPdf();
    const forged = await replaceAttachedEnvelope(pdf, (text) => text.replace('"gfaM2": 2400', '"gfaM2": 1200'));
    const result = await verifyFile(forged, 'r.pdf', options);
    expect(result.status).toBe('altered');
    expect(result.alteredParts).toEqual(['data']);
    expect(result.checks.dataIntact).toBe(false);
    expectMessage(result, /content hash does not match/);
  });

  it('an upgraded answer with a recomputed hash and code: the signature no longer fits', async () => {
    const envelope = issue(exampleScan());
    const content = structuredClone(envelope.content);
    content.scan.answers.G2 = { level: 'l4' };
    const forged = buildEnvelope(content, envelope.signature, envelope.report);
    const result = await verifyFile(await issuedPdf(forged), 'r.pdf', options);
    expect(result.status).toBe('bad-signature');
    expect(result.checks).toMatchObject({ dataIntact: true, signatureValid: false });
  });

  it('single bytes changed inside the compressed attachment: never valid (altered or unreadable)', async () => {
    const pdf = await issuedPdf();
    const { start, end } = await attachmentRange(pdf);
    const seen = new Set<string>();
    for (let i = 0; i < 24; i++) {
      const at = start + Math.floor(((end - start) * (i + 0.5)) / 24);
      const result = await verifyFile(flipByte(pdf, at), 'r.pdf', options);
      expect(['altered', 'unreadable', 'bad-signature'], `byte ${at}: ${result.status}`).toContain(result.status);
      if (result.status === 'unreadable') expect(result.messages[0]!.en).toMatch(/cannot be read|damaged|JSON|shape/);
      seen.add(result.status);
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  it('a changed reference code: altered (data)', async () => {
    const envelope = issue(exampleScan());
    const json = JSON.parse(envelopeJsonText(envelope)) as IssuedEnvelope;
    json.referenceCode = 'QS-0000-0000-0000';
    const result = await verifyFile(enc(JSON.stringify(json)), 'x.quickscan-issued.json', options);
    expect(result.status).toBe('altered');
    expectMessage(result, /reference code does not match/);
  });
});

describe('verifyFile: altered pages', () => {
  it('a printed total changed in the cover page content stream: altered (pages), score from the data', async () => {
    const pdf = await issuedPdf();
    const cover = await pageContentText(pdf, 0);
    expect(cover).toContain('(47,6)');
    const forged = await editPageContent(pdf, 0, (text) => text.replace('(47,6)', '(87,6)'));
    const result = await verifyFile(forged, 'r.pdf', options);
    expect(result.status).toBe('altered');
    expect(result.alteredParts).toEqual(['pages']);
    expect(result.checks).toMatchObject({ dataIntact: true, signatureValid: true, methodKnown: true, pagesMatch: false });
    expect(result.score?.total).toBe(47.6);
    expectMessage(result, /Do not rely on the printed text/);
  });

  it('any single byte changed in a page content stream: altered (pages)', async () => {
    const pdf = await issuedPdf();
    for (const page of [0, 2]) {
      const { start, end } = await pageContentRange(pdf, page);
      for (const at of [start, Math.floor((start + end) / 2), end - 1]) {
        const result = await verifyFile(flipByte(pdf, at), 'r.pdf', options);
        expect(result.status, `page ${page} byte ${at}`).toBe('altered');
        expect(result.alteredParts).toEqual(['pages']);
      }
    }
  });

  it('bytes appended after the file (an incremental update): altered (pages)', async () => {
    const pdf = await issuedPdf();
    const longer = new Uint8Array(pdf.length + 10);
    longer.set(pdf);
    longer.set(enc('\n% edited\n'), pdf.length);
    const result = await verifyFile(longer, 'r.pdf', options);
    expect(result.status).toBe('altered');
    expect(result.alteredParts).toEqual(['pages']);
  });

  it('an unknown layout version: the pages cannot be checked, so they are not trusted', async () => {
    const pdf = await issuedPdf();
    const forged = await replaceAttachedEnvelope(pdf, (text) => text.replace('"layout": 1', '"layout": 7'));
    const result = await verifyFile(forged, 'r.pdf', options);
    expect(result.status).toBe('altered');
    expect(result.alteredParts).toEqual(['pages']);
    expectMessage(result, /layout version 7/);
  });
});

describe('verifyFile: signatures and keys', () => {
  it('re-signed by another key in the name of the original assessor: bad signature', async () => {
    const envelope = resign(issue(exampleScan()), OTHER_TEST_KEY.secretKey, (c) => {
      c.scan.answers.G2 = { level: 'l4' };
    });
    const result = await verifyFile(await issuedPdf(envelope), 'r.pdf', options);
    expect(result.status).toBe('bad-signature');
    expectMessage(result, /signature is not valid/);
  });

  it('re-signed by another key under its own name: valid signature, but untrusted against the list', async () => {
    const envelope = resign(issue(exampleScan()), OTHER_TEST_KEY.secretKey, (c) => {
      c.assessor.publicKey = OTHER_TEST_KEY.publicKey;
      c.scan.answers.G2 = { level: 'l4' };
    });
    const pdf = await issuedPdf(envelope);
    const open = await verifyFile(pdf, 'r.pdf', options);
    expect(open.status).toBe('valid'); // the older status: intact and well signed
    expect(open.verdict).toBe('indeterminate'); // the verdict: nobody vouches for the key, never passed
    expect(open.reasons).toEqual(['signer-unknown']);
    const listed = await verifyFile(pdf, 'r.pdf', { ...options, trustedKeys: [{ publicKey: TEST_KEY.publicKey, label: 'Bureau test' }] });
    expect(listed.status).toBe('untrusted-signature');
    expect(listed.verdict).toBe('indeterminate');
    expect(listed.checks).toMatchObject({ dataIntact: true, signatureValid: true, pagesMatch: true, keyTrusted: false });
    expectMessage(listed, /is on none of your trusted keys or trust lists\. Compare the fingerprint/);
  });

  it('a signature field replaced by another valid signature of other content: bad signature', async () => {
    const a = issue(exampleScan());
    const b = issue(exampleScan(), { input: { exclusions: 'Niets' } });
    const result = await verifyFile(enc(envelopeJsonText({ ...a, signature: b.signature })), 'a.quickscan-issued.json', options);
    expect(result.status).toBe('bad-signature');
  });
});

describe('verifyFile: methods', () => {
  it('an unknown method version: unknown-method, while data and signature are still checked', async () => {
    const envelope = resign(issue(exampleScan()), TEST_KEY.secretKey, (c) => {
      c.method.version = '9.0.0';
    });
    const result = await verifyFile(await issuedPdf(envelope), 'r.pdf', options);
    expect(result.status).toBe('unknown-method');
    expect(result.checks).toMatchObject({ dataIntact: true, signatureValid: true, methodKnown: false, pagesMatch: null });
    expect(result.score).toBeUndefined();
    expectMessage(result, /does not know method zeeland-quickscan version 9\.0\.0/);
  });

  it('a known version with another hash: unknown-method', async () => {
    const envelope = resign(issue(exampleScan()), TEST_KEY.secretKey, (c) => {
      c.method.sha256 = '0'.repeat(64);
    });
    const result = await verifyFile(enc(envelopeJsonText(envelope)), 'x.quickscan-issued.json', options);
    expect(result.status).toBe('unknown-method');
    expectMessage(result, /not the released version/);
  });

  it('an empty registry: unknown-method', async () => {
    const empty = createRegistry([], { releases: [] });
    const result = await verifyFile(await issuedPdf(), 'r.pdf', { registry: empty });
    expect(result.status).toBe('unknown-method');
  });
});

describe('verifyFile: other files', () => {
  it('an envelope file verifies (data and signature; no pages)', async () => {
    const envelope = issue(exampleScan());
    const result = await verifyFile(enc(envelopeJsonText(envelope)), 'x.quickscan-issued.json', options);
    expect(result.status).toBe('valid');
    expect(result.kind).toBe('envelope');
    expect(result.checks.pagesMatch).toBeNull();
    expectMessage(result, /without pages/);
  });

  it('an envelope file with a BOM and compact JSON still verifies (the hash is over canonical JSON)', async () => {
    const envelope = issue(exampleScan());
    const result = await verifyFile(enc(`\uFEFF${JSON.stringify(envelope)}`), 'x.json', options);
    expect(result.status).toBe('valid');
  });

  it('a scan file is unsigned, and recomputed', async () => {
    const result = await verifyFile(enc(JSON.stringify(exampleScan())), 'ontwerp.quickscan.json', options);
    expect(result.status).toBe('unsigned');
    expect(result.kind).toBe('scan');
    expect(result.score?.total).toBe(47.6);
    expectMessage(result, /not signed/);
  });

  it('a scan file on an unknown method is unsigned, without a score', async () => {
    const scan = exampleScan();
    scan.method.version = '2.0.0';
    const result = await verifyFile(enc(JSON.stringify(scan)), 'ontwerp.quickscan.json', options);
    expect(result.status).toBe('unsigned');
    expect(result.score).toBeUndefined();
    expectMessage(result, /does not know method/);
  });
});

describe('verifyFile: unreadable input, with a clear message and never an exception', () => {
  it('empty, garbage, truncated, not ours', async () => {
    const pdf = await issuedPdf();
    const random = new Uint8Array(5000).map((_, i) => (i * 7919 + 13) % 251);
    const plainPdf = new Uint8Array(new jsPDF().text('Hallo', 10, 10).output('arraybuffer'));
    const cases: [string, Uint8Array, RegExp][] = [
      ['empty', new Uint8Array(0), /empty/],
      ['garbage', random, /not a QuickScan/],
      ['garbage named .pdf', random, /cannot be read/],
      ['PDF header only', enc('%PDF-1.7\n'), /cannot be read|no attached|holds no QuickScan/],
      ['PDF header and garbage', new Uint8Array([...enc('%PDF-1.7\n'), ...random]), /cannot be read|holds no QuickScan/],
      ['truncated to a half', pdf.slice(0, Math.floor(pdf.length / 2)), /cannot be read|holds no QuickScan|damaged/],
      ['truncated to 1000 bytes', pdf.slice(0, 1000), /cannot be read|holds no QuickScan/],
      ['truncated by 100 bytes', pdf.slice(0, pdf.length - 100), /./],
      ['a PDF without QuickScan data', plainPdf, /holds no QuickScan data/],
      ['JSON of something else', enc('{"format":"other"}'), /not a QuickScan/],
      ['invalid JSON', enc('{"format": "quickscan-issued-envelope", '), /not a QuickScan/],
      ['an envelope of the wrong shape', enc('{"format":"quickscan-issued-envelope","formatVersion":1}'), /expected shape/],
      ['a scan of the wrong shape', enc('{"format":"quickscan-scan"}'), /expected shape/],
      ['not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /not a QuickScan/],
    ];
    for (const [name, bytes, message] of cases) {
      const result = await verifyFile(bytes, name.includes('.pdf') ? 'x.pdf' : 'file', options);
      if (name === 'truncated by 100 bytes') {
        // the attachment may survive the cut; the file still differs from the rebuilt one
        expect(['unreadable', 'altered'], name).toContain(result.status);
        continue;
      }
      expect(result.status, name).toBe('unreadable');
      expect(result.messages.length, name).toBeGreaterThan(0);
      expectMessage(result, message);
    }
  });

  it('a compression bomb in the attachment is refused without inflating it all', async () => {
    const pdf = await issuedPdf();
    const huge = `${'{"x":"'}${'a'.repeat(20 * 1024 * 1024)}"}`;
    const bomb = await replaceAttachedEnvelope(pdf, () => huge);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const t0 = performance.now();
    const result = await verifyFile(bomb, 'r.pdf', options);
    expect(result.status).toBe('unreadable');
    expectMessage(result, /larger than/);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('never throws on random mutations of a valid PDF', async () => {
    const pdf = await issuedPdf();
    let state = 42;
    const rnd = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 40; i++) {
      const copy = Uint8Array.from(pdf);
      for (let k = 0; k < 1 + Math.floor(rnd() * 8); k++) copy[Math.floor(rnd() * copy.length)] = Math.floor(rnd() * 256);
      const result = await verifyFile(copy, 'r.pdf', options);
      expect(result.status).not.toBe('valid');
    }
  });
});

it('hashes the content exactly as stored: canonical JSON of the content in the file', async () => {
  const envelope = issue(exampleScan());
  expect(canonicalJson(JSON.parse(envelopeJsonText(envelope)).content)).toBe(canonicalContent(envelope.content));
  expect(zeelandHash).toMatch(/^[0-9a-f]{64}$/);
});
