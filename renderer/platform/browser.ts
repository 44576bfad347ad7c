import { MAX_FILE_BYTES } from '../../electron/ipc-limits';
import type { OpenedFile, Platform } from './types';

declare const __APP_VERSION__: string;

/**
 * The File Handling API: an installed web app whose manifest declares `file_handlers` receives the
 * files it was launched with through `window.launchQueue`. Most browsers have no launchQueue.
 */
interface LaunchParamsLike {
  readonly files?: readonly FileSystemHandle[];
}
interface LaunchQueueLike {
  setConsumer(consumer: (params: LaunchParamsLike) => void): void;
}

const fileOpenedListeners = new Set<(file: OpenedFile) => void>();
let isLaunchConsumerSet = false;

async function deliverLaunchedFiles(params: LaunchParamsLike): Promise<void> {
  for (const handle of params.files ?? []) {
    if (handle.kind !== 'file') continue;
    try {
      const file = await (handle as FileSystemFileHandle).getFile();
      if (file.size > MAX_FILE_BYTES) continue;
      const opened = { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
      for (const listener of fileOpenedListeners) listener(opened);
    } catch {
      // A handle the browser no longer lets us read is skipped, like a file that vanished.
    }
  }
}

/** The browser implementation: downloads instead of a save dialog, a file input instead of an open dialog. */
export const browserPlatform: Platform = {
  kind: 'browser',
  async appInfo() {
    return { name: 'QuickScan Circulair Bouwen', version: __APP_VERSION__, kind: 'browser', platform: navigator.userAgent.includes('Windows') ? 'win32' : navigator.userAgent.includes('Mac') ? 'darwin' : 'linux' };
  },
  async saveFile({ suggestedName, mimeType, data }) {
    const blob = new Blob([data as BlobPart], { type: mimeType });
    const url = URL.createObjectURL(blob);
    try {
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = suggestedName;
      anchor.rel = 'noopener';
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
    } finally {
      // Give the browser time to start the download before the URL is released.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
    return { saved: true, fileName: suggestedName };
  },
  openFiles({ filters, multiple }) {
    return new Promise<OpenedFile[]>((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = multiple;
      input.accept = filters.flatMap((f) => f.extensions.filter((e) => e !== '*').map((e) => `.${e}`)).join(',');
      input.style.display = 'none';
      input.addEventListener('change', () => {
        const files = Array.from(input.files ?? []);
        input.remove();
        Promise.all(files.map(async (file) => ({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) }))).then(resolve, reject);
      });
      input.addEventListener('cancel', () => {
        input.remove();
        resolve([]);
      });
      document.body.append(input);
      input.click();
    });
  },
  async setLocale() {
    // The browser has no native menu to translate.
  },
  onFileOpened(callback) {
    const queue = (globalThis as { launchQueue?: LaunchQueueLike }).launchQueue;
    if (!queue || typeof queue.setConsumer !== 'function') return () => undefined;
    fileOpenedListeners.add(callback);
    // The browser keeps launches until a consumer is set, so files opened at start-up are not lost.
    if (!isLaunchConsumerSet) {
      isLaunchConsumerSet = true;
      queue.setConsumer((params) => void deliverLaunchedFiles(params));
    }
    return () => {
      fileOpenedListeners.delete(callback);
    };
  },
};
