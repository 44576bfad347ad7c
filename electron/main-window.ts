import type { BrowserWindowConstructorOptions } from 'electron';
import { createWindowOptions } from './window-options';
import type { WindowPlacement } from './window-state';

/** What is not about security: the background behind the page (light or dark) and where the window opens. */
export interface WindowLook {
  backgroundColor: string;
  placement?: WindowPlacement;
}

/** Anything constructed like Electron's BrowserWindow; the test passes a recorder. */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Opens the app window with window-options.ts's settings. The security-relevant preferences are
 * also written out as literals at the `new BrowserWindow(...)` call itself, because static checkers
 * (electronegativity) read only the literal argument of that call and do not follow a function
 * call into window-options.ts; main-window.test.ts checks the two never disagree, so this is a
 * restatement, not a second place where they are decided.
 */
export function openAppWindow<W>(BrowserWindow: WindowConstructor<W>, preloadPath: string, title: string, look?: WindowLook): W {
  const options = createWindowOptions(preloadPath, title);
  const place = look?.placement;
  return new BrowserWindow({
    ...options,
    ...(look ? { backgroundColor: look.backgroundColor } : {}),
    ...(place ? { width: place.width, height: place.height, ...(place.x !== undefined && place.y !== undefined ? { x: place.x, y: place.y } : { center: true }) } : {}),
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
