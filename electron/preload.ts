import { contextBridge, ipcRenderer } from 'electron';
import type { IpcChannel, IpcEvent, QuickScanBridge } from './ipc-contract';
import { MAX_FILE_BYTES } from './ipc-limits';
import { createOpenedFileHub } from './opened-file-hub';

// Sandboxed preload: only named functions cross the bridge, never ipcRenderer itself.
const invoke = (channel: IpcChannel, payload: unknown) => ipcRenderer.invoke(channel, payload);

// Registered at once so documents sent right after the page loaded wait here until the app subscribes.
const FILE_OPENED: IpcEvent = 'file:opened';
const openedFiles = createOpenedFileHub({ maxBytes: MAX_FILE_BYTES, onListenerError: (error) => console.error(error) });
ipcRenderer.on(FILE_OPENED, (_event, payload: unknown) => openedFiles.receive(payload));

const bridge = {
  appInfo: () => invoke('app:info', null),
  setLocale: (locale) => invoke('app:set-locale', { locale }),
  saveFile: (request) => invoke('file:save', request),
  openFiles: (request) => invoke('file:open', request),
  updateState: () => invoke('updates:get', null),
  setUpdateChecks: (checkForUpdates) => invoke('updates:set', { checkForUpdates }),
  onFileOpened: (callback) => openedFiles.subscribe(callback),
} satisfies QuickScanBridge;

contextBridge.exposeInMainWorld('quickscan', bridge);
