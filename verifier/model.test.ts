import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyFile } from '../report/verify';
import { csvText } from '../scoring/csv';
import { translate } from '../renderer/i18n';
import { generatePrivateJwk, keyFingerprint, publicJwkOf } from '../scoring/keys';
import { signTrustList } from '../scoring/trust';
import { makePublicKeyFile, publicKeyFileText } from '../scoring/key-file';
import { keyStatementJsonText, privateJwkSigner, signKeyRevocation, signKeyRotation } from '../scoring/key-statements';
import { exampleScan, issueV2, TEST_KEY_P256 } from '../report/fixtures/example';
import { statementConfirmation } from '../renderer/issue/key-statement-text';
import { classifyInput, resultRow, RESULT_COLUMNS, trustOptions, trustState, verdictOf, type TrustInput } from './model';

const examples = join(import.meta.dirname, '../docs/examples');
const read = (p: string) => new Uint8Array(readFileSync(join(examples, p)));

describe('standalone verifier model', () => {
  it('takes key files as trust, everything else for verification', () => {
    const keys = classifyInput('trusted-bidder-keys.json', read('tender/trusted-bidder-keys.json'));
    expect(keys.kind).toBe('trust');
    if (keys.kind === 'trust') expect(keys.trust.keys[0]!.fingerprint).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // the one public key file format (scoring/key-file.ts), and the committed key files of earlier releases
    const p256 = publicJwkOf(generatePrivateJwk('ES256'));
    expect(classifyInput('anouk.public.json', new TextEncoder().encode(publicKeyFileText(makePublicKeyFile(p256, 'Anouk de Vries', 'Bureau'))))).toEqual({
      kind: 'trust',
      trust: { fileName: 'anouk.public.json', keys: [{ key: p256, label: 'Anouk de Vries, Bureau', fingerprint: keyFingerprint(p256) }] },
    });
    for (const file of ['issued/test-key.public.json', 'signed/test-key-p256.public.json']) expect(classifyInput('k.json', read(file)).kind).toBe('trust');
    expect(classifyInput('x.pdf', read('issued/new-build-school-goes.nl.pdf')).kind).toBe('verify');
    expect(classifyInput('x.quickscan-issued.json', read('issued/new-build-school-goes.quickscan-issued.json')).kind).toBe('verify');
    expect(classifyInput('x.quickscan.json', read('new-build-school-goes.quickscan.json')).kind).toBe('verify');
  });

  it('takes a signed trust list as an anchor, and refuses a changed one', () => {
    const operator = generatePrivateJwk('ES256');
    const assessor = generatePrivateJwk('ES256');
    const list = signTrustList(
      {
        format: 'quickscan-trustlist',
        formatVersion: 1,
        listId: '7d1e4b9a-9c2f-4a5b-8c6d-7e8f9a0b1c2d',
        name: 'Provincie Zeeland – beoordelaars',
        sequence: 3,
        issuedAt: '2026-11-01T00:00:00Z',
        validUntil: '2099-01-01T00:00:00Z',
        operator: { name: 'Provincie Zeeland', organisation: 'Provincie Zeeland', key: publicJwkOf(operator) },
        entries: [{ key: publicJwkOf(assessor), name: 'Joris Kallewaard', organisation: 'Bureau', role: 'independent-assessor', validFrom: '2026-01-01T00:00:00Z' }],
        revocations: [],
      },
      operator,
    );
    const bytes = new TextEncoder().encode(JSON.stringify(list));
    const taken = classifyInput('zeeland.quickscan-trustlist.json', bytes);
    expect(taken.kind).toBe('trust');
    if (taken.kind !== 'trust') return;
    expect(taken.trust.list?.content.sequence).toBe(3);
    expect(trustOptions([taken.trust]).anchors?.lists).toHaveLength(1);
    const changed = new TextEncoder().encode(JSON.stringify({ ...list, content: { ...list.content, sequence: 4 } }));
    expect(classifyInput('x.json', changed)).toEqual({ kind: 'problem', key: 'verifier.trustListInvalid' });
  });

  it('writes one CSV row per result, worded in the language, formulas neutralised', async () => {
    const result = await verifyFile(read('issued/new-build-school-goes.nl.pdf'), 'a.pdf');
    const nl = resultRow('=evil().pdf', result, 'nl');
    expect(nl).toHaveLength(RESULT_COLUMNS.length);
    expect(nl[1]).toBe('ONBESLIST');
    expect(nl[2]).toMatch(/^QS-/);
    expect(RESULT_COLUMNS).not.toContain('status');
    const csv = csvText([nl], 'nl');
    expect(csv.startsWith("\uFEFF'=evil().pdf;")).toBe(true);
    expect(resultRow('a.pdf', result, 'en')[1]).toBe('INDETERMINATE');
  });
});

