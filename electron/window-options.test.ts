import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu';
import { mimeTypeFor, resolveAppPath } from './protocol';
import { createWindowOptions } from './window-options';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from './csp';
import path from 'node:path';

describe('window options', () => {
  const prefs = createWindowOptions('/app/preload.cjs', 'QuickScan').webPreferences!;

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
    expect(prefs.preload).toBe('/app/preload.cjs');
  });
});

describe('app protocol', () => {
  const root = path.resolve('/opt/quickscan/renderer');

  it('serves files inside the build folder', () => {
    expect(resolveAppPath(root, 'app://quickscan/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://quickscan/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://quickscan/assets/index-abc.js?x=1')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it.each(['app://quickscan/../../etc/passwd', 'app://quickscan/%2e%2e/%2e%2e/etc/passwd'])('never leaves the build folder for %s', (url) => {
    const resolved = resolveAppPath(root, url);
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    'app://quickscan/assets/..%2f..%2f..%2fetc/passwd',
    'app://quickscan/..%5c..%5cwindows',
    'app://quickscan/%00index.html',
    'app://other/index.html',
    'app://quickscan.evil/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('names content types', () => {
    expect(mimeTypeFor('/a/index.html')).toMatch(/text\/html/);
    expect(mimeTypeFor('/a/x.js')).toMatch(/javascript/);
    expect(mimeTypeFor('/a/x.unknown')).toBe('application/octet-stream');
  });
});

describe('content security policy', () => {
  it('allows no remote or inline code', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY_HEADER).toContain("frame-ancestors 'none'");
  });
});

describe('menu', () => {
  it('is in Dutch or English with the usual roles', () => {
    const nl = buildMenuTemplate('nl', false, { onAbout: () => undefined, onExportDiagnostics: () => undefined });
    const en = buildMenuTemplate('en', false, { onAbout: () => undefined, onExportDiagnostics: () => undefined });
    expect(nl.map((m) => m.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Venster', 'Help']);
    expect(en.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const roles = JSON.stringify(nl);
    for (const role of ['undo', 'redo', 'copy', 'paste', 'quit', 'zoomIn']) expect(roles).toContain(`"${role}"`);
  });

  it('has an application menu on macOS', () => {
    expect(buildMenuTemplate('en', true, { onAbout: () => undefined, onExportDiagnostics: () => undefined })[0]?.role).toBe('appMenu');
  });
});
