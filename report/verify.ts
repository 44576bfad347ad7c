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
 * A re-validation PDF (report/revalidation.ts, kind `revalidation`) carries two envelopes: each
 * is verified as an issued revision's data is (steps 2-4 and 6), then the re-validation PDF is
 * rebuilt from them and compared byte for byte (step 5). The status is the most serious finding
 * over both revisions and the pages.
 */
import type { LocalizedText, QuickScanDefinition } from '../forms/schema';
import { getDefinition, type DefinitionRegistry } from '../forms/registry';
import { canonicalJson, sha256Hex } from '../forms/hash';
import { checkCompliance, complianceGapText, type ComplianceGap, type MustHaveStatus } from '../scoring/compliance';
import { parseEnvelope, type IssuedEnvelope, type IssuedError } from '../scoring/issued';
import { profileAppliesToMethod, profileIssues, verifyProfileEnvelope, type ProfileEnvelope } from '../scoring/profile';
import { referenceCodeFromHash } from '../scoring/reference-code';
import { parseScanFile } from '../scoring/scan-file';
import { scoreScan, type ScanInput } from '../scoring/score';
import { keyFingerprint, verifySignature } from '../scoring/signature';
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
} from './revalidation';
import { PHASE_NAMES, verifyMessages as M, type Message } from './strings';

export type VerifyStatus = 'valid' | 'altered' | 'unknown-method' | 'bad-signature' | 'untrusted-signature' | 'unsigned' | 'unreadable';

export interface TrustedKey {
  /** base64url raw Ed25519 public key. */
  publicKey: string;
  label: string;
}

export interface VerifyOptions {
  trustedKeys?: readonly TrustedKey[] | undefined;
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
  /** Its Ed25519 signature fits its content and `content.signer.publicKey`. */
  signatureValid: boolean;
  /** The profile code (`QS-XXXX-XXXX-XXXX`) and SHA-256, from the recomputed hash. */
  referenceCode: string;
  contentHash: string;
  /** The signer's key fingerprint: compare it with the one the contracting authority publishes. */
  fingerprint: string;
  tender: { name: string; reference: string };
  contractingAuthority: string;
  created: string;
  signer: { name: string; role: string; publicKey: string };
  /** The profile names the revision's method (id, version, SHA-256). */
  appliesToMethod: boolean;
  /** Labels, themes, questions or levels the profile names that the method lacks. */
  issues: { path: string; message: string }[];
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
  assessor?: { name: string; organisation: string; role: string; assessmentType: 'self' | 'independent'; publicKey: string; fingerprint: string };
  method?: { id: string; version: string; sha256: string; title?: LocalizedText };
  /** Recomputed from the data with the released definition (never read from the pages). */
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
  envelope?: IssuedEnvelope;
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

function unreadable(kind: VerifyResult['kind'], message: Message): VerifyResult {
  return { status: 'unreadable', kind, checks: emptyChecks(), messages: [message] };
}

function describeErrors(errors: readonly IssuedError[]): string {
  const shown = errors.slice(0, 3).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  return shown.join('; ') + (errors.length > 3 ? ` (+${errors.length - 3})` : '');
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function decodeJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
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
    return { problem: M.scoreFailed(errorText(error)) };
  }
}

function scoreMessage(score: VerifiedScore): Message {
  const total = (loc: 'nl' | 'en') => (score.total === null ? '–' : formatScore(score.total, loc));
  const nl = M.scoreRecomputed(total('nl'), score.label?.name.nl ?? 'geen').nl;
  const en = M.scoreRecomputed(total('en'), score.label?.name.en ?? 'none').en;
  return { nl, en };
}

/** True when the JSON states a content hash and its `content` hashes to something else. */
function statedHashMismatch(json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false;
  const { content, contentHash } = json as { content?: unknown; contentHash?: unknown };
  if (typeof contentHash !== 'string' || !/^[0-9a-f]{64}$/.test(contentHash) || typeof content !== 'object' || content === null) return false;
  try {
    return sha256Hex(canonicalJson(content)) !== contentHash;
  } catch {
    return true;
  }
}