describe('standalone verifier: key statements', () => {
  const oldKey = generatePrivateJwk('ES256') as typeof TEST_KEY_P256.privateJwk;
  const newKey = generatePrivateJwk('ES256') as typeof TEST_KEY_P256.privateJwk;
  const holder = { issuedAt: '2026-05-30T09:00:00Z', name: 'Ir. A. de Vries', organisation: 'Bureau De Vries' };
  const bytesOf = (text: string) => new TextEncoder().encode(text);
  const revision = (privateJwk: typeof oldKey, issuedAt: string) => bytesOf(JSON.stringify(issueV2(exampleScan(), { privateJwk, input: { issuedAt } })));
  const keyFile = classifyInput('vries.json', bytesOf(JSON.stringify([{ key: publicJwkOf(oldKey), label: 'Bureau De Vries' }])));
  const ownKey = keyFile.kind === 'trust' ? keyFile.trust : undefined;
  const verdicts = async (trust: TrustInput[], files: Record<string, Uint8Array>) => {
    const options = trustState(trust, new Date('2026-12-01T00:00:00Z')).options;
    const out: Record<string, string | null> = {};
    for (const [name, bytes] of Object.entries(files)) out[name] = verdictOf(await verifyFile(bytes, `${name}.quickscan-issued.json`, options));
    return out;
  };

  it('a rotation asks for confirmation first; confirmed, the new key has the old key’s trust and the old key is superseded', async () => {
    const rotation = keyStatementJsonText(
      await signKeyRotation(
        { format: 'quickscan-key-statement', formatVersion: 1, statement: 'key-rotation', oldKey: publicJwkOf(oldKey), newKey: publicJwkOf(newKey), effectiveAt: '2026-06-01T00:00:00Z', ...holder },
        privateJwkSigner(oldKey),
        privateJwkSigner(newKey),
      ),
    );
    const taken = classifyInput('vries.rotation.quickscan-key-statement.json', bytesOf(rotation));
    expect(taken.kind).toBe('confirm');
    if (taken.kind !== 'confirm' || !ownKey) throw new Error('not classified');
    // the confirmation names holder, both fingerprints and the date, and how the old key is trusted now (the app's words)
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('nl', key, params);
    const c = statementConfirmation(t, taken.trust.statement, trustState([ownKey]).options.anchors, (iso) => iso.slice(0, 10));
    expect(c.fingerprint).toBe(keyFingerprint(publicJwkOf(newKey)));
    expect(c.details.map((d) => d.text)).toEqual(expect.arrayContaining([`Oude sleutel: ${keyFingerprint(publicJwkOf(oldKey))}`, 'U vertrouwt de oude sleutel als „Bureau De Vries”.']));
    expect(c.intro).toContain('Ir. A. de Vries, Bureau De Vries');
    expect(c.intro).toContain('2026-06-01');
    const files = { before: revision(oldKey, '2026-05-15T10:00:00Z'), oldAfter: revision(oldKey, '2026-07-01T10:00:00Z'), newAfter: revision(newKey, '2026-07-01T10:00:00Z') };
    // not confirmed (only the key): the new key is unknown
    expect(await verdicts([ownKey], files)).toEqual({ before: 'passed', oldAfter: 'passed', newAfter: 'indeterminate' });
    // confirmed
    expect(await verdicts([ownKey, taken.trust], files)).toEqual({ before: 'passed', oldAfter: 'failed', newAfter: 'passed' });
  });

  it('a revocation counts at once: later revisions by the key fail, earlier ones pass', async () => {
    const revocation = keyStatementJsonText(
      await signKeyRevocation({ format: 'quickscan-key-statement', formatVersion: 1, statement: 'key-revocation', key: publicJwkOf(oldKey), revokedAt: '2026-06-01T00:00:00Z', reason: 'key-compromise', ...holder }, privateJwkSigner(oldKey)),
    );
    const taken = classifyInput('vries.revocation.quickscan-key-statement.json', bytesOf(revocation));
    expect(taken.kind).toBe('trust');
    if (taken.kind !== 'trust' || !ownKey) throw new Error('not classified');
    expect(taken.trust.statement?.kind).toBe('key-revocation');
    expect(await verdicts([ownKey, taken.trust], { before: revision(oldKey, '2026-05-15T10:00:00Z'), after: revision(oldKey, '2026-07-01T10:00:00Z') })).toEqual({ before: 'passed', after: 'failed' });
    // without any trusted key it still takes trust away
    expect(await verdicts([taken.trust], { after: revision(oldKey, '2026-07-01T10:00:00Z') })).toEqual({ after: 'failed' });

    // a trust list issued after the revocation by the key it revokes does not count
    const list = signTrustList(
      {
        format: 'quickscan-trustlist',
        formatVersion: 1,
        listId: '7d1e4b9a-9c2f-4a5b-8c6d-7e8f9a0b1c2d',
        name: 'Bureau-lijst',
        sequence: 1,
        issuedAt: '2026-07-01T00:00:00Z',
        validUntil: '2099-01-01T00:00:00Z',
        operator: { name: 'Bureau De Vries', organisation: 'Bureau De Vries', key: publicJwkOf(oldKey) },
        entries: [{ key: publicJwkOf(newKey), name: 'Ir. A. de Vries', organisation: 'Bureau De Vries', role: 'independent-assessor', validFrom: '2026-01-01T00:00:00Z' }],
        revocations: [],
      },
      oldKey,
    );
    const listInput = classifyInput('bureau.quickscan-trustlist.json', bytesOf(JSON.stringify(list)));
    if (listInput.kind !== 'trust') throw new Error('not a list');
    expect(trustState([listInput.trust]).unusable).toEqual([]);
    const both = trustState([listInput.trust, taken.trust]);
    expect(both.unusable).toEqual([listInput.trust]);
    expect(both.options.anchors?.lists).toEqual([]);
  });

  it('a bad statement file gets one message in the user’s language, naming the file', async () => {
    const revocation = keyStatementJsonText(
      await signKeyRevocation({ format: 'quickscan-key-statement', formatVersion: 1, statement: 'key-revocation', key: publicJwkOf(oldKey), revokedAt: '2026-06-01T00:00:00Z', reason: 'key-compromise', ...holder }, privateJwkSigner(oldKey)),
    );
    const altered = classifyInput('x.json', bytesOf(revocation.replace('2026-06-01T00:00:00Z', '2026-01-01T00:00:00Z')));
    expect(altered).toEqual({ kind: 'problem', key: 'keyStatements.error.data-altered', params: { name: 'x.json', detail: '' } });
    if (altered.kind !== 'problem') return;
    expect(translate('nl', altered.key, altered.params)).toBe('„x.json” is na ondertekening gewijzigd; de sleutelverklaring is geweigerd en er is niets veranderd.');
    expect(translate('en', altered.key, altered.params)).toContain('x.json');
    const garbage = classifyInput('y.quickscan-key-statement.json', bytesOf('not json at all'));
    expect(garbage).toMatchObject({ kind: 'problem', key: 'keyStatements.error.not-json' });
    const twice = classifyInput('z.quickscan-key-statement.json', bytesOf(revocation.replace('"name":', '"name": "x", "name":')));
    expect(twice).toMatchObject({ kind: 'problem', key: 'keyStatements.error.duplicate-key' });
  });
});
