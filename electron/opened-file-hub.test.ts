import { describe, expect, it, vi } from 'vitest';
import { createOpenedFileHub, toOpenedFilePayload } from './opened-file-hub';

const file = (name = 'scan.quickscan', bytes = 3) => ({ name, data: new Uint8Array(bytes) });
const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('toOpenedFilePayload', () => {
  it('passes a fresh { name, data } and nothing else', () => {
    const data = new Uint8Array([1, 2]);
    const payload = toOpenedFilePayload({ name: 'a.pdf', data, sender: { send: () => undefined }, extra: 1 }, 10);
    expect(payload).toEqual({ name: 'a.pdf', data });
    expect(Object.keys(payload ?? {})).toEqual(['name', 'data']);
  });

  it.each([
    ['null', null],
    ['a string', 'a.pdf'],
    ['no name', { data: new Uint8Array(1) }],
    ['an empty name', { name: '', data: new Uint8Array(1) }],
    ['a long name', { name: 'x'.repeat(256), data: new Uint8Array(1) }],
    ['a number array', { name: 'a.pdf', data: [1, 2, 3] }],
    ['an ArrayBuffer', { name: 'a.pdf', data: new ArrayBuffer(2) }],
    ['too many bytes', { name: 'a.pdf', data: new Uint8Array(11) }],
  ])('refuses %s', (_label, value) => {
    expect(toOpenedFilePayload(value, 10)).toBeNull();
  });
});

describe('createOpenedFileHub', () => {
  it('keeps files that arrive before anyone subscribed and hands them to the first subscriber', async () => {
    const hub = createOpenedFileHub({ maxBytes: 100 });
    hub.receive(file('early.pdf'));
    const got: string[] = [];
    hub.subscribe((f) => got.push(f.name));
    expect(got).toEqual([]); // not during the subscribe call itself
    await flush();
    expect(got).toEqual(['early.pdf']);
    hub.receive(file('late.pdf'));
    expect(got).toEqual(['early.pdf', 'late.pdf']);
  });

  it('stops calling a listener after unsubscribe, and keeps files again when nobody listens', async () => {
    const hub = createOpenedFileHub({ maxBytes: 100 });
    const first = vi.fn();
    const unsubscribe = hub.subscribe(first);
    hub.receive(file('one.pdf'));
    unsubscribe();
    hub.receive(file('two.pdf'));
    expect(first).toHaveBeenCalledTimes(1);
    const second = vi.fn();
    hub.subscribe(second);
    await flush();
    expect(second.mock.calls.map(([f]) => f.name)).toEqual(['two.pdf']);
  });

  it('calls every listener, and one that throws does not stop the others', () => {
    const errors: unknown[] = [];
    const hub = createOpenedFileHub({ maxBytes: 100, onListenerError: (e) => errors.push(e) });
    const good = vi.fn();
    hub.subscribe(() => {
      throw new Error('boom');
    });
    hub.subscribe(good);
    hub.receive(file());
    expect(good).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
  });

  it('ignores malformed messages and bounds what it keeps', async () => {
    const hub = createOpenedFileHub({ maxBytes: 100, capacity: 2 });
    hub.receive({ name: 'bad.pdf', data: 'AAAA' });
    hub.receive(file('big.pdf', 101));
    for (const name of ['1.pdf', '2.pdf', '3.pdf']) hub.receive(file(name));
    const got: string[] = [];
    hub.subscribe((f) => got.push(f.name));
    await flush();
    expect(got).toEqual(['2.pdf', '3.pdf']);
  });

  it('refuses a callback that is not a function', () => {
    const hub = createOpenedFileHub({ maxBytes: 100 });
    expect(() => hub.subscribe('alert(1)' as never)).toThrow(TypeError);
  });
});
