// @ts-check
// The update feed, set at build time: QUICKSCAN_UPDATE_URL names a static HTTPS folder where the
// release's installers and latest*.yml files are put (electron-updater's generic provider).
// Without it the build has no feed (no app-update.yml) and never looks for updates.

/**
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {import('electron-builder').Configuration['publish']}
 */
function publishConfig(env) {
  const url = (env.QUICKSCAN_UPDATE_URL ?? '').trim();
  if (url === '') return null;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`QUICKSCAN_UPDATE_URL is not a URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) throw new Error(`QUICKSCAN_UPDATE_URL must be a plain https:// address, not ${url}`);
  return [{ provider: 'generic', url: parsed.href, channel: 'latest', useMultipleRangeRequest: false }];
}

module.exports = { publishConfig };
