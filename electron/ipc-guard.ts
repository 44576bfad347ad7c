import { ipcContract, type IpcChannel, type IpcInput, type IpcOutput } from './ipc-contract';
import { isTrustedAppUrl } from './trusted-url';

export class IpcRejection extends Error {
  constructor(
    readonly reason: 'untrusted-sender' | 'unknown-channel' | 'invalid-payload' | 'invalid-response',
    message: string,
  ) {
    super(message);
    this.name = 'IpcRejection';
  }
}

/** The parts of an IPC event the guard needs; Electron's IpcMainInvokeEvent fits this shape. */
export interface SenderInfo {
  senderFrame?: { url: string; parent?: unknown } | null;
}

/**
 * Checks one invocation before any handler runs: the sending frame must be the app's own
 * top-level page, the channel must be in the contract and the payload must match its schema.
 */
export function checkInvocation<C extends IpcChannel>(channel: C, event: SenderInfo, payload: unknown): IpcInput<C> {
  if (!Object.hasOwn(ipcContract, channel)) {
    throw new IpcRejection('unknown-channel', `unknown IPC channel ${String(channel)}`);
  }
  const frame = event.senderFrame;
  if (!frame || frame.parent || !isTrustedAppUrl(frame.url)) {
    throw new IpcRejection('untrusted-sender', `IPC ${channel} refused: sender ${frame?.url ?? '(none)'} is not the app`);
  }
  const parsed = ipcContract[channel].input.safeParse(payload);
  if (!parsed.success) {
    throw new IpcRejection('invalid-payload', `IPC ${channel} refused: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data as IpcInput<C>;
}

/** Validates what a handler returns, so the renderer only ever receives the contract's shapes. */
export function checkResponse<C extends IpcChannel>(channel: C, value: unknown): IpcOutput<C> {
  const parsed = ipcContract[channel].output.safeParse(value);
  if (!parsed.success) throw new IpcRejection('invalid-response', `IPC ${channel}: handler returned an invalid response`);
  return parsed.data as IpcOutput<C>;
}

export type IpcHandlers = { [C in IpcChannel]: (input: IpcInput<C>, event: SenderInfo) => Promise<IpcOutput<C>> | IpcOutput<C> };

/** Wraps a handler with the sender check and validation of request and response. */
export function guardHandler<C extends IpcChannel>(channel: C, handler: IpcHandlers[C]) {
  return async (event: SenderInfo, payload: unknown): Promise<IpcOutput<C>> => {
    const input = checkInvocation(channel, event, payload);
    return checkResponse(channel, await handler(input, event));
  };
}
