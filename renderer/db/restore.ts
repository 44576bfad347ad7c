import { projectRecordSchema, type ProjectRecord } from './records';

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
