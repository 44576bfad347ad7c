/**
 * THE integrity check of an issued revision's envelope, used by every path that reads one: the
 * verifier (report/verify.ts, so the app's Verify and Tender screens, the CLI and the standalone
 * verifier), the app's import (renderer/files/) and `quickscan issue`.
 *
 * It refuses, failing closed:
 * - JSON with a duplicate member name anywhere (`{"a":1,"a":2}`: parsers disagree on which one
 *   counts, so what one program hashes another may show) and members named `__proto__`;
 * - an envelope that does not fit its schema (format 1 or 2, strict);
 * - content whose parsed form is not canonically equal to what is in the file (so what is
 *   shown is exactly what was hashed and signed);
 * - a content hash, reference code or signature that does not fit (format 1: Ed25519 over the
 *   canonical JSON; format 2: purpose `revision`, scoring/keys.ts);
 * - with a baseline (the earlier revision the later one follows): an answer lowered without a
 *   reason ({@link downgradesWithoutReason}); when that cannot be checked (method unknown, data
 *   that does not score), it counts as failing.
 *
 * It returns finding codes (scoring/verdict.ts) and values, never sentences. Pure module.
 */
import { canonicalJson, sha256Hex } from '../forms/hash';
import { compareRevisions } from './compare';
import { verifyPurposeSignature } from './keys';
import { parseAnyEnvelope, type AnyIssuedContent, type AnyIssuedEnvelope } from './issued';
import type { FieldError } from './parse-json';
import { longReferenceCodeFromHash, referenceCodeFromHash } from './reference-code';
import { verifySignature } from './signature';
import type { ScoringDefinition } from './types';
import type { Finding, FindingCode } from './verdict';
import { utf8Text } from './json-bytes';

/** Members that are never accepted in a signed file. */
const FORBIDDEN_KEYS = new Set(['__proto__']);
const MAX_DEPTH = 200;

export type StrictJsonProblem = 'not-json' | 'duplicate-key' | 'forbidden-key' | 'too-deep';

export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; problem: StrictJsonProblem; path?: string; detail?: string };

/**
 * `JSON.parse`, refusing what JSON.parse silently accepts: a duplicate member name in any object,
 * a member named `__proto__`, nesting deeper than 200 levels. A byte-order mark is skipped.
 * `path` says where (`$.content.scan.answers["Q1"]`).
 */
export function parseStrictJson(input: string | Uint8Array): StrictJsonResult {
  const text = typeof input === 'string' ? (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input) : utf8Text(input);
  if (text === undefined) return { ok: false, problem: 'not-json', detail: 'not-utf8' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'not-json', detail: error instanceof Error ? error.message.slice(0, 200) : 'not-json' };
  }
  // the text is valid JSON: walk it once more, tracking the member names of every object
  type Frame = { keys: Set<string> | null; path: string; index: number; expectKey: boolean };
  const stack: Frame[] = [];
  let pendingKey: string | null = null;
  const childPath = (frame: Frame | undefined): string => {
    if (!frame) return '$';
    return frame.keys ? `${frame.path}[${JSON.stringify(pendingKey)}]` : `${frame.path}[${frame.index}]`;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const top = stack[stack.length - 1];
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (FORBIDDEN_KEYS.has(key)) return { ok: false, problem: 'forbidden-key', path: `${top.path}[${JSON.stringify(key)}]` };
        if (top.keys.has(key)) return { ok: false, problem: 'duplicate-key', path: `${top.path}[${JSON.stringify(key)}]` };
        top.keys.add(key);
        pendingKey = key;
        top.expectKey = false;
      }
      i = j;
    } else if (ch === '{' || ch === '[') {
      if (stack.length >= MAX_DEPTH) return { ok: false, problem: 'too-deep', path: childPath(top) };
      stack.push({ keys: ch === '{' ? new Set() : null, path: childPath(top), index: 0, expectKey: ch === '{' });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',' && top) {
      if (top.keys) top.expectKey = true;
      else top.index++;
    }
  }
  return { ok: true, value };
}

/** Whether a parsed value has a member named `__proto__` (or one of the other forbidden names) anywhere. */
function forbiddenKeyPath(value: unknown, path = '$', depth = 0): string | undefined {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = forbiddenKeyPath(value[i], `${path}[${i}]`, depth + 1);
      if (p) return p;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return `${path}[${JSON.stringify(key)}]`;
    const p = forbiddenKeyPath((value as Record<string, unknown>)[key], `${path}[${JSON.stringify(key)}]`, depth + 1);
    if (p) return p;
  }
  return undefined;
}

/** The earlier revision a later one follows, with the definitions both were scored with. */
export interface DowngradeBaseline {
  earlier: AnyIssuedContent;
  /** Undefined when this version does not know the method: the rule then fails closed. */
  earlierDefinition: ScoringDefinition | undefined;
  laterDefinition: ScoringDefinition | undefined;
}

export type DowngradeCheck =
  /** Every lowered answer has a reason (a note that is not blank and not the earlier note). */
  | { ok: true; lowered: string[] }
  /** `missing`: the questions lowered without a reason; `not-checkable`: could not be compared (counts as missing). */
  | { ok: false; missing: string[]; notCheckable: boolean };

/**
 * THE downgrade rule: an answer with fewer points than in the earlier revision needs a reason,
 * a note in the later revision that is not blank and not the earlier note unchanged. Fails
 * closed: when the two cannot be compared, the result is not ok. Used by the app before issuing,
 * by `quickscan issue`, and by {@link checkIssuedEnvelope} with a baseline.
 */
