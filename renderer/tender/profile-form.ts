/**
 * The requirement-profile form of the Tender screen (docs/tender-profiles.md), as pure functions:
 * the values as typed, their validation with a message per field in the user's language, and the
 * signed content they become. No React, no storage: the screen signs and saves.
 */
import { compareSemver, getDefinition, listReleases, type ReleaseEntry } from '../../forms/registry';
import type { QuickScanDefinition } from '../../forms/schema';
import { hasAtMostTwoDecimals, parseLocaleNumber } from '../forms-ui/numbers';
import type { Locale, MessageKey } from '../i18n';
import {
  PROFILE_FORMAT,
  PROFILE_LIMITS,
  profileContentV2Schema,
  profileIssues,
  type MustHave,
  type ProfileContent,
  type ProfileContentV2,
  type ProfileSignerV2,
} from '../../scoring/profile';
import { profileIssueText } from '../../report/input-strings';

/** The method this form offers first: the one new scans use. */
export { DEFAULT_METHOD_ID } from '../../forms/registry';
import { DEFAULT_METHOD_ID } from '../../forms/registry';

/** One must-have row as typed; `key` keeps React rows and their errors apart. */
export interface MustHaveRow {
  key: number;
  question: string;
  minLevel: string;
}

/** The form as typed: strings, exactly what is in the fields. */
export interface ProfileFormValues {
  tenderName: string;
  tenderReference: string;
  authority: string;
  /** `<id>@<version>` of a released definition. */
  method: string;
  /** A label id, or '' for none. */
  minimumLabel: string;
  /** Theme id -> minimum as typed ('' for none). */
  themeMinimums: Record<string, string>;
  mustHaves: MustHaveRow[];
  /** EUR per point as typed ('' for no fictitious discount). */
  valuePerPoint: string;
  notes: string;
}

export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type SimpleField = 'tenderName' | 'tenderReference' | 'authority' | 'method' | 'minimumLabel' | 'valuePerPoint' | 'notes';

export interface ProfileFormErrors {
  fields: Partial<Record<SimpleField, FieldError>>;
  /** Theme id -> error. */
  themes: Record<string, FieldError>;
  /** Row key -> errors of that must-have row. */
  mustHaves: Record<number, { question?: FieldError; minLevel?: FieldError }>;
}

/** What a valid form gives: the content without id, date and signer (added when signing). */
/** What the form yields: the content of a format-2 profile without its id, date and signer. */
export type ProfileDraft = Omit<ProfileContentV2, 'id' | 'created' | 'signer'>;

export type ValidationResult = { ok: true; draft: ProfileDraft; definition: QuickScanDefinition } | { ok: false; errors: ProfileFormErrors };

export const methodKey = (entry: { id: string; version: string }) => `${entry.id}@${entry.version}`;

export function parseMethodKey(key: string): { id: string; version: string } | null {
  const at = key.lastIndexOf('@');
  if (at <= 0 || at === key.length - 1) return null;
  return { id: key.slice(0, at), version: key.slice(at + 1) };
}

/** The newest release (pre-releases last) of the default method, else of any method. */
export function defaultMethodKey(releases: readonly ReleaseEntry[] = listReleases()): string {
  const isRelease = (r: ReleaseEntry) => !r.version.includes('-');
  const pick = (list: readonly ReleaseEntry[]) =>
    [...list].sort((a, b) => Number(isRelease(b)) - Number(isRelease(a)) || compareSemver(b.version, a.version))[0];
  const chosen = pick(releases.filter((r) => r.id === DEFAULT_METHOD_ID)) ?? pick(releases);
  return chosen ? methodKey(chosen) : '';
}

/** The released definition behind a method key, with its pinned SHA-256; undefined if unknown. */
export function definitionForKey(key: string): { definition: QuickScanDefinition; ref: { id: string; version: string; sha256: string } } | undefined {
  const parsed = parseMethodKey(key);
  if (!parsed) return undefined;
  let loaded;
  try {
    loaded = getDefinition(parsed.id, parsed.version);
  } catch {
    loaded = undefined;
  }
  if (!loaded) return undefined;
  return { definition: loaded.definition, ref: { id: parsed.id, version: parsed.version, sha256: loaded.sha256 } };
}

