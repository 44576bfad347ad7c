import { z } from 'zod';

/** Largest file the renderer may hand to the shell to save, or receive from an open dialog. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const fileFilter = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z.array(z.string().regex(/^[a-z0-9.]{1,20}$|^\*$/i)).min(1).max(10),
  })
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
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcInput<C extends IpcChannel> = z.input<IpcContract[C]['input']>;
export type IpcOutput<C extends IpcChannel> = z.output<IpcContract[C]['output']>;
export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];

/** What the preload exposes on `window.quickscan`: one function per channel, nothing else. */
export interface QuickScanBridge {
  appInfo(): Promise<IpcOutput<'app:info'>>;
  setLocale(locale: 'nl' | 'en'): Promise<null>;
  saveFile(request: IpcInput<'file:save'>): Promise<IpcOutput<'file:save'>>;
  openFiles(request: IpcInput<'file:open'>): Promise<IpcOutput<'file:open'>>;
}
