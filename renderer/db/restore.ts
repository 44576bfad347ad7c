import { projectRecordSchema, scanRecordSchema, type ProjectRecord, type ScanRecord } from './records';

/** A record that cannot be restored; `issues` name the fields, for the message shown to the user. */
export class RestoreError extends Error {
  constructor(
    readonly kind: 'project' | 'scan',
    readonly issues: string[],
  ) {
    super(`${kind} could not be read: ${issues.join('; ')}`);
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
  if (!isObject(raw)) throw new RestoreError('project', ['not an object']);
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
  const parsed = projectRecordSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new RestoreError('project', parsed.error.issues.map((i) => `${i.path.join('.') || 'project'}: ${i.message}`));
  }
  return parsed.data;
}

/** The one door for scans: fills defaults older records lack, drops empty answers, validates. */
export function restoreScan(raw: unknown, now: () => string = () => new Date().toISOString()): ScanRecord {
  if (!isObject(raw)) throw new RestoreError('scan', ['not an object']);
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
  const parsed = scanRecordSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new RestoreError('scan', parsed.error.issues.map((i) => `${i.path.join('.') || 'scan'}: ${i.message}`));
  }
  return parsed.data;
}