export function emptyProfileForm(method: string = defaultMethodKey()): ProfileFormValues {
  return { tenderName: '', tenderReference: '', authority: '', method, minimumLabel: '', themeMinimums: {}, mustHaves: [], valuePerPoint: '', notes: '' };
}

/**
 * The form after choosing another method: what the new method does not have (a label, a theme,
 * a question or level) is cleared, everything else is kept.
 */
export function withMethod(values: ProfileFormValues, method: string): ProfileFormValues {
  const def = definitionForKey(method)?.definition;
  if (!def) return { ...values, method };
  const themes = new Set(def.themes.map((t) => t.id));
  return {
    ...values,
    method,
    minimumLabel: def.labels.some((l) => l.id === values.minimumLabel) ? values.minimumLabel : '',
    themeMinimums: Object.fromEntries(Object.entries(values.themeMinimums).filter(([id]) => themes.has(id))),
    mustHaves: values.mustHaves.map((row) => {
      const q = def.questions.find((x) => x.id === row.question);
      if (!q) return { ...row, question: '', minLevel: '' };
      return q.levels.some((l) => l.id === row.minLevel) ? row : { ...row, minLevel: '' };
    }),
  };
}

const hasErrors = (e: ProfileFormErrors) => Object.keys(e.fields).length > 0 || Object.keys(e.themes).length > 0 || Object.keys(e.mustHaves).length > 0;

/** Validates the whole form; each error names its field and a message in the user's language. */
export function validateProfileForm(values: ProfileFormValues, locale: Locale): ValidationResult {
  const errors: ProfileFormErrors = { fields: {}, themes: {}, mustHaves: {} };
  const text = (field: 'tenderName' | 'tenderReference' | 'authority') => {
    const value = values[field].trim();
    if (!value) errors.fields[field] = { key: 'validation.required' };
    else if (value.length > PROFILE_LIMITS.shortText) errors.fields[field] = { key: 'validation.tooLong', params: { max: PROFILE_LIMITS.shortText } };
    return value;
  };
  const tenderName = text('tenderName');
  const tenderReference = text('tenderReference');
  const authority = text('authority');
  const notes = values.notes.trim();
  if (notes.length > PROFILE_LIMITS.text) errors.fields.notes = { key: 'validation.tooLong', params: { max: PROFILE_LIMITS.text } };

  const method = definitionForKey(values.method);
  if (!method) {
    errors.fields.method = { key: 'validation.choose' };
    return { ok: false, errors };
  }
  const def = method.definition;

  if (values.minimumLabel !== '' && !def.labels.some((l) => l.id === values.minimumLabel)) errors.fields.minimumLabel = { key: 'validation.choose' };

  const themeMinimums: Record<string, number> = {};
  for (const theme of def.themes) {
    const typed = (values.themeMinimums[theme.id] ?? '').trim();
    if (typed === '') continue;
    const value = parseLocaleNumber(typed, locale);
    if (value === null) errors.themes[theme.id] = { key: 'validation.number' };
    else if (!Number.isInteger(value)) errors.themes[theme.id] = { key: 'tender.form.error.wholeNumber' };
    else if (value < 0 || value > 100) errors.themes[theme.id] = { key: 'tender.form.error.percent' };
    else themeMinimums[theme.id] = value;
  }

  const mustHaves: MustHave[] = [];
  const seen = new Set<string>();
  if (values.mustHaves.length > PROFILE_LIMITS.mustHaves) errors.fields.method = { key: 'tender.form.error.tooManyMustHaves', params: { max: PROFILE_LIMITS.mustHaves } };
  for (const row of values.mustHaves) {
    const rowErrors: { question?: FieldError; minLevel?: FieldError } = {};
    const q = def.questions.find((x) => x.id === row.question);
    if (!q) rowErrors.question = { key: 'validation.choose' };
    else if (seen.has(q.id)) rowErrors.question = { key: 'tender.form.error.duplicateMustHave', params: { question: q.id } };
    if (q) seen.add(q.id);
    if (q && !q.levels.some((l) => l.id === row.minLevel)) rowErrors.minLevel = { key: 'validation.choose' };
    if (rowErrors.question || rowErrors.minLevel) errors.mustHaves[row.key] = rowErrors;
    else mustHaves.push({ question: row.question, minLevel: row.minLevel });
  }

  let valuePerPointEur: number | undefined;
  const typedValue = values.valuePerPoint.trim();
  if (typedValue !== '') {
    const value = parseLocaleNumber(typedValue, locale);
    if (value === null) errors.fields.valuePerPoint = { key: 'validation.number' };
    else if (value < 0) errors.fields.valuePerPoint = { key: 'validation.min', params: { min: 0 } };
    else if (value > PROFILE_LIMITS.maxValuePerPointEur) errors.fields.valuePerPoint = { key: 'validation.max', params: { max: PROFILE_LIMITS.maxValuePerPointEur } };
    else if (!hasAtMostTwoDecimals(value)) errors.fields.valuePerPoint = { key: 'validation.decimals' };
    else valuePerPointEur = Math.round(value * 100) / 100;
  }

  if (hasErrors(errors)) return { ok: false, errors };
  // Must-haves in the method's question order, as the compliance check reports them.
  const order = new Map(def.questions.map((q, i) => [q.id, i]));
  mustHaves.sort((a, b) => order.get(a.question)! - order.get(b.question)!);
  const draft: ProfileDraft = {
    format: PROFILE_FORMAT,
    formatVersion: 2,
    tender: { name: tenderName, reference: tenderReference },
    contractingAuthority: authority,
    method: method.ref,
    ...(values.minimumLabel !== '' ? { minimumLabel: values.minimumLabel } : {}),
    ...(Object.keys(themeMinimums).length > 0 ? { themeMinimums } : {}),
    mustHaves,
    ...(valuePerPointEur !== undefined ? { valuePerPointEur } : {}),
    ...(notes !== '' ? { notes } : {}),
  };
  return { ok: true, draft, definition: def };
}

