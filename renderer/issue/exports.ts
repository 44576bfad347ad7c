/**
 * The interoperable exports of an issued revision: its evidence dossier (scoring/dossier.ts) and
 * its W3C Verifiable Credential (scoring/vc.ts), signed with the assessor's own non-extractable
 * WebCrypto key (the key never leaves this machine; only the signature is made here).
 */
import { getDefinition } from '../../forms/registry';
import { buildDossier, DOSSIER_FILE_SUFFIX, evidenceReferences } from '../../scoring/dossier';
import { ed25519Jwk, type PublicJwk } from '../../scoring/keys';
import { credentialJsonText, revisionCredential, VC_FILE_SUFFIX, type VcSigner } from '../../scoring/vc';
import { eachStoredEvidence } from '../db/bulk';
import { addEvidenceRecord } from '../db/evidence';
import { newId } from '../db/projects';
import type { EvidenceRecord, RevisionRecord } from '../db/records';
import { safeFileName } from '../scan/export';
import { envelopeOf } from './issue';
import { getSigningKey } from './signing';

/** Why an export cannot be made, as a message key of the `exports` section. */
export class ExportRefused extends Error {
  constructor(readonly key: 'exports.error.notYourKey' | 'exports.error.noKey' | 'exports.error.unknownMethod') {
    super(key);
    this.name = 'ExportRefused';
  }
}

export interface ExportFile {
  suggestedName: string;
  mimeType: string;
  extension: string;
  data: Uint8Array;
}

const baseName = (record: RevisionRecord) => safeFileName(`${envelopeOf(record).content.project.name} ${record.referenceCode}`);

/** The key a revision names: `assessor.key` (format 2) or the Ed25519 `assessor.publicKey` (format 1). */
function assessorKeyOf(content: ReturnType<typeof envelopeOf>['content']): PublicJwk {
  const a = content.assessor as { key?: PublicJwk; publicKey?: string };
  return a.key ?? ed25519Jwk(a.publicKey!);
}

/**
 * The evidence dossier: every evidence file the revision names that this app still holds (found
 * by SHA-256 in any scan), with the manifest. `missing`: named files no longer here.
 */
export async function revisionDossier(record: RevisionRecord): Promise<ExportFile & { included: number; named: number; missing: number }> {
  const envelope = envelopeOf(record);
  const wanted = new Set(evidenceReferences(envelope.content).map((r) => r.sha256));
  const blobs = new Map<string, Blob>();
  await eachStoredEvidence((e) => {
    if (wanted.has(e.sha256) && !blobs.has(e.sha256) && e.blob instanceof Blob) blobs.set(e.sha256, e.blob);
  });
  const files = new Map<string, Uint8Array>();
  for (const [sha, blob] of blobs) files.set(sha, new Uint8Array(await blob.arrayBuffer()));
  const built = buildDossier(envelope, files);
  return {
    suggestedName: `${baseName(record)}${DOSSIER_FILE_SUFFIX}`,
    mimeType: 'application/zip',
    extension: 'zip',
    data: built.bytes,
    included: built.manifest.files.length,
    named: wanted.size,
    missing: built.missing.length,
  };
}

/** A signer with the app's own key, or null when there is none. */
async function appSigner(): Promise<VcSigner | null> {
  const key = await getSigningKey();
  if (!key) return null;
  // schema 5 keeps the public key as a JWK (`key`); earlier records the raw Ed25519 `publicKey`
  const record = key as { key?: PublicJwk; publicKey?: string };
  const publicKey: PublicJwk | undefined = record.key ?? (record.publicKey ? ed25519Jwk(record.publicKey) : undefined);
  if (!publicKey) return null;
  const ecdsa = key.privateKey.algorithm.name === 'ECDSA';
  return {
    publicKey,
    sign: async (data) => new Uint8Array(await crypto.subtle.sign(ecdsa ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' }, key.privateKey, data)),
  };
}

/** The revision as a Verifiable Credential, signed here with the key that signed the revision. */
export async function revisionCredentialFile(record: RevisionRecord): Promise<ExportFile> {
  const envelope = envelopeOf(record);
  const method = getDefinition(envelope.content.method.id, envelope.content.method.version);
  if (!method) throw new ExportRefused('exports.error.unknownMethod');
  const signer = await appSigner();
  if (!signer) throw new ExportRefused('exports.error.noKey');
  const key = assessorKeyOf(envelope.content);
  const same = key.kty === signer.publicKey.kty && key.x === signer.publicKey.x && (key.kty !== 'EC' || (signer.publicKey.kty === 'EC' && key.y === signer.publicKey.y));
  if (!same) throw new ExportRefused('exports.error.notYourKey');
  const credential = await revisionCredential({ content: envelope.content, referenceCode: envelope.referenceCode, contentHash: envelope.contentHash, definition: method.definition }, key, signer);
  return { suggestedName: `${baseName(record)}${VC_FILE_SUFFIX}`, mimeType: 'application/json', extension: 'json', data: new TextEncoder().encode(credentialJsonText(credential)) };
}

/**
 * A new revision started from an issued one keeps the evidence the issued one names: for every
 * signed evidence reference whose file this app holds (by SHA-256), the new scan gets its own
 * record of that file. Returns how many references had no file here (they are not carried on).
 */
export async function carryEvidence(record: RevisionRecord, scanId: string): Promise<{ carried: number; notHeld: number }> {
  const envelope = envelopeOf(record);
  const wanted = new Set(evidenceReferences(envelope.content).map((r) => r.sha256));
  const held = new Map<string, EvidenceRecord>();
  await eachStoredEvidence((e) => {
    if (wanted.has(e.sha256) && !held.has(e.sha256) && e.blob instanceof Blob) held.set(e.sha256, e);
  });
  let carried = 0;
  let notHeld = 0;
  for (const [questionId, answer] of Object.entries(envelope.content.scan.answers)) {
    for (const ref of answer.evidence ?? []) {
      const file = held.get(ref.sha256);
      if (!file) {
        notHeld++;
        continue;
      }
      await addEvidenceRecord({ id: newId(), scanId, questionId, name: ref.name, type: ref.type, size: ref.size, sha256: ref.sha256, addedAt: ref.addedAt, blob: file.blob, thumbnail: file.thumbnail });
      carried++;
    }
  }
  return { carried, notHeld };
}
