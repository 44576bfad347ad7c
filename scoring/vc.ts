/**
 * An issued revision as a W3C Verifiable Credential 2.0 (https://www.w3.org/TR/vc-data-model-2.0/)
 * with a Data Integrity proof (https://www.w3.org/TR/vc-data-integrity/), so that systems that
 * know nothing of QuickScan can check who stated what. docs/file-formats.md describes the result.
 *
 * - issuer: the revision's assessor key as `did:key` (P-256: multicodec 0x1200, compressed point;
 *   Ed25519: multicodec 0xed, the 32 raw bytes), base58btc multibase;
 * - proof: `DataIntegrityProof` with cryptosuite `ecdsa-jcs-2019` (P-256 keys) or
 *   `eddsa-jcs-2022` (Ed25519 keys): the proof options (with the credential's `@context`) and
 *   the credential without proof are each canonicalised with RFC 8785 (JCS) and hashed with
 *   SHA-256; the signature covers proofHash ‖ documentHash (ES256: raw r ‖ s, IEEE P1363, as
 *   WebCrypto makes it; Ed25519: the 64 raw bytes); `proofValue` is base58btc multibase;
 * - credentialSubject: the revision's reference code and content hash (binding it to the signed
 *   revision and its PDF), project, phase, method, assessor, the score recomputed from the signed
 *   data with the released method, and the evidence files the answers name (name and SHA-256).
 *
 * Signing goes through a {@link VcSigner}: the app passes its non-extractable WebCrypto key, the
 * command line a private key file. Pure module: WebCrypto is not needed here, only the signer.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base58, base64urlnopad } from '@scure/base';
import { canonicalJson } from '../forms/hash';
import type { AnyIssuedContent } from './issued';
import { publicJwkOf, type PrivateJwk } from './keys';
import { scoreScan } from './score';
import type { ScoringDefinition } from './types';

/** The public key of the revision's signer, as a JWK (the two key types of the app). */
export type VcPublicJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string } | { kty: 'OKP'; crv: 'Ed25519'; x: string };

export type VcCryptosuite = 'ecdsa-jcs-2019' | 'eddsa-jcs-2022';

/**
 * Signs the bytes of a Data Integrity proof. P-256: ECDSA with SHA-256, the raw 64-byte r ‖ s
 * (what `crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, …)` returns); Ed25519: the raw
 * 64-byte signature.
 */
export interface VcSigner {
  publicKey: VcPublicJwk;
  sign(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
}

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const VC_TYPE = 'QuickScanRevisionCredential';

export class VcKeyError extends Error {
  constructor(readonly code: 'bad-key' | 'bad-signature-length' | 'key-mismatch') {
    super(`vc: ${code}`);
    this.name = 'VcKeyError';
  }
}

function b64uBytes(text: string, length: number): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = base64urlnopad.decode(text);
  } catch {
    throw new VcKeyError('bad-key');
  }
  if (bytes.length !== length) throw new VcKeyError('bad-key');
  return bytes;
}

const P256_PREFIX = [0x80, 0x24]; // multicodec p256-pub (0x1200) as an unsigned varint
const ED25519_PREFIX = [0xed, 0x01]; // multicodec ed25519-pub (0xed)

/** The multibase (base58btc, `z…`) Multikey of a public key, as did:key uses it. */
export function multikeyOf(jwk: VcPublicJwk): string {
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') {
    const x = b64uBytes(jwk.x, 32);
    const y = b64uBytes(jwk.y, 32);
    const uncompressed = new Uint8Array(65);
    uncompressed[0] = 0x04;
    uncompressed.set(x, 1);
    uncompressed.set(y, 33);
    let point;
    try {
      point = p256.Point.fromBytes(uncompressed); // checks the point is on the curve
    } catch {
      throw new VcKeyError('bad-key');
    }
    return `z${base58.encode(Uint8Array.from([...P256_PREFIX, ...point.toBytes(true)]))}`;
  }
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    return `z${base58.encode(Uint8Array.from([...ED25519_PREFIX, ...b64uBytes(jwk.x, 32)]))}`;
  }
  throw new VcKeyError('bad-key');
}

/** `did:key:z…` of a public key. */
export function didKeyOf(jwk: VcPublicJwk): string {
  return `did:key:${multikeyOf(jwk)}`;
}

/** The verification method of a did:key: the DID, `#`, the multikey. */
export function verificationMethodOf(jwk: VcPublicJwk): string {
  const mk = multikeyOf(jwk);
  return `did:key:${mk}#${mk}`;
}

export function cryptosuiteOf(jwk: VcPublicJwk): VcCryptosuite {
  return jwk.kty === 'EC' ? 'ecdsa-jcs-2019' : 'eddsa-jcs-2022';
}

export interface RevisionCredentialInput {
  /** The signed content of the issued revision. */
  content: AnyIssuedContent;
  referenceCode: string;
  contentHash: string;
  /** The released definition of `content.method` (the score is recomputed with it). */
  definition: ScoringDefinition;
  /** When the proof is made (ISO date-time); now by default. */
  created?: string | undefined;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface VerifiableCredential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: string;
  validFrom: string;
  credentialSubject: { [key: string]: Json };
  proof?: DataIntegrityProof;
}

/** The proof options: the proof without its value, with the credential's `@context`. */
export interface ProofOptions {
  '@context': string[];
  type: 'DataIntegrityProof';
  cryptosuite: VcCryptosuite;
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
}

