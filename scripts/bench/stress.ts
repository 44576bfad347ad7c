/**
 * A deterministic stress definition for the bench: 300 questions x 5 levels over 9 themes,
 * points 0-4 or 0-8 per question, costs per m² or lump sum with savings and overlaps, so that the
 * theme maxima differ and the frontier is large.
 */
import type { ScoringDefinition, ProjectKind, CostIndication } from '../../scoring/types';
import type { Answer } from '../../scoring/scan-file';

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function stressDefinition(nQuestions = 300, nLevels = 5, seed = 2026): ScoringDefinition {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const themes = 'ABCDEFGHI'.split('').map((id, i) => ({ id, weight: i < 5 ? 2 : 1 }));
  const questions = Array.from({ length: nQuestions }, (_, i) => {
    const theme = themes[int(0, themes.length - 1)]!.id;
    const step = rnd() < 0.25 ? 2 : 1;
    const perM2 = rnd() < 0.7;
    const saving = rnd() < 0.15;
    let low = 0;
    let high = 0;
    const levels = Array.from({ length: nLevels }, (_, l) => {
      if (l > 0) {
        const base = perM2 ? int(0, 30) + int(0, 400) / 100 : int(500, 20000);
        low = saving ? low - base : low + base * (0.5 + rnd());
        high = low + (perM2 ? int(0, 40) : int(0, 15000));
        low = Math.round(low * 100) / 100;
        high = Math.round(high * 100) / 100;
      }
      const cost: CostIndication = { basis: perM2 ? 'per_m2_gfa' : 'lump_sum', low, high };
      return { id: `l${l}`, points: l * step, cost };
    });
    const appliesTo: ProjectKind[] = rnd() < 0.1 ? ['renovation', 'extension'] : ['new_build', 'renovation', 'extension'];
    return { id: `Q${i + 1}`, theme, appliesTo, allowNotApplicable: rnd() < 0.2, levels };
  });
  const labels = [
    { id: 'bronze', minTotal: 35, minPerTheme: 10 },
    { id: 'silver', minTotal: 50, minPerTheme: 20 },
    { id: 'gold', minTotal: 65, minPerTheme: 30, themeMinimums: { C: 40 } },
    { id: 'platinum', minTotal: 80, minPerTheme: 40, themeMinimums: { C: 60 } },
  ];
  return { themes, questions, labels };
}

/** Answers for about half of the questions, deterministic. */
export function stressAnswers(def: ScoringDefinition, seed = 7): Record<string, Answer> {
  const rnd = prng(seed);
  const answers: Record<string, Answer> = {};
  for (const q of def.questions) {
    const r = rnd();
    if (r < 0.45) answers[q.id] = { level: q.levels[Math.floor(rnd() * 3)]!.id };
    else if (r < 0.5 && q.allowNotApplicable) answers[q.id] = { notApplicable: true };
  }
  return answers;
}
