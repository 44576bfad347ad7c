import { describe, expect, it } from 'vitest';
import { listReleases } from '../../forms/registry';
import { checkCompliance } from '../../scoring/compliance';
import { parseProfileEnvelope, profileIssues, signProfile, verifyProfileEnvelope } from '../../scoring/profile';
import { generatePrivateJwk, publicJwkOf } from '../../scoring/keys';
import {
  buildProfileContent,
  defaultMethodKey,
  emptyProfileForm,
  fileStem,
  localDateIso,
  parseMethodKey,
  profileFileName,
  validateProfileForm,
  withMethod,
  type ProfileFormValues,
} from './profile-form';

const filled = (over: Partial<ProfileFormValues> = {}): ProfileFormValues => ({
  ...emptyProfileForm(),
  tenderName: '  Nieuwbouw IKC De Schelp ',
  tenderReference: 'KAP-2026-IKC-017',
  authority: 'Gemeente Kapelle',
  minimumLabel: 'silver',
  themeMinimums: { C: '40', F: ' 30 ', A: '' },
  mustHaves: [
    { key: 1, question: 'F1', minLevel: 'l3' },
    { key: 2, question: 'C1', minLevel: 'l2' },
  ],
  valuePerPoint: '2.500',
  notes: 'Voorbeeld',
  ...over,
});

describe('defaultMethodKey', () => {
  it('is the newest release of the method new scans use (open-quickscan)', () => {
    expect(defaultMethodKey()).toBe('open-quickscan@1.0.0');
    expect(listReleases().some((r) => `${r.id}@${r.version}` === defaultMethodKey())).toBe(true);
  });

  it('prefers the newest release over a pre-release and over other methods', () => {
    const sha256 = '0'.repeat(64);
    expect(
      defaultMethodKey([
        { id: 'other', version: '9.0.0', sha256 },
        { id: 'open-quickscan', version: '1.0.0', sha256 },
        { id: 'open-quickscan', version: '1.10.0', sha256 },
        { id: 'open-quickscan', version: '2.0.0-beta.1', sha256 },
        { id: 'open-quickscan', version: '1.2.0', sha256 },
      ]),
    ).toBe('open-quickscan@1.10.0');
    expect(defaultMethodKey([{ id: 'other', version: '9.0.0', sha256 }])).toBe('other@9.0.0');
    expect(defaultMethodKey([])).toBe('');
  });

  it('round-trips through parseMethodKey', () => {
    expect(parseMethodKey('zeeland-quickscan@1.0.0')).toEqual({ id: 'zeeland-quickscan', version: '1.0.0' });
    expect(parseMethodKey('nothing')).toBeNull();
    expect(parseMethodKey('@1.0.0')).toBeNull();
  });
});

describe('validateProfileForm', () => {
  it('asks for the tender name, reference and contracting authority', () => {
    const result = validateProfileForm(emptyProfileForm(), 'nl');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields).toEqual({
      tenderName: { key: 'validation.required' },
      tenderReference: { key: 'validation.required' },
      authority: { key: 'validation.required' },
    });
  });

  it('accepts a complete form and gives the content in the method order, trimmed', () => {
    const result = validateProfileForm(filled(), 'nl');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft).toEqual({
      format: 'quickscan-requirement-profile',
      formatVersion: 2,
      tender: { name: 'Nieuwbouw IKC De Schelp', reference: 'KAP-2026-IKC-017' },
      contractingAuthority: 'Gemeente Kapelle',
      method: { id: 'open-quickscan', version: '1.0.0', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      minimumLabel: 'silver',
      themeMinimums: { C: 40, F: 30 },
      mustHaves: [
        { question: 'C1', minLevel: 'l2' },
        { question: 'F1', minLevel: 'l3' },
      ],
      valuePerPointEur: 2500,
      notes: 'Voorbeeld',
    });
  });

  it('leaves out what is optional and empty', () => {
    const result = validateProfileForm(filled({ minimumLabel: '', themeMinimums: {}, mustHaves: [], valuePerPoint: ' ', notes: '' }), 'en');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.draft).sort()).toEqual(['contractingAuthority', 'format', 'formatVersion', 'method', 'mustHaves', 'tender']);
  });

  it('checks theme minimums: a whole number from 0 to 100', () => {
    const result = validateProfileForm(filled({ themeMinimums: { A: '101', B: '12,5', C: 'veel', D: '-1', E: '0', F: '100' } }), 'nl');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.themes).toEqual({
      A: { key: 'tender.form.error.percent' },
      B: { key: 'tender.form.error.wholeNumber' },
      C: { key: 'validation.number' },
      D: { key: 'tender.form.error.percent' },
    });
  });

  it('checks must-have rows: a question, a level, no question twice', () => {
    const result = validateProfileForm(
      filled({
        mustHaves: [
          { key: 5, question: 'C1', minLevel: 'l2' },
          { key: 6, question: '', minLevel: '' },
          { key: 7, question: 'C1', minLevel: 'l3' },
          { key: 8, question: 'D2', minLevel: '' },
          { key: 9, question: 'D2x', minLevel: 'l1' },
        ],
      }),
      'en',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.mustHaves).toEqual({
      6: { question: { key: 'validation.choose' } },
      7: { question: { key: 'tender.form.error.duplicateMustHave', params: { question: 'C1' } } },
      8: { minLevel: { key: 'validation.choose' } },
      9: { question: { key: 'validation.choose' } },
    });
  });

  it('reads the value per point as the user writes it, in whole cents', () => {
    const value = (text: string, locale: 'nl' | 'en') => {
      const result = validateProfileForm(filled({ valuePerPoint: text }), locale);
      return result.ok ? result.draft.valuePerPointEur : result.errors.fields.valuePerPoint;
    };
    expect(value('1.234,56', 'nl')).toBe(1234.56);
    expect(value('€ 2500', 'nl')).toBe(2500);
    expect(value('1,234.56', 'en')).toBe(1234.56);
    expect(value('0', 'en')).toBe(0);
    expect(value('12,345', 'nl')).toEqual({ key: 'validation.decimals' });
    expect(value('-5', 'nl')).toEqual({ key: 'validation.min', params: { min: 0 } });
    expect(value('2000000000', 'en')).toEqual({ key: 'validation.max', params: { max: 1_000_000_000 } });
    expect(value('lots', 'en')).toEqual({ key: 'validation.number' });
  });

  it('refuses a method this build does not know, and texts that are too long', () => {
    const unknown = validateProfileForm(filled({ method: 'zeeland-quickscan@9.9.9' }), 'nl');
    expect(unknown.ok ? null : unknown.errors.fields.method).toEqual({ key: 'validation.choose' });
    const long = validateProfileForm(filled({ tenderName: 'x'.repeat(501), notes: 'y'.repeat(20_001) }), 'nl');
    expect(long.ok ? null : long.errors.fields).toEqual({ tenderName: { key: 'validation.tooLong', params: { max: 500 } }, notes: { key: 'validation.tooLong', params: { max: 20_000 } } });
  });
});

