/**
 * PAdES baseline B-B signatures of QuickScan PDFs (ETSI EN 319 142-1), made and checked with
 * pkijs and asn1js:
 *
 * - the signature dictionary (`/SubFilter /ETSI.CAdES.detached`) holds a detached CMS SignedData
 *   over the file's ByteRange, which covers the whole file except the signature value itself;
 * - the signed attributes are content-type (id-data), message-digest (SHA-256 of the byte range)
 *   and signing-certificate-v2 (the SHA-256 of the signer's certificate); no signing-time
 *   attribute (B-B puts the claimed time in the dictionary's `/M`);
 * - the signer's certificate is self-signed: the assessor's ECDSA P-256 key, named with the
 *   assessor (CN) and the organisation (O). Whoever trusts that key decides through the trust
 *   anchors (scoring/trust.ts), never through the certificate.
 *
 * The private key is a WebCrypto `CryptoKey` (ECDSA P-256, usage `sign`); it can be
 * non-extractable. Signatures are randomised (WebCrypto's ECDSA), so a signed PDF is not a
 * deterministic function of its input; verification never rebuilds it.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from '@cantoo/pdf-lib';
import { sha256 } from '@noble/hashes/sha2.js';

/** Bytes reserved for the CMS signature value (hex-encoded twice as many characters in the file). */
export const SIGNATURE_CONTENTS_BYTES = 8192;

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
} as const;

const BYTE_RANGE_PLACEHOLDER = '**********';

export interface P256Jwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** The assessor's signing key and who the certificate names. */
export interface PadesSigner {
  /** ECDSA P-256 private key with usage `sign` (may be non-extractable). */
  privateKey: CryptoKey;
  /** The matching public key. */
  publicJwk: P256Jwk;
  /** The certificate's subject: CN (the assessor) and O (the organisation, omitted when empty). */
  name: string;
  organisation: string;
}

/** What the signature dictionary says besides the signature (all visible in PDF readers). */
export interface SignatureDictionaryInfo {
  /** The claimed signing time (`/M`): the revision's issue time. */
  signedAt: Date;
  /** `/Name`: the assessor. */
  name: string;
  /** `/Reason`, e.g. "QuickScan revision QS-…". */
  reason: string;
  /** `/ContactInfo`, optional. */
  contactInfo?: string | undefined;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function bytesToB64u(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function cryptoEngine(): pkijs.ICryptoEngine {
  return pkijs.getCrypto(true);
}

/** A Name of separate RDNs, most significant first: O (when given), then CN. */
function nameOf(cn: string, o: string): pkijs.RelativeDistinguishedNames {
  const parts: pkijs.AttributeTypeAndValue[] = [];
  if (o.trim() !== '') parts.push(new pkijs.AttributeTypeAndValue({ type: OID.organisation, value: new asn1js.Utf8String({ value: o.slice(0, 64) }) }));
  parts.push(new pkijs.AttributeTypeAndValue({ type: OID.commonName, value: new asn1js.Utf8String({ value: cn.slice(0, 64) || '-' }) }));
  const seq = new asn1js.Sequence({ value: parts.map((p) => new asn1js.Set({ value: [p.toSchema()] })) });
  return pkijs.RelativeDistinguishedNames.fromBER(seq.toBER(false));
}

function timeOf(date: Date): pkijs.Time {
  // UTCTime up to 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5)
  return new pkijs.Time({ type: date.getUTCFullYear() < 2050 ? 0 : 1, value: date });
}

/**
 * A self-signed X.509 v3 certificate for the signer's key, valid from `notBefore` for ten years.
 * The serial number is derived from `serialSeed` (e.g. the content hash), so no randomness is
 * needed beyond the ECDSA signature. Returns the DER bytes.
 */
export async function createSignerCertificate(signer: PadesSigner, notBefore: Date, serialSeed: Uint8Array): Promise<Uint8Array> {
  const crypto = cryptoEngine();
  const publicKey = await crypto.importKey('jwk', { kty: 'EC', crv: 'P-256', x: signer.publicJwk.x, y: signer.publicJwk.y, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = sha256(new Uint8Array([...new TextEncoder().encode('quickscan-certificate\n'), ...serialSeed])).slice(0, 16);
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive, 16 bytes
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
  cert.subject = nameOf(signer.name, signer.organisation);
  cert.issuer = nameOf(signer.name, signer.organisation);
  cert.notBefore = timeOf(notBefore);
  const notAfter = new Date(notBefore.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10);
  cert.notAfter = timeOf(notAfter);
  await cert.subjectPublicKeyInfo.importKey(publicKey, crypto);
  const keyBits = new Uint8Array(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
  const keyUsage = new asn1js.BitString({ valueHex: toArrayBuffer(new Uint8Array([0xc0])), unusedBits: 6 }); // digitalSignature, nonRepudiation
  cert.extensions = [
    new pkijs.Extension({ extnID: OID.basicConstraints, critical: true, extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false), parsedValue: new pkijs.BasicConstraints({ cA: false }) }),
    new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: keyUsage.toBER(false) }),
    new pkijs.Extension({ extnID: OID.subjectKeyIdentifier, critical: false, extnValue: new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(keyBits).slice(0, 20)) }).toBER(false) }),
  ];
  await cert.sign(signer.privateKey, 'SHA-256', crypto);
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

