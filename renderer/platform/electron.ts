import type { QuickScanBridge } from '../../electron/ipc-contract';
import type { Platform } from './types';

/** The desktop implementation, over the preload's named functions. */
export function electronPlatform(bridge: QuickScanBridge): Platform {
  return {
    kind: 'electron',
    async appInfo() {
      const info = await bridge.appInfo();
      return { name: info.name, version: info.version, kind: 'electron', platform: info.platform };
    },
    saveFile: ({ suggestedName, filters, data }) => bridge.saveFile({ suggestedName, filters, data }),
    openFiles: ({ filters, multiple }) => bridge.openFiles({ filters, multiple }),
    async setLocale(locale) {
      await bridge.setLocale(locale);
    },
    updates: {
      state: () => bridge.updateState(),
      setChecks: (checkForUpdates) => bridge.setUpdateChecks(checkForUpdates),
    },
    onFileOpened: (callback) => bridge.onFileOpened((file) => callback({ name: file.name, data: file.data })),
  };
}
