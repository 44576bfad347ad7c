/**
 * Text from files (project names, notes, file names, signer names) shown to a person: control
 * characters and bidirectional overrides are made visible instead of acting.
 *
 * A hostile file can carry ESC sequences that retitle or recolour a terminal, NUL bytes, C1
 * controls, or bidirectional overrides that make `exe.txt` read as `txt.exe` (the "Trojan
 * Source" trick). Both surfaces call this one function: the command line on everything it
 * writes, the app where it shows text it did not write itself.
 *
 * The visible form is a JavaScript-style escape: `\x1B`, `\x00`, `\u202E`. Pure; no texts.
 */

/**
 * What is escaped: C0 controls (U+0000–U+001F), DEL and C1 (U+007F–U+009F), the bidirectional
 * marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E,
 * U+2066–U+2069), the line and paragraph separators (U+2028, U+2029) and a byte-order mark
 * inside the text (U+FEFF).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNSAFE_TEXT_PATTERN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;

/** Whether the text holds a character {@link visibleText} escapes (not counting `allow`). */
export function hasUnsafeText(text: string, allow = ''): boolean {
  for (const m of text.matchAll(UNSAFE_TEXT_PATTERN)) if (!allow.includes(m[0])) return true;
  return false;
}

/** The escape of one character: `\x1B` for U+0000–U+00FF, else `\u202E`. */
export function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  const hex = code.toString(16).toUpperCase();
  return code <= 0xff ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

/**
 * The text with every unsafe character replaced by its visible escape. `allow` lists characters
 * to keep as they are (e.g. `'\n'` for text that is meant to have lines).
 */
export function visibleText(text: string, allow = ''): string {
  return text.replace(UNSAFE_TEXT_PATTERN, (ch) => (allow.includes(ch) ? ch : escapeChar(ch)));
}
