/**
 * Verification of an issued revision, offline: a PDF (with its attached envelope), an envelope
 * file (`.quickscan-issued.json`), or a plain scan file (`.quickscan.json`, only recomputed).
 *
 * Checks, in order (docs/verifying.md):
 * 1. read: find and parse the envelope (else `unreadable`);
 * 2. data: recompute the content hash of the signed content and compare it with the stated hash
 *    and the reference code (else `altered`, part `data`);
 * 3. signature: Ed25519 with the public key named in the content (else `bad-signature`);
 * 4. method: the definition id + version must be a release this build knows, with the same
 *    SHA-256 (else `unknown-method`: the data may be fine, but the score cannot be recomputed);
 *    then the scores are recomputed with scoring's `scoreScan`;
 * 5. pages (PDF only): rebuild the PDF with the builder of the envelope's layout and compare
 *    bytes (else `altered`, part `pages`);
 * 6. trust: with a list of trusted keys, a key not on it gives `untrusted-signature` (the data
 *    is still said to be intact).
 * Steps 2-4 are all computed whatever the outcome, so the messages say everything that is known;
 * the status is the most serious finding. Never throws.
 *
 * A revision issued against a tender requirement profile (`content.profile`) also gets the
 * profile's own hash and signature checked and its compliance recomputed (`profile`,
 * `compliance`); these are reported, they do not change the status (the revision's signature
 * covers the profile as embedded).
 *
 * A re-validation PDF (report/revalidation.ts, kind `revalidation`) carries two envelopes (format
 * 1 or 2) and a descriptor: each envelope is verified as an issued revision's data is (steps 2-4
 * and 6, with the caller's anchors), then the re-validation PDF is rebuilt from them and the
 * descriptor and compared byte for byte (step 5). The verdict the pages print is the maker's at
 * the time; the one returned here is the caller's own. The status is the most serious finding
 * over both revisions and the pages.
 */
import type { PDFDocument } from '@cantoo/pdf-lib';
import type { LocalizedText, QuickScanDefinition } from '../forms/schema';
import { getDefinition, type DefinitionRegistry } from '../forms/registry';
import { checkCompliance, type ComplianceGap, type MustHaveStatus } from '../scoring/compliance';
import { complianceGapText } from './compliance-text';
import { checkIssuedEnvelope } from '../scoring/envelope-check';
import { assessRevisionSigner } from '../scoring/revision-verdict';
import { resolveMethod } from '../scoring/method-file';
import { assessorKeyOf, reportSettingsOf, type AnyIssuedEnvelope, type IssuedEnvelope, type IssuedError } from '../scoring/issued';
import { ed25519Jwk, keyFingerprint, type PublicJwk } from '../scoring/keys';
import { ProfileMismatchError, profileAppliesToMethod, profileIssues, verifyProfileEnvelope, type ProfileEnvelope, type ProfileIssue } from '../scoring/profile';
import { ScanInputError } from '../scoring/errors';
import { parseJsonWith, type FieldError } from '../scoring/parse-json';
import { parseScanFile } from '../scoring/scan-file';
import { scoreScan, type ScanInput } from '../scoring/score';
import { assessSigner, type TrustAnchors } from '../scoring/trust';
import { decideVerdict, type AnchorRef, type Finding, type Verdict, type VerdictReason } from '../scoring/verdict';
import { looksLikePdf, openPdfAttachments, type ExtractResult } from './extract';
import { formatEuroCents, formatScore } from './format';
import { buildReportPdf, ENVELOPE_ATTACHMENT_NAME, LAYOUTS } from './pdf';
import {
  buildRevalidationPdf,
  REVALIDATION_DESCRIPTOR_ATTACHMENT,
  REVALIDATION_EARLIER_ATTACHMENT,
  REVALIDATION_LATER_ATTACHMENT,
  REVALIDATION_LAYOUTS,
  revalidationDescriptorSchema,
  revalidationOptionsOf,
} from './revalidation';
import { PHASE_NAMES, verifyMessages as M, type Message } from './strings';
import { findingText } from './verdict-strings';
import { jsonOfBytes } from '../scoring/json-bytes';
import { fieldErrorsText, fieldErrorText, profileIssuesText, scanInputErrorText, type InputLocale } from './input-strings';

/**
 * The older, finer status (kept for the screens that still read it). What to SHOW is `verdict`
 * (scoring/verdict.ts): `status: 'valid'` only means intact and validly signed, not trusted.
 */
export type VerifyStatus = 'valid' | 'altered' | 'unknown-method' | 'bad-signature' | 'untrusted-signature' | 'unsigned' | 'unreadable';

/** A trusted raw Ed25519 key (format 1), as in the older trusted-keys lists; becomes an own-list anchor. */
export interface TrustedKey {
  /** base64url raw Ed25519 public key. */
  publicKey: string;
  label: string;
}

export interface VerifyOptions {
  /** The trust anchors the user chose (own keys and verified trust lists). */
  anchors?: TrustAnchors | undefined;
  /** Older form of own-list anchors (raw Ed25519 keys); added to `anchors.keys`. */
  trustedKeys?: readonly TrustedKey[] | undefined;
  /** The moment trust lists are judged at (expiry); now by default. */
  now?: Date | string | undefined;
  /** Only signers on this trust list count (a tender profile that names the list its bids must be signed under). */
  requiredTrustListId?: string | undefined;
  /** The registry of released definitions; the app's own by default (tests pass their own). */
  registry?: Pick<DefinitionRegistry, 'getDefinition'> | undefined;
}

