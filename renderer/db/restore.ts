import { kindOf } from '../../forms/input-problems';
import { fieldErrorsOf, type FieldError } from '../../scoring/parse-json';
import { projectRecordSchema, scanRecordSchema, type ProjectRecord, type ScanRecord } from './records';

/** A record that cannot be restored; `issues` name the fields, for the message shown to the user. */
/**
 * A stored or imported record that does not fit its schema. `problems` are codes with values
 * (forms/input-problems.ts), worded for people by report/input-strings.ts; `issues` are the same
 * as terse `path: code` strings for logs.
 */
export class RestoreError extends Error {
  readonly issues: string[];
  constructor(
    readonly kind: 'project' | 'scan',
    readonly problems: FieldError[],
  ) {
    const issues = problems.map((p) => `${p.path || kind}: ${p.code}`);
    super(`${kind} could not be read: ${issues.join('; ')}`);
    this.issues = issues;
    this.name = 'RestoreError';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The one door every stored or imported project comes through: fills defaults for fields older
 * records lack, carries renamed fields over, then validates. It never mutates its input.
 */
export function restoreProject(raw: unknown, now: () => string = () => new Date().toISOString()): ProjectRecord {
  if (!isObject(raw)) throw new RestoreError('project', [{ path: '', code: 'wrong-type', params: { expected: 'object', received: kindOf(raw) } }]);
  const created = typeof raw.createdAt === 'string' ? raw.createdAt : now();
  const candidate: Record<string, unknown> = {
    address: '',
    municipality: '',
    client: '',
    buildingType: '',
    kind: 'new_build',
    phase: 'SO',
    gfaM2: null,
    constructionBudgetEur: null,
    circularBudget: { mode: 'pct', pct: 0 },
    deletedAt: null,
    ...raw,
    createdAt: created,
    updatedAt: typeof raw.updatedAt === 'string' ? raw.updatedAt : created,
  };
  if (typeof candidate.name === 'string') candidate.name = candidate.name.trim();
  const parsed = projectRecordSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) {
    throw new RestoreError('project', fieldErrorsOf(parsed.error));
  }
  return parsed.data;
}

/** The one door for scans: fills defaults older records lack, drops empty answers, validates. */
export function restoreScan(raw: unknown, now: () => string = () => new Date().toISOString()): ScanRecord {
  if (!isObject(raw)) throw new RestoreError('scan', [{ path: '', code: 'wrong-type', params: { expected: 'object', received: kindOf(raw) } }]);
  const created = typeof raw.createdAt === 'string' ? raw.createdAt : now();
  const answers: Record<string, unknown> = {};
  if (isObject(raw.answers)) {
    for (const [id, answer] of Object.entries(raw.answers)) {
      if (isObject(answer) && (answer.level !== undefined || answer.notApplicable !== undefined || (typeof answer.note === 'string' && answer.note !== ''))) {
        answers[id] = answer;
      }
    }
  }
  const candidate: Record<string, unknown> = {
    costOverrides: [],
    locked: [],
    variantOf: null,
    deletedAt: null,
    ...raw,
    answers,
    createdAt: created,
    updatedAt: typeof raw.updatedAt === 'string' ? raw.updatedAt : created,
  };
  if (typeof candidate.name === 'string') candidate.name = candidate.name.trim();
  const parsed = scanRecordSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) {
    throw new RestoreError('scan', fieldErrorsOf(parsed.error));
  }
  return parsed.data;
}
