import type { QuickScanBridge } from '../../electron/ipc-contract';
import { browserPlatform } from './browser';
import { electronPlatform } from './electron';
import type { Platform } from './types';

declare global {
  interface Window {
    quickscan?: QuickScanBridge;
  }
}

/** The platform this renderer runs on, chosen once. */
export const platform: Platform = typeof window !== 'undefined' && window.quickscan ? electronPlatform(window.quickscan) : browserPlatform;
export type { Platform, FileFilter, OpenedFile, AppInfo, UpdateState } from './types';