export interface VerifiedScore {
  themes: { id: string; title: LocalizedText; display: number | null }[];
  /** Total on 0-100, truncated to one decimal; null when no theme has a score. */
  total: number | null;
  label: { id: string; name: LocalizedText } | null;
}

/** The tender requirement profile embedded in a revision (`content.profile`), checked. */
export interface VerifiedProfile {
  /** Data intact and signature valid. */
  ok: boolean;
  /** The profile's content hashes to its stated `contentHash`. */
  dataIntact: boolean;
  /** Its signature fits its content and its signer's key (format 1: Ed25519, bare; format 2: purpose `profile`). */
  signatureValid: boolean;
  /** The profile's format (1: raw Ed25519 key, short code; 2: JWK, purpose-bound signature, long code). */
  formatVersion: 1 | 2;
  /** The profile code (format 1 `QS-XXXX-XXXX-XXXX`, format 2 the long form) and SHA-256, from the recomputed hash. */
  referenceCode: string;
  contentHash: string;
  /** The signer's key fingerprint: compare it with the one the contracting authority publishes. */
  fingerprint: string;
  tender: { name: string; reference: string };
  contractingAuthority: string;
  created: string;
  /** `key`: the signer's key as JWK (both formats); `publicKey`: the raw Ed25519 key a format-1 profile names. */
  signer: { name: string; role: string; key: PublicJwk; publicKey?: string };
  /** The profile names the revision's method (id, version, SHA-256). */
  appliesToMethod: boolean;
  /** Labels, themes, questions or levels the profile names that the method lacks (codes; words: report/input-strings.ts). */
  issues: ProfileIssue[];
  /**
   * The signer is vouched for as a contracting authority by one of the user's anchors. Only then
   * may the profile be read as the authority's; else `contractingAuthority` is just what the
   * bidder's file says.
   */
  authorityTrusted: boolean;
  /** The anchor that vouched for the authority. */
  authorityAnchor?: AnchorRef;
}

/** Compliance of a revision with its embedded profile, recomputed from the data (scoring/compliance.ts). */
export interface VerifiedCompliance {
  compliant: boolean;
  label: { required: string | null; reached: string | null; met: boolean };
  /** The profile's theme minimums; `has` is the shown score (null: the theme has no score). */
  themes: { theme: string; required: number; has: number | null; met: boolean }[];
  mustHaves: { question: string; requiredLevel: string; currentLevel: string | null; status: MustHaveStatus; met: boolean }[];
  missing: ComplianceGap[];
  /** Only for a compliant revision and a profile with a value per point. */
  fictitiousDiscountCents: number | null;
}

/** The two revisions of a re-validation PDF, each verified as an issued revision's data is. */
export interface VerifiedRevalidation {
  earlier: VerifyResult;
  later: VerifyResult;
  /** The later revision lists the earlier one (same content hash) in its history. */
  linked: boolean;
  /** Language and re-validation layout of the pages (from the attached descriptor). */
  locale: 'nl' | 'en';
  layout: number;
}

export interface VerifyResult {
  /** THE verdict (scoring/verdict.ts `decideVerdict` over `findings`): show this. */
  verdict: Verdict;
  /** The finding codes that decided the verdict (see scoring/verdict.ts). */
  reasons: VerdictReason[];
  /** Everything established: data, pages, signature, signer (with the anchor that vouched), method, score, profile. */
  findings: Finding[];
  /** The signer as assessed against the anchors (when the signature is valid). */
  signer?: { fingerprint: string; code: Finding['code']; anchor?: AnchorRef; entryName?: string };
  /** Issued revision format: 1 (short reference code) or 2. */
  formatVersion?: 1 | 2;
  /** `short`: a format-1 code of 55 bits (label it "short form"); `long`: format 2. */
  referenceCodeForm?: 'short' | 'long';
  status: VerifyStatus;
  /**
   * What kind of file it was. `revalidation`: a re-validation PDF; the fields below then describe
   * the later revision (the one that re-validates), `revalidation` holds both.
   */
  kind: 'pdf' | 'envelope' | 'scan' | 'unknown' | 'revalidation';
  /** With `altered`: which parts were changed. */
  alteredParts?: ('data' | 'pages')[];
  referenceCode?: string;
  contentHash?: string;
  projectName?: string;
  phase?: string;
  issuedAt?: string;
  /** `publicKey`: the raw Ed25519 key of format 1 (empty for format 2); `key`: the JWK (both formats). */
  assessor?: { name: string; organisation: string; role: string; assessmentType: 'self' | 'independent'; publicKey: string; key: PublicJwk; fingerprint: string };
  method?: { id: string; version: string; sha256: string; title?: LocalizedText };
  /**
   * Recomputed from the data with the released definition (never read from the pages). Absent
   * when the verdict is `failed`: figures from altered data are never the document's score.
   */
  score?: VerifiedScore;
  /** Each check: true passed, false failed, null not done (not applicable or not possible). */
  checks: {
    dataIntact: boolean | null;
    signatureValid: boolean | null;
    methodKnown: boolean | null;
    pagesMatch: boolean | null;
    keyTrusted: boolean | null;
  };
  /** The trusted key's label when the key is on the list. */
  trustedKeyLabel?: string;
  /** What was found, in Dutch and English, most important first. */
  messages: Message[];
  /** The envelope as read (for showing details), when it could be parsed. Not set for a re-validation. */
  envelope?: AnyIssuedEnvelope;
  /** The tender requirement profile embedded in the revision, checked (only when it has one). */
  profile?: VerifiedProfile;
  /**
   * Compliance with the embedded profile, recomputed from the data: only when the revision has a
   * profile that applies to its method and the method is known.
   */
  compliance?: VerifiedCompliance;
  /** With kind `revalidation`: both revisions and how they relate. */
  revalidation?: VerifiedRevalidation;
}

