import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { methodFileJsonSchemaText } from './method-file-schema';

describe('the method file JSON Schema', () => {
  it('docs/method-file.schema.json is the schema generated from scoring/method-file.ts and forms/schema.ts', () => {
    const path = new URL('../docs/method-file.schema.json', import.meta.url);
    const generated = methodFileJsonSchemaText();
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(path, generated);
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : '(missing)';
    expect(committed === generated, 'docs/method-file.schema.json is out of date: UPDATE_SCHEMAS=1 npx vitest run scoring/method-file-schema.test.ts').toBe(true);
  });

  it('describes the envelope, the signed content and the definition inside it', () => {
    const schema = JSON.parse(methodFileJsonSchemaText()) as {
      required: string[];
      additionalProperties: boolean;
      properties: { format: { const: string }; content: { required: string[]; properties: { definition: { $ref: string }; publisher: { required: string[] } } } };
      $defs: Record<string, unknown>;
    };
    expect(schema.properties.format.const).toBe('quickscan-method');
    expect(schema.required.sort()).toEqual(['content', 'contentHash', 'format', 'formatVersion', 'signature']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.content.required).toContain('definitionSha256');
    expect(schema.properties.content.properties.publisher.required.sort()).toEqual(['key', 'name', 'organisation']);
    expect(schema.properties.content.properties.definition.$ref).toBe('#/$defs/QuickScanDefinition');
    expect(schema.$defs.QuickScanDefinition).toBeDefined();
  });
});
