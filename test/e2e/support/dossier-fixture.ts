/**
 * Writes an issued revision with real evidence files and its evidence dossier, plus a later
 * revision whose dossier lacks one file, into the folder given as argument (bundled and run by
 * test/e2e/standalone-verifier.spec.ts: Playwright's loader cannot import the JSON definitions).
 * Prints a JSON summary.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../../../forms/hash';
import { exampleScan, issue } from '../../../report/fixtures/example';
import { buildDossier } from '../../../scoring/dossier';
import { envelopeJsonText } from '../../../scoring/issued';

const dir = process.argv[2]!;
const scan = exampleScan();
const files = new Map<string, Uint8Array>();
let n = 0;
for (const answer of Object.values(scan.scan.answers)) {
  answer.evidence = answer.evidence?.map((e) => {
    const data = new TextEncoder().encode(`evidence ${++n}: ${e.name}`);
    files.set(sha256Hex(data), data);
    return { ...e, size: data.length, sha256: sha256Hex(data) };
  });
}
const envelope = issue(scan);
writeFileSync(join(dir, 'school.quickscan-issued.json'), envelopeJsonText(envelope));
writeFileSync(join(dir, 'school.quickscan-dossier.zip'), buildDossier(envelope, files).bytes);
const partial = new Map(files);
partial.delete([...files.keys()][0]!);
const later = issue(scan, { input: { revisionId: '5e0c8a52-7d1e-4b9a-9c2f-5e6d7a8b9c55', phase: 'DO' } });
writeFileSync(join(dir, 'school-do.quickscan-issued.json'), envelopeJsonText(later));
writeFileSync(join(dir, 'school-do.quickscan-dossier.zip'), buildDossier(later, partial).bytes);
console.log(JSON.stringify({ files: files.size }));
