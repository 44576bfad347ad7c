// @ts-check
// electron-builder `afterPack` hook: flips the Electron fuses listed in build/fuses.mjs in the
// packaged binary (after packaging, before code signing, so the signature covers them) and reads
// them back; packaging fails if any fuse is not as wanted.

/** @param {import('electron-builder').AfterPackContext} context */
exports.default = async function afterPack(context) {
  const { FUSES, electronBinaryPath, fuseConfig, fuseWireMismatches, isUniversalSliceBeforeMerge } = await import('./fuses.mjs');
  const loaded = await import('@electron/fuses');
  // @electron/fuses 1.x is CommonJS (its API sits on `default` here); 2.x is an ES module.
  /** @type {typeof import('@electron/fuses')} */
  const api = 'flipFuses' in loaded.default ? loaded.default : loaded;

  const target = {
    electronPlatformName: context.electronPlatformName,
    appOutDir: context.appOutDir,
    productFilename: context.packager.appInfo.productFilename,
    // Only the Linux packager has an executableName (linux.executableName); elsewhere it is the product file name.
    executableName: /** @type {{ executableName?: string }} */ (context.packager).executableName ?? context.packager.appInfo.productFilename,
  };
  if (isUniversalSliceBeforeMerge(target)) return;

  const binary = electronBinaryPath(target);
  const isMac = target.electronPlatformName === 'darwin' || target.electronPlatformName === 'mas';
  // Flipping fuses breaks the ad-hoc signature Apple Silicon needs; electron-builder signs properly afterwards when it has an identity.
  await api.flipFuses(binary, /** @type {any} */ (fuseConfig(api, { resetAdHocDarwinSignature: isMac })));

  const wire = /** @type {Record<number, number>} */ (/** @type {unknown} */ (await api.getCurrentFuseWire(binary)));
  const problems = fuseWireMismatches(api, wire);
  if (problems.length > 0) throw new Error(`Electron fuses not as wanted in ${binary}:\n  ${problems.join('\n  ')}`);
  console.log(`  • fuses set and verified  ${Object.entries(FUSES).map(([name, on]) => `${name}=${on ? 'on' : 'off'}`).join(' ')}`);
};
