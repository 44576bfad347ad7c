import { describe, expect, it } from 'vitest';
import { ipcChannels } from './ipc-contract';
import { checkInvocation, checkResponse, guardHandler, IpcRejection } from './ipc-guard';

const appFrame = { senderFrame: { url: 'app://quickscan/index.html', parent: null } };

function rejectionOf(fn: () => unknown): IpcRejection {
  try {
    fn();
  } catch (error) {
    if (error instanceof IpcRejection) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('IPC sender check', () => {
  it('accepts the app page', () => {
    expect(checkInvocation('app:info', appFrame, null)).toBeNull();
  });

  it.each(['app://quickscan.evil/index.html', 'http://localhost.evil.example/', 'https://example.com/', 'file:///tmp/x.html', 'about:blank'])(
    'refuses a frame at %s',
    (url) => {
      expect(rejectionOf(() => checkInvocation('app:info', { senderFrame: { url, parent: null } }, null)).reason).toBe('untrusted-sender');
    },
  );

  it('refuses a sub-frame even on the app origin, and a missing frame', () => {
    const child = { senderFrame: { url: 'app://quickscan/index.html', parent: { url: 'app://quickscan/index.html' } } };
    expect(rejectionOf(() => checkInvocation('app:info', child, null)).reason).toBe('untrusted-sender');
    expect(rejectionOf(() => checkInvocation('app:info', { senderFrame: null }, null)).reason).toBe('untrusted-sender');
  });

  it('refuses channels that are not in the contract', () => {
    expect(rejectionOf(() => checkInvocation('shell:exec' as never, appFrame, {})).reason).toBe('unknown-channel');
    expect(rejectionOf(() => checkInvocation('__proto__' as never, appFrame, {})).reason).toBe('unknown-channel');
  });
});

describe('IPC payload validation', () => {
  const data = new Uint8Array([1, 2, 3]);

  it('accepts a well-formed save request', () => {
    const input = checkInvocation('file:save', appFrame, { suggestedName: 'scan.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], data });
    expect(input.suggestedName).toBe('scan.pdf');
  });

  it.each([
    ['a path in the file name', { suggestedName: '../../etc/passwd', filters: [], data }],
    ['a Windows path', { suggestedName: 'C:\\Windows\\x.pdf', filters: [], data }],
    ['a string instead of bytes', { suggestedName: 'x.pdf', filters: [], data: 'AAAA' }],
    ['an extra field', { suggestedName: 'x.pdf', filters: [], data, defaultPath: '/etc' }],
    ['an odd extension filter', { suggestedName: 'x.pdf', filters: [{ name: 'x', extensions: ['../sh'] }], data }],
    ['nothing', undefined],
  ])('refuses %s', (_label, payload) => {
    expect(rejectionOf(() => checkInvocation('file:save', appFrame, payload)).reason).toBe('invalid-payload');
  });

  it('refuses an unknown locale', () => {
    expect(rejectionOf(() => checkInvocation('app:set-locale', appFrame, { locale: 'de' })).reason).toBe('invalid-payload');
  });

  it('the update setting takes exactly one boolean, from the app only', () => {
    expect(checkInvocation('updates:set', appFrame, { checkForUpdates: false })).toEqual({ checkForUpdates: false });
    for (const bad of [{ checkForUpdates: 'no' }, { checkForUpdates: false, feed: 'https://evil.example/' }, {}, null]) {
      expect(rejectionOf(() => checkInvocation('updates:set', appFrame, bad)).reason).toBe('invalid-payload');
    }
    expect(rejectionOf(() => checkInvocation('updates:set', { senderFrame: { url: 'app://quickscan/index.html', parent: {} } }, { checkForUpdates: true })).reason).toBe('untrusted-sender');
    expect(rejectionOf(() => checkResponse('updates:get', { enabled: true, setting: true, reason: 'because', userCanChange: true })).reason).toBe('invalid-response');
  });

  it('validates what handlers return', () => {
    expect(rejectionOf(() => checkResponse('file:save', { saved: 'yes' })).reason).toBe('invalid-response');
    expect(checkResponse('file:save', { saved: true, fileName: 'x.pdf' })).toEqual({ saved: true, fileName: 'x.pdf' });
  });

  it('never runs a handler for a refused call', async () => {
    let ran = false;
    const guarded = guardHandler('app:set-locale', () => {
      ran = true;
      return null;
    });
    await expect(guarded({ senderFrame: { url: 'https://evil.example/', parent: null } }, { locale: 'nl' })).rejects.toBeInstanceOf(IpcRejection);
    expect(ran).toBe(false);
    await expect(guarded(appFrame, { locale: 'nl' })).resolves.toBeNull();
    expect(ran).toBe(true);
  });

  it('names every channel in the contract', () => {
    expect(ipcChannels.sort()).toEqual(['app:info', 'app:set-locale', 'file:open', 'file:save', 'updates:get', 'updates:set']);
  });
});
