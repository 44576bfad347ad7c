/**
 * The texts of `quickscan key rotate`, `quickscan key revoke` and `--key-statement`, in English
 * and Dutch, kept apart from cli/strings.ts (like cli/method-strings.ts). The English object
 * defines the shape.
 */
import type { KeyStatementProblem } from '../scoring/key-statements';
import type { CommandHelp } from './command';
import type { Lang } from './strings';

const en = {
  problem: {
    'not-json': (file: string) => `${file}: not a key statement (not JSON text); nothing was changed`,
    'duplicate-key': (file: string, where: string) => `${file}: the key statement names a field twice (${where}); it is refused and nothing was changed`,
    'forbidden-key': (file: string, where: string) => `${file}: the key statement has a forbidden field (${where}); it is refused and nothing was changed`,
    'not-a-key-statement': (file: string) => `${file}: not a key statement (*.quickscan-key-statement.json: a key rotation or revocation); nothing was changed`,
    'unknown-key-type': (file: string, type: string) => `${file}: the key statement names a key of a type this version cannot use (${type}; only ES256 / P-256 and EdDSA / Ed25519); nothing was changed`,
    malformed: (file: string, detail: string) => `${file}: not a valid key statement (${detail}); nothing was changed`,
    'not-canonical': (file: string) => `${file}: the key statement's content is not exactly what was signed; it is refused and nothing was changed`,
    'data-altered': (file: string) => `${file}: the key statement was altered after it was signed (its content does not match its hash); it is not used`,
    'signature-invalid': (file: string) => `${file}: the key statement is not signed by the key it is about (a statement for another key, or altered); it is not used`,
    'new-key-signature-invalid': (file: string) => `${file}: the rotation is not countersigned by the new key it names, so it cannot claim that key; it is not used`,
  } satisfies Record<KeyStatementProblem, (file: string, detail: string) => string>,
  loadedRotation: (file: string, oldFp: string, newFp: string, date: string, name: string) =>
    `key statement ${file}: key rotation by ${name}, key ${oldFp} → ${newFp} from ${date}; counted as confirmed by you (the new key gets the old key's trust from that date, the old key no longer counts after it)`,
  loadedRevocation: (file: string, fp: string, date: string, reason: string, name: string) =>
    `key statement ${file}: key ${fp} revoked by ${name} from ${date} (${reason}); revisions it signed from that date on fail`,
  nameNeeded: 'give the name of the key holder with --name (the key file has no label)',
  sameOut: 'the new key file must be another file than the old one',
  rotated: (keyFile: string, fp: string, statement: string, oldFp: string, date: string) =>
    `wrote ${keyFile}: the new signing key ${fp}, and ${statement}: the rotation from key ${oldFp} from ${date}, signed by both keys. Hand the statement and the new public key file to whoever trusts the old key.`,
  revoked: (statement: string, fp: string, date: string, reason: string) =>
    `wrote ${statement}: the revocation of key ${fp} from ${date} (${reason}), signed by that key. Hand it to whoever trusts the key; revisions it signed from that date on fail.`,
  statementExists: (file: string) => `${file} already exists; choose another name with --statement / --out (a statement is never overwritten)`,
  verifyOption: [
    '--key-statement <file>',
    'a key rotation or revocation statement (*.quickscan-key-statement.json, repeatable). A revocation fails revisions signed from its date on. Naming a rotation here counts as YOUR confirmation of it: the new key then gets the old key\'s trust from the rotation date. Only give rotations you checked with the key holder.',
  ] as [string, string],
  rotateHelp: {
    usage:
      'quickscan key rotate --key <old.quickscan-key.json> --out <new.quickscan-key.json> [--date <effective date>] [--name <name>] [--organisation <org>] [--note <text>] [--alg ES256|EdDSA] [--label <text>] [--statement <file>] [--json] [--lang nl|en]',
    summary: 'Rotate to a new signing key: a new key file and a rotation statement signed by the old and the new key',
    description: [
      'Makes a new private key file (a SECRET, never overwritten) with its public key file, and a key rotation statement (*.quickscan-key-statement.json) that says: from the date on, this holder signs with the new key instead of the old one. The old key signs it and the new key countersigns it.',
      "A rotation adds no trust by itself: whoever trusts the old key must confirm the statement (the app's Settings → Trust, or verify --key-statement). From then on the new key has the old key's trust for revisions from the date on, and the old key no longer counts for revisions after it. See docs/key-statements.md.",
    ],
    options: [
      ['--key <file>', 'the private key file of the old key'],
      ['--out <file>', 'where the new private key file goes (never overwritten)'],
      ['--date <date>', 'from when the new key signs (default now)'],
      ['--name, --organisation', 'the key holder as on their revisions (default the label of the old key)'],
      ['--statement <file>', 'where the statement goes (default <new>.rotation.quickscan-key-statement.json)'],
    ],
    examples: ['quickscan key rotate --key team.quickscan-key.json --out team-2027.quickscan-key.json --date 2027-01-01'],
  } satisfies CommandHelp,
  revokeHelp: {
    usage:
      'quickscan key revoke --key <file.quickscan-key.json> --reason <reason> [--date <date>] [--name <name>] [--organisation <org>] [--note <text>] [--out <file>] [--json] [--lang nl|en]',
    summary: 'Revoke a signing key: a revocation statement signed by that key',
    description: [
      'Writes a key revocation statement (*.quickscan-key-statement.json) signed by the key itself. Revisions that key signed from the date on fail; earlier ones keep passing, with a note. For a stolen or leaked key (reason key-compromise) give the date of the suspected compromise.',
    ],
    options: [
      ['--key <file>', 'the private key file of the key to revoke'],
      ['--reason <reason>', 'key-compromise, superseded, cessation-of-operation, affiliation-changed or unspecified'],
      ['--date <date>', 'from when its signatures no longer count (default now)'],
      ['--out <file>', 'where the statement goes (default <key>.revocation.quickscan-key-statement.json)'],
    ],
    examples: ['quickscan key revoke --key team.quickscan-key.json --reason key-compromise --date 2026-05-01'],
  } satisfies CommandHelp,
};