/**
 * Adds an invisible signature field on the first page and its signature dictionary with
 * placeholders for the ByteRange and the signature value. Save the document afterwards with
 * `useObjectStreams: false` and hand the bytes to {@link signPreparedPdf}.
 */
export function addSignaturePlaceholder(pdf: PDFDocument, info: SignatureDictionaryInfo): void {
  const ctx = pdf.context;
  const byteRange = PDFArray.withContext(ctx);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(BYTE_RANGE_PLACEHOLDER));
  const sig = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(SIGNATURE_CONTENTS_BYTES * 2)),
    M: PDFString.fromDate(info.signedAt),
    Name: PDFHexString.fromText(info.name),
    Reason: PDFHexString.fromText(info.reason),
    ...(info.contactInfo ? { ContactInfo: PDFHexString.fromText(info.contactInfo) } : {}),
  });
  const sigRef = ctx.register(sig);
  const page = pdf.getPage(0);
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: sigRef,
    T: PDFHexString.fromText('QuickScan signature'),
    F: 132, // print, locked
    P: page.ref,
  });
  const widgetRef = ctx.register(widget);
  page.node.addAnnot(widgetRef);
  pdf.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [widgetRef], SigFlags: 3 }));
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The bytes as a string of one char per byte (positions equal byte offsets); much faster than TextDecoder('latin1'). */
function byteString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(bytes.length, i + 8192)) as unknown as number[]);
  return s;
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** SHA-256 over the two parts of a ByteRange. */
function rangeDigest(bytes: Uint8Array, br: readonly [number, number, number, number]): Uint8Array {
  const h = sha256.create();
  h.update(bytes.subarray(br[0], br[0] + br[1]));
  h.update(bytes.subarray(br[2], br[2] + br[3]));
  return h.digest();
}

/** The same digest through WebCrypto (native, several times faster on a whole PDF); for verification. */
async function rangeDigestNative(bytes: Uint8Array, br: readonly [number, number, number, number]): Promise<Uint8Array> {
  const joined = new Uint8Array(br[1] + br[3]);
  joined.set(bytes.subarray(br[0], br[0] + br[1]), 0);
  joined.set(bytes.subarray(br[2], br[2] + br[3]), br[1]);
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', joined));
}

/** signing-certificate-v2: SEQUENCE { SEQUENCE OF ESSCertIDv2 { certHash } } (hash algorithm SHA-256 by default). */
function signingCertificateV2(certDer: Uint8Array): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(certDer)) })] })] })],
  });
}

/** The detached CMS SignedData (DER) for a digest, with the PAdES B-B signed attributes. */
export async function createCmsSignature(digest: Uint8Array, privateKey: CryptoKey, certDer: Uint8Array): Promise<Uint8Array> {
  const crypto = cryptoEngine();
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(certDer));
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
  });
  signerInfo.signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(certDer)] }),
    ],
  });
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [signerInfo],
    certificates: [cert],
  });
  await signed.sign(privateKey, 0, 'SHA-256', undefined, crypto);
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}

/**
 * Fills in the ByteRange and the signature of a PDF saved after {@link addSignaturePlaceholder}.
 * The ByteRange covers the whole file but the signature value.
 */
