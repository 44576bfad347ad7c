/**
 * The JSON Schema (draft 2020-12) of a QuickScan definition, generated from the zod schema so
 * that the two never drift. Committed as `forms/quickscan-definition.schema.json` for editors
 * and other tools; `forms/json-schema.test.ts` fails when the committed file is out of date.
 *
 * The JSON Schema carries the shape and the per-field rules. The cross-field rules (unique ids,
 * references, low <= high, labels ascending, ...) and "at most 2 decimals" cannot be expressed
 * in it: run `quickscan form validate <file>` (validateDefinition) for the full check.
 */
import * as z from 'zod';
import { definitionMetadata, quickScanDefinitionSchema } from './schema';

export function definitionJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(quickScanDefinitionSchema, {
    target: 'draft-2020-12',
    metadata: definitionMetadata,
    io: 'input',
    unrepresentable: 'throw',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'QuickScan definition',
    $comment:
      'Generated from forms/schema.ts by forms/json-schema.ts; do not edit by hand. Cross-field rules (unique ids, references, cost low <= high, labels ascending, at most 2 decimals) are checked by `quickscan form validate`.',
    ...rest,
  };
}

/** The committed file's text: the schema as 2-space-indented JSON with a final newline. */
export function definitionJsonSchemaText(): string {
  return `${JSON.stringify(definitionJsonSchema(), null, 2)}\n`;
}
