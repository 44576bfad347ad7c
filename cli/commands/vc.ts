/**
 * `quickscan vc <issued.pdf | .quickscan-issued.json> --key <private-key.json> [--out <file>]`:
 * exports an issued revision as a W3C Verifiable Credential 2.0 (scoring/vc.ts): issuer the
 * assessor's key as did:key, a Data Integrity proof with ecdsa-jcs-2019 (P-256) or
 * eddsa-jcs-2022 (Ed25519), made with the same key that signed the revision.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { privateJwkSchema, type PrivateJwk } from '../../scoring/keys';
import { credentialJsonText, revisionCredential, VC_FILE_SUFFIX, vcSignerFromPrivateJwk, VcKeyError } from '../../scoring/vc';
import { readPrivateKeyFile } from '../../scoring/key-file';
import type { Command, CommandContext, CommandHelp } from '../command';
import { CliError, EXIT } from '../errors';
import { fileErrorReason, readJson } from '../files';
import { langOf } from './diff';
import { readIssued } from './issued-input';

const TEXTS = {
  en: {
    help: {
      usage: 'quickscan vc <issued.pdf | file.quickscan-issued.json> --key <private-key.json> [--out <file>] [--json] [--lang nl|en]',
      summary: 'Export an issued revision as a W3C Verifiable Credential (did:key, Data Integrity proof)',
      description: [
        'Writes the revision as a Verifiable Credential 2.0 that any VC library can check: the issuer is the assessor\'s key as did:key, the proof is a Data Integrity proof with the cryptosuite ecdsa-jcs-2019 (P-256 keys) or eddsa-jcs-2022 (Ed25519 keys). The credential names the reference code and content hash of the signed revision, the project, phase, method, assessor, the score recomputed from the signed data and the evidence files by SHA-256.',
        'The revision is verified first; --key must be the private key (a JWK file) that signed it. Without --out the file is <reference code>.quickscan-vc.json in the current folder.',
        'Exit 0 when written; 2 when a file cannot be read, the revision is not intact or the key is not the one that signed it.',
      ],
      options: [
        ['--key <private-key.json>', 'the assessor\'s private key as a JWK file (P-256 or Ed25519); the key that signed the revision'],
        ['--out <file>', 'where to write the credential'],
      ] as (readonly [string, string])[],
      examples: ['quickscan vc issued.pdf --key assessor.private-key.json --out issued.quickscan-vc.json'],
    },
    keyRequired: '--key <private-key.json> is required: the private key that signed the revision',
    keyInvalid: (file: string) => `${file}: not a private key (a JWK with kty, crv, x, d: P-256 or Ed25519)`,
    keyMismatch: (file: string) => `${file}: this is not the key that signed the revision`,
    wrote: (file: string, issuer: string, suite: string) => `Wrote ${file}\n  issuer ${issuer}\n  proof DataIntegrityProof, cryptosuite ${suite}`,
    writeFailed: (file: string, reason: string) => `${file}: cannot write: ${reason}`,
  },
  nl: {
    help: {
      usage: 'quickscan vc <uitgegeven.pdf | bestand.quickscan-issued.json> --key <privesleutel.json> [--out <bestand>] [--json] [--lang nl|en]',
      summary: 'Exporteer een uitgegeven revisie als W3C Verifiable Credential (did:key, Data Integrity-bewijs)',
      description: [
        'Schrijft de revisie als Verifiable Credential 2.0 die elke VC-bibliotheek kan controleren: de uitgever is de sleutel van de beoordelaar als did:key, het bewijs is een Data Integrity-bewijs met de cryptosuite ecdsa-jcs-2019 (P-256-sleutels) of eddsa-jcs-2022 (Ed25519-sleutels). De credential noemt de referentiecode en inhoudshash van de ondertekende revisie, het project, de fase, methode, beoordelaar, de score herberekend uit de ondertekende gegevens en de bewijsbestanden met hun SHA-256.',
        'De revisie wordt eerst geverifieerd; --key moet de privésleutel (een JWK-bestand) zijn die haar ondertekende. Zonder --out heet het bestand <referentiecode>.quickscan-vc.json in de huidige map.',
        'Exitcode 0 als het bestand is geschreven; 2 als een bestand niet gelezen kan worden, de revisie niet ongewijzigd is of de sleutel niet de ondertekenende sleutel is.',
      ],
      options: [
        ['--key <privesleutel.json>', 'de privésleutel van de beoordelaar als JWK-bestand (P-256 of Ed25519); de sleutel die de revisie ondertekende'],
        ['--out <bestand>', 'waar de credential komt'],
      ] as (readonly [string, string])[],
      examples: ['quickscan vc uitgegeven.pdf --key beoordelaar.private-key.json --out uitgegeven.quickscan-vc.json'],
    },
    keyRequired: '--key <privesleutel.json> is verplicht: de privésleutel die de revisie ondertekende',
    keyInvalid: (file: string) => `${file}: geen privésleutel (een JWK met kty, crv, x, d: P-256 of Ed25519)`,
    keyMismatch: (file: string) => `${file}: dit is niet de sleutel die de revisie ondertekende`,
    wrote: (file: string, issuer: string, suite: string) => `${file} geschreven\n  uitgever ${issuer}\n  bewijs DataIntegrityProof, cryptosuite ${suite}`,
    writeFailed: (file: string, reason: string) => `${file}: kan niet schrijven: ${reason}`,
  },
} as const;

/** A private JWK file, or the test-key form `{ secretKey, publicKey }` (raw Ed25519, base64url) of the examples. */
async function readPrivateKey(ctx: CommandContext, path: string): Promise<PrivateJwk> {
  const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, path);
  // a key file of `quickscan key new` (scoring/key-file.ts)
  const keyFile = readPrivateKeyFile(json);
  if (keyFile.ok) return keyFile.file.privateKey;
  const candidate =
    json && typeof json === 'object' && 'secretKey' in json && 'publicKey' in json
      ? { kty: 'OKP', crv: 'Ed25519', x: (json as { publicKey: unknown }).publicKey, d: (json as { secretKey: unknown }).secretKey, alg: 'EdDSA' }
      : json && typeof json === 'object'
        ? Object.fromEntries(Object.entries(json).filter(([k]) => !['ext', 'key_ops', 'kid', 'use', '$comment', 'label'].includes(k)))
        : json;
  const parsed = privateJwkSchema.safeParse(candidate);
  if (!parsed.success) throw new CliError(TEXTS[ctx.lang].keyInvalid(path));
  return parsed.data;
}

