import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { QuickScanBridge } from './ipc-contract';

// The preload runs against a stand-in for Electron's preload API, recording what it exposes.
const exposed = new Map<string, unknown>();
const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
const invoke = vi.fn(async (channel: string, payload: unknown) => ({ channel, payload }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, payload: unknown) => invoke(channel, payload),
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => listeners.set(channel, listener),
  },
}));

let bridge: QuickScanBridge;
beforeAll(async () => {
  await import('./preload');
  bridge = exposed.get('quickscan') as QuickScanBridge;
});

describe('preload bridge', () => {
  it('exposes only window.quickscan with seven named functions', () => {
    expect([...exposed.keys()]).toEqual(['quickscan']);
    expect(Object.keys(bridge).sort()).toEqual(['appInfo', 'onFileOpened', 'openFiles', 'saveFile', 'setLocale', 'setUpdateChecks', 'updateState']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('maps each function to its contract channel', async () => {
    await bridge.appInfo();
    await bridge.setLocale('en');
    await bridge.updateState();
    await bridge.setUpdateChecks(false);
    expect(invoke.mock.calls).toEqual([
      ['app:info', null],
      ['app:set-locale', { locale: 'en' }],
      ['updates:get', null],
      ['updates:set', { checkForUpdates: false }],
    ]);
  });

  it('listens only to file:opened and never passes Electron’s event on', async () => {
    expect([...listeners.keys()]).toEqual(['file:opened']);
    const received: unknown[][] = [];
    const unsubscribe = bridge.onFileOpened((...args: unknown[]) => received.push(args));
    const fakeEvent = { sender: { send: vi.fn(), invoke: vi.fn() }, ports: [] };
    const data = new Uint8Array([1, 2, 3]);
    listeners.get('file:opened')?.(fakeEvent, { name: 'scan.quickscan', data, extra: 'dropped' });
    expect(received).toEqual([[{ name: 'scan.quickscan', data }]]);
    unsubscribe();
    listeners.get('file:opened')?.(fakeEvent, { name: 'later.pdf', data });
    expect(received).toHaveLength(1);
  });
});