export async function signPreparedPdf(prepared: Uint8Array, privateKey: CryptoKey, certDer: Uint8Array): Promise<Uint8Array> {
  const bytes = new Uint8Array(prepared);
  const placeholder = latin1(`[ 0 /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} ]`);
  const brAt = indexOfBytes(bytes, placeholder);
  const contents = latin1(`<${'0'.repeat(SIGNATURE_CONTENTS_BYTES * 2)}>`);
  const contentsAt = indexOfBytes(bytes, contents);
  if (brAt < 0 || contentsAt < 0) throw new Error('the PDF has no signature placeholder');
  const br = [0, contentsAt, contentsAt + contents.length, bytes.length - (contentsAt + contents.length)] as const;
  const brText = `[0 ${br[1]} ${br[2]} ${br[3]}]`;
  bytes.set(latin1(brText.padEnd(placeholder.length, ' ')), brAt);
  const cms = await createCmsSignature(rangeDigest(bytes, br), privateKey, certDer);
  if (cms.length > SIGNATURE_CONTENTS_BYTES) throw new Error(`the signature needs ${cms.length} bytes, ${SIGNATURE_CONTENTS_BYTES} are reserved`);
  let hex = '';
  for (const b of cms) hex += b.toString(16).padStart(2, '0');
  bytes.set(latin1(hex.toUpperCase()), contentsAt + 1);
  return bytes;
}