function checkProfile(
  result: VerifyResult,
  profile: ProfileEnvelope,
  method: { id: string; version: string; sha256: string },
  definition: QuickScanDefinition | undefined,
  input: ScanInput,
): void {
  const v = verifyProfileEnvelope(profile);
  const p = profile.content;
  const applies = profileAppliesToMethod(p, method);
  const issues = applies && definition ? profileIssues(definition, p) : [];
  result.profile = {
    ok: v.ok,
    dataIntact: v.dataIntact,
    signatureValid: v.signatureValid,
    referenceCode: v.referenceCode,
    contentHash: v.contentHash,
    fingerprint: v.fingerprint,
    tender: { ...p.tender },
    contractingAuthority: p.contractingAuthority,
    created: p.created,
    signer: { ...p.signer },
    appliesToMethod: applies,
    issues,
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
    result.messages.push(M.profileMismatch(describeErrors(issues)));
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
      const names = (loc: 'nl' | 'en') => ({
        label: (id: string) => definition.labels.find((l) => l.id === id)?.name[loc] ?? id,
        theme: (id: string) => `${id} ${definition.themes.find((t) => t.id === id)?.title[loc] ?? ''}`.trim(),
      });
      const gaps = (loc: 'nl' | 'en') => r.missing.map((g) => complianceGapText(g, loc, names(loc))).join('; ');
      result.messages.push(M.complianceNotMet(gaps('nl'), gaps('en')));
    }
  } catch (error) {
    result.messages.push(M.profileMismatch(errorText(error)));
  }
}

type EnvelopeMode = 'pdf' | 'envelope' | 'embedded';

async function verifyEnvelope(json: unknown, pdfBytes: Uint8Array | undefined, options: VerifyOptions): Promise<VerifyResult> {
  return (await verifyEnvelopeData(json, pdfBytes ? 'pdf' : 'envelope', pdfBytes, options)).result;
}

/**
 * Steps 2-6 for one envelope. `embedded`: an envelope inside a re-validation PDF (no pages of
 * its own; the caller checks the pages). Returns the definition the scores were recomputed with.
 */