/** Largest JSON file read. */
const MAX_JSON_BYTES = 10 * 1024 * 1024;
const MAX_FILE_BYTES = 50 * 1024 * 1024;

function emptyChecks(): VerifyResult['checks'] {
  return { dataIntact: null, signatureValid: null, methodKnown: null, pagesMatch: null, keyTrusted: null };
}

function unreadable(kind: VerifyResult['kind'], message: Message, code: Finding['code'] = 'file-unreadable', detail?: string): VerifyResult {
  const findings: Finding[] = [{ code, ...(detail !== undefined ? { detail } : {}) }];
  return { ...decideVerdict(findings), findings, status: 'unreadable', kind, checks: emptyChecks(), messages: [message] };
}

/** A message whose detail is worded per locale: the Dutch message with the Dutch detail, the English with the English. */
function worded(make: (detail: string) => Message, detail: (locale: InputLocale) => string): Message {
  return { nl: make(detail('nl')).nl, en: make(detail('en')).en };
}

function describeErrors(errors: readonly FieldError[]): (locale: InputLocale) => string {
  return (locale) => fieldErrorsText(errors, locale);
}

/** An error thrown while recomputing, in words: input problems by their codes, anything else as its own (technical) text. */
function errorText(error: unknown): (locale: InputLocale) => string {
  if (error instanceof ScanInputError) return (locale) => scanInputErrorText(error, locale);
  if (error instanceof ProfileMismatchError) return (locale) => profileIssuesText(error.issues, locale);
  const text = error instanceof Error ? error.message : String(error);
  const short = text.length > 200 ? `${text.slice(0, 197)}...` : text;
  return () => short;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}


