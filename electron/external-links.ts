/**
 * Links that may be handed to the system browser: plain https only. Anything else (file:, http:,
 * javascript:, custom schemes that could launch local programs) is refused.
 */
export function shouldOpenExternally(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
}
