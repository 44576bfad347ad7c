/**
 * The messages between the budget screen and its Web Worker (budget.worker.ts), as zod schemas:
 * both sides validate what they receive. The worker calls the scoring functions themselves
 * (optimize, chanceWithinBudget, cheapestCompliance): there is no second implementation, only a
 * second thread.
 *
 * - request  `{ type: 'budget', id, definitionKey, definition?, input, options, profile }`: the
 *   definition travels once per key (the worker keeps the last few); `id` grows with every
 *   request, and only the answer to the newest one is used (newest input wins).
 * - response `{ type: 'budget-result', id, result }` or `{ type: 'budget-error', id, code }`.
 */
import * as z from 'zod';
import { costIndicationSchema, projectKindSchema } from '../../forms/schema';
import { anyProfileContentSchema } from '../../scoring/profile';
import { answerSchema, circularBudgetSchema, costOverrideSchema } from '../../scoring/scan-file';
import type { BudgetChance } from '../../scoring/advice';
import type { CompliancePlan } from '../../scoring/compliance';
import type { Frontier, OptimizeResult } from '../../scoring/optimize';
import type { ScanInput } from '../../scoring/score';
import type { ScoringDefinition } from '../../scoring/types';
import type { ProfileContent } from '../../scoring/profile';

/* What the optimiser reads of a method (scoring/types.ts ScoringDefinition). ------------------ */

const idSchema = z.string().min(1).max(200);
const nonNegativeInt = z.number().int().nonnegative();

export const scoringDefinitionSchema = z.object({
  themes: z.array(z.object({ id: idSchema, weight: z.number().int().positive() }).strict()).min(1),
  questions: z.array(
    z
      .object({
        id: idSchema,
        theme: idSchema,
        appliesTo: z.array(projectKindSchema),
        allowNotApplicable: z.boolean(),
        levels: z.array(z.object({ id: idSchema, points: nonNegativeInt, cost: costIndicationSchema }).strict()).min(1),
      })
      .strict(),
  ),
  labels: z.array(
    z
      .object({
        id: idSchema,
        minTotal: z.number().int().min(0).max(100),
        minPerTheme: z.number().int().min(0).max(100),
        themeMinimums: z.record(z.string(), z.number().int().min(0).max(100)).optional(),
      })
      .strict(),
  ),
});

/** Only the scoring part of a method travels to the worker (titles and help texts stay behind). */
export function scoringPart(def: ScoringDefinition): ScoringDefinition {
  return {
    themes: def.themes.map((t) => ({ id: t.id, weight: t.weight })),
    questions: def.questions.map((q) => ({
      id: q.id,
      theme: q.theme,
      appliesTo: [...q.appliesTo],
      allowNotApplicable: q.allowNotApplicable,
      levels: q.levels.map((l) => ({ id: l.id, points: l.points, cost: { basis: l.cost.basis, low: l.cost.low, high: l.cost.high } })),
    })),
    labels: def.labels.map((l) => ({ id: l.id, minTotal: l.minTotal, minPerTheme: l.minPerTheme, ...(l.themeMinimums ? { themeMinimums: { ...l.themeMinimums } } : {}) })),
  };
}

export const scanInputSchema = z
  .object({
    project: z
      .object({
        kind: projectKindSchema,
        gfaM2: z.number().positive(),
        constructionBudgetEur: z.number().nonnegative().optional(),
        circularBudget: circularBudgetSchema.optional(),
      })
      .strict(),
    answers: z.record(z.string(), answerSchema),
    costOverrides: z.array(costOverrideSchema).optional(),
  })
  .strict();

export const budgetRequestSchema = z
  .object({
    type: z.literal('budget'),
    id: nonNegativeInt,
    definitionKey: z.string().min(1).max(200),
    definition: scoringDefinitionSchema.optional(),
    input: scanInputSchema,
    options: z.object({ prudent: z.boolean(), locked: z.array(z.string()) }).strict(),
    /** A loaded tender profile: the cheapest plan that meets it is computed too. */
    profile: anyProfileContentSchema.nullable(),
  })
  .strict();

export interface BudgetRequest {
  readonly type: 'budget';
  readonly id: number;
  readonly definitionKey: string;
  readonly definition?: ScoringDefinition | undefined;
  readonly input: ScanInput;
  readonly options: { readonly prudent: boolean; readonly locked: readonly string[] };
  readonly profile: ProfileContent | null;
}

/* What comes back. ---------------------------------------------------------------------------- */

const rationalSchema = z.object({ num: z.bigint(), den: z.bigint().positive() }).strict();
const scoreValueSchema = z.object({ exact: rationalSchema, display: z.number() }).strict();
const centsSchema = z.number().int();
const costCentsSchema = z.object({ lowCents: centsSchema, midCents: centsSchema, highCents: centsSchema }).strict();
const levelOrNull = z.string().nullable();

const scanScoreSchema = z
  .object({
    themes: z.array(
      z
        .object({
          id: z.string(),
          weight: z.number(),
          points: z.number(),
          max: z.number(),
          exact: rationalSchema.nullable(),
          display: z.number().nullable(),
          applicable: nonNegativeInt,
          answered: nonNegativeInt,
          notApplicable: nonNegativeInt,
          unanswered: nonNegativeInt,
        })
        .strict(),
    ),
    total: scoreValueSchema.nullable(),
    label: z
      .object({
        reached: z.string().nullable(),
        next: z
          .object({
            id: z.string(),
            missingTotal: z.number(),
            missingTotalExact: rationalSchema,
            themesBelow: z.array(z.object({ theme: z.string(), needed: z.number(), has: z.number() }).strict()),
          })
          .strict()
          .nullable(),
      })
      .strict(),
    unanswered: z.array(z.string()),
    notApplicable: z.array(z.string()),
    ignoredAnswers: z.array(z.string()),
    cost: costCentsSchema,
  })
  .strict();

