import { app, BrowserWindow, crashReporter, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell, type MessageBoxOptions, type WebContents } from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import licenses from '../build/licenses.json';
import { writeFileAtomic } from './atomic-write';
import { CONTENT_SECURITY_POLICY_HEADER } from './csp';
import { chooseDialogAdapter, electronDialogs } from './dialog-adapter';
import { ABOUT_SHOW_LICENSES, aboutDialog, LICENSES_OPEN_TEXTS, licensesDialog, licenseTextsPath, openFailureDialog } from './dialogs';
import { buildDiagnosticsZip, collectCrashDumps, diagnosticsFileName } from './diagnostics';
import { DocumentInbox } from './document-inbox';
import { checkEventPayload, type IpcChannel, type IpcOutput } from './ipc-contract';
import type { IpcHandlers } from './ipc-guard';
import { guardHandler } from './ipc-guard';
import { MAX_FILE_BYTES } from './ipc-limits';
import { openAppWindow, type WindowLook } from './main-window';
import { buildMenuTemplate, type MenuLocale } from './menu';
import { DocumentReadError, documentPathsFromArgv, hasOpenableSuffix, isRegularFileSync, readDocumentFile } from './open-documents';
import { mimeTypeFor, resolveAppPath } from './protocol';
import { DEVICE_SELECTION_EVENTS, applySessionPolicy } from './session-policy';
import { APP_ENTRY_URL, APP_SCHEME, isTrustedAppUrl } from './trusted-url';
import {
  decideUpdates,
  FIRST_UPDATE_CHECK_DELAY_MS,
  parseUpdateFeed,
  policyFilePath,
  readUpdateSetting,
  UPDATE_CHECK_INTERVAL_MS,
  type UpdateFacts,
} from './updates';
import { guardWebContents } from './web-contents-guards';
import { placeWindow, windowStateToSave } from './window-state';
import { createWindowOptions } from './window-options';

const PRODUCT_NAME = 'QuickScan Circulair Bouwen';
const rendererRoot = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;
let menuLocale: MenuLocale = 'nl';
/** Set once start() has registered the protocol and IPC; windows are made only after that. */
let hasStarted = false;
/** Paths of documents the OS asked us to open, kept until the app page has loaded. */
const documentInbox = new DocumentInbox<string>();
let documentDeliveries: Promise<void> = Promise.resolve();

// A profile folder of its own (a second profile, the Electron suite's per-test folders):
// --user-data-dir=<absolute path>. Set before anything reads userData and before the
// single-instance lock, which is held per profile.
const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir');
if (userDataSwitch && path.isAbsolute(userDataSwitch)) app.setPath('userData', userDataSwitch);

// Crash dumps stay on this machine (userData/Crashpad); Help → "Diagnose exporteren" lets the
// user save them in a zip to send to support. Nothing is uploaded.
crashReporter.start({ uploadToServer: false, compress: true });

/** The native dialogs and system browser, or the Electron suite's test folder (never in an installed app). */
const desktop = chooseDialogAdapter({ isPackaged: app.isPackaged, env: process.env }, () => electronDialogs(dialog, shell));

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

/** Applies the navigation rules to every web contents, including any the app did not expect (web-contents-guards.ts). */
app.on('web-contents-created', (_event, contents: WebContents) => {
  guardWebContents(contents, (url) => desktop.openInSystemBrowser(url));
});

async function start(): Promise<void> {
  menuLocale = app.getLocale().toLowerCase().startsWith('nl') ? 'nl' : 'en';
  const appSession = session.defaultSession;
  applySessionPolicy(appSession);
  // A page asking to pick a USB, HID or serial device gets none (the device handler denies them too).
  for (const event of DEVICE_SELECTION_EVENTS) {
    appSession.on(event as 'select-hid-device', (selectEvent, _details, callback) => {
      selectEvent.preventDefault();
      (callback as (id?: string) => void)();
    });
  }
  // The window and native controls follow the system's light or dark mode; the page follows it
  // through prefers-color-scheme, which Electron derives from nativeTheme.
  nativeTheme.themeSource = 'system';
  nativeTheme.on('updated', () => mainWindow?.setBackgroundColor(windowLook().backgroundColor));

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
  scheduleUpdateChecks();
}

function applyMenu(): void {
  const actions = { onAbout: () => void showAbout(), onExportDiagnostics: () => void exportDiagnostics() };
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(menuLocale, process.platform === 'darwin', actions)));
}

function windowLook(): WindowLook {
  return { backgroundColor: nativeTheme.shouldUseDarkColors ? '#161a18' : '#ffffff' };
}

// --- Window size and position, remembered in userData/window-state.json ----------------------

const windowStateFile = () => path.join(app.getPath('userData'), 'window-state.json');

