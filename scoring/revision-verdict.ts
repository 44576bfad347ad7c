/**
 * The verdict of one issued revision's envelope (format 1 or 2): THE integrity check
 * (scoring/envelope-check.ts `checkIssuedEnvelope`), who vouches for the signer
 * (scoring/trust.ts `assessSigner`, with the roles a revision may be signed under) and THE rule
 * (scoring/verdict.ts `decideVerdict`). Used for the revisions the app stores (project page,
 * projects list, revisions, compare) and, for the signer, by the verifier (report/verify.ts), so a
 * stored revision and the same revision verified as a file get the same verdict.
 *
 * Pure module: codes and values, no sentences.
 */
import { checkIssuedEnvelope } from './envelope-check';
import { assessorKeyOf, type AnyIssuedContent, type AnyIssuedEnvelope } from './issued';
import { assessSigner, type SignerAssessment, type SignerClaim, type TrustAnchors, type TrustRole } from './trust';
import { decideVerdict, type AnchorRef, type Finding, type Verdict, type VerdictReason } from './verdict';

/**
 * The roles that may sign a revision: an independent assessment only an independent assessor,
 * a self-assessment either role.
 */
export function revisionSignerRoles(content: Pick<AnyIssuedContent, 'assessor'>): TrustRole[] {
  return content.assessor.assessmentType === 'independent' ? ['independent-assessor'] : ['independent-assessor', 'self-assessment'];
}

/** What a revision claims about its signer: issue date, printed name, the roles that fit. */
export function revisionSignerClaim(content: Pick<AnyIssuedContent, 'assessor' | 'issuedAt'>, requiredListId?: string): SignerClaim {
  return { at: content.issuedAt, name: content.assessor.name, role: revisionSignerRoles(content), requiredListId };
}

/** Who vouches for the signer of a revision (the one rule, assessSigner, with the revision's claim). */
export function assessRevisionSigner(content: AnyIssuedContent, anchors: TrustAnchors, now: Date | string, requiredListId?: string): SignerAssessment {
  return assessSigner(assessorKeyOf(content), revisionSignerClaim(content, requiredListId), anchors, now);
}

export interface RevisionVerdict {
  verdict: Verdict;
  reasons: VerdictReason[];
  /** Integrity, signature, signer (and method, when the caller says) findings, in this order. */
  findings: Finding[];
  /** The envelope when it fits its schema. */
  envelope?: AnyIssuedEnvelope;
  /**
   * Intact and validly signed: only then may figures recomputed from its data be shown as the
   * revision's score (whoever signed it; the verdict says whether that signer is trusted).
   */
  sound: boolean;
  /** The signer's key fingerprint (when the signature is valid). */
  fingerprint?: string;
  /** The anchor that vouched for the signer, when one did. */
  anchor?: AnchorRef;
}

export interface RevisionVerdictOptions {
  /**
   * Whether this program knows the revision's method (id and version). Absent: not judged (the
   * caller shows no scores recomputed from it). `false` adds `method-unknown` (indeterminate).
   */
  methodKnown?: (id: string, version: string) => boolean;
  /** Only anchors from this trust list count. */
  requiredListId?: string;
}

/**
 * The verdict of one envelope, given as bytes, JSON text or parsed (a stored record's envelope).
 * `passed` only when intact, validly signed and vouched for by one of `anchors`. Never throws.
 */
export function revisionVerdict(envelope: unknown, anchors: TrustAnchors, now: Date | string, options: RevisionVerdictOptions = {}): RevisionVerdict {
  const check = checkIssuedEnvelope(envelope);
  const findings: Finding[] = [...check.findings];
  const env = check.envelope;
  let signer: SignerAssessment | undefined;
  if (env && findings.some((f) => f.code === 'signature-valid')) {
    signer = assessRevisionSigner(env.content, anchors, now, options.requiredListId);
    findings.push(...signer.findings);
  }
  if (env && options.methodKnown) {
    const { id, version } = env.content.method;
    let known = false;
    try {
      known = options.methodKnown(id, version);
    } catch {
      known = false;
    }
    findings.push({ code: known ? 'method-known' : 'method-unknown', detail: `${id}@${version}` });
  }
  const has = (code: Finding['code']) => findings.some((f) => f.code === code);
  return {
    ...decideVerdict(findings),
    findings,
    sound: env !== undefined && has('data-intact') && has('signature-valid'),
    ...(env ? { envelope: env } : {}),
    ...(signer?.fingerprint ? { fingerprint: signer.fingerprint } : {}),
    ...(signer?.anchor ? { anchor: signer.anchor } : {}),
  };
}
