#!/usr/bin/env node
// Makes the tender examples in docs/examples/tender/ (see scripts/make-tender-examples-entry.ts
// and docs/examples/tender/README.md) and lists what it wrote. Run it after changing the profile
// or the bids (or adding a report layout), then commit the files; cli/tender-examples.test.ts
// checks them with `quickscan verify --profile`.
import { root, withBundled } from './import-bundled.mjs';

try {
  const made = await withBundled('scripts/make-tender-examples-entry.ts', ({ makeTenderExamples }) => makeTenderExamples(root));
  for (const { file, bytes } of made) console.log(`${file}  ${bytes} bytes`);
} catch (error) {
  console.error(`make-tender-examples: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
