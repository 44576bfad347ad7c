import { platform } from '../platform';

export type StorageState = 'persistent' | 'best-effort' | 'unknown';

/**
 * Browser mode only: registers the service worker that keeps the app available offline after
 * the first visit. The desktop app loads its files from disk and needs none.
 */
export async function registerOfflineSupport(): Promise<void> {
  if (platform.kind !== 'browser' || !('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const { registerSW } = await import('virtual:pwa-register');
  registerSW({ immediate: true });
}

/**
 * Asks the browser to keep this site's storage when space runs low. Browsers may say no (they
 * decide by use and installation); the settings screen says so plainly.
 */
export async function requestPersistentStorage(): Promise<StorageState> {
  if (platform.kind === 'electron') return 'persistent';
  const storage = navigator.storage;
  if (!storage?.persist || !storage.persisted) return 'unknown';
  try {
    if (await storage.persisted()) return 'persistent';
    return (await storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unknown';
  }
}