export type KeyStatementStrings = typeof en;

const nl: KeyStatementStrings = {
  problem: {
    'not-json': (file) => `${file}: geen sleutelverklaring (geen JSON-tekst); er is niets veranderd`,
    'duplicate-key': (file, where) => `${file}: de sleutelverklaring noemt een veld twee keer (${where}); ze wordt geweigerd en er is niets veranderd`,
    'forbidden-key': (file, where) => `${file}: de sleutelverklaring bevat een verboden veld (${where}); ze wordt geweigerd en er is niets veranderd`,
    'not-a-key-statement': (file) => `${file}: geen sleutelverklaring (*.quickscan-key-statement.json: een sleutelwissel of intrekking); er is niets veranderd`,
    'unknown-key-type': (file, type) => `${file}: de sleutelverklaring noemt een sleutel van een soort die deze versie niet kan gebruiken (${type}; alleen ES256 / P-256 en EdDSA / Ed25519); er is niets veranderd`,
    malformed: (file, detail) => `${file}: geen geldige sleutelverklaring (${detail}); er is niets veranderd`,
    'not-canonical': (file) => `${file}: de inhoud van de sleutelverklaring is niet precies wat is ondertekend; ze wordt geweigerd en er is niets veranderd`,
    'data-altered': (file) => `${file}: de sleutelverklaring is na ondertekening gewijzigd (de inhoud past niet bij de hash); ze wordt niet gebruikt`,
    'signature-invalid': (file) => `${file}: de sleutelverklaring is niet ondertekend met de sleutel waar ze over gaat (een verklaring voor een andere sleutel, of gewijzigd); ze wordt niet gebruikt`,
    'new-key-signature-invalid': (file) => `${file}: de sleutelwissel is niet medeondertekend met de nieuwe sleutel die erin staat, dus kan die sleutel niet claimen; ze wordt niet gebruikt`,
  },
  loadedRotation: (file, oldFp, newFp, date, name) =>
    `sleutelverklaring ${file}: sleutelwissel van ${name}, sleutel ${oldFp} → ${newFp} vanaf ${date}; telt als door u bevestigd (de nieuwe sleutel krijgt vanaf die datum het vertrouwen van de oude, de oude telt daarna niet meer)`,
  loadedRevocation: (file, fp, date, reason, name) => `sleutelverklaring ${file}: sleutel ${fp} ingetrokken door ${name} vanaf ${date} (${reason}); revisies die hij vanaf die datum ondertekende, worden afgekeurd`,
  nameNeeded: 'geef de naam van de sleutelhouder met --name (het sleutelbestand heeft geen label)',
  sameOut: 'het nieuwe sleutelbestand moet een ander bestand zijn dan het oude',
  rotated: (keyFile, fp, statement, oldFp, date) =>
    `${keyFile} geschreven: de nieuwe ondertekensleutel ${fp}, en ${statement}: de sleutelwissel vanaf sleutel ${oldFp} per ${date}, ondertekend met beide sleutels. Geef de verklaring en het nieuwe publieke sleutelbestand aan wie de oude sleutel vertrouwt.`,
  revoked: (statement, fp, date, reason) =>
    `${statement} geschreven: de intrekking van sleutel ${fp} per ${date} (${reason}), ondertekend met die sleutel. Geef haar aan wie de sleutel vertrouwt; revisies die hij vanaf die datum ondertekende, worden afgekeurd.`,
  statementExists: (file) => `${file} bestaat al; kies een andere naam met --statement / --out (een verklaring wordt nooit overschreven)`,
  verifyOption: [
    '--key-statement <bestand>',
    'een sleutelwissel of intrekking (*.quickscan-key-statement.json, herhaalbaar). Een intrekking keurt revisies af die vanaf haar datum zijn ondertekend. Een sleutelwissel hier noemen geldt als UW bevestiging ervan: de nieuwe sleutel krijgt dan vanaf de wisseldatum het vertrouwen van de oude. Geef alleen wissels die u met de sleutelhouder hebt nagegaan.',
  ],
  rotateHelp: {
    usage:
      'quickscan key rotate --key <oud.quickscan-key.json> --out <nieuw.quickscan-key.json> [--date <ingangsdatum>] [--name <naam>] [--organisation <org>] [--note <tekst>] [--alg ES256|EdDSA] [--label <tekst>] [--statement <bestand>] [--json] [--lang nl|en]',
    summary: 'Overstappen op een nieuwe ondertekensleutel: een nieuw sleutelbestand en een sleutelwissel, ondertekend met de oude en de nieuwe sleutel',
    description: [
      'Maakt een nieuw privé-sleutelbestand (GEHEIM, wordt nooit overschreven) met zijn publieke sleutelbestand, en een verklaring van sleutelwissel (*.quickscan-key-statement.json): vanaf de datum ondertekent deze houder met de nieuwe sleutel in plaats van de oude. De oude sleutel ondertekent haar, de nieuwe ondertekent mee.',
      'Een sleutelwissel geeft zelf geen vertrouwen: wie de oude sleutel vertrouwt, moet de verklaring bevestigen (in de app Instellingen → Vertrouwen, of verify --key-statement). Daarna heeft de nieuwe sleutel het vertrouwen van de oude voor revisies vanaf de datum, en telt de oude sleutel niet meer voor revisies daarna. Zie docs/key-statements.md.',
    ],
    options: [
      ['--key <bestand>', 'het privé-sleutelbestand van de oude sleutel'],
      ['--out <bestand>', 'waar het nieuwe privé-sleutelbestand komt (wordt nooit overschreven)'],
      ['--date <datum>', 'vanaf wanneer de nieuwe sleutel ondertekent (standaard nu)'],
      ['--name, --organisation', 'de sleutelhouder zoals op de revisies (standaard het label van de oude sleutel)'],
      ['--statement <bestand>', 'waar de verklaring komt (standaard <nieuw>.rotation.quickscan-key-statement.json)'],
    ],
    examples: ['quickscan key rotate --key team.quickscan-key.json --out team-2027.quickscan-key.json --date 2027-01-01'],
  },
  revokeHelp: {
    usage:
      'quickscan key revoke --key <bestand.quickscan-key.json> --reason <reden> [--date <datum>] [--name <naam>] [--organisation <org>] [--note <tekst>] [--out <bestand>] [--json] [--lang nl|en]',
    summary: 'Een ondertekensleutel intrekken: een verklaring van intrekking, ondertekend met die sleutel',
    description: [
      'Schrijft een verklaring van intrekking (*.quickscan-key-statement.json), ondertekend met de sleutel zelf. Revisies die die sleutel vanaf de datum ondertekende, worden afgekeurd; eerdere blijven geldig, met een opmerking. Geef bij een gestolen of uitgelekte sleutel (reden key-compromise) de datum van het vermoedelijke lek.',
    ],
    options: [
      ['--key <bestand>', 'het privé-sleutelbestand van de sleutel die u intrekt'],
      ['--reason <reden>', 'key-compromise, superseded, cessation-of-operation, affiliation-changed of unspecified'],
      ['--date <datum>', 'vanaf wanneer zijn handtekeningen niet meer tellen (standaard nu)'],
      ['--out <bestand>', 'waar de verklaring komt (standaard <sleutel>.revocation.quickscan-key-statement.json)'],
    ],
    examples: ['quickscan key revoke --key team.quickscan-key.json --reason key-compromise --date 2026-05-01'],
  },
};

export function keyStatementStrings(lang: Lang): KeyStatementStrings {
  return lang === 'nl' ? nl : en;
}
