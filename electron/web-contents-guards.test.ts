import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './trusted-url';
import { guardWebContents, isAllowedFrameNavigation, type GuardableContents } from './web-contents-guards';

type Listener = (...args: never[]) => void;

/** Records what guardWebContents installs, then fires events at it as Electron would. */
function recorder() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents = {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
  } as unknown as GuardableContents;
  const opened: string[] = [];
  guardWebContents(contents, (url) => opened.push(url));

  /** Fires an event; returns whether some listener prevented it. */
  function fire(event: string, url: string, extra: Record<string, unknown> = {}): boolean {
    let prevented = false;
    const ev = { url, ...extra, preventDefault: () => (prevented = true) };
    const all = listeners.get(event) ?? [];
    expect(all.length, `a ${event} guard`).toBeGreaterThan(0);
    for (const l of all) (l as (e: unknown, u: string) => void)(ev, url);
    return prevented;
  }
  return { fire, opened, windowOpen: (url: string) => openHandler?.({ url }) ?? { action: 'allow' as const } };
}

describe('web contents guards', () => {
  it('refuses navigation away from the app and allows its own pages', () => {
    const c = recorder();
    expect(c.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(c.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(c.fire('will-navigate', `${APP_ENTRY_URL}#/verify`)).toBe(false);
    expect(c.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(c.fire('will-redirect', APP_ENTRY_URL)).toBe(false);
  });

  it('checks every frame navigation (will-frame-navigate), subframes included', () => {
    const c = recorder();
    expect(c.fire('will-frame-navigate', 'https://example.com/', { isMainFrame: false })).toBe(true);
    expect(c.fire('will-frame-navigate', 'https://example.com/', { isMainFrame: true })).toBe(true);
    expect(c.fire('will-frame-navigate', 'data:text/html,hi', { isMainFrame: false })).toBe(true);
    expect(c.fire('will-frame-navigate', 'about:blank', { isMainFrame: true })).toBe(true);
    expect(c.fire('will-frame-navigate', 'about:srcdoc', { isMainFrame: false })).toBe(false);
    expect(c.fire('will-frame-navigate', APP_ENTRY_URL, { isMainFrame: true })).toBe(false);
  });

  it('refuses every new window; only an allowlisted https link goes to the system browser', () => {
    const c = recorder();
    expect(c.windowOpen('https://platformcb23.nl/')).toEqual({ action: 'deny' });
    expect(c.windowOpen('https://example.com/')).toEqual({ action: 'deny' });
    expect(c.windowOpen(APP_ENTRY_URL)).toEqual({ action: 'deny' });
    expect(c.windowOpen('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    expect(c.opened).toEqual(['https://platformcb23.nl/']);
  });

  it('never attaches a webview', () => {
    expect(recorder().fire('will-attach-webview', '')).toBe(true);
  });

  it('frame rule: remote pages never, empty inheriting documents only in subframes', () => {
    expect(isAllowedFrameNavigation('app://quickscan/index.html', true)).toBe(true);
    expect(isAllowedFrameNavigation('app://quickscan.evil/index.html', true)).toBe(false);
    expect(isAllowedFrameNavigation('about:blank', false)).toBe(true);
    expect(isAllowedFrameNavigation('about:blank', true)).toBe(false);
    expect(isAllowedFrameNavigation('https://platformcb23.nl/', false)).toBe(false);
  });
});
