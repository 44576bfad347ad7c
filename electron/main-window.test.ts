import type { BrowserWindowConstructorOptions } from 'electron';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openAppWindow } from './main-window';
import { createWindowOptions } from './window-options';

class RecordingWindow {
  static last: BrowserWindowConstructorOptions | undefined;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    RecordingWindow.last = options;
  }
}

describe('openAppWindow', () => {
  it('constructs the window with exactly the settings of window-options.ts', () => {
    const window = openAppWindow(RecordingWindow, '/app/preload.cjs', 'QuickScan');
    expect(window).toBeInstanceOf(RecordingWindow);
    expect(window.options).toEqual(createWindowOptions('/app/preload.cjs', 'QuickScan'));
  });

  it('keeps the renderer isolated, sandboxed and without Node', () => {
    const prefs = openAppWindow(RecordingWindow, '/p.cjs', 'Q').options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, disableBlinkFeatures: 'Auxclick' });
  });

  it('opens where the window was and on the dark or light background, with the same security settings', () => {
    const placed = openAppWindow(RecordingWindow, '/p.cjs', 'Q', { backgroundColor: '#161a18', placement: { x: 40, y: 30, width: 1400, height: 900, maximized: false } }).options;
    expect(placed).toMatchObject({ x: 40, y: 30, width: 1400, height: 900, backgroundColor: '#161a18' });
    expect(placed.webPreferences).toEqual(openAppWindow(RecordingWindow, '/p.cjs', 'Q').options.webPreferences);
    const centred = openAppWindow(RecordingWindow, '/p.cjs', 'Q', { backgroundColor: '#ffffff', placement: { width: 1000, height: 700, maximized: true } }).options;
    expect(centred).toMatchObject({ center: true, width: 1000, height: 700 });
    expect(centred.x).toBeUndefined();
  });

  it('is the only place the main process constructs a window', () => {
    const main = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');
    expect(main).not.toMatch(/new\s+BrowserWindow\s*\(/);
    expect(main).toMatch(/openAppWindow\(BrowserWindow,/);
  });
});
