import type { OpenedFile, Platform } from './types';

declare const __APP_VERSION__: string;

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
};
