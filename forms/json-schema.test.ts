import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { definitionJsonSchema, definitionJsonSchemaText } from './json-schema';

const committedPath = fileURLToPath(new URL('./quickscan-definition.schema.json', import.meta.url));
const HOW_TO_REGENERATE =
  'forms/quickscan-definition.schema.json is out of date with forms/schema.ts. Regenerate it with:\n' +
  '  UPDATE_SCHEMAS=1 npx vitest run forms/json-schema.test.ts\n' +
  'and commit the result.';

describe('forms/quickscan-definition.schema.json', () => {
  it('is the schema generated from forms/schema.ts', () => {
    const generated = definitionJsonSchemaText();
    if (process.env.UPDATE_SCHEMAS === '1') {
      writeFileSync(committedPath, generated);
    }
    const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : '(missing)';
    expect(committed === generated, HOW_TO_REGENERATE).toBe(true);
  });

  it('describes the definition with named parts', () => {
    const schema = definitionJsonSchema() as {
      $schema: string;
      $ref: string;
      $defs: Record<string, { additionalProperties?: boolean; required?: string[] }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$ref).toBe('#/$defs/QuickScanDefinition');
    expect(Object.keys(schema.$defs).sort()).toEqual(
      [
        'AnswerLevel', 'CostIndication', 'LabelLevel', 'LocalizedText', 'ProjectKind', 'Question',
        'QuickScanDefinition', 'Source', 'SourceRef', 'Theme',
      ].sort(),
    );
    for (const [name, def] of Object.entries(schema.$defs)) {
      if (name !== 'ProjectKind') expect(def.additionalProperties, name).toBe(false);
    }
    expect(schema.$defs.Source?.required).toEqual(['id', 'title', 'citation']);
    expect(schema.$defs.LabelLevel?.required).toEqual(['id', 'name', 'minTotal', 'minPerTheme']);
  });

  it('is deterministic', () => {
    expect(definitionJsonSchemaText()).toBe(definitionJsonSchemaText());
  });
});
