import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDefinition } from '../../forms/registry';
import { chanceWithinBudget } from '../../scoring/advice';
import { cheapestCompliance } from '../../scoring/compliance';
import { optimize } from '../../scoring/optimize';
import { parseProfileEnvelope } from '../../scoring/profile';
import { parseScanFile } from '../../scoring/scan-file';
import type { ScanInput } from '../../scoring/score';
import type { ScoringDefinition } from '../../scoring/types';
import { stressAnswers, stressDefinition } from '../../scripts/bench/stress';
import { createBudgetClient, type BudgetPort } from './budget-client';
import { createBudgetHandler, frontierView } from './budget-handler';
import { CHART_POINTS, parseBudgetResponse, scoringPart, UPGRADES_SHOWN, type BudgetRequest, type BudgetResponse } from './budget-protocol';
import type { OptimizeResult } from '../../scoring/optimize';

/** What the screen gets of optimize(). */
const view = (r: OptimizeResult) => ({ frontier: frontierView(r.frontier), best: r.best, perLabel: r.perLabel, upgrades: r.upgrades.slice(0, UPGRADES_SHOWN), upgradeCount: r.upgrades.length });

const root = new URL('../../', import.meta.url);
const zeeland = getDefinition('zeeland-quickscan', '1.0.0')!.definition;
const scanFile = (() => {
  const parsed = parseScanFile(JSON.parse(readFileSync(new URL('docs/examples/new-build-school-goes.quickscan.json', root), 'utf8')));
  if (!parsed.ok) throw new Error('example scan file does not parse');
  return parsed.file;
})();
const input: ScanInput = {
  project: { kind: scanFile.project.kind, gfaM2: scanFile.project.gfaM2, constructionBudgetEur: scanFile.project.constructionBudgetEur, circularBudget: scanFile.project.circularBudget },
  answers: Object.fromEntries(Object.entries(scanFile.scan.answers).map(([id, a]) => [id, 'level' in a ? { level: a.level } : { notApplicable: true as const }])),
  costOverrides: scanFile.scan.costOverrides,
};
const profile = (() => {
  const parsed = parseProfileEnvelope(JSON.parse(readFileSync(new URL('docs/examples/tender/requirement-profile.json', root), 'utf8')));
  if (!parsed.ok) throw new Error('example profile does not parse');
  return parsed.envelope.content;
})();

const request = (over: Partial<BudgetRequest> = {}): BudgetRequest => ({
  type: 'budget',
  id: 1,
  definitionKey: 'zeeland',
  definition: scoringPart(zeeland),
  input,
  options: { prudent: false, locked: [] },
  profile: null,
  ...over,
});

/** What crosses the thread boundary: a structured clone, then the receiving side's validation. */
const acrossThreads = (response: BudgetResponse) => parseBudgetResponse(structuredClone(response));

