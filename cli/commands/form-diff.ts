/** `quickscan form diff <a> <b>`: what changed between two method versions. */
import { changeTheme, diffDefinitions, type MethodChange } from '../../forms/diff';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { loadGivenMethod } from '../method-source';
import { methodStrings } from '../method-strings';

export const formDiff: Command = {
  path: ['form', 'diff'],
  options: {},
  positionals: { min: 2, max: 2 },
  help: (s) => methodStrings(s).help.formDiff,
  async run(ctx) {
    const m = methodStrings(ctx.s);
    const [argA, argB] = ctx.args.positionals as [string, string];
    const a = await loadGivenMethod(ctx, argA);
    const b = await loadGivenMethod(ctx, argB);
    const diff = diffDefinitions(a.definition, b.definition);
    if (ctx.json) {
      ctx.outJson({ ...diff, from: { ...diff.from, sha256: a.sha256 }, to: { ...diff.to, sha256: b.sha256 } });
      return EXIT.ok;
    }
    ctx.out(m.diffHeader(`${diff.from.id} ${diff.from.version}`, `${diff.to.id} ${diff.to.version}`));
    if (diff.identical || diff.changes.length === 0) {
      ctx.out(diff.identical ? m.diffIdentical : m.diffNone);
      return EXIT.ok;
    }
    // method-wide changes, then per theme in the newer definition's order, then labels
    const groups = new Map<string, MethodChange[]>();
    const put = (key: string, c: MethodChange) => groups.set(key, [...(groups.get(key) ?? []), c]);
    for (const c of diff.changes) {
      const theme = changeTheme(c);
      if (theme !== undefined) put(`theme:${theme}`, c);
      else if (c.kind.startsWith('label')) put('labels', c);
      else put('method', c);
    }
    const themeOrder = [...b.definition.themes, ...a.definition.themes].map((t) => t.id);
    const keys = ['method', ...[...new Set(themeOrder)].map((t) => `theme:${t}`), 'labels'];
    for (const key of keys) {
      const list = groups.get(key);
      if (!list) continue;
      ctx.out('', key === 'method' ? m.diffMethodWide : key === 'labels' ? m.diffLabels : m.diffTheme(key.slice('theme:'.length)));
      for (const c of list) ctx.out(`  - ${m.change(c)}`);
    }
    ctx.out('', diff.scoreCanChange ? m.diffScoreCanChange : m.diffScoreSame);
    return EXIT.ok;
  },
};
