import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'quickscan-atomic-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file behind', async () => {
    await writeFileAtomic(path.join(dir, 'scan.pdf'), new TextEncoder().encode('%PDF'));
    expect(readFileSync(path.join(dir, 'scan.pdf'), 'utf8')).toBe('%PDF');
    expect(readdirSync(dir)).toEqual(['scan.pdf']);
  });

  it('replaces an existing file as a whole', async () => {
    writeFileSync(path.join(dir, 'scan.pdf'), 'old contents that are longer');
    await writeFileAtomic(path.join(dir, 'scan.pdf'), new TextEncoder().encode('new'));
    expect(readFileSync(path.join(dir, 'scan.pdf'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['scan.pdf']);
  });

  it('leaves the old file untouched and cleans up when it cannot write', async () => {
    writeFileSync(path.join(dir, 'scan.pdf'), 'old');
    await expect(writeFileAtomic(path.join(dir, 'missing-folder', 'scan.pdf'), new Uint8Array(1))).rejects.toThrow();
    expect(readFileSync(path.join(dir, 'scan.pdf'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['scan.pdf']);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('fails without touching the target in a read-only folder', async () => {
    writeFileSync(path.join(dir, 'scan.pdf'), 'old');
    chmodSync(dir, 0o500);
    await expect(writeFileAtomic(path.join(dir, 'scan.pdf'), new Uint8Array(1))).rejects.toThrow();
    expect(readFileSync(path.join(dir, 'scan.pdf'), 'utf8')).toBe('old');
  });
});
