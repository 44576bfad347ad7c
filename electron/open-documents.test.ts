import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentReadError, documentPathsFromArgv, hasOpenableSuffix, isRegularFileSync, readDocumentFile } from './open-documents';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'quickscan-open-'));
  for (const name of ['scan.quickscan', 'export.quickscan.json', 'report.pdf', 'REPORT.PDF', 'notes.txt', 'data.json', 'with space.quickscan']) writeFileSync(file(name), name);
  mkdirSync(file('folder.quickscan'));
  mkdirSync(file('sub'));
  writeFileSync(path.join(dir, 'sub', 'inner.pdf'), 'x');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const packaged = () => ({ cwd: dir, leadingEntries: 1, isRegularFile: isRegularFileSync });

describe('documentPathsFromArgv', () => {
  it('takes the documents after the executable, resolved against the working directory', () => {
    const argv = ['/opt/QuickScan/quickscan', 'scan.quickscan', file('export.quickscan.json'), 'sub/inner.pdf'];
    expect(documentPathsFromArgv(argv, packaged())).toEqual([file('scan.quickscan'), file('export.quickscan.json'), path.join(dir, 'sub', 'inner.pdf')]);
  });

  it('ignores switches, Chromium switches and the app path, wherever they are', () => {
    const argv = [
      '/usr/lib/electron/electron',
      '.',
      '--inspect=9229',
      '--allow-file-access-from-files',
      '--original-process-start-time=13372036854775807',
      '-psn_0_12345',
      'report.pdf',
      '--enable-features=Foo',
    ];
    expect(documentPathsFromArgv(argv, { ...packaged(), leadingEntries: 2, appPath: '.' })).toEqual([file('report.pdf')]);
  });

  it('treats everything after `--` as a path', () => {
    writeFileSync(file('-dash.quickscan'), 'x');
    expect(documentPathsFromArgv(['exe', '-dash.quickscan', '--', '-dash.quickscan'], packaged())).toEqual([file('-dash.quickscan')]);
  });

  it('accepts only existing regular files with a known name ending, case-insensitively', () => {
    const argv = ['exe', 'notes.txt', 'data.json', 'missing.quickscan', 'folder.quickscan', '.quickscan', 'REPORT.PDF', 'with space.quickscan'];
    expect(documentPathsFromArgv(argv, packaged())).toEqual([file('REPORT.PDF'), file('with space.quickscan')]);
  });

  it('turns file:// URLs (Linux desktop files pass %U) into paths and refuses other URLs', () => {
    const argv = ['exe', pathToFileURL(file('with space.quickscan')).href, 'https://example.com/x.pdf', 'app://quickscan/x.pdf', 'javascript:alert(1)//.pdf'];
    expect(documentPathsFromArgv(argv, packaged())).toEqual([file('with space.quickscan')]);
  });

  it('drops duplicates and keeps the order', () => {
    expect(documentPathsFromArgv(['exe', 'report.pdf', 'scan.quickscan', `./report.pdf`, file('report.pdf')], packaged())).toEqual([file('report.pdf'), file('scan.quickscan')]);
  });

  it('refuses empty, over-long and NUL-containing entries without asking the file system', () => {
    const asked: string[] = [];
    const argv = ['exe', '', `${'a'.repeat(5000)}.pdf`, 'x\0.pdf'];
    expect(documentPathsFromArgv(argv, { cwd: dir, leadingEntries: 1, isRegularFile: (p) => (asked.push(p), true) })).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('reads Windows command lines with Windows paths', () => {
    const existing = new Set(['C:\\Users\\An\\Documents\\scan.quickscan', 'D:\\Rapport 1.pdf', 'C:\\Users\\An\\Desktop\\export.quickscan.json']);
    const argv = ['C:\\Program Files\\QuickScan Circulair Bouwen\\QuickScan Circulair Bouwen.exe', '--allow-file-access-from-files', 'C:\\Users\\An\\Documents\\scan.quickscan', 'D:\\Rapport 1.pdf', '..\\Desktop\\export.quickscan.json', 'file:///C:/Users/An/Documents/scan.quickscan'];
    const found = documentPathsFromArgv(argv, { cwd: 'C:\\Users\\An\\Documents', leadingEntries: 1, isRegularFile: (p) => existing.has(p), pathApi: path.win32 });
    expect(found).toEqual(['C:\\Users\\An\\Documents\\scan.quickscan', 'D:\\Rapport 1.pdf', 'C:\\Users\\An\\Desktop\\export.quickscan.json']);
  });

  it('handles a single macOS open-file path (no leading entries)', () => {
    expect(documentPathsFromArgv([file('scan.quickscan')], { cwd: '/', leadingEntries: 0, isRegularFile: isRegularFileSync })).toEqual([file('scan.quickscan')]);
  });
});

describe('hasOpenableSuffix', () => {
  it.each(['a.quickscan', 'a.QuickScan', 'b.quickscan.json', 'c.pdf', 'a.quickscan.zip', 'a.quickscan-project.json', 'l.quickscan-trustlist.json', 'm.quickscan-method.json', 'r.quickscan-issued.json'])(
    'accepts %s',
    (name) => expect(hasOpenableSuffix(name)).toBe(true),
  );
  it.each(['a.json', 'a.zip', 'a.quickscan-backup.zip', 'a.pdf.exe', '.pdf', 'quickscan', 'a.quickscan.exe', 'a.quickscan-key.json.lnk'])('refuses %s', (name) => expect(hasOpenableSuffix(name)).toBe(false));
});

describe('readDocumentFile', () => {
  it('reads a regular file with its base name', async () => {
    const result = await readDocumentFile(file('scan.quickscan'), 1024);
    expect(result.name).toBe('scan.quickscan');
    expect(new TextDecoder().decode(result.data)).toBe('scan.quickscan');
    expect(result.data).toBeInstanceOf(Uint8Array);
  });

  it('reads an empty file', async () => {
    writeFileSync(file('empty.pdf'), '');
    expect((await readDocumentFile(file('empty.pdf'), 10)).data.byteLength).toBe(0);
  });

  it('accepts a file of exactly the limit and refuses one byte more', async () => {
    writeFileSync(file('limit.pdf'), new Uint8Array(64));
    await expect(readDocumentFile(file('limit.pdf'), 64)).resolves.toMatchObject({ name: 'limit.pdf' });
    await expect(readDocumentFile(file('limit.pdf'), 63)).rejects.toMatchObject({ reason: 'too-large', fileName: 'limit.pdf' });
  });

  it('refuses a directory and a missing file', async () => {
    await expect(readDocumentFile(file('folder.quickscan'), 1024)).rejects.toMatchObject({ reason: 'not-a-file' });
    await expect(readDocumentFile(file('gone.pdf'), 1024)).rejects.toBeInstanceOf(DocumentReadError);
    await expect(readDocumentFile(file('gone.pdf'), 1024)).rejects.toMatchObject({ reason: 'unreadable' });
  });

  it('follows a symlink to a regular file', async () => {
    symlinkSync(file('report.pdf'), file('link.pdf'));
    expect((await readDocumentFile(file('link.pdf'), 1024)).name).toBe('link.pdf');
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe without blocking on it', async () => {
    execFileSync('mkfifo', [file('pipe.pdf')]);
    expect(isRegularFileSync(file('pipe.pdf'))).toBe(false);
    await expect(readDocumentFile(file('pipe.pdf'), 1024)).rejects.toMatchObject({ reason: 'not-a-file' });
  });
});
