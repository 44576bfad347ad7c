import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyFile } from '../report/verify';
import { csvText } from '../scoring/csv';
import { translate } from '../renderer/i18n';
import { classifyInput, resultRow, RESULT_COLUMNS, statusKey } from './model';

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

  it('writes one CSV row per result, worded in the language, formulas neutralised', async () => {
    const result = await verifyFile(read('issued/new-build-school-goes.nl.pdf'), 'a.pdf');
    const nl = resultRow('=evil().pdf', result, 'nl');
    expect(nl).toHaveLength(RESULT_COLUMNS.length);
    expect(nl[1]).toBe(translate('nl', statusKey(result)));
    expect(nl[2]).toMatch(/^QS-/);
    const csv = csvText([nl], 'nl');
    expect(csv.startsWith("\uFEFF'=evil().pdf;")).toBe(true);
    expect(resultRow('a.pdf', result, 'en')[1]).toBe(translate('en', statusKey(result)));
    expect(translate('en', statusKey(result))).not.toBe(nl[1]);
  });
});
