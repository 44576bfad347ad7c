/** The scheme and host the app's own pages are served from (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'quickscan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for URLs of the app's own origin. Parsed, never prefix-matched, so look-alikes such as
 * `app://quickscan.evil`, `app://quickscan@evil` or `app://evil/quickscan` are refused.
 */
export function isTrustedAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
