/**
 * The method file's JSON Schema, in a module of its own so that the standalone verifier (which
 * bundles scoring/method-file.ts) does not carry the schema generator.
 */
import * as z from 'zod';
import { definitionJsonSchema } from '../forms/json-schema';
import { methodFileSchema } from './method-file';

/**
 * The JSON Schema (draft 2020-12) of a method file, docs/method-file.schema.json (regenerate:
 * `UPDATE_SCHEMAS=1 npx vitest run scoring/method-file-schema.test.ts`), generated from the zod schemas
 * of scoring/method-file.ts with the definition's own schema (forms/json-schema.ts) in `content.definition`. The
 * hashes, the signature and the definition's cross-field rules are checked by
 * {@link verifyMethodFile}, not by the schema.
 */
export function methodFileJsonSchemaText(): string {
  const generated = z.toJSONSchema(methodFileSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as unknown as Record<string, unknown> & {
    properties: { content: { properties: { definition: unknown } } };
  };
  const definition = definitionJsonSchema() as { $defs: Record<string, unknown> };
  generated.properties.content.properties.definition = { $ref: '#/$defs/QuickScanDefinition' };
  const { $schema, ...rest } = generated;
  return `${JSON.stringify(
    {
      $schema,
      $id: 'https://circulairbouwenzeeland.nl/schemas/quickscan-method.schema.json',
      title: 'QuickScan method file (*.quickscan-method.json)',
      $comment:
        'Generated from scoring/method-file.ts and forms/schema.ts; do not edit by hand. Hashes, the publisher signature (purpose "method") and the definition rules that a schema cannot express are checked by `quickscan form add` / Settings → Methoden.',
      ...rest,
      $defs: definition.$defs,
    },
    null,
    2,
  )}\n`;
}

