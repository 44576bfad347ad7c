import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MessageBoxOptions, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import licenses from '../build/licenses.json';
import { writeFileAtomic } from './atomic-write';
import { CONTENT_SECURITY_POLICY_HEADER } from './csp';
import { ABOUT_SHOW_LICENSES, aboutDialog, LICENSES_OPEN_TEXTS, licensesDialog, licenseTextsPath, openFailureDialog } from './dialogs';
import { DocumentInbox } from './document-inbox';
import { shouldOpenExternally } from './external-links';
import { checkEventPayload, type IpcChannel } from './ipc-contract';
import type { IpcHandlers } from './ipc-guard';
import { guardHandler } from './ipc-guard';
import { MAX_FILE_BYTES } from './ipc-limits';
import { openAppWindow } from './main-window';
import { buildMenuTemplate, type MenuLocale } from './menu';
import { DocumentReadError, documentPathsFromArgv, isRegularFileSync, readDocumentFile } from './open-documents';
import { mimeTypeFor, resolveAppPath } from './protocol';
import { APP_ENTRY_URL, APP_SCHEME, isTrustedAppUrl } from './trusted-url';

const PRODUCT_NAME = 'QuickScan Circulair Bouwen';
const rendererRoot = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;
let menuLocale: MenuLocale = 'nl';
/** Set once start() has registered the protocol and IPC; windows are made only after that. */
let hasStarted = false;
/** Paths of documents the OS asked us to open, kept until the app page has loaded. */
const documentInbox = new DocumentInbox<string>();
let documentDeliveries: Promise<void> = Promise.resolve();

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, allowServiceWorkers: false } },
]);

// macOS hands over documents (also those a launch was for) as open-file events, possibly before 'ready'.
app.on('open-file', (event, filePath) => {
  event.preventDefault();
  receiveDocuments(documentPathsFromArgv([filePath], { cwd: path.dirname(filePath), leadingEntries: 0, isRegularFile: isRegularFileSync }));
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    receiveDocuments(documentsOnCommandLine(argv, workingDirectory));
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  receiveDocuments(documentsOnCommandLine(process.argv, process.cwd()));
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox(PRODUCT_NAME, String(error));
    app.quit();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('activate', () => {
  if (hasStarted && BrowserWindow.getAllWindows().length === 0) createWindow();
});

/** Applies the navigation rules to every web contents, including any the app did not expect. */
app.on('web-contents-created', (_event, contents: WebContents) => {
  contents.setWindowOpenHandler(({ url }) => {
    if (shouldOpenExternally(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

async function start(): Promise<void> {
  menuLocale = app.getLocale().toLowerCase().startsWith('nl') ? 'nl' : 'en';
  const appSession = session.defaultSession;
  appSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  appSession.setPermissionCheckHandler(() => false);
  appSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY_HEADER] } });
  });

  protocol.handle(APP_SCHEME, async (request) => {
    const filePath = resolveAppPath(rendererRoot, request.url);
    if (!filePath) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(filePath);
      return new Response(body, {
        headers: { 'Content-Type': mimeTypeFor(filePath), 'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  registerIpc();
  applyMenu();
  hasStarted = true;
  createWindow();
}

function applyMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(menuLocale, process.platform === 'darwin', () => void showAbout())));
}

function showMessage(options: MessageBoxOptions) {
  return mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
}

async function showAbout(): Promise<void> {
  const versions = { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node };
  const about = await showMessage(aboutDialog(menuLocale, { productName: PRODUCT_NAME, version: app.getVersion(), ...versions }));
  if (about.response !== ABOUT_SHOW_LICENSES) return;
  const list = await showMessage(licensesDialog(menuLocale, PRODUCT_NAME, licenses.packages));
  if (list.response !== LICENSES_OPEN_TEXTS) return;
  // A fixed file shipped with the app (extraResources), never a path the page supplied.
  const problem = await shell.openPath(licenseTextsPath({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }));
  if (problem) dialog.showErrorBox(PRODUCT_NAME, problem);
}

function createWindow(): void {
  const window = openAppWindow(BrowserWindow, path.join(__dirname, 'preload.cjs'), PRODUCT_NAME);
  mainWindow = window;
  const contents = window.webContents;
  window.once('ready-to-show', () => window.show());
  // Documents wait in the inbox until the app page (and so the preload's listener) has loaded.
  contents.on('did-navigate', () => documentInbox.disconnect());
  contents.on('did-finish-load', () => {
    if (isTrustedAppUrl(contents.getURL())) documentInbox.connect((filePath) => deliverDocument(contents, filePath));
  });
  contents.on('render-process-gone', () => documentInbox.disconnect());
  window.on('closed', () => {
    documentInbox.disconnect();
    mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
}

function documentsOnCommandLine(argv: readonly string[], workingDirectory: string): string[] {
  // `electron .` during development puts the app path after the executable.
  const leadingEntries = process.defaultApp ? 2 : 1;
  return documentPathsFromArgv(argv, { cwd: workingDirectory, leadingEntries, appPath: app.getAppPath(), isRegularFile: isRegularFileSync });
}

function receiveDocuments(paths: readonly string[]): void {
  for (const filePath of paths) documentInbox.add(filePath);
  // macOS keeps running without windows; a document opened then needs a window again.
  if (paths.length > 0 && hasStarted && !mainWindow) createWindow();
}

/** Reads one document (size-limited) and sends it, validated, to the app page; one at a time, in order. */
function deliverDocument(contents: WebContents, filePath: string): void {
  documentDeliveries = documentDeliveries.then(async () => {
    try {
      const file = await readDocumentFile(filePath, MAX_FILE_BYTES);
      if (contents.isDestroyed() || !isTrustedAppUrl(contents.getURL())) {
        if (!documentInbox.isConnected) documentInbox.add(filePath);
        return;
      }
      contents.send('file:opened', checkEventPayload('file:opened', file));
    } catch (error) {
      if (error instanceof DocumentReadError) {
        await showMessage(openFailureDialog(menuLocale, PRODUCT_NAME, error.fileName, error.reason, MAX_FILE_BYTES));
      } else {
        console.error('QuickScan: could not hand an opened document to the app:', error);
      }
    }
  });
}

async function readChosenFiles(paths: readonly string[]) {
  const files = [];
  for (const filePath of paths) {
    try {
      files.push(await readDocumentFile(filePath, MAX_FILE_BYTES));
    } catch (error) {
      if (!(error instanceof DocumentReadError)) throw error;
      await showMessage(openFailureDialog(menuLocale, PRODUCT_NAME, error.fileName, error.reason, MAX_FILE_BYTES));
    }
  }
  return files;
}

const handlers: IpcHandlers = {
  'app:info': () => ({ name: PRODUCT_NAME, version: app.getVersion(), platform: process.platform, electron: process.versions.electron ?? '' }),
  'app:set-locale': ({ locale }) => {
    menuLocale = locale;
    applyMenu();
    return null;
  },
  'file:save': async ({ suggestedName, filters, data }) => {
    const options = { defaultPath: suggestedName, filters };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false };
    await writeFileAtomic(result.filePath, data);
    return { saved: true, fileName: path.basename(result.filePath) };
  },
  'file:open': async ({ filters, multiple }) => {
    const options: Electron.OpenDialogOptions = { filters, properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'] };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    if (result.canceled) return [];
    return readChosenFiles(result.filePaths);
  },
};

function registerIpc(): void {
  for (const channel of Object.keys(handlers) as IpcChannel[]) {
    ipcMain.handle(channel, guardHandler(channel, handlers[channel] as never));
  }
}
