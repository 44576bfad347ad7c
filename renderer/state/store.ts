import { useCallback } from 'react';
import { create } from 'zustand';
import { isLocale, translate, type Locale, type MessageKey, type MessageParams } from '../i18n';
import { prefetchProjectOverview } from '../db/overview';
import { readSetting, writeSetting } from '../db/settings';
import { parseRoute } from '../app/router';
import { platform, type OpenedFile } from '../platform';
import { requestPersistentStorage, type StorageState } from '../app/offline';
import { loadStoredMethods } from '../scan/loaded-methods';

export type AppState = 'loading' | 'ready' | 'failed';

interface Announcement {
  id: number;
  text: string;
  tone: 'info' | 'error';
  /** An action offered with the message, such as undoing a deletion. */
  action?: { label: string; run(): void | Promise<void> };
}

interface UiSlice {
  appState: AppState;
  storageState: StorageState;
  startupError: string | null;
  locale: Locale;
  announcement: Announcement | null;
  init(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
  announce(text: string, tone?: Announcement['tone'], action?: Announcement['action']): void;
  /** Files handed to the app to verify (opened from the desktop); the Verify screen takes them. */
  verifyQueue: OpenedFile[];
  queueForVerify(files: OpenedFile[]): void;
  takeVerifyQueue(): OpenedFile[];
  dismiss(): void;
}

let announcementSeq = 0;

/** UI and session state only; everything the user makes is saved in Dexie. */
export const useUi = create<UiSlice>()((set, get) => ({
  appState: 'loading',
  storageState: 'unknown',
  startupError: null,
  locale: 'nl',
  announcement: null,
  verifyQueue: [],
  queueForVerify(files) {
    set({ verifyQueue: [...get().verifyQueue, ...files] });
  },
  takeVerifyQueue() {
    const files = get().verifyQueue;
    if (files.length) set({ verifyQueue: [] });
    return files;
  },
  async init() {
    try {
      // The projects list is the usual first screen: read it while the app starts.
      if (typeof location !== 'undefined' && parseRoute(location.hash).name === 'projects') prefetchProjectOverview();
      const locale = (await readSetting('locale', isLocale)) ?? 'nl';
      // the methods the user loaded: registered before any scan is shown
      await loadStoredMethods().catch(() => undefined);
      set({ locale, appState: 'ready' });
      void platform.setLocale(locale);
      void requestPersistentStorage().then((storageState) => set({ storageState }));
    } catch (error) {
      set({ appState: 'failed', startupError: error instanceof Error ? error.message : String(error) });
    }
  },
  async setLocale(locale) {
    if (get().locale === locale) return;
    set({ locale });
    await writeSetting('locale', locale);
    await platform.setLocale(locale);
  },
  announce(text, tone = 'info', action) {
    announcementSeq += 1;
    set({ announcement: action ? { id: announcementSeq, text, tone, action } : { id: announcementSeq, text, tone } });
  },
  dismiss() {
    set({ announcement: null });
  },
}));

/** The translate function for the current language. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const locale = useUi((s) => s.locale);
  return useCallback((key: MessageKey, params?: MessageParams) => translate(locale, key, params), [locale]);
}

export const useLocale = () => useUi((s) => s.locale);
