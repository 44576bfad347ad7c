import type { BrowserWindowConstructorOptions } from 'electron';
import { createWindowOptions } from './window-options';

/** Anything constructed like Electron's BrowserWindow; the test passes a recorder. */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Opens the app window with window-options.ts's settings. The security-relevant preferences are
 * also written out as literals at the `new BrowserWindow(...)` call itself, because static checkers
 * (electronegativity) read only the literal argument of that call and do not follow a function
 * call into window-options.ts; main-window.test.ts checks the two never disagree, so this is a
 * restatement, not a second place where they are decided.
 */
export function openAppWindow<W>(BrowserWindow: WindowConstructor<W>, preloadPath: string, title: string): W {
  const options = createWindowOptions(preloadPath, title);
  return new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
