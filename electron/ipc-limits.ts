/**
 * Size limits shared by the main process, the contract and the preload. Kept apart from
 * ipc-contract.ts so the sandboxed preload can use them without bundling zod.
 */

/** Largest file the renderer may hand to the shell to save, or receive from an open dialog or the OS. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