export interface DataIntegrityProof extends ProofOptions {
  proofValue: string;
}

/** The credential without proof: what the revision states, recomputed where it is a figure. */
export function revisionCredentialBody(input: RevisionCredentialInput, issuerKey: VcPublicJwk): VerifiableCredential {
  const c = input.content;
  const score = scoreScan(input.definition, { project: c.project, answers: c.scan.answers, costOverrides: c.scan.costOverrides });
  const result: { [key: string]: Json } = {
    themes: score.themes.filter((t) => t.display !== null).map((t) => ({ theme: t.id, score: t.display! })),
  };
  if (score.total) result.total = score.total.display;
  if (score.label.reached !== null) result.label = score.label.reached;
  const evidence: Json[] = [];
  for (const [question, answer] of Object.entries(c.scan.answers)) {
    for (const e of answer.evidence ?? []) evidence.push({ question, name: e.name, mediaType: e.type, size: e.size, sha256: e.sha256 });
  }
  const subject: { [key: string]: Json } = {
    type: 'QuickScanRevision',
    referenceCode: input.referenceCode,
    contentHash: input.contentHash,
    revisionId: c.revisionId,
    phase: c.phase,
    issuedAt: c.issuedAt,
    project: {
      name: c.project.name,
      address: c.project.address,
      municipality: c.project.municipality,
      client: c.project.client,
      buildingType: c.project.buildingType,
      kind: c.project.kind,
      gfaM2: c.project.gfaM2,
    },
    method: { id: c.method.id, version: c.method.version, sha256: c.method.sha256 },
    assessor: { name: c.assessor.name, organisation: c.assessor.organisation, role: c.assessor.role, assessmentType: c.assessor.assessmentType },
    result,
  };
  if (evidence.length > 0) subject.evidence = evidence;
  return {
    '@context': [VC_CONTEXT_V2],
    id: `urn:uuid:${c.revisionId}`,
    type: ['VerifiableCredential', VC_TYPE],
    issuer: didKeyOf(issuerKey),
    validFrom: c.issuedAt,
    credentialSubject: subject,
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * The bytes a `*-jcs-*` Data Integrity proof signs: SHA-256(JCS(proof options)) ‖
 * SHA-256(JCS(document without proof)). The proof options carry the document's `@context`.
 */
export function proofSigningInput(document: VerifiableCredential, proofOptions: ProofOptions): Uint8Array<ArrayBuffer> {
  const { proof: _proof, ...unsecured } = document;
  return concat(sha256(utf8ToBytes(canonicalJson(proofOptions))), sha256(utf8ToBytes(canonicalJson(unsecured))));
}

/** Signs a credential body with a Data Integrity proof of the matching JCS cryptosuite. */
export async function signCredential(body: VerifiableCredential, signer: VcSigner, created: string): Promise<VerifiableCredential> {
  const options: ProofOptions = {
    '@context': body['@context'],
    type: 'DataIntegrityProof',
    cryptosuite: cryptosuiteOf(signer.publicKey),
    created,
    verificationMethod: verificationMethodOf(signer.publicKey),
    proofPurpose: 'assertionMethod',
  };
  const signature = await signer.sign(proofSigningInput(body, options));
  if (signature.length !== 64) throw new VcKeyError('bad-signature-length');
  return { ...body, proof: { ...options, proofValue: `z${base58.encode(signature)}` } };
}

function sameKey(a: VcPublicJwk, b: VcPublicJwk): boolean {
  if (a.kty === 'EC' && b.kty === 'EC') return a.x === b.x && a.y === b.y;
  if (a.kty === 'OKP' && b.kty === 'OKP') return a.x === b.x;
  return false;
}

/**
 * The revision as a signed Verifiable Credential. `assessorKey` is the key the revision itself is
 * signed with: the credential must come from the same key (else `VcKeyError('key-mismatch')`).
 */
export async function revisionCredential(input: RevisionCredentialInput, assessorKey: VcPublicJwk, signer: VcSigner): Promise<VerifiableCredential> {
  if (!sameKey(assessorKey, signer.publicKey)) throw new VcKeyError('key-mismatch');
  const body = revisionCredentialBody(input, assessorKey);
  return signCredential(body, signer, input.created ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));
}

/**
 * A signer from an extractable private JWK (the command line's key file, tests): ES256 with
 * RFC 6979 nonces and low S, raw r ‖ s; Ed25519 as RFC 8032. The app signs with its
 * non-extractable WebCrypto key instead.
 */
export function vcSignerFromPrivateJwk(privateJwk: PrivateJwk): VcSigner {
  const publicKey = publicJwkOf(privateJwk); // checks the key
  const d = base64urlnopad.decode(privateJwk.d);
  return {
    publicKey,
    sign: async (data) => (privateJwk.kty === 'EC' ? p256.sign(data, d, { prehash: true, lowS: true, format: 'compact' }) : ed25519.sign(data, d)),
  };
}

/** The file name suffix of an exported credential. */
export const VC_FILE_SUFFIX = '.quickscan-vc.json';

/** The credential as the text of a file (pretty-printed JSON, one newline at the end). */
export function credentialJsonText(vc: VerifiableCredential): string {
  return `${JSON.stringify(vc, null, 2)}\n`;
}
