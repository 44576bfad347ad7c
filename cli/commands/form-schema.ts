/** `quickscan form schema`: the JSON Schema of a definition (forms/quickscan-definition.schema.json). */
import { definitionJsonSchemaText } from '../../forms/json-schema';
import type { Command } from '../command';
import { EXIT } from '../errors';

export const formSchema: Command = {
  path: ['form', 'schema'],
  options: {},
  positionals: { min: 0, max: 0 },
  help: (s) => s.help.formSchema,
  async run(ctx) {
    // The schema is JSON already: the same text with or without --json.
    ctx.io.stdout(definitionJsonSchemaText());
    return EXIT.ok;
  },
};
