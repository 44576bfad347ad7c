import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseDialogAdapter, folderDialogs, TEST_DIALOG_ENV, type DialogAdapter } from './dialog-adapter';

const native: DialogAdapter = { kind: 'native', openInSystemBrowser: () => undefined, showSaveDialog: async () => ({ canceled: true, filePath: '' }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('dialog adapter', () => {
  it('an installed app always shows the native dialogs, whatever the environment says', () => {
    expect(chooseDialogAdapter({ isPackaged: true, env: { [TEST_DIALOG_ENV]: '/tmp/x' } }, () => native).kind).toBe('native');
    expect(chooseDialogAdapter({ isPackaged: false, env: {} }, () => native).kind).toBe('native');
    expect(chooseDialogAdapter({ isPackaged: false, env: { [TEST_DIALOG_ENV]: 'relative/dir' } }, () => native).kind).toBe('native');
    expect(chooseDialogAdapter({ isPackaged: false, env: { [TEST_DIALOG_ENV]: path.resolve('/tmp/x') } }, () => native).kind).toBe('test-folder');
  });

  it('the test folder keeps saves inside itself and opens what is in open/', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qs-dialogs-'));
    dirs.push(dir);
    const dialogs = folderDialogs(dir);
    await expect(dialogs.showSaveDialog(null, { defaultPath: '../../etc/report.pdf' })).resolves.toEqual({ canceled: false, filePath: path.join(dir, 'report.pdf') });
    await expect(dialogs.showOpenDialog(null, { properties: ['openFile'] })).resolves.toEqual({ canceled: true, filePaths: [] });
    mkdirSync(path.join(dir, 'open'));
    writeFileSync(path.join(dir, 'open', 'b.pdf'), 'b');
    writeFileSync(path.join(dir, 'open', 'a.quickscan'), 'a');
    await expect(dialogs.showOpenDialog(null, { properties: ['openFile'] })).resolves.toEqual({ canceled: false, filePaths: [path.join(dir, 'open', 'a.quickscan')] });
    expect((await dialogs.showOpenDialog(null, { properties: ['openFile', 'multiSelections'] })).filePaths).toHaveLength(2);
    dialogs.openInSystemBrowser('https://platformcb23.nl/');
    dialogs.openInSystemBrowser('https://evil.example/');
    expect(readFileSync(path.join(dir, 'opened-externally.txt'), 'utf8')).toBe('https://platformcb23.nl/\n');
  });
});