/**
 * The content to sign (format 2: the signer's key as JWK, signed with purpose `profile`): the
 * draft with its id, date and signer. Throws when it does not fit the format.
 */
export function buildProfileContent(draft: ProfileDraft, extra: { id: string; created: string; signer: ProfileSignerV2 }): ProfileContentV2 {
  const content: ProfileContentV2 = {
    format: draft.format,
    formatVersion: draft.formatVersion,
    id: extra.id,
    tender: draft.tender,
    contractingAuthority: draft.contractingAuthority,
    created: extra.created,
    method: draft.method,
    ...(draft.minimumLabel !== undefined ? { minimumLabel: draft.minimumLabel } : {}),
    ...(draft.themeMinimums !== undefined ? { themeMinimums: draft.themeMinimums } : {}),
    mustHaves: draft.mustHaves,
    ...(draft.valuePerPointEur !== undefined ? { valuePerPointEur: draft.valuePerPointEur } : {}),
    ...(draft.notes !== undefined ? { notes: draft.notes } : {}),
    signer: extra.signer,
  };
  // The same schema every reader applies: never sign what a reader would refuse.
  return profileContentV2Schema.parse(content);
}

/** Problems of content against its definition (empty when it can be used to check bids). */
export function contentProblems(definition: QuickScanDefinition, content: ProfileContent, locale: Locale): string[] {
  return profileIssues(definition, content).map((i) => profileIssueText(i, locale));
}

/** Today's date on this computer, YYYY-MM-DD. */
export function localDateIso(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A safe file-name stem from free text (letters, digits, space, `_`, `-`), never empty. */
export function fileStem(text: string, fallback: string): string {
  const cleaned = text
    .replace(/[^\p{L}\p{N} _-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  return cleaned || fallback;
}

/** `<tender>.quickscan-profile.json` */
export function profileFileName(tenderName: string): string {
  return `${fileStem(tenderName, 'tender')}.quickscan-profile.json`;
}

