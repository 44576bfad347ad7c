import { shouldOpenExternally } from './external-links';
import { isTrustedAppUrl } from './trusted-url';

/** The parts of Electron's WebContents the guards use; a recorder stands in for it in the test. */
export interface GuardableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (details: { url: string; isMainFrame: boolean; preventDefault(): void }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
}

/**
 * May a frame go to `url`? The top frame only to the app's own pages; a subframe (the app has none:
 * its CSP says `frame-src 'none'`) only to the app or to the empty documents that inherit their
 * parent's content and policy (about:blank, about:srcdoc). Never a remote page.
 */
export function isAllowedFrameNavigation(url: string, isMainFrame: boolean): boolean {
  if (isTrustedAppUrl(url)) return true;
  return !isMainFrame && (url === 'about:blank' || url === 'about:srcdoc');
}

/**
 * Applies the navigation rules to one web contents (main.ts calls it for every one created,
 * including any the app did not expect): new windows are refused (an allowlisted https link goes
 * to the system browser instead), navigation and redirects away from the app are refused, every
 * frame navigation is checked (will-frame-navigate, which also sees subframes), and <webview> is
 * never attached.
 */
export function guardWebContents(contents: GuardableContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (shouldOpenExternally(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (details) => {
    if (!isAllowedFrameNavigation(details.url, details.isMainFrame)) details.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
