import type { CostIndication } from '../../forms/schema';
import { costToCents } from '../../scoring/money';
import { gfaHundredths } from '../../scoring/prepare';
import type { CostOverrideRecord } from '../db/records';

/** The cost indication that applies to a level in this scan: the project's override, else the method's. */
export function effectiveCost(questionId: string, levelId: string, methodCost: CostIndication, overrides: readonly CostOverrideRecord[]): { cost: CostIndication; isOverridden: boolean } {
  const override = overrides.find((o) => o.question === questionId && o.level === levelId);
  return override ? { cost: override.cost, isOverridden: true } : { cost: methodCost, isOverridden: false };
}

/** The level's extra cost for this project in cents (low, high), computed exactly as the engine does. */
export function projectCostCents(cost: CostIndication, gfaM2: number): { low: number; high: number } {
  return costToCents(cost, gfaHundredths(gfaM2));
}
