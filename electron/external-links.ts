/**
 * The hosts the app links to (the project's own site and the sources the bundled QuickScan
 * methods cite). Only these are handed to the system browser; external-links.test.ts checks that
 * every source URL of a bundled method is on the list, so a new method cannot silently lose its links.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'circulairbouwenzeeland.nl',
  'www.circulairbouwenzeeland.nl',
  'hetnieuwenormaal.nl',
  'www.hetnieuwenormaal.nl',
  'platformcb23.nl',
  'www.platformcb23.nl',
  'milieudatabase.nl',
  'www.milieudatabase.nl',
];

/**
 * Links that may be handed to the system browser (`shell.openExternal`): plain https, no user
 * name or password, default port, and a host on EXTERNAL_LINK_HOSTS (exact match, never a suffix:
 * `platformcb23.nl.evil.example` is refused). Anything else (file:, http:, javascript:, custom
 * schemes that could launch local programs, other hosts) stays inside and is not opened.
 */
export function shouldOpenExternally(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  return hosts.includes(parsed.hostname.toLowerCase());
}
