/**
 * The worker's side of the budget protocol as a plain function, so that it runs (and is tested)
 * in Node as well: validates a request, computes with the scoring functions the screen used to
 * call itself, and returns the response. No React, no DOM.
 */
import { chanceWithinBudget } from '../../scoring/advice';
import { cheapestCompliance } from '../../scoring/compliance';
import { optimize, scoredPoints, type Frontier, type Plan, type ScoredFrontierPoint } from '../../scoring/optimize';
import type { ScanInput } from '../../scoring/score';
import type { ScoringDefinition } from '../../scoring/types';
import type { ProfileContent } from '../../scoring/profile';
import { budgetRequestSchema, CHART_POINTS, UPGRADES_SHOWN, type BudgetResponse, type BudgetResult, type FrontierView } from './budget-protocol';

/** The definitions a worker keeps, by key (newest last); a few, so switching scans is cheap. */
const KEEP_DEFINITIONS = 4;

export interface BudgetHandler {
  handle(message: unknown): BudgetResponse;
}

/**
 * The frontier thinned for the chart: the cost axis from the first to the last point is cut into
 * `max - 1` equal steps and the last point of every step is kept (the frontier's score rises with
 * its cost, so that point is the step's highest), plus the very first point.
 */
export function frontierView(frontier: Frontier, max = CHART_POINTS): FrontierView {
  const all = scoredPoints(frontier.points);
  const point = (p: ScoredFrontierPoint) => ({ costHalfCents: p.costHalfCents, total: { display: p.total.display } });
  let points: FrontierView['points'];
  if (all.length <= max) points = all.map(point);
  else {
    const first = all[0]!.costHalfCents;
    const span = all.at(-1)!.costHalfCents - first;
    const kept: FrontierView['points'][number][] = [point(all[0]!)];
    const stepOf = (i: number) => Math.floor(((all[i]!.costHalfCents - first) * (max - 1)) / span);
    for (let i = 1; i < all.length; i++) {
      if (i === all.length - 1 || stepOf(i + 1) > stepOf(i)) kept.push(point(all[i]!));
    }
    points = kept;
  }
  return { costMode: frontier.costMode, current: frontier.current, count: all.length, points };
}

/** The computation itself: what the budget screen shows. */
export function computeBudget(
  definition: ScoringDefinition,
  input: ScanInput,
  options: { prudent: boolean; locked: readonly string[] },
  profile: ProfileContent | null,
): BudgetResult {
  const result = optimize(definition, input, { prudent: options.prudent, locked: options.locked });
  const budgetCents = result.best?.budgetCents ?? null;
  const chance = (plan: Plan | null) => (plan && budgetCents !== null ? chanceWithinBudget(definition, input, plan.answers, budgetCents) : null);
  let compliance: BudgetResult['compliance'];
  if (profile) {
    const plan = cheapestCompliance(definition, input, profile, { prudent: options.prudent, locked: options.locked });
    compliance = plan ? { levels: plan.levels, score: plan.score, cost: plan.cost, changes: plan.changes } : null;
  }
  return {
    optimize: {
      frontier: frontierView(result.frontier),
      best: result.best,
      perLabel: result.perLabel,
      upgrades: result.upgrades.slice(0, UPGRADES_SHOWN),
      upgradeCount: result.upgrades.length,
    },
    chances: { best: chance(result.best?.plan ?? null), perLabel: result.perLabel.map((l) => chance(l.plan)) },
    compliance,
  };
}

export function createBudgetHandler(): BudgetHandler {
  const definitions = new Map<string, ScoringDefinition>();
  return {
    handle(message: unknown): BudgetResponse {
      const parsed = budgetRequestSchema.safeParse(message);
      if (!parsed.success) {
        const id = typeof message === 'object' && message !== null && Number.isSafeInteger((message as { id?: unknown }).id) ? Math.max(-1, (message as { id: number }).id) : -1;
        return { type: 'budget-error', id, code: 'bad-request' };
      }
      const request = parsed.data;
      if (request.definition) {
        definitions.delete(request.definitionKey);
        definitions.set(request.definitionKey, request.definition);
        while (definitions.size > KEEP_DEFINITIONS) definitions.delete(definitions.keys().next().value!);
      }
      const definition = definitions.get(request.definitionKey);
      if (!definition) return { type: 'budget-error', id: request.id, code: 'bad-request' };
      try {
        return { type: 'budget-result', id: request.id, result: computeBudget(definition, request.input, request.options, request.profile) };
      } catch {
        return { type: 'budget-error', id: request.id, code: 'failed' };
      }
    },
  };
}
