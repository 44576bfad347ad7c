/** `quickscan form to-xlsx` and `quickscan form from-xlsx`: authoring a method in a spreadsheet. */
import { definitionToXlsx } from '../../forms/xlsx';
import { definitionHash } from '../../forms/registry';
import type { Command } from '../command';
import { CliError, EXIT } from '../errors';
import { loadGivenMethod, readWorkbookDefinition, writeOutput } from '../method-source';
import { methodStrings } from '../method-strings';

export const formToXlsx: Command = {
  path: ['form', 'to-xlsx'],
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  help: (s) => methodStrings(s).help.formToXlsx,
  async run(ctx) {
    const m = methodStrings(ctx.s);
    const out = ctx.args.options.out;
    if (typeof out !== 'string' || out === '') throw new CliError(m.outNeeded('workbook'));
    const given = await loadGivenMethod(ctx, ctx.args.positionals[0]!);
    const bytes = await definitionToXlsx(given.definition);
    await writeOutput(ctx, out, bytes, ctx.args.options.force === true);
    if (ctx.json) ctx.outJson({ file: out, bytes: bytes.length, id: given.definition.id, version: given.definition.version, sha256: given.sha256 });
    else ctx.out(m.wrote(out, bytes.length));
    return EXIT.ok;
  },
};

export const formFromXlsx: Command = {
  path: ['form', 'from-xlsx'],
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  help: (s) => methodStrings(s).help.formFromXlsx,
  async run(ctx) {
    const m = methodStrings(ctx.s);
    const file = ctx.args.positionals[0]!;
    const definition = await readWorkbookDefinition(ctx, file);
    const text = `${JSON.stringify(definition, null, 2)}\n`;
    const out = ctx.args.options.out;
    if (typeof out === 'string' && out !== '') {
      await writeOutput(ctx, out, text, ctx.args.options.force === true);
      if (ctx.json) ctx.outJson({ file: out, id: definition.id, version: definition.version, sha256: definitionHash(definition) });
      else ctx.out(m.wrote(out, new TextEncoder().encode(text).length));
    } else {
      ctx.io.stdout(text);
    }
    return EXIT.ok;
  },
};
