/** A file filter in the shell's terms: `{ name: 'PDF', extensions: ['pdf'] }`. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

/** Whether the desktop app looks for updates, why (not), and whether the user may change it (electron/updates.ts). */
export interface UpdateState {
  enabled: boolean;
  setting: boolean;
  reason: 'enabled' | 'not-packaged' | 'package-managed' | 'unsigned' | 'policy' | 'not-configured' | 'setting';
  userCanChange: boolean;
}

export interface AppInfo {
  name: string;
  version: string;
  kind: 'electron' | 'browser';
  platform: string;
}

/**
 * What the renderer may ask of the platform it runs on. The Electron shell and the browser each
 * implement it; the rest of the renderer never knows which one it has.
 */
export interface Platform {
  readonly kind: 'electron' | 'browser';
  appInfo(): Promise<AppInfo>;
  /** Saves bytes under a suggested name; resolves false when the user cancels. */
  saveFile(request: { suggestedName: string; mimeType: string; filters: FileFilter[]; data: Uint8Array }): Promise<{ saved: boolean; fileName?: string }>;
  /** Lets the user pick files; resolves with none when the user cancels. */
  openFiles(request: { filters: FileFilter[]; multiple: boolean }): Promise<OpenedFile[]>;
  /** Tells the shell the interface language (the native menu follows it). */
  setLocale(locale: 'nl' | 'en'): Promise<void>;
  /**
   * Calls `callback` for each file the operating system opens with the app (a `.quickscan`,
   * `.quickscan.json` or `.pdf` double-clicked, "Open with", or handed to the running app), including
   * files that arrived before the first subscription. Returns a function that ends the subscription.
   */
  onFileOpened(callback: (file: OpenedFile) => void): () => void;
  /** The desktop app's update setting; absent in the browser, which updates the app itself (service worker). */
  readonly updates?: {
    state(): Promise<UpdateState>;
    setChecks(checkForUpdates: boolean): Promise<UpdateState>;
  };
}
