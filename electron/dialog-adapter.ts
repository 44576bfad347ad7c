import { appendFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { shouldOpenExternally } from './external-links';
import type { BrowserWindow, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';

/**
 * The file dialogs the shell shows, behind one small interface so the Electron suite
 * (test/electron/) can answer them without a person. The app always uses `electronDialogs` except
 * when it is started unpackaged (`electron .`, never an installed build) with
 * QUICKSCAN_TEST_DIALOG_DIR set: then saves go to that folder under the suggested name and the open
 * dialog "chooses" the files in its `open/` subfolder. Everything after the dialog (atomic write,
 * size limits, validation) is the real app.
 */
export interface DialogAdapter {
  readonly kind: 'native' | 'test-folder';
  /** Hands an https link on the allowlist (external-links.ts) to the system browser; anything else is dropped. */
  openInSystemBrowser(url: string): void;
  showSaveDialog(window: BrowserWindow | null, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(window: BrowserWindow | null, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

export const TEST_DIALOG_ENV = 'QUICKSCAN_TEST_DIALOG_DIR';
export type { SaveDialogOptions, OpenDialogOptions };

/** The native dialogs; `dialog` is Electron's module, passed in so this file stays free of it. */
export function electronDialogs(
  dialog: {
  showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  },
  shell: { openExternal(url: string): Promise<void> },
): DialogAdapter {
  return {
    kind: 'native',
    openInSystemBrowser: (url) => {
      if (shouldOpenExternally(url)) void shell.openExternal(url).catch(() => undefined);
    },
    showSaveDialog: (window, options) => (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options)),
    showOpenDialog: (window, options) => (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options)),
  };
}

/**
 * Answers dialogs from a folder (see above). The suggested name is reduced to its base name.
 * Links that would open in the system browser are appended to `opened-externally.txt` there.
 */
export function folderDialogs(folder: string): DialogAdapter {
  const root = path.resolve(folder);
  return {
    kind: 'test-folder',
    // Instead of starting a browser, the link is written down for the test to read.
    openInSystemBrowser: (url) => {
      if (shouldOpenExternally(url)) appendFileSync(path.join(root, 'opened-externally.txt'), `${url}\n`);
    },
    async showSaveDialog(_window, options) {
      const name = path.basename(options.defaultPath ?? 'untitled');
      return { canceled: false, filePath: path.join(root, name) };
    },
    async showOpenDialog(_window, options) {
      const openFolder = path.join(root, 'open');
      let names: string[] = [];
      try {
        names = readdirSync(openFolder).sort();
      } catch {
        return { canceled: true, filePaths: [] };
      }
      const multiple = options.properties?.includes('multiSelections') ?? false;
      const filePaths = names.map((n) => path.join(openFolder, n)).slice(0, multiple ? undefined : 1);
      return { canceled: filePaths.length === 0, filePaths };
    },
  };
}

/** Which adapter the app uses: the test folder only for an unpackaged start with the variable set. */
export function chooseDialogAdapter(
  where: { isPackaged: boolean; env: Readonly<Record<string, string | undefined>> },
  native: () => DialogAdapter,
): DialogAdapter {
  const folder = where.env[TEST_DIALOG_ENV];
  if (!where.isPackaged && folder && path.isAbsolute(folder)) return folderDialogs(folder);
  return native();
}