describe('the budget worker handler', () => {
  it('answers with the numbers of the scoring functions themselves, and the answer survives the trip back', () => {
    const handler = createBudgetHandler();
    const response = acrossThreads(handler.handle(structuredClone(request({ options: { prudent: true, locked: ['A1'] }, profile }))));
    expect(response?.type).toBe('budget-result');
    if (response?.type !== 'budget-result') return;
    const expected = optimize(zeeland, input, { prudent: true, locked: ['A1'] });
    expect(response.result.optimize).toEqual(view(expected));
    const budget = expected.best!.budgetCents;
    expect(response.result.chances.best).toEqual(chanceWithinBudget(zeeland, input, expected.best!.plan!.answers, budget));
    expect(response.result.chances.perLabel).toEqual(expected.perLabel.map((l) => (l.plan ? chanceWithinBudget(zeeland, input, l.plan.answers, budget) : null)));
    const plan = cheapestCompliance(zeeland, input, profile, { prudent: true, locked: ['A1'] });
    expect(response.result.compliance).toEqual(plan && { levels: plan.levels, score: plan.score, cost: plan.cost, changes: plan.changes });
  });

  it('takes a format-2 requirement profile too (same requirements: the same compliance plan)', () => {
    const parsed = parseProfileEnvelope(JSON.parse(readFileSync(new URL('docs/examples/tender/requirement-profile.format-2.json', root), 'utf8')));
    if (!parsed.ok) throw new Error('format-2 example profile does not parse');
    const v2 = acrossThreads(createBudgetHandler().handle(structuredClone(request({ profile: parsed.envelope.content }))));
    const v1 = acrossThreads(createBudgetHandler().handle(structuredClone(request({ profile }))));
    expect(v2?.type).toBe('budget-result');
    if (v2?.type !== 'budget-result' || v1?.type !== 'budget-result') return;
    expect(v2.result.compliance).toBeDefined();
    expect(v2.result.compliance).toEqual(v1.result.compliance);
  });

  it('without a profile computes no compliance plan', () => {
    const response = createBudgetHandler().handle(request());
    expect(response.type === 'budget-result' && response.result.compliance).toBeUndefined();
  });

  it('keeps a definition by its key, so later requests need not carry it', () => {
    const handler = createBudgetHandler();
    expect(handler.handle(request({ id: 1 })).type).toBe('budget-result');
    const again = handler.handle(request({ id: 2, definition: undefined }));
    expect(again).toMatchObject({ type: 'budget-result', id: 2 });
    expect(createBudgetHandler().handle(request({ id: 3, definition: undefined }))).toEqual({ type: 'budget-error', id: 3, code: 'bad-request' });
  });

  it('refuses malformed requests with a code, never by throwing', () => {
    const handler = createBudgetHandler();
    expect(handler.handle('optimise please')).toEqual({ type: 'budget-error', id: -1, code: 'bad-request' });
    expect(handler.handle({ ...request({ id: 4 }), extra: true })).toEqual({ type: 'budget-error', id: 4, code: 'bad-request' });
    expect(handler.handle(request({ id: 5, input: { ...input, project: { ...input.project, gfaM2: -1 } } }))).toMatchObject({ code: 'bad-request' });
    const badLevel = structuredClone(request({ id: 6 })) as unknown as { definition: { questions: { levels: { points: number }[] }[] } };
    badLevel.definition.questions[0]!.levels[0]!.points = 0.5;
    expect(handler.handle(badLevel)).toMatchObject({ id: 6, code: 'bad-request' });
  });

  it('the screen side refuses an answer that is not one', () => {
    expect(parseBudgetResponse({ type: 'budget-result', id: 1, result: { optimize: {} } })).toBeUndefined();
    expect(parseBudgetResponse({ type: 'budget-error', id: 1, code: 'oops' })).toBeUndefined();
    expect(parseBudgetResponse({ type: 'budget-error', id: 1, code: 'failed' })).toEqual({ type: 'budget-error', id: 1, code: 'failed' });
  });

  it('on the 300 × 5 stress definition gives what optimize gives', () => {
    const stress = stressDefinition(300, 5);
    const stressInput: ScanInput = { project: { kind: 'new_build', gfaM2: 5000, constructionBudgetEur: 10_000_000, circularBudget: { mode: 'pct', pct: 2 } }, answers: stressAnswers(stress) };
    const response = acrossThreads(createBudgetHandler().handle(structuredClone(request({ definitionKey: 'stress', definition: scoringPart(stress), input: stressInput }))));
    expect(response?.type).toBe('budget-result');
    if (response?.type !== 'budget-result') return;
    const expected = optimize(stress, stressInput);
    expect(response.result.optimize).toEqual(view(expected));
    // the chart's frontier: thinned, first and last kept, every point one of the frontier's, in order
    const chart = response.result.optimize.frontier;
    expect(chart.count).toBe(expected.frontier.points.length);
    expect(chart.count).toBeGreaterThan(CHART_POINTS);
    expect(chart.points.length).toBeLessThanOrEqual(CHART_POINTS + 1);
    expect(chart.points[0]).toEqual({ costHalfCents: expected.frontier.points[0]!.costHalfCents, total: { display: expected.frontier.points[0]!.total!.display } });
    expect(chart.points.at(-1)!.costHalfCents).toBe(expected.frontier.points.at(-1)!.costHalfCents);
    const byCost = new Map(expected.frontier.points.map((p) => [p.costHalfCents, p.total!.display]));
    chart.points.forEach((p, i) => {
      expect(byCost.get(p.costHalfCents)).toBe(p.total.display);
      if (i > 0) expect(p.costHalfCents).toBeGreaterThan(chart.points[i - 1]!.costHalfCents);
    });
  }, 60_000);
});

