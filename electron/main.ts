import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type WebContents } from 'electron';
import { readFile, writeFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY_HEADER } from './csp';
import { shouldOpenExternally } from './external-links';
import type { IpcChannel } from './ipc-contract';
import type { IpcHandlers } from './ipc-guard';
import { guardHandler } from './ipc-guard';
import { buildMenuTemplate, type MenuLocale } from './menu';
import { mimeTypeFor, resolveAppPath } from './protocol';
import { APP_ENTRY_URL, APP_SCHEME, isTrustedAppUrl } from './trusted-url';
import { createWindowOptions } from './window-options';

const PRODUCT_NAME = 'QuickScan Circulair Bouwen';
const rendererRoot = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;
let menuLocale: MenuLocale = 'nl';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, allowServiceWorkers: false } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox(PRODUCT_NAME, String(error));
    app.quit();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) createWindow();
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
  createWindow();
}

function applyMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(menuLocale, process.platform === 'darwin', showAbout)));
}

function showAbout(): void {
  const about =
    menuLocale === 'nl'
      ? `Versie ${app.getVersion()}\nElectron ${process.versions.electron}\nLicentie: EUPL-1.2. Gebruikte bibliotheken en hun licenties: zie LICENSES in de installatiemap.`
      : `Version ${app.getVersion()}\nElectron ${process.versions.electron}\nLicence: EUPL-1.2. Libraries used and their licences: see LICENSES in the installation folder.`;
  void dialog.showMessageBox({ type: 'info', title: PRODUCT_NAME, message: PRODUCT_NAME, detail: about });
}

function createWindow(): void {
  mainWindow = new BrowserWindow(createWindowOptions(path.join(__dirname, 'preload.cjs'), PRODUCT_NAME));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_ENTRY_URL);
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
async function writeFileAtomic(filePath: string, data: Uint8Array): Promise<void> {
  const temp = `${filePath}.${process.pid}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, filePath);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

const handlers: IpcHandlers = {
  'app:info': () => ({ name: PRODUCT_NAME, version: app.getVersion(), platform: process.platform, electron: process.versions.electron ?? '' }),
  'app:set-locale': ({ locale }) => {
    menuLocale = locale;
    applyMenu();
    return null;
  },
  'file:save': async ({ suggestedName, filters, data }) => {
    const owner = mainWindow ?? undefined;
    const options = { defaultPath: suggestedName, filters };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false };
    await writeFileAtomic(result.filePath, data);
    return { saved: true, fileName: path.basename(result.filePath) };
  },
  'file:open': async ({ filters, multiple }) => {
    const owner = mainWindow ?? undefined;
    const options: Electron.OpenDialogOptions = { filters, properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'] };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    if (result.canceled) return [];
    return Promise.all(result.filePaths.map(async (p) => ({ name: path.basename(p), data: new Uint8Array(await readFile(p)) })));
  },
};

function registerIpc(): void {
  for (const channel of Object.keys(handlers) as IpcChannel[]) {
    ipcMain.handle(channel, guardHandler(channel, handlers[channel] as never));
  }
}