async function verifyEnvelopeData(
  json: unknown,
  mode: EnvelopeMode,
  pdfBytes: Uint8Array | undefined,
  options: VerifyOptions,
): Promise<{ result: VerifyResult; definition?: QuickScanDefinition }> {
  const kind = mode === 'pdf' ? 'pdf' : 'envelope';
  const parsed = parseEnvelope(json);
  if (!parsed.ok) {
    const invalid = M.envelopeInvalid(describeErrors(parsed.errors));
    // A changed envelope often no longer fits the schema; when its content visibly no longer
    // matches the stated hash, say so: it was altered, not merely unreadable.
    if (statedHashMismatch(json)) {
      return { result: { status: 'altered', kind, alteredParts: ['data'], checks: { ...emptyChecks(), dataIntact: false }, messages: [M.hashMismatch, invalid] } };
    }
    return { result: unreadable(kind, invalid) };
  }
  const env = parsed.envelope;
  const c = env.content;
  const raw = (json as { content: unknown }).content;
  const checks = emptyChecks();
  const messages: Message[] = [];
  const result: VerifyResult = {
    status: 'valid',
    kind,
    referenceCode: env.referenceCode,
    contentHash: env.contentHash,
    projectName: c.project.name,
    phase: c.phase,
    issuedAt: c.issuedAt,
    assessor: { ...c.assessor, fingerprint: keyFingerprint(c.assessor.publicKey) },
    method: { ...c.method },
    checks,
    messages,
    envelope: env,
  };

  // 2. data: hash over the content exactly as it is in the file
  let canonical: string;
  try {
    canonical = canonicalJson(raw);
  } catch (error) {
    return { result: unreadable(kind, M.envelopeInvalid(errorText(error))) };
  }
  const hash = sha256Hex(canonical);
  const hashOk = hash === env.contentHash;
  const codeOk = referenceCodeFromHash(env.contentHash) === env.referenceCode;
  checks.dataIntact = hashOk && codeOk;
  if (!hashOk) messages.push(M.hashMismatch);
  if (!codeOk) messages.push(M.codeMismatch);

  // 3. signature, over the canonical bytes of the content in the file
  checks.signatureValid = verifySignature(canonical, env.signature, c.assessor.publicKey);
  if (checks.signatureValid) messages.push(M.signatureValid(result.assessor!.fingerprint));
  else messages.push(M.badSignature);
  if (checks.dataIntact) messages.unshift(M.dataIntact);

  // 4. method and score
  const registry = options.registry ?? { getDefinition };
  const loaded = loadMethod(registry, c.method);
  let definition: QuickScanDefinition | undefined;
  if ('problem' in loaded) {
    checks.methodKnown = false;
    messages.push(loaded.problem);
  } else {
    checks.methodKnown = true;
    definition = loaded.definition;
    result.method!.title = definition.title;
    const recomputed = recompute(definition, { project: c.project, answers: c.scan.answers, costOverrides: c.scan.costOverrides });
    if ('problem' in recomputed) {
      messages.push(recomputed.problem);
      definition = undefined;
      if (checks.dataIntact && checks.signatureValid) {
        result.status = 'unreadable';
        return { result };
      }
    } else {
      result.score = recomputed.score;
      messages.push(scoreMessage(recomputed.score));
    }
  }

  // the tender requirement profile the revision was issued against, if any
  if (c.profile !== undefined) {
    checkProfile(result, c.profile, c.method, definition, { project: c.project, answers: c.scan.answers, costOverrides: c.scan.costOverrides });
  }

  // 5. pages: only when the data holds (pages made from altered data prove nothing more)
  if (mode === 'pdf' && pdfBytes && definition && checks.dataIntact && checks.signatureValid) {
    if (!LAYOUTS[env.report.layout]) {
      checks.pagesMatch = false;
      messages.push(M.unknownLayout(env.report.layout));
    } else {
      try {
        const rebuilt = await buildReportPdf(env, definition);
        checks.pagesMatch = bytesEqual(rebuilt, pdfBytes);
        messages.push(checks.pagesMatch ? M.pagesMatch : M.pagesDiffer);
      } catch (error) {
        checks.pagesMatch = false;
        messages.push(M.pagesRebuildFailed(errorText(error)));
      }
    }
  } else if (mode === 'envelope' && checks.dataIntact && checks.signatureValid) {
    messages.push(M.envelopeFileNoPages);
  }

  // 6. trust
  if (options.trustedKeys) {
    const trusted = options.trustedKeys.find((k) => k.publicKey === c.assessor.publicKey);
    checks.keyTrusted = trusted !== undefined;
    if (trusted) {
      result.trustedKeyLabel = trusted.label;
      if (checks.signatureValid) messages.push(M.trusted(trusted.label));
    } else if (checks.signatureValid) {
      messages.push(M.untrusted(result.assessor!.fingerprint));
    }
  }

  // the status: the most serious finding
  if (!checks.dataIntact) {
    result.status = 'altered';
    result.alteredParts = ['data'];
  } else if (!checks.signatureValid) {
    result.status = 'bad-signature';
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
  return definition ? { result, definition } : { result };
}

function verifyScan(json: unknown, options: VerifyOptions): VerifyResult {
  const parsed = parseScanFile(json);
  if (!parsed.ok) return unreadable('scan', M.scanInvalid(describeErrors(parsed.errors)));
  const f = parsed.file;
  const result: VerifyResult = {
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
  const read = (name: string): { ok: true; value: unknown } | { ok: false; message: Message } => {
    const extracted = get(name);
    if (!extracted.ok) return { ok: false, message: extracted.code === 'no-attachment' ? M.revalidationMissing(name) : extractProblem(extracted) };
    const json = decodeJson(extracted.bytes);
    return json.ok ? json : { ok: false, message: M.attachmentUnreadable(`${name}: not valid JSON`) };
  };
  const descriptorJson = read(REVALIDATION_DESCRIPTOR_ATTACHMENT);
  if (!descriptorJson.ok) return unreadable(kind, descriptorJson.message);
  const descriptor = revalidationDescriptorSchema.safeParse(descriptorJson.value);
  if (!descriptor.success) {
    const issues = descriptor.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return unreadable(kind, M.revalidationDescriptorInvalid(describeErrors(issues)));
  }
  const earlierJson = read(REVALIDATION_EARLIER_ATTACHMENT);
  if (!earlierJson.ok) return unreadable(kind, earlierJson.message);
  const laterJson = read(REVALIDATION_LATER_ATTACHMENT);
  if (!laterJson.ok) return unreadable(kind, laterJson.message);

  const A = await verifyEnvelopeData(earlierJson.value, 'embedded', undefined, options);
  const B = await verifyEnvelopeData(laterJson.value, 'embedded', undefined, options);
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
  const sound = (r: { result: VerifyResult }) => r.result.checks.dataIntact === true && r.result.checks.signatureValid === true;
  if (ea && eb && A.definition && B.definition && sound(A) && sound(B) && A.result.status !== 'unreadable' && B.result.status !== 'unreadable') {
    const { locale, layout } = descriptor.data;
    if (!REVALIDATION_LAYOUTS[layout]) {
      pagesMatch = false;
      messages.push(M.unknownRevalidationLayout(layout));
    } else {
      try {
        const rebuilt = await buildRevalidationPdf(ea, eb, { earlier: A.definition, later: B.definition }, locale, layout);
        pagesMatch = bytesEqual(rebuilt, pdfBytes);
        messages.push(pagesMatch ? M.revalidationPagesMatch : M.revalidationPagesDiffer);
      } catch (error) {
        pagesMatch = false;
        messages.push(M.pagesRebuildFailed(errorText(error)));
      }
    }
  }

  const later = B.result;
  const combined = combineStatus([A.result, B.result], pagesMatch);
  const result: VerifyResult = {
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
    revalidation: { earlier: A.result, later: B.result, linked, locale: descriptor.data.locale, layout: descriptor.data.layout },
  };
  // the later revision (the one that re-validates) describes the file
  for (const key of ['referenceCode', 'contentHash', 'projectName', 'phase', 'issuedAt', 'assessor', 'method', 'score', 'trustedKeyLabel'] as const) {
    if (later[key] !== undefined) Object.assign(result, { [key]: later[key] });
  }
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
    if (!(bytes instanceof Uint8Array)) return unreadable('unknown', M.notRecognised);
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
      const json = decodeJson(extracted.bytes);
      if (!json.ok) return unreadable('pdf', M.attachmentUnreadable('not valid JSON'));
      return await verifyEnvelope(json.value, bytes, options);
    }

    if (firstNonSpace(bytes) === 0x7b /* { */) {
      if (bytes.length > MAX_JSON_BYTES) return unreadable('unknown', M.tooLarge(String(MAX_JSON_BYTES / 1024 / 1024)));
      const json = decodeJson(bytes);
      const format = json.ok && typeof json.value === 'object' && json.value !== null ? (json.value as { format?: unknown }).format : undefined;
      if (format === 'quickscan-issued-envelope') return await verifyEnvelope(json.ok ? json.value : undefined, undefined, options);
      if (format === 'quickscan-scan') return verifyScan(json.ok ? json.value : undefined, options);
      if (!json.ok && /\.(pdf)$/i.test(name)) return unreadable('pdf', M.pdfUnreadable('no PDF header'));
      return unreadable('unknown', M.notRecognised);
    }
    if (/\.pdf$/i.test(name)) return unreadable('pdf', M.pdfUnreadable('no PDF header'));
    return unreadable('unknown', M.notRecognised);
  } catch (error) {
    return unreadable('unknown', M.internalError(errorText(error)));
  }
}
