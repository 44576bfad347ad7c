// @ts-check
import path from 'node:path';

/**
 * The Electron fuses of the packaged app: feature switches baked into the Electron binary that
 * build/after-pack.cjs flips after packaging and before signing (so the signature covers them).
 * Names are @electron/fuses' `FuseV1Options` keys; a fuse not listed keeps Electron's default.
 * Checked by build/fuses.test.ts and docs/security.md explains each one.
 */
export const FUSES = Object.freeze({
  /** ELECTRON_RUN_AS_NODE would turn the signed app into a general Node.js interpreter. */
  RunAsNode: false,
  /** Cookies on disk are encrypted with the OS keychain / DPAPI / libsecret key. */
  EnableCookieEncryption: true,
  /** NODE_OPTIONS could preload arbitrary code into the main process. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect and friends would attach a debugger to the main process. */
  EnableNodeCliInspectArguments: false,
  /** Electron checks app.asar against the hash electron-builder embeds (macOS, Windows). */
  EnableEmbeddedAsarIntegrityValidation: true,
  /** Only app.asar is loaded, never a loose `app/` folder someone placed beside it. */
  OnlyLoadAppFromAsar: true,
  /** file:// pages get no extra powers; the app uses its own app:// protocol instead. */
  GrantFileProtocolExtraPrivileges: false,
});

/** Byte values of a fuse in the binary's fuse wire ('0', '1', 'r'), as @electron/fuses writes them. */
export const FUSE_DISABLED = 0x30;
export const FUSE_ENABLED = 0x31;
export const FUSE_REMOVED = 0x72;

/**
 * @typedef {{ FuseVersion: { V1: string }, FuseV1Options: Record<string, number | string> }} FusesApi
 * @typedef {Record<string, boolean>} FuseList
 */

/**
 * The index of a named fuse in the fuse wire, or an error naming the unknown fuse (a typo, or an
 * @electron/fuses too old for it), so a wrong name can never be silently ignored.
 * @param {FusesApi} api
 * @param {string} name
 */
export function fuseIndex(api, name) {
  const index = api.FuseV1Options[name];
  if (typeof index !== 'number') throw new Error(`unknown Electron fuse "${name}" for this @electron/fuses`);
  return index;
}

/**
 * The configuration `flipFuses` takes.
 * @param {FusesApi} api the @electron/fuses module
 * @param {{ resetAdHocDarwinSignature?: boolean }} [options]
 * @param {FuseList} [fuses]
 * @returns {{ version: string, resetAdHocDarwinSignature: boolean } & Record<number, boolean>}
 */
export function fuseConfig(api, options = {}, fuses = FUSES) {
  /** @type {{ version: string, resetAdHocDarwinSignature: boolean } & Record<number, boolean>} */
  const config = { version: api.FuseVersion.V1, resetAdHocDarwinSignature: options.resetAdHocDarwinSignature === true };
  for (const [name, value] of Object.entries(fuses)) config[fuseIndex(api, name)] = value;
  return config;
}

/**
 * Compares the fuse wire read back from a binary (`getCurrentFuseWire`) with the wanted fuses.
 * @param {FusesApi} api
 * @param {Record<number, number>} wire
 * @param {FuseList} [fuses]
 * @returns {string[]} one line per fuse that is not as wanted
 */
export function fuseWireMismatches(api, wire, fuses = FUSES) {
  const problems = [];
  for (const [name, wanted] of Object.entries(fuses)) {
    const state = wire[fuseIndex(api, name)];
    if (state === (wanted ? FUSE_ENABLED : FUSE_DISABLED)) continue;
    const found = state === FUSE_ENABLED ? 'on' : state === FUSE_DISABLED ? 'off' : state === FUSE_REMOVED ? 'removed' : state === undefined ? 'missing' : `state ${state}`;
    problems.push(`${name}: wanted ${wanted ? 'on' : 'off'}, binary has ${found}`);
  }
  return problems;
}

/**
 * Where electron-builder put the Electron executable that carries the fuses.
 * @param {{ electronPlatformName: string, appOutDir: string, productFilename: string, executableName: string }} target
 */
export function electronBinaryPath(target) {
  switch (target.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(target.appOutDir, `${target.productFilename}.app`);
    case 'win32':
      return path.join(target.appOutDir, `${target.productFilename}.exe`);
    case 'linux':
      return path.join(target.appOutDir, target.executableName);
    default:
      throw new Error(`no Electron binary known for platform ${target.electronPlatformName}`);
  }
}

/**
 * For a macOS universal build electron-builder packs an x64 and an arm64 app into `…-x64-temp` and
 * `…-arm64-temp` folders, runs afterPack on each, merges them and runs afterPack once more on the
 * result. Fuses are flipped once, on the merged app (both slices, before signing).
 * @param {{ electronPlatformName: string, appOutDir: string }} target
 */
export function isUniversalSliceBeforeMerge(target) {
  return (target.electronPlatformName === 'darwin' || target.electronPlatformName === 'mas') && /-(x64|arm64)-temp$/.test(target.appOutDir);
}
