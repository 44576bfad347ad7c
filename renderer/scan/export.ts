import { canonicalJson } from '../../forms/hash';
import { parseScanFile, type ScanFile } from '../../scoring/scan-file';
import { listEvidence } from '../db/evidence';
import type { ProjectRecord, ScanRecord } from '../db/records';
import { platform } from '../platform';
import { methodOf } from './engine';

/** The scan as a scan file (docs/contracts.md), the format `quickscan score` reads. */
export async function buildScanFile(project: ProjectRecord & { gfaM2: number }, scan: ScanRecord, exportedAt = new Date().toISOString()): Promise<ScanFile> {
  const method = methodOf(scan);
  if (!method) throw new Error(`unknown method ${scan.definitionId} ${scan.definitionVersion}`);
  const evidence = await listEvidence(scan.id);
  const answers: ScanFile['scan']['answers'] = {};
  for (const [questionId, stored] of Object.entries(scan.answers)) {
    if (!stored.level && !stored.notApplicable) continue;
    const refs = evidence
      .filter((e) => e.questionId === questionId)
      .sort((a, b) => a.addedAt.localeCompare(b.addedAt))
      .map((e) => ({ id: e.id, name: e.name, type: e.type, size: e.size, sha256: e.sha256, addedAt: e.addedAt }));
    const base = stored.level ? { level: stored.level } : { notApplicable: true as const };
    answers[questionId] = { ...base, ...(stored.note ? { note: stored.note } : {}), ...(refs.length ? { evidence: refs } : {}) };
  }
  const file: ScanFile = {
    format: 'quickscan-scan',
    formatVersion: 1,
    exportedAt,
    method: { id: method.definition.id, version: method.definition.version, sha256: method.sha256 },
    project: {
      id: project.id,
      name: project.name,
      address: project.address,
      municipality: project.municipality,
      client: project.client,
      buildingType: project.buildingType,
      kind: project.kind,
      phase: project.phase,
      gfaM2: project.gfaM2,
      constructionBudgetEur: project.constructionBudgetEur ?? 0,
      circularBudget: project.circularBudget,
    },
    scan: {
      id: scan.id,
      name: scan.name,
      createdAt: scan.createdAt,
      updatedAt: scan.updatedAt,
      answers,
      costOverrides: scan.costOverrides,
      locked: scan.locked,
    },
  };
  const checked = parseScanFile(file);
  // the app's own data no longer fits the scan-file format: a technical detail (path and code) for the failure message
  if (!checked.ok) throw new Error(checked.errors.map((e) => `${e.path}: ${e.code}`).join('; '));
  return checked.file;
}

/** A file name that is valid on Windows, macOS and Linux. */
export const safeFileName = (name: string) =>
  Array.from(name, (ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '-' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120) || 'scan';

export async function exportScanFile(project: ProjectRecord & { gfaM2: number }, scan: ScanRecord) {
  const file = await buildScanFile(project, scan);
  const text = JSON.stringify(JSON.parse(canonicalJson(file)), null, 2) + '\n';
  return platform.saveFile({
    suggestedName: `${safeFileName(`${project.name} - ${scan.name}`)}.quickscan.json`,
    mimeType: 'application/json',
    filters: [{ name: 'QuickScan', extensions: ['json'] }],
    data: new TextEncoder().encode(text),
  });
}
