// Types of scripts/build-verifier.mjs for the TypeScript files that import it (vite.config.ts).
export const VERIFIER_FILE: string;
export const README_LINE: RegExp;
export function buildVerifierHtml(): Promise<{ html: string; bytes: Uint8Array; sha256: string }>;
export function verifierSha256(): Promise<string>;
export function updateReadme(hash: string): boolean;
export function readmeHash(): string | null;
export function buildVerifier(options?: { outFile?: string; readme?: boolean }): Promise<{ html: string; bytes: Uint8Array; sha256: string; outFile: string; readmeChanged: boolean }>;
