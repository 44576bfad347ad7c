/**
 * Trust anchors and signed trust lists (docs/trust-lists.md).
 *
 * A verifier only says `passed` when the signer is vouched for by an anchor the user chose:
 * - a key on the user's own list (confirmed by hand, with a label), or
 * - an entry of a signed trust list (`*.quickscan-trustlist.json`) whose operator (a scheme
 *   owner, a province, a contracting authority) the user added once.
 *
 * A trust list is an envelope `{ format: 'quickscan-trustlist-envelope', formatVersion: 1,
 * content, contentHash, signature }`; the signature is the operator's, purpose `trust-list`
 * (scoring/keys.ts), over the RFC 8785 canonical JSON of `content`. Its content names the
 * operator and its key, a version (`sequence`), when it was issued and until when it holds
 * (`validUntil`), the entries (key, name, organisation, role, valid from/to) and revocations
 * (fingerprint, date, reason).
 *
 * {@link assessSigner} is the one place that decides who vouches for a key; revisions
 * (assessor roles), tender profiles (authority) and method files (method publisher) all use it.
 * It returns finding codes (scoring/verdict.ts), never sentences. Pure module.
 */
import * as z from 'zod';
import { canonicalJson, sha256Hex } from '../forms/hash';
import { FINGERPRINT_PATTERN, keyFingerprint, publicJwkSchema, sameKey, signWithPrivateJwk, verifyPurposeSignature, PURPOSE_SIGNATURE_PATTERN, type PrivateJwk, type PublicJwk } from './keys';
import { parseJsonWith, type FieldError } from './parse-json';
import type { AnchorRef, Finding } from './verdict';
import type { VerifiedKeyRotation } from './key-statements';

export const TRUST_LIST_FORMAT = 'quickscan-trustlist';
export const TRUST_LIST_ENVELOPE_FORMAT = 'quickscan-trustlist-envelope';
/** The file name ending of a trust list. */
export const TRUST_LIST_FILE_SUFFIX = '.quickscan-trustlist.json';

/** What a listed key may sign for. */
export const TRUST_ROLES = ['independent-assessor', 'self-assessment', 'authority', 'method-publisher'] as const;
export type TrustRole = (typeof TRUST_ROLES)[number];
export const trustRoleSchema = z.enum(TRUST_ROLES);

/** Why a key was revoked (after RFC 5280's reason codes). */
export const REVOCATION_REASONS = ['key-compromise', 'superseded', 'cessation-of-operation', 'affiliation-changed', 'unspecified'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export const TRUST_LIST_LIMITS = { entries: 10_000, revocations: 10_000, shortText: 500, text: 5_000 } as const;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const isoDateTime = () => z.iso.datetime({ offset: true });
const nonBlank = (_what: string) => z.string().max(TRUST_LIST_LIMITS.shortText).regex(/\S/, { error: 'blank' });

export const trustEntrySchema = z
  .object({
    key: publicJwkSchema,
    name: nonBlank('the name'),
    organisation: z.string().max(TRUST_LIST_LIMITS.shortText),
    role: trustRoleSchema,
    validFrom: isoDateTime(),
    /** Absent: valid until revoked. */
    validTo: isoDateTime().optional(),
  })
  .strict()
  .refine((e) => e.validTo === undefined || Date.parse(e.validTo) > Date.parse(e.validFrom), { error: 'not-after', params: { after: 'validFrom' }, path: ['validTo'] });

export const revocationSchema = z
  .object({
    fingerprint: z.string().regex(FINGERPRINT_PATTERN, { error: 'invalid-fingerprint' }),
    /** From this moment on the key's signatures no longer pass; earlier ones still do. */
    revokedAt: isoDateTime(),
    reason: z.enum(REVOCATION_REASONS),
    note: z.string().max(TRUST_LIST_LIMITS.text).optional(),
  })
  .strict();

export const trustListOperatorSchema = z
  .object({ name: nonBlank('the operator name'), organisation: z.string().max(TRUST_LIST_LIMITS.shortText), key: publicJwkSchema })
  .strict();

export const trustListContentSchema = z
  .object({
    format: z.literal(TRUST_LIST_FORMAT),
    formatVersion: z.literal(1),
    /** Stays the same across versions of one list. */
    listId: z.uuid(),
    name: nonBlank('the list name'),
    /** The version of the list: 1, 2, 3, ... A newer version replaces an older one. */
    sequence: z.number().int().min(1).max(1_000_000_000),
    issuedAt: isoDateTime(),
    /** After this moment the list is expired: its entries no longer make a signer pass. */
    validUntil: isoDateTime(),
    operator: trustListOperatorSchema,
    entries: z.array(trustEntrySchema).max(TRUST_LIST_LIMITS.entries),
    revocations: z.array(revocationSchema).max(TRUST_LIST_LIMITS.revocations),
  })
  .strict()
  .superRefine((list, ctx) => {
    if (Date.parse(list.validUntil) <= Date.parse(list.issuedAt)) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'not-after', params: { after: 'issuedAt' } });
    const seen = new Set<string>();
    list.entries.forEach((e, i) => {
      const fp = keyFingerprint(e.key);
      if (seen.has(fp)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'key'], message: 'listed-twice', params: { value: fp } });
      seen.add(fp);
    });
  });

