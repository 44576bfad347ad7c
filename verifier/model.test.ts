import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyFile } from '../report/verify';
import { csvText } from '../scoring/csv';
import { translate } from '../renderer/i18n';
import { generatePrivateJwk, publicJwkOf } from '../scoring/keys';
import { signTrustList } from '../scoring/trust';
import { classifyInput, resultRow, RESULT_COLUMNS, statusKey, trustOptions } from './model';

const examples = join(import.meta.dirname, '../docs/examples');
const read = (p: string) => new Uint8Array(readFileSync(join(examples, p)));

describe('standalone verifier model', () => {
  it('takes key files as trust, everything else for verification', () => {
    const keys = classifyInput('trusted-bidder-keys.json', read('tender/trusted-bidder-keys.json'));
    expect(keys.kind).toBe('trust');
    if (keys.kind === 'trust') expect(keys.trust.keys[0]!.fingerprint).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
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
    expect(nl[2]).toBe(translate('nl', statusKey(result)));
    expect(nl[3]).toMatch(/^QS-/);
    const csv = csvText([nl], 'nl');
    expect(csv.startsWith("\uFEFF'=evil().pdf;")).toBe(true);
    expect(resultRow('a.pdf', result, 'en')[2]).toBe(translate('en', statusKey(result)));
    expect(translate('en', statusKey(result))).not.toBe(nl[2]);
  });
});
