/**
 * The one issuing step for format 2, shared by the app (renderer/issue/issue.ts, WebCrypto key)
 * and the CLI (`quickscan issue`, key file): the signed content for a scan file, its signature
 * with purpose `revision` over the canonical JSON, the envelope (hash, long reference code) and,
 * for a method the user loaded from a signed method file, that file packed into the envelope so
 * the revision carries its method (issue 12). Pure apart from the caller's `sign`.
 */
import { canonicalJson } from '../forms/hash';
import type { LoadedDefinition } from '../forms/registry';
import { buildEnvelopeV2, issuedContentV2FromScan, type IssueInputV2, type IssuedEnvelopeV2 } from './issued';
import { packMethod, type MethodFile } from './method-file';
import type { ScanFile } from './scan-file';

/** Signs canonical content text with purpose `revision` (scoring/keys.ts `signingMessage`); base64url of the raw signature. */
export type RevisionSigner = (canonicalText: string) => string | Promise<string>;

export async function signedRevisionV2(file: ScanFile, input: IssueInputV2, sign: RevisionSigner, method?: Pick<LoadedDefinition, 'loaded'>): Promise<IssuedEnvelopeV2> {
  const content = issuedContentV2FromScan(file, input);
  const envelope = buildEnvelopeV2(content, await sign(canonicalJson(content)));
  return method?.loaded ? { ...envelope, methodFile: packMethod(method.loaded.file as MethodFile) } : envelope;
}