/** A stand-in worker: runs the real handler on a later tick, with structured clones both ways. */
function fakeWorkers() {
  const spawned: { port: BudgetPort; received: unknown[]; terminated: boolean }[] = [];
  const spawn = (): BudgetPort => {
    const handler = createBudgetHandler();
    const entry = { port: null as unknown as BudgetPort, received: [] as unknown[], terminated: false };
    entry.port = {
      onmessage: null,
      onerror: null,
      postMessage(message) {
        const copy = structuredClone(message);
        entry.received.push(copy);
        setTimeout(() => {
          if (!entry.terminated) entry.port.onmessage?.({ data: structuredClone(handler.handle(copy)) });
        }, 0);
      },
      terminate() {
        entry.terminated = true;
      },
    };
    spawned.push(entry);
    return entry.port;
  };
  return { spawned, spawn };
}

const query = (over: { locked?: string[]; definition?: ScoringDefinition } = {}) => ({
  definition: over.definition ?? zeeland,
  input,
  options: { prudent: false, locked: over.locked ?? [] },
  profile: null,
});

describe('the budget client', () => {
  it('newest input wins: a busy worker is ended, only the newest answer arrives', async () => {
    const { spawned, spawn } = fakeWorkers();
    const client = createBudgetClient(spawn);
    const answers: BudgetResponse[] = [];
    client.request(query(), (r) => answers.push(r));
    const second = client.request(query({ locked: ['A1'] }), (r) => answers.push(r));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(spawned).toHaveLength(2);
    expect(spawned[0]!.terminated).toBe(true);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ type: 'budget-result', id: second });
    if (answers[0]!.type === 'budget-result') expect(answers[0]!.result.optimize).toEqual(view(optimize(zeeland, input, { locked: ['A1'] })));
    client.dispose();
  });

  it('sends a definition once per worker, and again to a fresh one', async () => {
    const { spawned, spawn } = fakeWorkers();
    const client = createBudgetClient(spawn);
    const answered = () => new Promise<BudgetResponse>((resolve) => client.request(query(), resolve));
    await answered();
    await answered();
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.received.map((m) => 'definition' in (m as object))).toEqual([true, false]);
    client.request(query(), () => {});
    const fresh = answered(); // the busy worker is ended: the new one gets the definition again
    expect((await fresh).type).toBe('budget-result');
    expect(spawned).toHaveLength(2);
    expect('definition' in (spawned[1]!.received[0] as object)).toBe(true);
    client.dispose();
  });

  it('a cancelled query gets no answer; a worker that fails says so for the query it had', async () => {
    const { spawn } = fakeWorkers();
    const client = createBudgetClient(spawn);
    let called = false;
    client.request(query(), () => (called = true));
    client.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(called).toBe(false);

    let port: BudgetPort | undefined;
    const failing = createBudgetClient(() => (port = { onmessage: null, onerror: null, postMessage() {}, terminate() {} }));
    const answer = new Promise<BudgetResponse>((resolve) => failing.request(query(), resolve));
    port!.onerror?.(new Event('error'));
    expect(await answer).toMatchObject({ type: 'budget-error', code: 'failed' });

    const garbled = createBudgetClient(() => (port = { onmessage: null, onerror: null, postMessage() {}, terminate() {} }));
    const id = garbled.request(query(), () => {});
    const answer2 = new Promise<BudgetResponse>((resolve) => garbled.request(query(), resolve));
    port!.onmessage?.({ data: { type: 'budget-result', id: id + 1, result: 'forged' } });
    expect(await answer2).toMatchObject({ type: 'budget-error', code: 'failed' });
  });
});