/** Loads jsPDF/pdf-lib output, lets `prepare` add metadata and attachments, adds the placeholder, saves. */
export async function preparePdfForSignature(
  pdfBytes: Uint8Array,
  info: SignatureDictionaryInfo,
  prepare: (pdf: PDFDocument) => Promise<void> | void,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  await prepare(pdf);
  addSignaturePlaceholder(pdf, info);
  return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

/* ------------------------------------------------------------------------------------------ */
/* Verification                                                                               */
/* ------------------------------------------------------------------------------------------ */

/**
 * What is wrong with a PAdES signature, as codes:
 * - `no-signature`: the PDF has no signature dictionary with a ByteRange;
 * - `several-signatures`: more than one (signed again, e.g. in an incremental update);
 * - `byte-range-invalid`: the ByteRange does not frame exactly the signature value;
 * - `incremental-update`: an incremental update (another xref/trailer) follows the signed range;
 * - `bytes-appended`: other bytes follow the signed range;
 * - `not-cades`: the SubFilter is not ETSI.CAdES.detached;
 * - `cms-unreadable`: the signature value is not a CMS SignedData this verifier reads;
 * - `digest-mismatch`: the signed range was changed after signing;
 * - `signature-invalid`: the CMS signature does not verify with the certificate's key;
 * - `signing-certificate-mismatch`: signing-certificate-v2 does not name the certificate.
 */
export type PadesProblem =
  | 'no-signature'
  | 'several-signatures'
  | 'byte-range-invalid'
  | 'incremental-update'
  | 'bytes-appended'
  | 'not-cades'
  | 'cms-unreadable'
  | 'digest-mismatch'
  | 'signature-invalid'
  | 'signing-certificate-mismatch';

export interface PadesVerification {
  /** The signature is intact, covers the whole file and nothing follows it. */
  ok: boolean;
  problems: PadesProblem[];
  byteRange?: [number, number, number, number];
  /** The signer certificate's public key (P-256), as a JWK, when it could be read. */
  certificateKey?: P256Jwk;
  /** The certificate's subject CN and O. */
  certificateSubject?: { name: string; organisation: string };
  /** `/M` of the signature dictionary as an ISO date, when present. */
  signedAt?: string;
  /** Bytes after the signed range (0 when the range covers the whole file). */
  trailingBytes: number;
}

function countMatches(text: string, re: RegExp): number {
  return (text.match(re) ?? []).length;
}

function parseHex(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(clean)) return undefined;
  const out = new Uint8Array(clean.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function pdfDateToIso(text: string): string | undefined {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, tz] = m;
  const offset = !tz || tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function subjectOf(cert: pkijs.Certificate): { name: string; organisation: string } {
  const get = (oid: string) => {
    const tv = cert.subject.typesAndValues.find((t) => t.type === oid);
    const v = tv?.value as { valueBlock?: { value?: unknown } } | undefined;
    return typeof v?.valueBlock?.value === 'string' ? v.valueBlock.value : '';
  };
  return { name: get(OID.commonName), organisation: get(OID.organisation) };
}

function p256JwkOf(cert: pkijs.Certificate): P256Jwk | undefined {
  const spki = cert.subjectPublicKeyInfo;
  if (spki.algorithm.algorithmId !== OID.ecPublicKey) return undefined;
  const params = spki.algorithm.algorithmParams as asn1js.ObjectIdentifier | undefined;
  if (!(params instanceof asn1js.ObjectIdentifier) || params.valueBlock.toString() !== OID.p256) return undefined;
  const point = new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView);
  if (point.length !== 65 || point[0] !== 0x04) return undefined;
  return { kty: 'EC', crv: 'P-256', x: bytesToB64u(point.subarray(1, 33)), y: bytesToB64u(point.subarray(33, 65)) };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Checks the PAdES signature of a PDF: exactly one signature dictionary, its ByteRange framing the
 * signature value and reaching the end of the file, the CMS signature over the range with the
 * certificate it carries, and the signed attributes. Never throws.
 * Whether the certificate's key is the right one is for the caller (report/verify.ts) to decide.
 */
export async function verifyPadesSignature(bytes: Uint8Array): Promise<PadesVerification> {
  const problems: PadesProblem[] = [];
  const result: PadesVerification = { ok: false, problems, trailingBytes: 0 };
  const text = byteString(bytes);
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (ranges.length === 0) {
    problems.push('no-signature');
    return result;
  }
  if (ranges.length > 1) problems.push('several-signatures');
  const br = ranges[0]!.slice(1, 5).map(Number) as [number, number, number, number];
  result.byteRange = br;
  const [a, b, c, d] = br;
  const framed = a === 0 && b > 0 && c > b && c <= bytes.length && bytes[b] === 0x3c && bytes[c - 1] === 0x3e;
  if (!framed) {
    problems.push('byte-range-invalid');
    return result;
  }
  const end = c + d;
  if (end > bytes.length) {
    problems.push('byte-range-invalid');
    return result;
  }
  if (end < bytes.length) {
    result.trailingBytes = bytes.length - end;
    const tail = text.slice(end);
    problems.push(/startxref|\bxref\b|trailer|\/Prev\b/.test(tail) ? 'incremental-update' : 'bytes-appended');
  }
  // one revision only inside the signed range: a second %%EOF means the signed part itself was updated
  if (countMatches(text.slice(0, end), /%%EOF/g) > 1 && !problems.includes('incremental-update')) problems.push('incremental-update');
  // the dictionary around this ByteRange
  const dictStart = text.lastIndexOf('<<', ranges[0]!.index);
  const dictText = text.slice(Math.max(0, dictStart), c + 400);
  if (!/\/SubFilter\s*\/ETSI\.CAdES\.detached/.test(dictText)) problems.push('not-cades');
  const m = /\/M\s*\((D:[^)]*)\)/.exec(dictText);
  if (m) {
    const iso = pdfDateToIso(m[1]!);
    if (iso) result.signedAt = iso;
  }

  const der = parseHex(text.slice(b + 1, c - 1));
  if (!der) {
    problems.push('byte-range-invalid');
    return result;
  }
  let signed: pkijs.SignedData;
  let cert: pkijs.Certificate;
  try {
    const asn = asn1js.fromBER(toArrayBuffer(der));
    if (asn.offset === -1) throw new Error('not DER');
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== OID.signedData) throw new Error('not SignedData');
    signed = new pkijs.SignedData({ schema: info.content });
    if (signed.signerInfos.length !== 1 || (signed.certificates ?? []).length < 1) throw new Error('one signer and its certificate expected');
    const c0 = signed.certificates![0];
    if (!(c0 instanceof pkijs.Certificate)) throw new Error('no X.509 certificate');
    cert = c0;
  } catch {
    problems.push('cms-unreadable');
    return result;
  }
  const key = p256JwkOf(cert);
  if (key) result.certificateKey = key;
  result.certificateSubject = subjectOf(cert);

  const signer = signed.signerInfos[0]!;
  const attrs = signer.signedAttrs?.attributes ?? [];
  const attr = (oid: string) => attrs.find((x) => x.type === oid);
  const digest = await rangeDigestNative(bytes, br);
  const md = attr(OID.messageDigest)?.values[0];
  const ct = attr(OID.contentType)?.values[0];
  if (!(md instanceof asn1js.OctetString) || !(ct instanceof asn1js.ObjectIdentifier) || ct.valueBlock.toString() !== OID.data) {
    problems.push('cms-unreadable');
    return result;
  }
  if (!equalBytes(new Uint8Array(md.valueBlock.valueHexView), digest)) problems.push('digest-mismatch');
  // signing-certificate-v2 names this certificate
  const certDer = new Uint8Array(cert.toSchema(true).toBER(false));
  const scv2 = attr(OID.signingCertificateV2)?.values[0];
  try {
    const first = (scv2 as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const essCertId = first.valueBlock.value[0] as asn1js.Sequence;
    const parts = essCertId.valueBlock.value;
    const hashAlgorithmIsSha256 = parts[0] instanceof asn1js.OctetString || new pkijs.AlgorithmIdentifier({ schema: parts[0] }).algorithmId === OID.sha256;
    const hash = parts.find((p) => p instanceof asn1js.OctetString) as asn1js.OctetString;
    if (!hashAlgorithmIsSha256 || !equalBytes(new Uint8Array(hash.valueBlock.valueHexView), sha256(certDer))) problems.push('signing-certificate-mismatch');
  } catch {
    problems.push('signing-certificate-mismatch');
  }
  // the signature over the signed attributes, with the certificate's key
  if (!problems.includes('digest-mismatch')) {
    try {
      // the signature over the signed attributes as encoded in the file (re-tagged as SET OF)
      const signedAttrsDer = new Uint8Array(signer.signedAttrs!.encodedValue);
      const forSig = new Uint8Array(signedAttrsDer);
      forSig[0] = 0x31; // [0] IMPLICIT → SET OF, as signed
      const publicKey = await cert.getPublicKey({ algorithm: { algorithm: { name: 'ECDSA', namedCurve: 'P-256' }, usages: ['verify'] } }, cryptoEngine());
      const sigDer = new Uint8Array(signer.signature.valueBlock.valueHexView);
      const raw = derEcdsaToRaw(sigDer);
      const ok = raw !== undefined && signer.signatureAlgorithm.algorithmId === OID.ecdsaWithSha256 && (await globalThis.crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, toArrayBuffer(raw), toArrayBuffer(forSig)));
      if (!ok) problems.push('signature-invalid');
    } catch {
      problems.push('signature-invalid');
    }
  }
  result.ok = problems.length === 0;
  return result;
}

