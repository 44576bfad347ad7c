/**
 * The bench's 300 × 5 stress definition (scripts/bench/stress.ts) as the app and the CLI take it:
 * a signed method file (`*.quickscan-method.json`) and a scan file on it with about half of the
 * questions answered. Used by test/e2e/budget-worker.spec.ts and the budget-view bench figure.
 */
import { generatePrivateJwk, publicJwkOf } from '../../../scoring/keys';
import { methodFileJsonText, signMethodFile, verifyMethodFile } from '../../../scoring/method-file';
import { stressAnswers, stressDefinition } from '../../../scripts/bench/stress';

const text = (nl: string, en: string) => ({ nl, en });

export const STRESS_METHOD = { id: 'stress-quickscan', version: '3.0.0' } as const;

/** The method file text and the scan file text (its method reference matches the method file). */
export function stressFiles(options: { circularBudgetPct?: number } = {}): { methodText: string; scanText: string; sha256: string } {
  const def = stressDefinition(300, 5);
  const definition = {
    format: 'quickscan-definition',
    formatVersion: 1,
    id: STRESS_METHOD.id,
    version: STRESS_METHOD.version,
    released: '2026-11-30',
    title: text('Stresstest 300 vragen', 'Stress test 300 questions'),
    description: text('Gegenereerde methode met 300 vragen van 5 niveaus, om de snelheid te meten.', 'Generated method with 300 questions of 5 levels, to measure speed.'),
    publisher: 'QuickScan test fixtures',
    sources: [{ id: 'gen', title: 'Gegenereerd / generated', citation: text('Gegenereerd voor tests.', 'Generated for tests.') }],
    themes: def.themes.map((t) => ({ id: t.id, weight: t.weight, title: text(`Thema ${t.id}`, `Theme ${t.id}`), description: text(`Thema ${t.id}.`, `Theme ${t.id}.`) })),
    labels: def.labels.map((l) => ({
      id: l.id,
      name: { bronze: text('Brons', 'Bronze'), silver: text('Zilver', 'Silver'), gold: text('Goud', 'Gold'), platinum: text('Platina', 'Platinum') }[l.id as 'bronze']!,
      minTotal: l.minTotal,
      minPerTheme: l.minPerTheme,
      ...(l.themeMinimums ? { themeMinimums: l.themeMinimums } : {}),
    })),
    questions: def.questions.map((q) => ({
      id: q.id,
      theme: q.theme,
      title: text(`Vraag ${q.id}`, `Question ${q.id}`),
      help: text('Gegenereerde vraag.', 'Generated question.'),
      sources: [{ source: 'gen', locator: q.id }],
      appliesTo: q.appliesTo,
      allowNotApplicable: q.allowNotApplicable,
      levels: q.levels.map((l, i) => ({ id: l.id, points: l.points, label: text(`Niveau ${i}`, `Level ${i}`), help: text(`Niveau ${i}.`, `Level ${i}.`), cost: l.cost, evidence: [] })),
    })),
  };
  const privateKey = generatePrivateJwk('ES256');
  const file = signMethodFile(definition, { organisation: 'QuickScan tests', privateKey, publicKey: publicJwkOf(privateKey) }, '2026-11-30T09:00:00.000Z');
  const check = verifyMethodFile(file);
  if (!check.ok) throw new Error(`stress method does not verify: ${check.problem}`);
  const scan = {
    format: 'quickscan-scan',
    formatVersion: 1,
    exportedAt: '2026-11-30T10:00:00.000Z',
    method: { id: STRESS_METHOD.id, version: STRESS_METHOD.version, sha256: check.method.sha256 },
    project: {
      id: '7d7f4d53-2f43-4a3e-9d3a-3b0c1c3f5a11',
      name: 'Stresstest Kapelle',
      address: 'Dorpsstraat 1, Kapelle',
      municipality: 'Kapelle',
      client: 'Gemeente Kapelle',
      buildingType: 'education',
      kind: 'new_build',
      phase: 'VO',
      gfaM2: 5000,
      constructionBudgetEur: 10_000_000,
      circularBudget: { mode: 'pct', pct: options.circularBudgetPct ?? 2 },
    },
    scan: { id: 'a8f2c6e1-4b3d-4c1a-8e2f-6d5b4a3c2b10', name: 'Stresscan', createdAt: '2026-11-30T09:30:00.000Z', updatedAt: '2026-11-30T10:00:00.000Z', answers: stressAnswers(def), costOverrides: [], locked: [] },
  };
  return { methodText: methodFileJsonText(file), scanText: JSON.stringify(scan, null, 2), sha256: check.method.sha256 };
}
