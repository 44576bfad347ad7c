#!/usr/bin/env node
// Makes the issued example PDFs and envelopes in docs/examples/issued/ (see
// scripts/make-examples-entry.ts) and lists what it wrote. Run it after changing the example
// scans or adding a report layout, then commit the files; report/examples.test.ts checks that
// they still verify.
import { root, withBundled } from './import-bundled.mjs';

try {
  const made = await withBundled('scripts/make-examples-entry.ts', ({ makeExamples }) => makeExamples(root));
  for (const { file, bytes } of made) console.log(`${file}  ${bytes} bytes`);
} catch (error) {
  console.error(`make-examples: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