/** ECDSA-Sig-Value (DER SEQUENCE of two INTEGERs) → raw r‖s of 64 bytes (P-256). */
function derEcdsaToRaw(der: Uint8Array): Uint8Array | undefined {
  try {
    const asn = asn1js.fromBER(toArrayBuffer(der));
    const seq = asn.result as asn1js.Sequence;
    const [r, s] = seq.valueBlock.value as asn1js.Integer[];
    const fix = (i: asn1js.Integer) => {
      let v = new Uint8Array(i.valueBlock.valueHexView);
      while (v.length > 32 && v[0] === 0) v = v.subarray(1);
      if (v.length > 32) throw new Error('too long');
      const out = new Uint8Array(32);
      out.set(v, 32 - v.length);
      return out;
    };
    const out = new Uint8Array(64);
    out.set(fix(r!), 0);
    out.set(fix(s!), 32);
    return out;
  } catch {
    return undefined;
  }
}

/** The public JWK of a P-256 key from its raw bytes (for tests and callers holding JWKs). */
export function p256JwkFromPoint(point: Uint8Array): P256Jwk {
  return { kty: 'EC', crv: 'P-256', x: bytesToB64u(point.subarray(1, 33)), y: bytesToB64u(point.subarray(33, 65)) };
}

/**
 * Imports an ECDSA P-256 private JWK (e.g. from a key file of the command line) as a
 * non-extractable WebCrypto signing key for {@link createCmsSignature} and the signed PDF.
 */
export async function importP256SigningKey(privateJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string; d: string }): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: privateJwk.x, y: privateJwk.y, d: privateJwk.d }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
}
