import { describe, expect, it } from 'vitest';
import { exampleScan, issue, issueV2 } from '../../report/fixtures/example';
import type { AnyIssuedEnvelope } from '../../scoring/issued';
import { checkRevision } from './common';
import { FileFailure } from './errors';

const rawOf = (envelope: AnyIssuedEnvelope | unknown) => {
  const env = envelope as AnyIssuedEnvelope;
  return { id: env.content.revisionId, projectId: 'p1', scanId: 's1', referenceCode: env.referenceCode, contentHash: env.contentHash, phase: env.content.phase, issuedAt: env.content.issuedAt, envelope };
};
const refusal = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof FileFailure ? error.key : 'other';
  }
  return undefined;
};

describe('checkRevision (an issued revision from a file: THE envelope check, scoring/envelope-check.ts)', () => {
  it('keeps intact format-1 and format-2 revisions as they were issued', () => {
    for (const env of [issue(exampleScan()), issueV2(exampleScan())]) {
      const record = checkRevision(rawOf(env));
      expect(record.envelope).toEqual(env);
      expect(record.referenceCode).toBe(env.referenceCode);
    }
  });

  it('refuses altered data, a member named __proto__ and indexed fields that are not the envelope’s', () => {
    const env = structuredClone(issueV2(exampleScan()));
    const altered = structuredClone(env);
    altered.content.assumptions = 'Anders';
    expect(refusal(() => checkRevision(rawOf(altered)))).toBe('files.error.revisionAltered');
    const proto = JSON.parse(JSON.stringify(env).replace('"content":{', '"content":{"__proto__":{"x":1},'));
    expect(refusal(() => checkRevision(rawOf(proto)))).toBe('files.error.revisionInvalid');
    expect(refusal(() => checkRevision({ ...rawOf(env), phase: 'DO' }))).toBe('files.error.revisionAltered');
    expect(refusal(() => checkRevision({ ...rawOf(env), envelope: { nope: 1 } }))).toBe('files.error.revisionInvalid');
  });
});
