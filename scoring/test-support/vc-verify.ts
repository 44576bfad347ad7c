/**
 * Independent verification of a Verifiable Credential for the tests: @digitalbazaar/vc with
 * data-integrity, the ecdsa-jcs-2019 / eddsa-jcs-2022 cryptosuites, did:key by did-method-key
 * with the Multikey libraries, and the W3C contexts of the security document loader.
 */
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite as ecdsaJcs2019 } from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import { createVerifyCryptosuite as eddsaJcs2022 } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { driver as didKeyDriver } from '@digitalbazaar/did-method-key';
import { securityLoader } from '@digitalbazaar/security-document-loader';
import type { VerifiableCredential } from '../vc';

type Loader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;

function documentLoader(): Loader {
  const dids = didKeyDriver();
  dids.use({ multibaseMultikeyHeader: 'zDna', fromMultibase: EcdsaMultikey.from });
  dids.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });
  const contexts = securityLoader().build() as Loader;
  return async (url) => {
    if (url.startsWith('did:key:')) return { contextUrl: null, documentUrl: url, document: await dids.get({ url }) };
    return contexts(url);
  };
}

/** Verifies a credential with Digital Bazaar's libraries only (none of this project's code). */
export async function independentlyVerify(credential: unknown) {
  const suite = new DataIntegrityProof({ cryptosuite: (credential as VerifiableCredential).proof?.cryptosuite === 'eddsa-jcs-2022' ? eddsaJcs2022() : ecdsaJcs2019() });
  return (await vc.verifyCredential({ credential, suite, documentLoader: documentLoader() })) as { verified: boolean; error?: unknown };
}
