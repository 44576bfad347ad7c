/**
 * The one rule for reading a JSON file's bytes, used by every path that opens one (app imports,
 * Settings, tender profiles, the CLI, the report verifier, the standalone verifier): the bytes
 * must be valid UTF-8 (no replacement characters slipped in), a leading byte-order mark is
 * dropped (Windows editors write one), and the text must parse as JSON.
 *
 * Pure module: no Node built-ins.
 */

/** The UTF-8 text of the bytes without a leading byte-order mark; undefined when they are not valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export type JsonBytesResult = { ok: true; value: unknown } | { ok: false; problem: 'not-utf8' | 'not-json'; /** the parser's own words, for logs and details */ detail?: string };

/** The bytes parsed as JSON (see {@link utf8Text}). Never throws. */
export function jsonOfBytes(bytes: Uint8Array): JsonBytesResult {
  const text = utf8Text(bytes);
  if (text === undefined) return { ok: false, problem: 'not-utf8' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: 'not-json', detail: error instanceof Error ? error.message.slice(0, 200) : undefined };
  }
}
