// Just enough types for the independent VC libraries the tests use (they ship none).
declare module '@digitalbazaar/vc' {
  export function verifyCredential(options: { credential: unknown; suite: unknown; documentLoader: unknown }): Promise<{ verified: boolean; error?: unknown }>;
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown });
  }
}
declare module '@digitalbazaar/ecdsa-jcs-2019-cryptosuite' {
  export function createVerifyCryptosuite(): unknown;
}
declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite' {
  export function createVerifyCryptosuite(): unknown;
}
declare module '@digitalbazaar/ecdsa-multikey' {
  export function from(key: unknown): Promise<unknown>;
}
declare module '@digitalbazaar/ed25519-multikey' {
  export function from(key: unknown): Promise<unknown>;
}
declare module '@digitalbazaar/did-method-key' {
  export function driver(): { use(options: { multibaseMultikeyHeader: string; fromMultibase: unknown }): void; get(options: { url: string }): Promise<unknown> };
}
declare module '@digitalbazaar/security-document-loader' {
  export function securityLoader(): { build(): unknown };
}
