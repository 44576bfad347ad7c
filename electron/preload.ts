import { contextBridge, ipcRenderer } from 'electron';
import type { IpcChannel, QuickScanBridge } from './ipc-contract';

// Sandboxed preload: only named functions cross the bridge, never ipcRenderer itself.
const invoke = (channel: IpcChannel, payload: unknown) => ipcRenderer.invoke(channel, payload);

const bridge = {
  appInfo: () => invoke('app:info', null),
  setLocale: (locale) => invoke('app:set-locale', { locale }),
  saveFile: (request) => invoke('file:save', request),
  openFiles: (request) => invoke('file:open', request),
} satisfies QuickScanBridge;

contextBridge.exposeInMainWorld('quickscan', bridge);