export const vcCommand: Command = {
  path: ['vc'],
  options: { key: { type: 'string' }, out: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  help: (s): CommandHelp => TEXTS[langOf(s)].help,
  async run(ctx) {
    const t = TEXTS[ctx.lang];
    const keyPath = ctx.args.options.key as string | undefined;
    if (keyPath === undefined) throw new CliError(t.keyRequired);
    const issued = await readIssued(ctx, ctx.args.positionals[0]!);
    let signer;
    try {
      signer = vcSignerFromPrivateJwk(await readPrivateKey(ctx, keyPath));
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(t.keyInvalid(keyPath));
    }
    const env = issued.envelope;
    let credential;
    try {
      credential = await revisionCredential({ content: env.content, referenceCode: env.referenceCode, contentHash: env.contentHash, definition: issued.definition }, issued.assessorKey, signer);
    } catch (error) {
      if (error instanceof VcKeyError) throw new CliError(t.keyMismatch(keyPath));
      throw error;
    }
    const out = (ctx.args.options.out as string | undefined) ?? `${env.referenceCode}${VC_FILE_SUFFIX}`;
    if (out === '') throw new CliError(ctx.s.fileNameEmpty);
    try {
      await writeFile(resolve(ctx.io.cwd, out), credentialJsonText(credential));
    } catch (error) {
      throw new CliError(t.writeFailed(out, fileErrorReason(ctx.s, error)));
    }
    if (ctx.json) ctx.outJson({ file: out, issuer: credential.issuer, cryptosuite: credential.proof!.cryptosuite, referenceCode: env.referenceCode, contentHash: env.contentHash });
    else ctx.out(...t.wrote(out, credential.issuer, credential.proof!.cryptosuite).split('\n'));
    return EXIT.ok;
  },
};
