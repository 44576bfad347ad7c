/**
 * The issued PDF of a format-2 revision in report layout 2: pages (report/revision/pages.ts),
 * metadata and the envelope attached with @cantoo/pdf-lib, then a PAdES B-B signature over the
 * whole file with the assessor's ECDSA P-256 key in a self-signed certificate (report/pades.ts).
 */
import { AFRelationship } from '@cantoo/pdf-lib';
import type { QuickScanDefinition } from '../../forms/schema';
import { anyEnvelopeJsonText, type IssuedEnvelopeV2 } from '../../scoring/issued';
import { ENVELOPE_ATTACHMENT_NAME } from '../attachments';
import { createSignerCertificate, preparePdfForSignature, signPreparedPdf, type P256Jwk } from '../pades';
import { drawLayout2, layout2Metadata, type Layout2Options } from './pages';
import { layout2Strings } from './strings';

export type { Layout2Options } from './pages';

/** Thrown when the envelope or the key cannot make a layout-2 PDF (wrong layout, not a P-256 key, key pair mismatch). */
export class SignedPdfError extends Error {
  override readonly name = 'SignedPdfError';
  constructor(
    readonly code: 'not-layout-2' | 'not-p256' | 'key-mismatch',
    message: string,
  ) {
    super(message);
  }
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Signs a probe with the private key and checks it with the content's public key. */
async function keysMatch(privateKey: CryptoKey, jwk: P256Jwk): Promise<boolean> {
  try {
    const publicKey = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const probe = new TextEncoder().encode('quickscan-pades-key-check');
    const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, probe);
    return await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, sig, probe);
  } catch {
    return false;
  }
}

/**
 * The signed PDF of an issued format-2 revision (report layout 2). `privateKey` is the assessor's
 * ECDSA P-256 WebCrypto key (usage `sign`, may be non-extractable) belonging to
 * `envelope.content.assessor.key`. Not deterministic (ECDSA signatures are randomised); the pages
 * before signing are.
 */
export async function buildSignedRevisionPdf(envelope: IssuedEnvelopeV2, definition: QuickScanDefinition, privateKey: CryptoKey, options: Layout2Options = {}): Promise<Uint8Array> {
  const c = envelope.content;
  if (c.report.layout !== 2) throw new SignedPdfError('not-layout-2', `report layout ${c.report.layout}: signed PDFs are made in layout 2`);
  const key = c.assessor.key;
  if (key.kty !== 'EC') throw new SignedPdfError('not-p256', 'the assessor key is not an ECDSA P-256 key: PDF signatures need one (rotate to a new key)');
  const jwk: P256Jwk = { kty: 'EC', crv: 'P-256', x: key.x, y: key.y };
  if (!(await keysMatch(privateKey, jwk))) throw new SignedPdfError('key-mismatch', 'the private key does not belong to the assessor key in the revision');

  const { bytes } = drawLayout2(envelope, definition, options);
  const issued = new Date(Date.parse(c.issuedAt));
  const meta = layout2Metadata(envelope, definition);
  const s = layout2Strings[c.report.locale];
  const prepared = await preparePdfForSignature(bytes, { signedAt: issued, name: c.assessor.name, reason: s.signatureReason(envelope.referenceCode) }, async (pdf) => {
    pdf.setTitle(meta.title, { showInWindowTitleBar: true });
    pdf.setSubject(meta.subject);
    pdf.setAuthor(meta.author);
    pdf.setKeywords(meta.keywords);
    pdf.setCreator(meta.creator);
    pdf.setProducer(meta.producer);
    pdf.setCreationDate(issued);
    pdf.setModificationDate(issued);
    await pdf.attach(new TextEncoder().encode(anyEnvelopeJsonText(envelope)), ENVELOPE_ATTACHMENT_NAME, {
      mimeType: 'application/json',
      description: s.attachmentDescription,
      creationDate: issued,
      modificationDate: issued,
      afRelationship: AFRelationship.Data,
    });
  });
  const cert = await createSignerCertificate({ privateKey, publicJwk: jwk, name: c.assessor.name, organisation: c.assessor.organisation }, issued, hexBytes(envelope.contentHash));
  return signPreparedPdf(prepared, privateKey, cert);
}