export const trustListEnvelopeSchema = z
  .object({
    format: z.literal(TRUST_LIST_ENVELOPE_FORMAT),
    formatVersion: z.literal(1),
    content: trustListContentSchema,
    contentHash: z.string().regex(SHA256_HEX, { error: 'invalid-sha256' }),
    signature: z.string().regex(PURPOSE_SIGNATURE_PATTERN, { error: 'invalid-signature' }),
  })
  .strict();

export type TrustEntry = z.infer<typeof trustEntrySchema>;
export type Revocation = z.infer<typeof revocationSchema>;
export type TrustListContent = z.infer<typeof trustListContentSchema>;
export type TrustListEnvelope = z.infer<typeof trustListEnvelopeSchema>;

/** Signs trust-list content with the operator's private key and wraps it (hash computed here). */
export function signTrustList(content: TrustListContent, operatorKey: PrivateJwk): TrustListEnvelope {
  const canonical = canonicalJson(content);
  return {
    format: TRUST_LIST_ENVELOPE_FORMAT,
    formatVersion: 1,
    content,
    contentHash: sha256Hex(canonical),
    signature: signWithPrivateJwk('trust-list', canonical, operatorKey),
  };
}

/** The list as a file: 2-space-indented JSON, members in canonical order, final newline. */
export function trustListJsonText(envelope: TrustListEnvelope): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(envelope)), null, 2)}\n`;
}

/** A trust list whose signature was checked by {@link verifyTrustList}; only these count as anchors. */
export interface VerifiedTrustList {
  readonly content: TrustListContent;
  readonly contentHash: string;
  readonly operatorFingerprint: string;
  /** How findings name this list. */
  readonly ref: Extract<AnchorRef, { kind: 'trust-list' }>;
}

const verified = new WeakSet<object>();

/** Whether a trust list was checked by {@link verifyTrustList} (lists made up by hand never count). */
export function isVerifiedTrustList(list: unknown): list is VerifiedTrustList {
  return typeof list === 'object' && list !== null && verified.has(list);
}

/** A key revoked outside trust lists (e.g. by its own key-revocation statement). */
export interface KnownRevocation {
  fingerprint: string;
  revokedAt: string;
  reason: RevocationReason;
  /** Who says so: the anchor whose list carries it, or none for the key's own statement. */
  anchor?: AnchorRef;
}

/**
 * Why a trust list cannot be used: `malformed` (not a trust list: `errors` say where),
 * `data-altered` (content does not hash to `contentHash`), `signature-invalid` (not signed by the
 * operator key it names), `operator-not-trusted` (signed correctly, but by a key the user did not
 * add as an operator), `operator-revoked` (the operator's key is revoked).
 */
export type TrustListProblem = 'malformed' | 'data-altered' | 'signature-invalid' | 'operator-not-trusted' | 'operator-revoked';

export type TrustListCheck =
  | {
      ok: true;
      list: VerifiedTrustList;
      /** `now` is after `validUntil`: the list still loads, but signers on it are `trust-list-expired`. */
      expired: boolean;
      /** `now` is before `issuedAt` (a clock set wrong, or a list from the future). */
      notYetIssued: boolean;
    }
  | { ok: false; problem: TrustListProblem; errors?: FieldError[]; operatorFingerprint?: string; content?: TrustListContent };

export interface VerifyTrustListOptions {
  /** The moment to judge expiry at. */
  now: Date | string;
  /**
   * The operator keys the user added. Absent: the list's own operator key is accepted (the
   * caller asks the user to confirm it first, showing the operator's fingerprint: the import
   * confirmation, or the command line's explicit `--trust-list`).
   */
  operatorKeys?: readonly PublicJwk[] | undefined;
  /** Keys known to be revoked (their own statements, other lists). */
  revocations?: readonly KnownRevocation[] | undefined;
}

/** Checks a trust list given as parsed JSON or JSON text: shape, hash, operator signature, expiry. Never throws. */
export function verifyTrustList(json: unknown, options: VerifyTrustListOptions): TrustListCheck {
  const parsed = parseJsonWith(trustListEnvelopeSchema, json);
  if (!parsed.ok) return { ok: false, problem: 'malformed', errors: parsed.errors };
  const env = parsed.value;
  const c = env.content;
  const operatorFingerprint = keyFingerprint(c.operator.key);
  let canonical: string;
  try {
    canonical = canonicalJson(typeof json === 'object' && json !== null ? (json as { content: unknown }).content : c);
  } catch {
    return { ok: false, problem: 'malformed', operatorFingerprint, content: c };
  }
  if (sha256Hex(canonical) !== env.contentHash || canonical !== canonicalJson(c)) return { ok: false, problem: 'data-altered', operatorFingerprint, content: c };
  if (!verifyPurposeSignature('trust-list', canonical, env.signature, c.operator.key)) return { ok: false, problem: 'signature-invalid', operatorFingerprint, content: c };
  if (options.operatorKeys && !options.operatorKeys.some((k) => sameKey(k, c.operator.key))) {
    return { ok: false, problem: 'operator-not-trusted', operatorFingerprint, content: c };
  }
  const ownRevocation = [...(options.revocations ?? []), ...c.revocations].find((r) => r.fingerprint === operatorFingerprint);
  if (ownRevocation && Date.parse(ownRevocation.revokedAt) <= Date.parse(c.issuedAt)) {
    return { ok: false, problem: 'operator-revoked', operatorFingerprint, content: c };
  }
  const now = toTime(options.now);
  const list: VerifiedTrustList = Object.freeze({
    content: c,
    contentHash: env.contentHash,
    operatorFingerprint,
    ref: Object.freeze({ kind: 'trust-list' as const, listId: c.listId, name: c.name, sequence: c.sequence, operator: c.operator.name, operatorFingerprint }),
  });
  verified.add(list);
  return { ok: true, list, expired: now > Date.parse(c.validUntil), notYetIssued: now < Date.parse(c.issuedAt) };
}

/** A key the user confirmed by hand (own list), with the label they gave it. */
export interface OwnKeyAnchor {
  key: PublicJwk;
  label: string;
  /** What it may sign for; absent: anything. */
  roles?: readonly TrustRole[] | undefined;
}

/** Everything the user chose to trust. */
export interface TrustAnchors {
  keys: readonly OwnKeyAnchor[];
  /** Only lists checked by {@link verifyTrustList}; others are ignored. */
  lists: readonly VerifiedTrustList[];
  /** Revocations known outside the lists (keys' own revocation statements). */
  revocations?: readonly KnownRevocation[] | undefined;
  /**
   * Key rotations THE USER CONFIRMED (scoring/key-statements.ts `withKeyStatements`; only those
   * checked by `verifyKeyStatement` count): the new key inherits the old key's trust for
   * documents dated at or after `effectiveAt`; the old key is superseded from then on.
   */
  rotations?: readonly VerifiedKeyRotation[] | undefined;
}

const verifiedRotations = new WeakSet<object>();

/** For scoring/key-statements.ts `verifyKeyStatement` only: marks a rotation whose signatures it checked. */
export function brandVerifiedRotation(rotation: VerifiedKeyRotation): void {
  verifiedRotations.add(rotation);
}

export const NO_ANCHORS: TrustAnchors = Object.freeze({ keys: [], lists: [] });

/** What a signed document says about its signer. */
export interface SignerClaim {
  /** When it says it was signed (issuedAt, created). */
  at: string;
  /** The name printed on the document; checked against the trust entry. */
  name?: string | undefined;
  /** The roles that may sign this kind of document (any one of them). Absent: any role. */
  role?: TrustRole | readonly TrustRole[] | undefined;
  /** Only anchors from this trust list count (a tender profile that names its list). */
  requiredListId?: string | undefined;
}

export interface SignerAssessment {
  /** The decisive signer finding: `signer-trusted`, `signer-unknown`, `signer-revoked`, ... */
  finding: Finding;
  /** The decisive finding first, then notes (`signer-revoked-later`, ...). */
  findings: Finding[];
  fingerprint: string;
  /** The anchor that vouched for (or revoked) the key. */
  anchor?: AnchorRef;
  /** The trust list entry that matched, when one did. */
  entry?: TrustEntry;
}

function toTime(t: Date | string): number {
  return t instanceof Date ? t.getTime() : Date.parse(t);
}

/** Names compared as a person would: Unicode NFC, spaces collapsed, case ignored. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

// the order of preference when several lists know the key (the best one decides)
const RANK = ['signer-trusted', 'signer-name-mismatch', 'trust-list-expired', 'signer-outside-validity', 'signer-role-mismatch', 'signer-not-on-required-list', 'signer-unknown'] as const;
type SignerCode = (typeof RANK)[number];

/**
 * Who vouches for `key` as the signer of a document that claims `claim`, judged at `now`:
 * - a revocation (on any loaded list, a key's own revocation statement, or the supersession of
 *   the key by a confirmed rotation) dated at or before `claim.at` → `signer-revoked` (failed);
 *   one dated after it → the note `signer-revoked-later` (passes);
 * - on the own list (with a fitting role) → `signer-trusted` (anchor `own`);
 * - on a verified trust list: `signer-trusted` (anchor the list, with version), unless the entry's
 *   role does not fit (`signer-role-mismatch`), `claim.at` is outside its validity
 *   (`signer-outside-validity`), the list is expired at `now` (`trust-list-expired`) or the
 *   printed name is not the entry's (`signer-name-mismatch`);
 * - the new key of a rotation the user confirmed (`anchors.rotations`), for `claim.at` at or
 *   after its `effectiveAt`: judged as the old key would be (its anchor, entry, role, validity,
 *   name), with the note `signer-key-rotated`; only when the old key was not revoked (other than by
 *   this rotation) at or before `effectiveAt`, since a stolen key could otherwise name a thief's
 *   key as its successor. Rotations chain (A → B → C);
 * - else `signer-unknown`.
 * The best outcome over all anchors counts; a revocation before `claim.at` always wins.
 * The issue date is the signer's own statement; see docs/trust-lists.md on dating revocations
 * and docs/key-statements.md on rotations.
 */
export function assessSigner(key: PublicJwk, claim: SignerClaim, anchors: TrustAnchors, now: Date | string): SignerAssessment {
  let fingerprint: string;
  try {
    fingerprint = keyFingerprint(key);
  } catch {
    const finding: Finding = { code: 'signer-unknown' };
    return { finding, findings: [finding], fingerprint: '' };
  }
  return assess(key, fingerprint, claim, anchors, now, new Set(), 0);
}

const MAX_ROTATIONS = 16;

/** The confirmed rotations that count (checked by key-statements.ts `verifyKeyStatement`). */
function confirmedRotations(anchors: TrustAnchors): VerifiedKeyRotation[] {
  return (anchors.rotations ?? []).filter((r) => verifiedRotations.has(r));
}

/** Every revocation of `fingerprint`: outside the lists, on every loaded list, and its supersession by a confirmed rotation (except `except`). */
function revocationsOf(fingerprint: string, anchors: TrustAnchors, lists: readonly VerifiedTrustList[], rotations: readonly VerifiedKeyRotation[], except?: VerifiedKeyRotation): KnownRevocation[] {
  return [
    ...(anchors.revocations ?? []),
    ...lists.flatMap((l) => l.content.revocations.map((r) => ({ ...r, anchor: l.ref }))),
    ...rotations.filter((r) => r !== except).map((r): KnownRevocation => ({ fingerprint: r.oldFingerprint, revokedAt: r.content.effectiveAt, reason: 'superseded' })),
  ].filter((r) => r.fingerprint === fingerprint);
}

/**
 * {@link assessSigner} for one key. `inheriting`: the keys judged on behalf of their successor
 * (their own later revocations do not concern the successor) and the keys already on the way
 * (so a rotation cycle ends).
 */
function assess(key: PublicJwk, fingerprint: string, claim: SignerClaim, anchors: TrustAnchors, now: Date | string, inheriting: ReadonlySet<string>, depth: number): SignerAssessment {
  const at = Date.parse(claim.at);
  const nowTime = toTime(now);
  const roles: readonly TrustRole[] | undefined = claim.role === undefined ? undefined : typeof claim.role === 'string' ? [claim.role] : claim.role;
  const lists = anchors.lists.filter(isVerifiedTrustList);
  const rotations = confirmedRotations(anchors);

  const revocations = inheriting.has(fingerprint) ? [] : revocationsOf(fingerprint, anchors, lists, rotations);
  const before = revocations.filter((r) => !(Date.parse(r.revokedAt) > at)); // an unreadable date counts as before
  if (before.length > 0) {
    const r = before[0]!;
    const finding: Finding = { code: 'signer-revoked', fingerprint, at: r.revokedAt, detail: r.reason, ...(r.anchor ? { anchor: r.anchor } : {}) };
    return { finding, findings: [finding], fingerprint, ...(r.anchor ? { anchor: r.anchor } : {}) };
  }
  const notes: Finding[] = revocations.map((r) => ({ code: 'signer-revoked-later' as const, fingerprint, at: r.revokedAt, detail: r.reason, ...(r.anchor ? { anchor: r.anchor } : {}) }));

  type Outcome = { code: SignerCode; anchor?: AnchorRef; entry?: TrustEntry; detail?: string; at?: string; via?: Finding[] };
  const done = (o: Outcome): SignerAssessment => {
    const { code, anchor, entry, detail } = o;
    const finding: Finding = { code, fingerprint, ...(anchor ? { anchor } : {}), ...(detail !== undefined ? { detail } : {}), ...(o.at !== undefined ? { at: o.at } : {}) };
    if (code === 'trust-list-expired' && anchor?.kind === 'trust-list' && o.at === undefined) {
      const list = lists.find((l) => l.ref === anchor);
      if (list) finding.at = list.content.validUntil;
    }
    return { finding, findings: [finding, ...(o.via ?? []), ...notes], fingerprint, ...(anchor ? { anchor } : {}), ...(entry ? { entry } : {}) };
  };

  // own list
  if (claim.requiredListId === undefined) {
    const own = anchors.keys.find((k) => sameKey(k.key, key) && (roles === undefined || k.roles === undefined || k.roles.some((r) => roles.includes(r))));
    if (own) return done({ code: 'signer-trusted', anchor: { kind: 'own', label: own.label, fingerprint } });
  }

  // trust lists
  let best: Outcome = { code: 'signer-unknown' };
  const consider = (c: Outcome) => {
    if (RANK.indexOf(c.code) < RANK.indexOf(best.code)) best = c;
  };
  if (claim.requiredListId !== undefined && !lists.some((l) => l.content.listId === claim.requiredListId)) {
    // the required list is not loaded: say which one is needed
    consider({ code: 'signer-not-on-required-list', detail: claim.requiredListId });
  }
  for (const list of lists) {
    if (claim.requiredListId !== undefined && list.content.listId !== claim.requiredListId) {
      if (list.content.entries.some((e) => sameKey(e.key, key))) consider({ code: 'signer-not-on-required-list', detail: claim.requiredListId });
      continue;
    }
    for (const entry of list.content.entries) {
      if (!sameKey(entry.key, key)) continue;
      const anchor = list.ref;
      if (roles !== undefined && !roles.includes(entry.role)) consider({ code: 'signer-role-mismatch', anchor, entry, detail: entry.role });
      else if (!(at >= Date.parse(entry.validFrom)) || (entry.validTo !== undefined && !(at <= Date.parse(entry.validTo)))) consider({ code: 'signer-outside-validity', anchor, entry });
      else if (nowTime > Date.parse(list.content.validUntil)) consider({ code: 'trust-list-expired', anchor, entry });
      else if (claim.name !== undefined && !sameName(claim.name, entry.name)) consider({ code: 'signer-name-mismatch', anchor, entry, detail: entry.name });
      else consider({ code: 'signer-trusted', anchor, entry });
    }
  }

  // confirmed rotations to this key: judged as the old key would be
  if (best.code !== 'signer-trusted' && depth < MAX_ROTATIONS) {
    for (const r of rotations) {
      if (!sameKey(r.content.newKey, key) || inheriting.has(r.oldFingerprint)) continue;
      const effective = Date.parse(r.content.effectiveAt);
      if (!(at >= effective)) continue;
      // a key revoked before it named its successor cannot vouch for it
      if (revocationsOf(r.oldFingerprint, anchors, lists, rotations, r).some((x) => !(Date.parse(x.revokedAt) > effective))) continue;
      const inner = assess(r.content.oldKey, r.oldFingerprint, claim, anchors, now, new Set([...inheriting, fingerprint, r.oldFingerprint]), depth + 1);
      const code = inner.finding.code as SignerCode;
      if (!RANK.includes(code)) continue;
      const rotated: Finding = { code: 'signer-key-rotated', fingerprint: r.oldFingerprint, at: r.content.effectiveAt, detail: fingerprint };
      consider({
        code,
        ...(inner.anchor ? { anchor: inner.anchor } : {}),
        ...(inner.entry ? { entry: inner.entry } : {}),
        ...(inner.finding.detail !== undefined ? { detail: inner.finding.detail } : {}),
        ...(inner.finding.at !== undefined ? { at: inner.finding.at } : {}),
        via: [rotated, ...inner.findings.slice(1)],
      });
    }
  }
  if (claim.requiredListId !== undefined && best.code === 'signer-unknown') best = { code: 'signer-not-on-required-list', detail: claim.requiredListId };
  return done(best);
}

export type { FieldError as TrustListError };

/**
 * The JSON Schema (draft 2020-12) of a trust list file, docs/trustlist.schema.json (regenerate:
 * `UPDATE_SCHEMAS=1 npx vitest run scoring/trust.test.ts`). The cross-field rules (a key listed
 * once, validUntil after issuedAt, points on the curve) and the signature are checked by
 * {@link verifyTrustList}, not by the schema.
 */
export function trustListJsonSchemaText(): string {
  const generated = z.toJSONSchema(trustListEnvelopeSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return `${JSON.stringify({ $schema, $id: 'https://circulairbouwenzeeland.nl/schemas/quickscan-trustlist.schema.json', title: 'QuickScan trust list (*.quickscan-trustlist.json)', ...rest }, null, 2)}\n`;
}
