/**
 * The preload's side of the `file:opened` event: checks each message's shape, passes a fresh
 * `{ name, data }` object (never Electron's event, whose `sender` is ipcRenderer) to the page's
 * callbacks, and keeps files that arrive before the page has subscribed. Free of Electron and zod
 * so it stays small in the sandboxed preload and is tested as a plain function.
 */
export interface OpenedFilePayload {
  name: string;
  data: Uint8Array;
}

export type OpenedFileListener = (file: OpenedFilePayload) => void;

/** Same limits as the contract's `file:opened` schema, checked again on arrival. */
const MAX_NAME_LENGTH = 255;

export function toOpenedFilePayload(value: unknown, maxBytes: number): OpenedFilePayload | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, data } = value as { name?: unknown; data?: unknown };
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) return null;
  if (!(data instanceof Uint8Array) || data.byteLength > maxBytes) return null;
  return { name, data };
}

export interface OpenedFileHub {
  /** Called for every `file:opened` message from the main process. */
  receive(value: unknown): void;
  /** What the bridge exposes as `onFileOpened`: subscribe, get an unsubscribe function back. */
  subscribe(listener: OpenedFileListener): () => void;
}

export function createOpenedFileHub(options: { maxBytes: number; capacity?: number; onListenerError?: (error: unknown) => void }): OpenedFileHub {
  const capacity = options.capacity ?? 16;
  const listeners = new Set<OpenedFileListener>();
  const waiting: OpenedFilePayload[] = [];

  const dispatch = (file: OpenedFilePayload) => {
    for (const listener of listeners) {
      try {
        listener(file);
      } catch (error) {
        options.onListenerError?.(error);
      }
    }
  };

  return {
    receive(value) {
      const file = toOpenedFilePayload(value, options.maxBytes);
      if (!file) return;
      if (listeners.size === 0) {
        waiting.push(file);
        if (waiting.length > capacity) waiting.splice(0, waiting.length - capacity);
        return;
      }
      dispatch(file);
    },
    subscribe(listener) {
      if (typeof listener !== 'function') throw new TypeError('onFileOpened expects a function');
      listeners.add(listener);
      // Hand over what arrived before anyone listened, after the caller has finished subscribing.
      if (waiting.length > 0) {
        queueMicrotask(() => {
          if (listeners.size === 0) return;
          for (const file of waiting.splice(0)) dispatch(file);
        });
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
