import { describe, expect, it } from 'vitest';
import { DocumentInbox } from './document-inbox';

describe('DocumentInbox', () => {
  it('keeps documents until a page connects, then hands them over in order', () => {
    const inbox = new DocumentInbox<string>();
    inbox.add('a.quickscan');
    inbox.add('b.pdf');
    expect(inbox.pendingCount).toBe(2);
    const got: string[] = [];
    inbox.connect((item) => got.push(item));
    expect(got).toEqual(['a.quickscan', 'b.pdf']);
    expect(inbox.pendingCount).toBe(0);
  });

  it('delivers at once while connected and keeps again after a disconnect', () => {
    const inbox = new DocumentInbox<string>();
    const first: string[] = [];
    inbox.connect((item) => first.push(item));
    inbox.add('now.pdf');
    expect(first).toEqual(['now.pdf']);
    inbox.disconnect();
    expect(inbox.isConnected).toBe(false);
    inbox.add('later.pdf');
    expect(first).toEqual(['now.pdf']);
    const second: string[] = [];
    inbox.connect((item) => second.push(item));
    expect(second).toEqual(['later.pdf']);
  });

  it('keeps only the newest items while nobody listens', () => {
    const inbox = new DocumentInbox<number>(3);
    for (let i = 1; i <= 5; i++) inbox.add(i);
    const got: number[] = [];
    inbox.connect((item) => got.push(item));
    expect(got).toEqual([3, 4, 5]);
  });

  it('a reconnect replaces the previous page', () => {
    const inbox = new DocumentInbox<string>();
    const old: string[] = [];
    const fresh: string[] = [];
    inbox.connect((item) => old.push(item));
    inbox.connect((item) => fresh.push(item));
    inbox.add('x.pdf');
    expect(old).toEqual([]);
    expect(fresh).toEqual(['x.pdf']);
  });
});
