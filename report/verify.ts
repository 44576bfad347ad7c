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
 */
import type { LocalizedText, QuickScanDefinition } from '../forms/schema';
import { getDefinition, type DefinitionRegistry } from '../forms/registry';
import { canonicalJson, sha256Hex } from '../forms/hash';
import { parseEnvelope, type IssuedEnvelope, type IssuedError } from '../scoring/issued';
import { referenceCodeFromHash } from '../scoring/reference-code';
import { parseScanFile } from '../scoring/scan-file';
import { scoreScan, type ScanInput } from '../scoring/score';
import { keyFingerprint, verifySignature } from '../scoring/signature';
import { extractEnvelopeFromPdf, looksLikePdf } from './extract';
import { formatScore } from './format';
import { buildReportPdf, LAYOUTS } from './pdf';
import { verifyMessages as M, type Message } from './strings';

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

export interface VerifyResult {
  status: VerifyStatus;
  /** What kind of file it was. */
  kind: 'pdf' | 'envelope' | 'scan' | 'unknown';
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
  /** The envelope as read (for showing details), when it could be parsed. */
  envelope?: IssuedEnvelope;
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

async function verifyEnvelope(json: unknown, pdfBytes: Uint8Array | undefined, options: VerifyOptions): Promise<VerifyResult> {
  const kind = pdfBytes ? 'pdf' : 'envelope';
  const parsed = parseEnvelope(json);
  if (!parsed.ok) {
    const invalid = M.envelopeInvalid(describeErrors(parsed.errors));
    // A changed envelope often no longer fits the schema; when its content visibly no longer
    // matches the stated hash, say so: it was altered, not merely unreadable.
    if (statedHashMismatch(json)) {
      return { status: 'altered', kind, alteredParts: ['data'], checks: { ...emptyChecks(), dataIntact: false }, messages: [M.hashMismatch, invalid] };
    }
    return unreadable(kind, invalid);
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
    return unreadable(kind, M.envelopeInvalid(errorText(error)));
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
        return result;
      }
    } else {
      result.score = recomputed.score;
      messages.push(scoreMessage(recomputed.score));
    }
  }

  // 5. pages: only when the data holds (pages made from altered data prove nothing more)
  if (pdfBytes && definition && checks.dataIntact && checks.signatureValid) {
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
  } else if (!pdfBytes && checks.dataIntact && checks.signatureValid) {
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
  return result;
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

/**
 * Verifies a file: a QuickScan PDF, an envelope (`.quickscan-issued.json`) or a scan file
 * (`.quickscan.json`). The kind is recognised from the content; `name` is only a hint.
 * Never throws: an unexpected failure comes back as `unreadable` with a message.
 */
export async function verifyFile(bytes: Uint8Array, name: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  try {
    if (!(bytes instanceof Uint8Array)) return unreadable('unknown', M.notRecognised);
    if (bytes.length === 0) return unreadable('unknown', M.emptyFile);
    if (bytes.length > MAX_FILE_BYTES) return unreadable('unknown', M.tooLarge(String(MAX_FILE_BYTES / 1024 / 1024)));

    if (looksLikePdf(bytes)) {
      const extracted = await extractEnvelopeFromPdf(bytes);
      if (!extracted.ok) {
        const message =
          extracted.code === 'no-attachment'
            ? M.noAttachment
            : extracted.code === 'attachment-unreadable'
              ? M.attachmentUnreadable(extracted.detail)
              : extracted.code === 'too-large'
                ? M.tooLarge(String(MAX_FILE_BYTES / 1024 / 1024))
                : M.pdfUnreadable(extracted.detail);
        return unreadable('pdf', message);
      }
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