const planSchema = z
  .object({
    answers: z.record(z.string(), levelOrNull),
    score: scanScoreSchema,
    cost: costCentsSchema,
    changes: z.array(z.object({ question: z.string(), from: levelOrNull, to: levelOrNull }).strict()),
  })
  .strict();

const frontierViewSchema = z
  .object({
    costMode: z.enum(['mid', 'high']),
    current: z.object({ total: scoreValueSchema.nullable(), cost: costCentsSchema, costHalfCents: z.number().int() }).strict(),
    count: nonNegativeInt,
    points: z.array(z.object({ costHalfCents: z.number().int(), total: z.object({ display: z.number() }).strict() }).strict()),
  })
  .strict();

const optimizeViewSchema = z
  .object({
    frontier: frontierViewSchema,
    best: z.object({ costMode: z.enum(['mid', 'high']), budgetCents: centsSchema, plan: planSchema.nullable() }).strict().nullable(),
    perLabel: z.array(z.object({ label: z.string(), plan: planSchema.nullable() }).strict()),
    upgrades: z.array(
      z
        .object({
          question: z.string(),
          theme: z.string(),
          from: levelOrNull,
          to: z.string(),
          deltaTotal: scoreValueSchema,
          deltaCost: costCentsSchema,
          total: scoreValueSchema,
          withinBudget: z.boolean().nullable(),
        })
        .strict(),
    ),
    upgradeCount: nonNegativeInt,
  })
  .strict();

const chanceSchema = z.object({ within: nonNegativeInt, draws: z.number().int().positive(), exact: z.boolean() }).strict();

const complianceAdviceSchema = z
  .object({
    levels: z.record(z.string(), levelOrNull),
    score: scanScoreSchema,
    cost: costCentsSchema,
    changes: z.array(z.object({ question: z.string(), from: levelOrNull, fromNotApplicable: z.boolean(), to: levelOrNull }).strict()),
  })
  .strict();

/** The part of a compliance plan the budget screen shows and applies. */
export type ComplianceAdvice = Pick<CompliancePlan, 'levels' | 'score' | 'cost' | 'changes'>;

/**
 * The frontier as the chart draws it: the current design, how many efficient combinations there
 * are (`count`), and at most about `CHART_POINTS` of them (the first and the last always; the
 * frontier rises with the cost, so the line looks the same). The full frontier of a large method
 * has tens of thousands of points, far more than a chart can show or a message should carry.
 */
export interface FrontierView {
  readonly costMode: Frontier['costMode'];
  readonly current: Frontier['current'];
  readonly count: number;
  readonly points: readonly { readonly costHalfCents: number; readonly total: { readonly display: number } }[];
}

/** Frontier points the chart gets at most (about two per pixel column of its 640-unit width). */
export const CHART_POINTS = 1200;
/** Single upgrades the screen lists (the best per euro first). */
export const UPGRADES_SHOWN = 12;

/** What the screen shows of optimize(): the plans and the current design in full, the frontier thinned, the first upgrades. */
export interface OptimizeView {
  readonly frontier: FrontierView;
  readonly best: OptimizeResult['best'];
  readonly perLabel: OptimizeResult['perLabel'];
  readonly upgrades: OptimizeResult['upgrades'];
  /** How many single upgrades there are in all. */
  readonly upgradeCount: number;
}

export interface BudgetResult {
  readonly optimize: OptimizeView;
  /** The chance within budget of the best plan and of every label's plan (perLabel order); null without a budget or plan. */
  readonly chances: { readonly best: BudgetChance | null; readonly perLabel: readonly (BudgetChance | null)[] };
  /** Without a profile: undefined; with one: the cheapest plan that meets it, or null when none can. */
  readonly compliance: ComplianceAdvice | null | undefined;
}

const budgetResultSchema = z
  .object({
    optimize: optimizeViewSchema,
    chances: z.object({ best: chanceSchema.nullable(), perLabel: z.array(chanceSchema.nullable()) }).strict(),
    compliance: complianceAdviceSchema.nullable().optional(),
  })
  .strict();

/** Why the worker could not answer: the request was malformed, or the computation threw. */
export type BudgetErrorCode = 'bad-request' | 'failed';

export const budgetResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('budget-result'), id: nonNegativeInt, result: budgetResultSchema }).strict(),
  z.object({ type: z.literal('budget-error'), id: z.number().int().min(-1), code: z.enum(['bad-request', 'failed']) }).strict(),
]);

export type BudgetResponse =
  | { readonly type: 'budget-result'; readonly id: number; readonly result: BudgetResult }
  | { readonly type: 'budget-error'; readonly id: number; readonly code: BudgetErrorCode };

/** Checks a message from the worker; undefined when it is not one. */
export function parseBudgetResponse(data: unknown): BudgetResponse | undefined {
  const parsed = budgetResponseSchema.safeParse(data);
  return parsed.success ? (parsed.data as BudgetResponse) : undefined;
}
