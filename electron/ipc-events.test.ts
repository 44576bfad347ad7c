import { describe, expect, it } from 'vitest';
import { checkEventPayload, ipcChannels, ipcEventNames, MAX_FILE_BYTES } from './ipc-contract';

describe('main → renderer events', () => {
  it('are kept apart from the four request channels', () => {
    expect(ipcEventNames).toEqual(['file:opened']);
    expect(ipcChannels).not.toContain('file:opened');
  });

  it('accepts a well-formed opened file', () => {
    const data = new Uint8Array([37, 80, 68, 70]);
    expect(checkEventPayload('file:opened', { name: 'report.pdf', data })).toEqual({ name: 'report.pdf', data });
  });

  it.each([
    ['an extra field', { name: 'a.pdf', data: new Uint8Array(1), path: '/home/an/a.pdf' }],
    ['a string instead of bytes', { name: 'a.pdf', data: 'JVBERi0=' }],
    ['an empty name', { name: '', data: new Uint8Array(1) }],
    ['a name over 255 characters', { name: `${'x'.repeat(252)}.pdf`, data: new Uint8Array(1) }],
    ['nothing', undefined],
  ])('refuses %s', (_label, payload) => {
    expect(() => checkEventPayload('file:opened', payload)).toThrow(/file:opened: invalid payload/);
  });

  it('refuses more than the size limit', () => {
    const tooBig = { byteLength: MAX_FILE_BYTES + 1 };
    Object.setPrototypeOf(tooBig, Uint8Array.prototype);
    expect(() => checkEventPayload('file:opened', { name: 'big.pdf', data: tooBig })).toThrow(/too large/);
  });

  it('refuses events that are not in the contract', () => {
    expect(() => checkEventPayload('shell:exec' as never, {})).toThrow(/unknown IPC event/);
    expect(() => checkEventPayload('__proto__' as never, {})).toThrow(/unknown IPC event/);
  });
});
