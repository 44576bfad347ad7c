/** The scoring engine: pure, exact, shared by the app, the report and the command line. */
export * from './types';
export { ScanInputError, type ScanInputErrorCode } from './errors';
export {
  scanFileSchema,
  parseScanFile,
  scanFileJsonSchema,
  scanFileJsonSchemaText,
  answerSchema,
  costOverrideSchema,
  projectInputsSchema,
  evidenceRefSchema,
  circularBudgetSchema,
  type ScanFile,
  type Answer,
  type LevelAnswer,
  type NotApplicableAnswer,
  type ProjectInputs,
  type CircularBudget,
  type CostOverride,
  type EvidenceRef,
  type ScanFileError,
  type ParseScanFileResult,
} from './scan-file';
export {
  scoreScan,
  type ScanInput,
  type ScanScore,
  type ScoringProject,
  type ThemeScore,
  type LabelResult,
  type NextLabel,
  type ThemeShortfall,
} from './score';
export {
  frontier,
  bestWithinBudget,
  cheapestPerLabel,
  upgrades,
  optimize,
  toPlan,
  frontierAnswers,
  type OptimizeOptions,
  type OptimizeResult,
  type CostMode,
  type Plan,
  type PlanChange,
  type Frontier,
  type FrontierPoint,
  type CurrentPoint,
  type BudgetResult,
  type LabelPlan,
  type Upgrade,
} from './optimize';
export { compareRational, rationalToNumber, displayTruncated, displayRoundedUp } from './rational';
export { circularBudgetCents } from './money';
