/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme) and SHA-256, for content hashes of
 * definitions and scans. Pure: runs in the browser, Electron and the CLI alike, and gives the
 * same bytes everywhere.
 */
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Thrown when a value has no RFC 8785 (I-JSON) encoding. `path` says where, e.g. `$.a[2]`. */
export class CanonicalJsonError extends Error {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`canonicalJson: cannot encode ${problem} at ${path}`);
    this.name = 'CanonicalJsonError';
    this.path = path;
  }
}

function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return true;
    }
  }
  return false;
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Accepts only plain JSON data: null, booleans, finite numbers, strings without lone
 * surrogates, arrays and plain objects. Object properties whose value is `undefined` are left
 * out (as `JSON.stringify` does); everything else that JSON cannot carry faithfully is refused
 * instead of being silently changed, because a hash over silently changed data is worthless.
 */
function assertEncodable(value: unknown, path: string, ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
      if (hasLoneSurrogate(value)) throw new CanonicalJsonError(path, 'a string with a lone UTF-16 surrogate');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `the number ${String(value)}`);
      return;
    case 'boolean':
      return;
    case 'undefined':
      throw new CanonicalJsonError(path, 'undefined');
    case 'bigint':
      throw new CanonicalJsonError(path, 'a bigint (convert it to a number or a string first)');
    case 'function':
      throw new CanonicalJsonError(path, 'a function');
    case 'symbol':
      throw new CanonicalJsonError(path, 'a symbol');
    case 'object':
      break;
  }
  if (value === null) return;
  const object = value as object;
  if (ancestors.has(object)) throw new CanonicalJsonError(path, 'a circular reference');
  ancestors.add(object);
  if (Array.isArray(object)) {
    for (let i = 0; i < object.length; i++) {
      if (!(i in object)) throw new CanonicalJsonError(`${path}[${i}]`, 'a hole in an array');
      assertEncodable(object[i], `${path}[${i}]`, ancestors);
    }
  } else {
    const proto = Object.getPrototypeOf(object) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      const kind = (object as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new CanonicalJsonError(path, `a ${kind} (only plain objects and arrays; convert it to JSON data first)`);
    }
    if (Object.getOwnPropertySymbols(object).length > 0) {
      throw new CanonicalJsonError(path, 'an object with symbol keys');
    }
    for (const [key, child] of Object.entries(object)) {
      if (hasLoneSurrogate(key)) throw new CanonicalJsonError(childPath(path, key), 'a property name with a lone UTF-16 surrogate');
      if (child === undefined) continue;
      assertEncodable(child, childPath(path, key), ancestors);
    }
  }
  ancestors.delete(object);
}

/**
 * The RFC 8785 canonical JSON text of `value`: object members sorted by UTF-16 code units, no
 * whitespace, numbers in ECMAScript shortest form (1.0 -> 1, 1e21 -> 1e+21, -0 -> 0), strings
 * with minimal escaping. Throws {@link CanonicalJsonError} for values JSON cannot carry
 * (undefined, NaN, Infinity, bigint, functions, symbols, class instances such as Date or Map,
 * circular references, lone surrogates).
 */
export function canonicalJson(value: unknown): string {
  assertEncodable(value, '$', new Set());
  const text = canonicalize(value);
  if (text === undefined) throw new CanonicalJsonError('$', 'this value');
  return text;
}

/**
 * Lower-case hex SHA-256 of `data`; strings are hashed as their UTF-8 bytes (a lone UTF-16
 * surrogate, which has no UTF-8 form, becomes U+FFFD as with TextEncoder).
 */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}

/** SHA-256 (hex) of the canonical JSON of `value`: the content hash used throughout the app. */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