describe('a profile made from the form', () => {
  it('is format 2: signs (purpose profile, the user’s P-256 key), verifies and checks scans like any other profile', () => {
    const result = validateProfileForm(filled(), 'nl');
    if (!result.ok) throw new Error('form not valid');
    const key = generatePrivateJwk('ES256');
    const content = buildProfileContent(result.draft, {
      id: '2ca388be-cc4d-4fef-b448-b34d64011f6b',
      created: '2026-11-02',
      signer: { name: 'L. Dekker', role: 'Inkoopadviseur', key: publicJwkOf(key) },
    });
    expect(content.formatVersion).toBe(2);
    const envelope = signProfile(content, key);
    const parsed = parseProfileEnvelope(JSON.parse(JSON.stringify(envelope)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(verifyProfileEnvelope(parsed.envelope)).toMatchObject({ ok: true, formatVersion: 2, dataIntact: true, signatureValid: true, referenceCodeForm: 'long' });
    expect(profileIssues(result.definition, parsed.envelope.content)).toEqual([]);
    const compliance = checkCompliance(result.definition, { project: { kind: 'new_build', gfaM2: 1000 }, answers: {} }, parsed.envelope.content);
    expect(compliance.compliant).toBe(false);
    expect(compliance.missing.map((g) => g.kind)).toEqual(['label', 'theme', 'theme', 'must-have', 'must-have']);
  });

  it('refuses a signer the format would refuse', () => {
    const result = validateProfileForm(filled(), 'nl');
    if (!result.ok) throw new Error('form not valid');
    expect(() => buildProfileContent(result.draft, { id: 'not-a-uuid', created: '2026-11-02', signer: { name: 'x', role: '', key: { kty: 'OKP', crv: 'Ed25519', x: 'short', alg: 'EdDSA' } } })).toThrow();
  });
});

describe('withMethod', () => {
  it('keeps what the method has and clears what it does not', () => {
    const values = filled({ minimumLabel: 'diamond', themeMinimums: { C: '40', Z: '10' }, mustHaves: [{ key: 1, question: 'C1', minLevel: 'l9' }, { key: 2, question: 'Q9', minLevel: 'l1' }, { key: 3, question: 'F1', minLevel: 'l3' }] });
    const next = withMethod(values, 'zeeland-quickscan@1.0.0');
    expect(next.minimumLabel).toBe('');
    expect(next.themeMinimums).toEqual({ C: '40' });
    expect(next.mustHaves).toEqual([
      { key: 1, question: 'C1', minLevel: '' },
      { key: 2, question: '', minLevel: '' },
      { key: 3, question: 'F1', minLevel: 'l3' },
    ]);
  });
});

describe('names and dates', () => {
  it('makes a file name from the tender name', () => {
    expect(profileFileName('Nieuwbouw IKC "De Schelp", Kapelle')).toBe('Nieuwbouw IKC De Schelp Kapelle.quickscan-profile.json');
    expect(profileFileName('../../etc/passwd')).toBe('etc passwd.quickscan-profile.json');
    expect(profileFileName('???')).toBe('tender.quickscan-profile.json');
    expect(fileStem('École ' + 'x'.repeat(100), 'f')).toHaveLength(80);
  });

  it("writes this computer's date as YYYY-MM-DD", () => {
    expect(localDateIso(new Date(2026, 10, 2, 23, 59))).toBe('2026-11-02');
    expect(localDateIso(new Date(2027, 0, 9))).toBe('2027-01-09');
  });
});
