/** `quickscan form validate <definition.json>`: the full check of a definition file. */
import { definitionHash, identifyDefinition, type DefinitionIdentity } from '../../forms/registry';
import { validateDefinition } from '../../forms/schema';
import type { Command } from '../command';
import { CliError, EXIT } from '../errors';
import { definitionErrorText } from '../../report/input-strings';
import { readJson } from '../files';

function identityJson(identity: DefinitionIdentity) {
  switch (identity.status) {
    case 'release':
      return { status: identity.status, id: identity.id, version: identity.version };
    case 'altered':
      return { status: identity.status, id: identity.id, version: identity.version, releasedSha256: identity.expectedSha256 };
    default:
      return { status: identity.status, reason: identity.reason };
  }
}

export const formValidate: Command = {
  path: ['form', 'validate'],
  options: {},
  positionals: { min: 1, max: 1 },
  help: (s) => s.help.formValidate,
  async run(ctx) {
    const { s } = ctx;
    const path = ctx.args.positionals[0]!;
    const json = await readJson({ cwd: ctx.io.cwd, s }, path);
    const result = validateDefinition(json);
    if (!result.ok) {
      if (ctx.json) ctx.outJson({ valid: false, file: path, errors: result.errors.map((e) => ({ ...e, text: definitionErrorText(e, ctx.lang) })) });
      else {
        ctx.out(s.formInvalidHeader(path, result.errors.length));
        for (const e of result.errors) ctx.out(`  - ${definitionErrorText(e, ctx.lang)}`);
      }
      throw new CliError(s.formInvalid(path, result.errors.length, result.errors[0] ? definitionErrorText(result.errors[0], ctx.lang) : ''));
    }
    const d = result.definition;
    const sha256 = definitionHash(json);
    const identity = identifyDefinition(json);
    if (ctx.json) {
      ctx.outJson({
        valid: true,
        file: path,
        id: d.id,
        version: d.version,
        released: d.released,
        questions: d.questions.length,
        themes: d.themes.length,
        labels: d.labels.map((l) => l.id),
        sha256,
        release: identityJson(identity),
      });
      return EXIT.ok;
    }
    ctx.out(s.formValid(d.id, d.version, d.questions.length, d.themes.length, sha256));
    if (identity.status === 'release') ctx.out(s.formIsRelease(d.id, d.version));
    else if (identity.status === 'altered') ctx.out(s.formIsAltered(d.id, d.version, identity.expectedSha256));
    else ctx.out(s.formIsUnknown(d.id, d.version));
    return EXIT.ok;
  },
};