export function downgradesWithoutReason(
  earlier: Pick<AnyIssuedContent, 'project' | 'scan'>,
  later: { project: AnyIssuedContent['project'] | { kind: string; gfaM2: number }; scan: { answers: AnyIssuedContent['scan']['answers']; costOverrides?: AnyIssuedContent['scan']['costOverrides'] } },
  earlierDefinition: ScoringDefinition | undefined,
  laterDefinition: ScoringDefinition | undefined,
): DowngradeCheck {
  if (!earlierDefinition || !laterDefinition) return { ok: false, missing: [], notCheckable: true };
  let lowered: string[];
  try {
    lowered = compareRevisions(earlier, later as Parameters<typeof compareRevisions>[1], earlierDefinition, laterDefinition).downgrades.map((d) => d.question);
  } catch {
    return { ok: false, missing: [], notCheckable: true };
  }
  const missing = lowered.filter((q) => {
    const note = later.scan.answers[q]?.note ?? '';
    return note.trim() === '' || note === (earlier.scan.answers[q]?.note ?? '');
  });
  return missing.length > 0 ? { ok: false, missing, notCheckable: false } : { ok: true, lowered };
}

export interface EnvelopeCheck {
  /** Readable, intact and validly signed (and, with a baseline, no downgrade without a reason). */
  ok: boolean;
  /** The envelope, when it fits its schema. */
  envelope?: AnyIssuedEnvelope;
  /** file / data / signature (/ history) findings, in this order. */
  findings: Finding[];
  /** The canonical JSON of the content (what was hashed and signed), when it could be made. */
  canonical?: string;
  /** The hash recomputed from the content. */
  contentHash?: string;
  /** Schema errors (with `envelope-invalid`). */
  errors?: FieldError[];
  /** With a baseline: the questions lowered without a reason. */
  downgradesWithoutReason?: string[];
}

export interface EnvelopeCheckOptions {
  baseline?: DowngradeBaseline | undefined;
  /** With a baseline, the later revision's definition (else taken as the baseline's laterDefinition). */
}

function fail(code: FindingCode, detail?: string, errors?: FieldError[]): EnvelopeCheck {
  return { ok: false, findings: [{ code, ...(detail !== undefined ? { detail } : {}) }], ...(errors ? { errors } : {}) };
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

/**
 * Checks an issued revision's envelope given as its bytes or JSON text (preferred: duplicate
 * member names can only be seen there) or as parsed JSON. Never throws.
 */
export function checkIssuedEnvelope(input: string | Uint8Array | unknown, options: EnvelopeCheckOptions = {}): EnvelopeCheck {
  let json: unknown = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const read = parseStrictJson(input);
    if (!read.ok) {
      if (read.problem === 'duplicate-key') return fail('envelope-duplicate-key', read.path);
      if (read.problem === 'forbidden-key') return fail('envelope-forbidden-key', read.path);
      return fail('file-unreadable', read.detail ?? read.path);
    }
    json = read.value;
  }
  const forbidden = forbiddenKeyPath(json);
  if (forbidden) return fail('envelope-forbidden-key', forbidden);
  const parsed = parseAnyEnvelope(json);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    // a value for logs (path and code); the surfaces word `errors` (report/input-strings.ts)
    const detail = first ? (first.path ? `${first.path}: ${first.code}` : first.code) : undefined;
    // a changed envelope often no longer fits the schema; when its content visibly no longer
    // matches the stated hash, it was altered, not merely unreadable
    if (statedHashMismatch(json)) return { ok: false, findings: [{ code: 'data-altered' }, { code: 'envelope-invalid', ...(detail ? { detail } : {}) }], errors: parsed.errors };
    return fail('envelope-invalid', detail, parsed.errors);
  }
  const env = parsed.envelope;
  const rawContent = (json as { content: unknown }).content;
  let canonical: string;
  try {
    canonical = canonicalJson(rawContent);
    if (canonical !== canonicalJson(env.content) || canonicalJson(json) !== canonicalJson(env)) return { ...fail('envelope-not-canonical'), envelope: env };
  } catch (error) {
    return { ...fail('envelope-not-canonical', error instanceof Error ? error.message.slice(0, 200) : undefined), envelope: env };
  }
  const findings: Finding[] = [];
  const hash = sha256Hex(canonical);
  const hashOk = hash === env.contentHash;
  const expectedCode = env.formatVersion === 2 ? longReferenceCodeFromHash(env.contentHash) : referenceCodeFromHash(env.contentHash);
  const codeOk = expectedCode === env.referenceCode;
  if (hashOk && codeOk) findings.push({ code: 'data-intact' });
  if (!hashOk) findings.push({ code: 'data-altered' });
  if (!codeOk) findings.push({ code: 'reference-code-mismatch', detail: env.referenceCode });
  if (env.formatVersion === 1) findings.push({ code: 'reference-code-short-form', detail: env.referenceCode });

  const signatureOk =
    env.formatVersion === 2
      ? verifyPurposeSignature('revision', canonical, env.signature, env.content.assessor.key)
      : verifySignature(canonical, env.signature, env.content.assessor.publicKey);
  findings.push({ code: signatureOk ? 'signature-valid' : 'signature-invalid' });

  let missing: string[] | undefined;
  if (options.baseline) {
    const b = options.baseline;
    const d = downgradesWithoutReason(b.earlier, env.content, b.earlierDefinition, b.laterDefinition);
    if (!d.ok) {
      missing = d.missing;
      findings.push({ code: 'downgrade-without-reason', detail: d.notCheckable ? 'not-checkable' : d.missing.join(',') });
    }
  }
  return {
    ok: hashOk && codeOk && signatureOk && missing === undefined,
    envelope: env,
    findings,
    canonical,
    contentHash: hash,
    ...(missing !== undefined ? { downgradesWithoutReason: missing } : {}),
  };
}
