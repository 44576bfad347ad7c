/**
 * Holds documents the operating system asked the app to open until the app page can receive them
 * (the window may not exist yet, or its page may still be loading), then hands them on in order.
 * Keeps only the newest `capacity` items while nobody is listening, so a burst of launches cannot
 * pile up without bound.
 */
export class DocumentInbox<T> {
  private readonly pending: T[] = [];
  private sink: ((item: T) => void) | null = null;

  constructor(private readonly capacity = 32) {}

  /** Delivers at once when a page is listening, else keeps the item for later. */
  add(item: T): void {
    if (this.sink) {
      this.sink(item);
      return;
    }
    this.pending.push(item);
    if (this.pending.length > this.capacity) this.pending.splice(0, this.pending.length - this.capacity);
  }

  /** A page is ready: everything kept so far goes to it first, in arrival order. */
  connect(sink: (item: T) => void): void {
    this.sink = sink;
    for (const item of this.pending.splice(0)) sink(item);
  }

  /** The page went away (closed, navigating, crashed): keep new items until the next connect. */
  disconnect(): void {
    this.sink = null;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  get isConnected(): boolean {
    return this.sink !== null;
  }
}