function firstNonSpace(bytes: Uint8Array): number | undefined {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  for (; i < Math.min(bytes.length, 4096); i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return undefined;
}

type Loaded = { definition: QuickScanDefinition } | { problem: Message };

function loadMethod(registry: Pick<DefinitionRegistry, 'getDefinition'>, method: { id: string; version: string; sha256: string }): Loaded {
  let loaded;
  try {
    loaded = registry.getDefinition(method.id, method.version);
  } catch {
    loaded = undefined;
  }
  if (!loaded) return { problem: M.unknownMethod(method.id, method.version) };
  if (loaded.sha256 !== method.sha256) return { problem: M.methodHashMismatch(method.id, method.version) };
  return { definition: loaded.definition };
}

function recompute(definition: QuickScanDefinition, input: ScanInput): { score: VerifiedScore } | { problem: Message } {
  try {
    const s = scoreScan(definition, input);
    const label = s.label.reached === null ? null : definition.labels.find((l) => l.id === s.label.reached);
    return {
      score: {
        themes: s.themes.map((t) => ({ id: t.id, title: definition.themes.find((d) => d.id === t.id)?.title ?? { nl: t.id, en: t.id }, display: t.display })),
        total: s.total?.display ?? null,
        label: label ? { id: label.id, name: label.name } : null,
      },
    };
  } catch (error) {
    return { problem: worded(M.scoreFailed, errorText(error)) };
  }
}

function scoreMessage(score: VerifiedScore): Message {
  const total = (loc: 'nl' | 'en') => (score.total === null ? '–' : formatScore(score.total, loc));
  const nl = M.scoreRecomputed(total('nl'), score.label?.name.nl ?? 'geen').nl;
  const en = M.scoreRecomputed(total('en'), score.label?.name.en ?? 'none').en;
  return { nl, en };
}

function checkProfile(
  result: VerifyResult,
  profile: ProfileEnvelope,
  method: { id: string; version: string; sha256: string },
  definition: QuickScanDefinition | undefined,
  input: ScanInput,
  trust: { anchors: TrustAnchors; now: Date | string },
): void {
  const v = verifyProfileEnvelope(profile);
  const p = profile.content;
  const applies = profileAppliesToMethod(p, method);
  const issues = applies && definition ? profileIssues(definition, p) : [];
  // the profile's signer is judged against the same anchors, as a contracting authority
  let authorityTrusted = false;
  let authorityAnchor: AnchorRef | undefined;
  if (!v.dataIntact) result.findings.push({ code: 'profile-altered' });
  else if (!v.signatureValid) result.findings.push({ code: 'profile-signature-invalid' });
  else {
    const a = assessSigner(v.key, { at: `${p.created}T23:59:59Z`, name: p.signer.name, role: 'authority' }, trust.anchors, trust.now);
    authorityTrusted = a.finding.code === 'signer-trusted';
    if (authorityTrusted && a.anchor) authorityAnchor = a.anchor;
    result.findings.push(
      authorityTrusted
        ? { code: 'profile-trusted', fingerprint: a.fingerprint, ...(a.anchor ? { anchor: a.anchor } : {}) }
        : { code: 'profile-signer-unknown', fingerprint: a.fingerprint, detail: a.finding.code },
    );
  }
  if (!applies) result.findings.push({ code: 'profile-other-method' });
  result.profile = {
    ok: v.ok,
    dataIntact: v.dataIntact,
    signatureValid: v.signatureValid,
    formatVersion: v.formatVersion,
    referenceCode: v.referenceCode,
    contentHash: v.contentHash,
    fingerprint: v.fingerprint,
    tender: { ...p.tender },
    contractingAuthority: p.contractingAuthority,
    created: p.created,
    signer: p.formatVersion === 2 ? { name: p.signer.name, role: p.signer.role, key: { ...p.signer.key } } : { ...p.signer, key: v.key },
    appliesToMethod: applies,
    issues,
    authorityTrusted,
    ...(authorityAnchor ? { authorityAnchor } : {}),
  };
  result.messages.push(M.profileEmbedded(p.tender.name, p.tender.reference, p.contractingAuthority, v.referenceCode, v.fingerprint || '–'));
  result.messages.push(v.ok ? M.profileIntact : M.profileNotIntact);
  const what = (x: { id: string; version: string; sha256: string }) => `${x.id} ${x.version} (SHA-256 ${x.sha256.slice(0, 12)}…)`;
  if (!applies) {
    result.messages.push(M.profileOtherMethod(what(p.method), what(method)));
    return;
  }
  if (!definition) return;
  if (issues.length > 0) {
    result.messages.push(worded(M.profileMismatch, (locale) => profileIssuesText(issues, locale)));
    return;
  }
  try {
    const r = checkCompliance(definition, input, p);
    result.compliance = {
      compliant: r.compliant,
      label: { ...r.label },
      themes: r.themes.map((t) => ({ theme: t.theme, required: t.required, has: t.has, met: t.met })),
      mustHaves: r.mustHaves.map((x) => ({ question: x.question, requiredLevel: x.required.id, currentLevel: x.current?.id ?? null, status: x.status, met: x.met })),
      missing: [...r.missing],
      fictitiousDiscountCents: r.fictitiousDiscountCents,
    };
    if (r.compliant) {
      const discount = (loc: 'nl' | 'en') => (r.fictitiousDiscountCents === null ? null : formatEuroCents(r.fictitiousDiscountCents, loc));
      result.messages.push({ nl: M.complianceMet(discount('nl')).nl, en: M.complianceMet(discount('en')).en });
    } else {
      const gaps = (loc: 'nl' | 'en') => r.missing.map((g) => complianceGapText(g, loc, definition)).join('; ');
      result.messages.push(M.complianceNotMet(gaps('nl'), gaps('en')));
    }
  } catch (error) {
    result.messages.push(worded(M.profileMismatch, errorText(error)));
  }
}

type EnvelopeMode = 'pdf' | 'envelope' | 'embedded';

/** The anchors of the options: `anchors` plus the older `trustedKeys` as own-list keys. */
function anchorsOf(options: VerifyOptions): TrustAnchors {
  const a = options.anchors ?? { keys: [], lists: [] };
  if (!options.trustedKeys || options.trustedKeys.length === 0) return a;
  return { ...a, keys: [...a.keys, ...options.trustedKeys.map((k) => ({ key: ed25519Jwk(k.publicKey), label: k.label }))] };
}

async function verifyEnvelope(input: Uint8Array | unknown, pdfBytes: Uint8Array | undefined, options: VerifyOptions, pdfDoc?: PDFDocument): Promise<VerifyResult> {
  return (await verifyEnvelopeData(input, pdfBytes ? 'pdf' : 'envelope', pdfBytes, options, pdfDoc)).result;
}

/** Whether `bytes` are `prefix` followed by more: an incremental update appended after issuing. */
function isAppendedTo(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length <= prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function envelopeProblemMessage(findings: readonly Finding[], errors: readonly IssuedError[] | undefined): Message[] {
  const out: Message[] = [];
  for (const f of findings) {
    if (f.code === 'data-altered') out.push(M.hashMismatch);
    else if (f.code === 'envelope-invalid') out.push(errors ? worded(M.envelopeInvalid, describeErrors(errors)) : M.envelopeInvalid(f.detail ?? ''));
    else if (f.code === 'file-unreadable') out.push(M.attachmentUnreadable(f.detail ?? 'not valid JSON'));
    else {
      const text = findingText(f);
      if (text) out.push(text);
    }
  }
  return out;
}

/**
 * Steps 2-6 for one envelope, given as its bytes (preferred: scoring/envelope-check.ts then also
 * sees duplicate member names) or as parsed JSON. `embedded`: an envelope inside a re-validation
 * PDF (no pages of its own; the caller checks the pages). Returns the definition the scores were
 * recomputed with.
 */
async function verifyEnvelopeData(
  input: Uint8Array | unknown,
  mode: EnvelopeMode,
  pdfBytes: Uint8Array | undefined,
  options: VerifyOptions,
  pdfDoc?: PDFDocument,
): Promise<{ result: VerifyResult; definition?: QuickScanDefinition }> {
  const kind = mode === 'pdf' ? 'pdf' : 'envelope';
  // 2-3. the one integrity check: strict JSON, schema, canonical form, hash, code, signature
  const check = checkIssuedEnvelope(input);
  const env = check.envelope;
  if (!env || check.canonical === undefined) {
    const findings = check.findings;
    const altered = findings.some((f) => f.code === 'data-altered');
    const result: VerifyResult = {
      ...decideVerdict(findings),
      findings,
      status: altered ? 'altered' : 'unreadable',
      kind,
      ...(altered ? { alteredParts: ['data' as const] } : {}),
      checks: { ...emptyChecks(), ...(altered ? { dataIntact: false } : {}) },
      messages: envelopeProblemMessage(findings, check.errors),
    };
    return { result };
  }
  const c = env.content;
  const key = assessorKeyOf(c);
  const fingerprint = keyFingerprint(key);
  const checks = emptyChecks();
  const messages: Message[] = [];
  const findings: Finding[] = [...check.findings];
  const result: VerifyResult = {
    verdict: 'indeterminate',
    reasons: [],
    findings,
    formatVersion: env.formatVersion,
    referenceCodeForm: env.formatVersion === 2 ? 'long' : 'short',
    status: 'valid',
    kind,
    referenceCode: env.referenceCode,
    contentHash: env.contentHash,
    projectName: c.project.name,
    phase: c.phase,
    issuedAt: c.issuedAt,
    assessor: {
      name: c.assessor.name,
      organisation: c.assessor.organisation,
      role: c.assessor.role,
      assessmentType: c.assessor.assessmentType,
      publicKey: c.formatVersion === 1 ? c.assessor.publicKey : '',
      key,
      fingerprint,
    },
    method: { ...c.method },
    checks,
    messages,
    envelope: env,
  };
  const has = (code: Finding['code']) => findings.some((f) => f.code === code);
  checks.dataIntact = has('data-intact');
  checks.signatureValid = has('signature-valid');
  if (has('data-altered')) messages.push(M.hashMismatch);
  if (has('reference-code-mismatch')) messages.push(M.codeMismatch);
  if (checks.signatureValid) messages.push(M.signatureValid(fingerprint));
  else messages.push(M.badSignature);
  if (checks.dataIntact) messages.unshift(M.dataIntact);

  // 4. method and score
  const registry = options.registry ?? { getDefinition };
  const anchors = anchorsOf(options);
  const now = options.now ?? new Date();
  let loaded = loadMethod(registry, c.method);
  // a method this verifier does not have, or one loaded from a signed file: resolveMethod checks
  // the carried method file (hash, publisher signature) and the publisher's trust (issue 12)
  const carried = env.formatVersion === 2 ? env.methodFile : undefined;
  let known: ReturnType<typeof registry.getDefinition>;
  try {
    known = registry.getDefinition(c.method.id, c.method.version);
  } catch {
    known = undefined;
  }
  const resolved = known?.loaded || (carried !== undefined && 'problem' in loaded) ? resolveMethod(c.method, known, carried, anchors, now) : undefined;
  if (resolved?.definition) loaded = { definition: resolved.definition };
  let definition: QuickScanDefinition | undefined;
  let scoreMessageIndex = -1;
  if ('problem' in loaded) {
    checks.methodKnown = false;
    messages.push(loaded.problem);
    let known = false;
    try {
      known = registry.getDefinition(c.method.id, c.method.version) !== undefined;
    } catch {
      known = false;
    }
    findings.push({ code: known ? 'method-hash-mismatch' : 'method-unknown', detail: `${c.method.id}@${c.method.version}` });
  } else {
    checks.methodKnown = true;
    findings.push(...(resolved?.findings ?? [{ code: 'method-known', detail: `${c.method.id}@${c.method.version}` }]));
    definition = loaded.definition;
    result.method!.title = definition.title;
    const recomputed = recompute(definition, { project: c.project, answers: c.scan.answers, costOverrides: c.scan.costOverrides });
    if ('problem' in recomputed) {
      messages.push(recomputed.problem);
      findings.push({ code: 'score-not-computed' });
      definition = undefined;
      if (checks.dataIntact && checks.signatureValid) result.status = 'unreadable';
    } else {
      result.score = recomputed.score;
      findings.push({ code: 'score-recomputed' });
      scoreMessageIndex = messages.length;
      messages.push(scoreMessage(recomputed.score));
    }
  }

  // the tender requirement profile the revision was issued against, if any
  if (c.profile !== undefined) {
    checkProfile(result, c.profile, c.method, definition, { project: c.project, answers: c.scan.answers, costOverrides: c.scan.costOverrides }, { anchors, now });
  }

  // 5. pages: only when the data holds (pages made from altered data prove nothing more)
  const sound = checks.dataIntact && checks.signatureValid;
  if (mode === 'pdf' && pdfBytes && sound) {
    const report = reportSettingsOf(env);
    if (env.formatVersion === 2 && report.layout === 2) {
      // signed pages (PAdES): the signature over the whole file, the signer key, the key figures
      // on the page against the data; no rebuild (report/verify-pades.ts)
      const { checkSignedPages } = await import('./verify-pades');
      const pages = await checkSignedPages(pdfBytes, env, result.score, definition, pdfDoc);
      checks.pagesMatch = pages.pagesMatch;
      findings.push(...pages.findings);
      messages.push(...pages.messages);
    } else if (!definition) {
      findings.push({ code: 'pages-not-checked' });
    } else if (!LAYOUTS[report.layout]) {
      checks.pagesMatch = false;
      findings.push({ code: 'pages-unknown-layout', detail: String(report.layout) });
      messages.push(M.unknownLayout(report.layout));
    } else {
      try {
        // a format-2 envelope is built by the layouts that know it (report/pdf.ts)
        const rebuilt = await buildReportPdf(env as IssuedEnvelope, definition);
        checks.pagesMatch = bytesEqual(rebuilt, pdfBytes);
        if (checks.pagesMatch) findings.push({ code: 'pages-match' });
        else findings.push({ code: isAppendedTo(pdfBytes, rebuilt) ? 'pages-incremental-update' : 'pages-altered' });
        messages.push(checks.pagesMatch ? M.pagesMatch : M.pagesDiffer);
      } catch (error) {
        checks.pagesMatch = false;
        findings.push({ code: 'pages-rebuild-failed', detail: errorText(error)('en') });
        messages.push(worded(M.pagesRebuildFailed, errorText(error)));
      }
    }
  } else if (mode === 'envelope' && sound) {
    findings.push({ code: 'pages-none' });
    messages.push(M.envelopeFileNoPages);
  }

  // 6. trust: who vouches for the signer (only a valid signature has a signer to judge)
  if (checks.signatureValid) {
    const a = assessRevisionSigner(c, anchors, now, options.requiredTrustListId);
    findings.push(...a.findings);
    result.signer = { fingerprint: a.fingerprint, code: a.finding.code, ...(a.anchor ? { anchor: a.anchor } : {}), ...(a.entry ? { entryName: a.entry.name } : {}) };
    // the older check: only judged when the caller gave anchors (as before with trusted keys)
    const anyAnchors = anchors.keys.length > 0 || anchors.lists.length > 0 || options.requiredTrustListId !== undefined;
    checks.keyTrusted = anyAnchors ? a.finding.code === 'signer-trusted' : null;
    if (a.anchor?.kind === 'own') result.trustedKeyLabel = a.anchor.label;
    for (const f of a.findings) {
      const text = findingText(f);
      if (text) messages.push(text);
    }
  }

  // the older status: the most serious finding
  if (!checks.dataIntact) {
    result.status = 'altered';
    result.alteredParts = ['data'];
  } else if (!checks.signatureValid) {
    result.status = 'bad-signature';
  } else if (result.status === 'unreadable') {
    // intact and signed, but the data does not score: kept as before
  } else if (!checks.methodKnown) {
    result.status = 'unknown-method';
  } else if (checks.pagesMatch === false) {
    result.status = 'altered';
    result.alteredParts = ['pages'];
  } else if (checks.keyTrusted === false) {
    result.status = 'untrusted-signature';
  } else {
    result.status = 'valid';
  }

  // THE verdict
  const decision = decideVerdict(findings);
  result.verdict = decision.verdict;
  result.reasons = decision.reasons;
  if (!sound) {
    // figures recomputed from altered (or not validly signed) data are never given as the
    // document's score; with altered pages the score recomputed from the intact signed data stays
    delete result.score;
    delete result.compliance;
    if (scoreMessageIndex >= 0) messages.splice(scoreMessageIndex, 1);
  }
  return definition ? { result, definition } : { result };
}

function verifyScan(json: unknown, options: VerifyOptions): VerifyResult {
  const parsed = parseScanFile(json);
  if (!parsed.ok) return unreadable('scan', worded(M.scanInvalid, describeErrors(parsed.errors)));
  const f = parsed.file;
  const findings: Finding[] = [{ code: 'file-unsigned' }];
  const result: VerifyResult = {
    ...decideVerdict(findings),
    findings,
    status: 'unsigned',
    kind: 'scan',
    projectName: f.project.name,
    phase: f.project.phase,
    method: { ...f.method },
    checks: emptyChecks(),
    messages: [M.scanUnsigned],
  };
  const loaded = loadMethod(options.registry ?? { getDefinition }, f.method);
  if ('problem' in loaded) {
    result.checks.methodKnown = false;
    result.messages.push(loaded.problem);
    return result;
  }
  result.checks.methodKnown = true;
  result.method!.title = loaded.definition.title;
  const recomputed = recompute(loaded.definition, { project: f.project, answers: f.scan.answers, costOverrides: f.scan.costOverrides });
  if ('problem' in recomputed) result.messages.push(recomputed.problem);
  else {
    result.score = recomputed.score;
    result.messages.push(scoreMessage(recomputed.score));
  }
  return result;
}

function extractProblem(extracted: Extract<ExtractResult, { ok: false }>): Message {
  return extracted.code === 'no-attachment'
    ? M.noAttachment
    : extracted.code === 'attachment-unreadable'
      ? M.attachmentUnreadable(extracted.detail)
      : extracted.code === 'too-large'
        ? M.tooLarge(String(MAX_FILE_BYTES / 1024 / 1024))
        : M.pdfUnreadable(extracted.detail);
}

const REVALIDATION_ATTACHMENTS = [REVALIDATION_EARLIER_ATTACHMENT, REVALIDATION_LATER_ATTACHMENT, REVALIDATION_DESCRIPTOR_ATTACHMENT] as const;

/** The statuses from most to least serious (docs/verifying.md); `altered` data before pages. */
function combineStatus(parts: readonly VerifyResult[], pagesMatch: boolean | null): Pick<VerifyResult, 'status' | 'alteredParts'> {
  const any = (f: (r: VerifyResult) => boolean) => parts.some(f);
  if (any((r) => r.status === 'unreadable')) return { status: 'unreadable' };
  if (any((r) => r.checks.dataIntact !== true)) return { status: 'altered', alteredParts: ['data'] };
  if (any((r) => r.checks.signatureValid !== true)) return { status: 'bad-signature' };
  if (any((r) => r.checks.methodKnown !== true)) return { status: 'unknown-method' };
  if (pagesMatch === false) return { status: 'altered', alteredParts: ['pages'] };
  if (any((r) => r.checks.keyTrusted === false)) return { status: 'untrusted-signature' };
  return { status: 'valid' };
}

function both(a: boolean | null, b: boolean | null): boolean | null {
  if (a === false || b === false) return false;
  if (a === null || b === null) return null;
  return true;
}

/** A re-validation PDF: both envelopes verified, then the PDF rebuilt from them and compared. */
async function verifyRevalidation(pdfBytes: Uint8Array, get: (name: string) => ExtractResult, options: VerifyOptions): Promise<VerifyResult> {
  const kind = 'revalidation';
  const read = (name: string): { ok: true; value: unknown; bytes: Uint8Array } | { ok: false; message: Message } => {
    const extracted = get(name);
    if (!extracted.ok) return { ok: false, message: extracted.code === 'no-attachment' ? M.revalidationMissing(name) : extractProblem(extracted) };
    const json = jsonOfBytes(extracted.bytes);
    return json.ok ? { ...json, bytes: extracted.bytes } : { ok: false, message: worded(M.attachmentUnreadable, (locale) => fieldErrorText({ path: name, code: 'not-json' }, locale)) };
  };
  const descriptorJson = read(REVALIDATION_DESCRIPTOR_ATTACHMENT);
  if (!descriptorJson.ok) return unreadable(kind, descriptorJson.message);
  const descriptor = parseJsonWith(revalidationDescriptorSchema, descriptorJson.value);
  if (!descriptor.ok) return unreadable(kind, worded(M.revalidationDescriptorInvalid, describeErrors(descriptor.errors)));
  const earlierJson = read(REVALIDATION_EARLIER_ATTACHMENT);
  if (!earlierJson.ok) return unreadable(kind, earlierJson.message);
  const laterJson = read(REVALIDATION_LATER_ATTACHMENT);
  if (!laterJson.ok) return unreadable(kind, laterJson.message);

  const A = await verifyEnvelopeData(earlierJson.bytes, 'embedded', undefined, options);
  const B = await verifyEnvelopeData(laterJson.bytes, 'embedded', undefined, options);
  const ea = A.result.envelope;
  const eb = B.result.envelope;
  const phase = (p: string | undefined): Message => (p && p in PHASE_NAMES ? PHASE_NAMES[p as keyof typeof PHASE_NAMES] : { nl: p ?? '?', en: p ?? '?' });
  const linked = ea !== undefined && eb !== undefined && eb.content.history.some((h) => h.contentHash === ea.contentHash);

  const messages: Message[] = [M.revalidation(A.result.referenceCode ?? '?', phase(A.result.phase), B.result.referenceCode ?? '?', phase(B.result.phase))];
  for (const m of A.result.messages) messages.push(M.revalidationSide('earlier', A.result.referenceCode ?? '', m));
  for (const m of B.result.messages) messages.push(M.revalidationSide('later', B.result.referenceCode ?? '', m));
  if (ea && eb && !linked) messages.push(M.revalidationNotLinked);

  // pages: only when both revisions' data holds and their methods are known
  let pagesMatch: boolean | null = null;
  let pagesFinding: Finding = { code: 'pages-not-checked' };
  const sound = (r: { result: VerifyResult }) => r.result.checks.dataIntact === true && r.result.checks.signatureValid === true;
  if (ea && eb && A.definition && B.definition && sound(A) && sound(B) && A.result.status !== 'unreadable' && B.result.status !== 'unreadable') {
    const { locale, layout } = descriptor.value;
    if (!REVALIDATION_LAYOUTS[layout]) {
      pagesMatch = false;
      pagesFinding = { code: 'pages-unknown-layout', detail: String(layout) };
      messages.push(M.unknownRevalidationLayout(layout));
    } else {
      try {
        const rebuilt = await buildRevalidationPdf(ea, eb, { earlier: A.definition, later: B.definition }, locale, layout, revalidationOptionsOf(descriptor.value));
        pagesMatch = bytesEqual(rebuilt, pdfBytes);
        pagesFinding = pagesMatch ? { code: 'pages-match' } : { code: isAppendedTo(pdfBytes, rebuilt) ? 'pages-incremental-update' : 'pages-altered' };
        messages.push(pagesMatch ? M.revalidationPagesMatch : M.revalidationPagesDiffer);
      } catch (error) {
        pagesMatch = false;
        pagesFinding = { code: 'pages-rebuild-failed', detail: errorText(error)('en') };
        messages.push(worded(M.pagesRebuildFailed, errorText(error)));
      }
    }
  }

  // the verdict over both revisions (each must pass on its own) and the pages
  const findings: Finding[] = [
    ...A.result.findings.map((f) => ({ ...f, side: 'earlier' as const })),
    ...B.result.findings.map((f) => ({ ...f, side: 'later' as const })),
    pagesFinding,
  ];
  if (ea && eb) findings.push({ code: linked ? 'history-linked' : 'history-not-linked' });
  const decision = decideVerdict(findings);

  const later = B.result;
  const combined = combineStatus([A.result, B.result], pagesMatch);
  const result: VerifyResult = {
    ...decision,
    findings,
    ...combined,
    kind,
    checks: {
      dataIntact: both(A.result.checks.dataIntact, B.result.checks.dataIntact),
      signatureValid: both(A.result.checks.signatureValid, B.result.checks.signatureValid),
      methodKnown: both(A.result.checks.methodKnown, B.result.checks.methodKnown),
      pagesMatch,
      keyTrusted: both(A.result.checks.keyTrusted, B.result.checks.keyTrusted),
    },
    messages,
    revalidation: { earlier: A.result, later: B.result, linked, locale: descriptor.value.locale, layout: descriptor.value.layout },
  };
  // the later revision (the one that re-validates) describes the file
  for (const key of ['referenceCode', 'contentHash', 'projectName', 'phase', 'issuedAt', 'assessor', 'method', 'score', 'trustedKeyLabel', 'signer', 'formatVersion', 'referenceCodeForm'] as const) {
    if (later[key] !== undefined) Object.assign(result, { [key]: later[key] });
  }
  // figures recomputed from altered data are never given as the document's score
  if (!later.score) delete result.score;
  return result;
}

/**
 * Verifies a file: a QuickScan PDF (an issued revision or a re-validation), an envelope
 * (`.quickscan-issued.json`) or a scan file (`.quickscan.json`). The kind is recognised from the
 * content; `name` is only a hint.
 * Never throws: an unexpected failure comes back as `unreadable` with a message.
 */
export async function verifyFile(bytes: Uint8Array, name: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  try {
    if (!(bytes instanceof Uint8Array)) return unreadable('unknown', M.notRecognised, 'file-not-recognised');
    if (bytes.length === 0) return unreadable('unknown', M.emptyFile);
    if (bytes.length > MAX_FILE_BYTES) return unreadable('unknown', M.tooLarge(String(MAX_FILE_BYTES / 1024 / 1024)));

    if (looksLikePdf(bytes)) {
      const opened = await openPdfAttachments(bytes);
      if (!opened.ok) return unreadable('pdf', extractProblem(opened));
      if (!opened.has(ENVELOPE_ATTACHMENT_NAME) && REVALIDATION_ATTACHMENTS.some((n) => opened.has(n))) {
        return await verifyRevalidation(bytes, opened.get, options);
      }
      const extracted = opened.get(ENVELOPE_ATTACHMENT_NAME);
      if (!extracted.ok) return unreadable('pdf', extractProblem(extracted));
      const json = jsonOfBytes(extracted.bytes);
      if (!json.ok) return unreadable('pdf', M.attachmentUnreadable('not valid JSON'));
      return await verifyEnvelope(extracted.bytes, bytes, options, opened.doc);
    }

    if (firstNonSpace(bytes) === 0x7b /* { */) {
      if (bytes.length > MAX_JSON_BYTES) return unreadable('unknown', M.tooLarge(String(MAX_JSON_BYTES / 1024 / 1024)));
      const json = jsonOfBytes(bytes);
      const format = json.ok && typeof json.value === 'object' && json.value !== null ? (json.value as { format?: unknown }).format : undefined;
      if (format === 'quickscan-issued-envelope') return await verifyEnvelope(bytes, undefined, options);
      if (format === 'quickscan-scan') return verifyScan(json.ok ? json.value : undefined, options);
      if (!json.ok && /\.(pdf)$/i.test(name)) return unreadable('pdf', M.pdfUnreadable('no PDF header'));
      return unreadable('unknown', M.notRecognised, 'file-not-recognised');
    }
    if (/\.pdf$/i.test(name)) return unreadable('pdf', M.pdfUnreadable('no PDF header'));
    return unreadable('unknown', M.notRecognised, 'file-not-recognised');
  } catch (error) {
    return unreadable('unknown', worded(M.internalError, errorText(error)));
  }
}
