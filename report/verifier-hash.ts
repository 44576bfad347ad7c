/**
 * The SHA-256 of the standalone verifier (dist/verifier/quickscan-verifier.html) built from the
 * same sources as this app or command line: a build-time constant (`__VERIFIER_SHA256__`, set by
 * vite.config.ts and scripts/build-cli.mjs from scripts/build-verifier.mjs). Each newly issued
 * PDF prints it in its verification section, so an evaluator can check the verifier they use.
 * Null where no build set it (unit tests, and the verifier itself, which cannot name its own hash).
 */
declare const __VERIFIER_SHA256__: string | undefined;

export const VERIFIER_SHA256: string | null =
  typeof __VERIFIER_SHA256__ === 'string' && /^[0-9a-f]{64}$/.test(__VERIFIER_SHA256__) ? __VERIFIER_SHA256__ : null;