function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function readTextFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function writeJsonFile(file: string, value: unknown): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(value)}\n`);
  } catch (error) {
    console.warn(`QuickScan: could not write ${path.basename(file)}:`, error);
  }
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
  const sizing = createWindowOptions('', PRODUCT_NAME);
  const placement = placeWindow(
    readJsonFile(windowStateFile()),
    screen.getAllDisplays().map((d) => d.workArea),
    { width: sizing.width ?? 1280, height: sizing.height ?? 860, minWidth: sizing.minWidth ?? 900, minHeight: sizing.minHeight ?? 600 },
    screen.getPrimaryDisplay().workArea,
  );
  const window = openAppWindow(BrowserWindow, path.join(__dirname, 'preload.cjs'), PRODUCT_NAME, { ...windowLook(), placement });
  mainWindow = window;
  const contents = window.webContents;
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => writeJsonFile(windowStateFile(), windowStateToSave(window.getNormalBounds(), window.isMaximized())));
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
  for (const filePath of paths) {
    documentInbox.add(filePath);
    // The OS's recent documents: macOS File → Open Recent, the Windows Jump List, Linux recent files.
    app.addRecentDocument(filePath);
  }
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
    const result = await desktop.showSaveDialog(mainWindow, { defaultPath: suggestedName, filters });
    if (result.canceled || !result.filePath) return { saved: false };
    await writeFileAtomic(result.filePath, data);
    if (isRecentDocument(result.filePath)) app.addRecentDocument(result.filePath);
    return { saved: true, fileName: path.basename(result.filePath) };
  },
  'file:open': async ({ filters, multiple }) => {
    const result = await desktop.showOpenDialog(mainWindow, { filters, properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'] });
    if (result.canceled) return [];
    for (const filePath of result.filePaths) if (isRecentDocument(filePath)) app.addRecentDocument(filePath);
    return readChosenFiles(result.filePaths);
  },
  'updates:get': () => updateState(),
  'updates:set': ({ checkForUpdates }) => {
    writeJsonFile(updateSettingFile(), { checkForUpdates });
    scheduleUpdateChecks();
    return updateState();
  },
};

/** Documents worth listing among recent files: those the app opens from the OS (not backups, not zips of evidence). */
function isRecentDocument(filePath: string): boolean {
  return hasOpenableSuffix(path.basename(filePath));
}

// --- Updates (electron-updater, generic provider; see updates.ts and docs/packaging.md) -------

const updateSettingFile = () => path.join(app.getPath('userData'), 'update-settings.json');
let updateTimer: NodeJS.Timeout | null = null;

function updateFacts(): UpdateFacts {
  const feedText = app.isPackaged ? readTextFile(path.join(process.resourcesPath, 'app-update.yml')) : undefined;
  return {
    isPackaged: app.isPackaged,
    platform: process.platform,
    env: process.env,
    feed: feedText === undefined ? null : parseUpdateFeed(feedText),
    policyText: readTextFile(policyFilePath(process.platform, process.env)),
    setting: readUpdateSetting(readTextFile(updateSettingFile())),
  };
}

function updateState(): IpcOutput<'updates:get'> {
  const facts = updateFacts();
  return { ...decideUpdates(facts), setting: facts.setting };
}

/** Checks shortly after start and then daily, only while the decision says so (re-read before every check). */
function scheduleUpdateChecks(): void {
  if (updateTimer) clearTimeout(updateTimer);
  updateTimer = null;
  if (!updateState().enabled) return;
  const run = () => {
    void checkForUpdates();
    updateTimer = setTimeout(run, UPDATE_CHECK_INTERVAL_MS);
  };
  updateTimer = setTimeout(run, FIRST_UPDATE_CHECK_DELAY_MS);
}

async function checkForUpdates(): Promise<void> {
  if (!updateState().enabled) return;
  try {
    const { autoUpdater } = await import('electron-updater');
    autoUpdater.autoDownload = true;
    autoUpdater.autoInstallOnAppQuit = true;
    autoUpdater.allowDowngrade = false;
    autoUpdater.allowPrerelease = false;
    await autoUpdater.checkForUpdatesAndNotify();
  } catch (error) {
    // Offline is normal for this app: note it and try again at the next check.
    console.warn('QuickScan: update check failed:', error instanceof Error ? error.message : error);
  }
}

// --- Help → Diagnose exporteren ---------------------------------------------------------------

async function exportDiagnostics(): Promise<void> {
  const createdAt = new Date().toISOString();
  try {
    const data = buildDiagnosticsZip(
      {
        productName: PRODUCT_NAME,
        version: app.getVersion(),
        versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node, v8: process.versions.v8 },
        os: { platform: process.platform, arch: process.arch, release: os.release() },
        locale: app.getLocale(),
        isPackaged: app.isPackaged,
        updates: decideUpdates(updateFacts()),
        createdAt,
      },
      await collectCrashDumps(app.getPath('crashDumps')),
    );
    const result = await desktop.showSaveDialog(mainWindow, { defaultPath: diagnosticsFileName(createdAt), filters: [{ name: 'Zip', extensions: ['zip'] }] });
    if (result.canceled || !result.filePath) return;
    await writeFileAtomic(result.filePath, data);
  } catch (error) {
    dialog.showErrorBox(PRODUCT_NAME, String(error));
  }
}

function registerIpc(): void {
  for (const channel of Object.keys(handlers) as IpcChannel[]) {
    ipcMain.handle(channel, guardHandler(channel, handlers[channel] as never));
  }
}
