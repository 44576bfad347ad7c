import { z } from 'zod';
import { MAX_FILE_BYTES } from './ipc-limits';
import { UPDATE_REASONS } from './update-reasons';

export { MAX_FILE_BYTES };

const fileFilter = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z.array(z.string().regex(/^[a-z0-9.]{1,20}$|^\*$/i)).min(1).max(10),
  })
  .strict();

/** What Settings → Updates shows: whether the app checks, why (not), and whether the user may change it. */
const updateState = z
  .object({ enabled: z.boolean(), setting: z.boolean(), reason: z.enum(UPDATE_REASONS), userCanChange: z.boolean() })
  .strict();

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes').refine((b) => b.byteLength <= MAX_FILE_BYTES, 'file too large');

/**
 * The one IPC contract between renderer and shell. Each channel maps to a zod schema for its
 * request and its response; the main process validates both (ipc-guard.ts), the preload exposes
 * one named function per channel, and the compiler checks both ends against these types.
 */
export const ipcContract = {
  'app:info': {
    input: z.null(),
    output: z.object({ name: z.string(), version: z.string(), platform: z.string(), electron: z.string() }).strict(),
  },
  'app:set-locale': {
    input: z.object({ locale: z.enum(['nl', 'en']) }).strict(),
    output: z.null(),
  },
  'file:save': {
    input: z
      .object({
        suggestedName: z
          .string()
          .min(1)
          .max(200)
          .refine((n) => !/[\\/:*?"<>|\0]/.test(n), 'file name may not contain path separators'),
        filters: z.array(fileFilter).max(10),
        data: bytes,
      })
      .strict(),
    output: z.object({ saved: z.boolean(), fileName: z.string().optional() }).strict(),
  },
  'file:open': {
    input: z.object({ filters: z.array(fileFilter).max(10), multiple: z.boolean() }).strict(),
    output: z.array(z.object({ name: z.string(), data: bytes }).strict()).max(500),
  },
  'updates:get': {
    input: z.null(),
    output: updateState,
  },
  'updates:set': {
    input: z.object({ checkForUpdates: z.boolean() }).strict(),
    output: updateState,
  },
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcInput<C extends IpcChannel> = z.input<IpcContract[C]['input']>;
export type IpcOutput<C extends IpcChannel> = z.output<IpcContract[C]['output']>;
export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];

/**
 * Events the shell sends to the app page (main → renderer), kept apart from the request/response
 * channels above. The main process validates every payload against its schema before sending
 * (`checkEventPayload`); the preload checks the shape again and passes only a fresh copy on.
 */
export const ipcEvents = {
  /** A document the operating system asked the app to open (file association, "Open with", second launch). */
  'file:opened': z.object({ name: z.string().min(1).max(255), data: bytes }).strict(),
} as const;

export type IpcEvents = typeof ipcEvents;
export type IpcEvent = keyof IpcEvents;
export type IpcEventPayload<E extends IpcEvent> = z.output<IpcEvents[E]>;
export const ipcEventNames = Object.keys(ipcEvents) as IpcEvent[];

/** Validates an event payload before it leaves the main process; throws on anything off-contract. */
export function checkEventPayload<E extends IpcEvent>(event: E, payload: unknown): IpcEventPayload<E> {
  if (!Object.hasOwn(ipcEvents, event)) throw new Error(`unknown IPC event ${String(event)}`);
  const parsed = ipcEvents[event].safeParse(payload);
  if (!parsed.success) throw new Error(`IPC event ${event}: invalid payload (${parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')})`);
  return parsed.data as IpcEventPayload<E>;
}

/**
 * What the preload exposes on `window.quickscan`: one function per channel and one subscription per
 * event, nothing else (never ipcRenderer or Electron's event objects).
 */
export interface QuickScanBridge {
  appInfo(): Promise<IpcOutput<'app:info'>>;
  setLocale(locale: 'nl' | 'en'): Promise<null>;
  saveFile(request: IpcInput<'file:save'>): Promise<IpcOutput<'file:save'>>;
  openFiles(request: IpcInput<'file:open'>): Promise<IpcOutput<'file:open'>>;
  updateState(): Promise<IpcOutput<'updates:get'>>;
  setUpdateChecks(checkForUpdates: boolean): Promise<IpcOutput<'updates:set'>>;
  /**
   * Calls `callback` for every document the operating system opens with the app, including those
   * that arrived before the first subscription. Returns a function that ends the subscription.
   */
  onFileOpened(callback: (file: IpcEventPayload<'file:opened'>) => void): () => void;
}
