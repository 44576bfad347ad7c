/**
 * Tender requirement profiles on the command line (docs/tender-profiles.md):
 *
 * - `quickscan profile <profile.json> [--json]`: checks a signed requirement profile (hash,
 *   signature, method, ids) and shows what it requires. Exit 0 when it is intact and signed,
 *   1 when it was altered or the signature does not fit, 2 when it cannot be read or does not
 *   fit its method.
 * - `quickscan profile verify <profile.json>`: the same check, by name; `quickscan profile new --out
 *   <draft.json> --method <id@version> --tender … --reference … --authority …`: a draft to fill in.
 * - `quickscan profile sign <draft.json> --key <key file> --out <profile.json> [--name] [--role]
 *   [--created YYYY-MM-DD]`: signs a requirement profile (format 2: the key as JWK, signature with
 *   purpose `profile`) with a `quickscan key new` key file. The draft is the profile's content
 *   (its `signer`, `id`, `created` and format filled in when absent) or a signed profile of either
 *   format, whose content is signed again as format 2.
 * - `quickscan verify --profile <profile.json> <files...> [--json | --csv]` (run from
 *   cli/commands/verify.ts): verifies every bid as `verify` does, checks each against the
 *   profile (scoring/compliance.ts), and ranks the valid compliant bids by score. Altered or
 *   otherwise not valid bids are flagged and not ranked. Exit codes as `verify`: 0 every file
 *   valid, 1 any not valid, 2 any unreadable (or a profile that cannot be used).
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { getDefinition } from '../../forms/registry';
import type { QuickScanDefinition } from '../../forms/schema';
import type { VerifyOptions, VerifyResult, VerifyStatus } from '../../report/verify';
import { complianceGapText, levelText } from '../../report/compliance-text';
import { fieldErrorsText, profileIssuesText } from '../../report/input-strings';
import { cheapestCompliance, checkCompliance, type ComplianceResult } from '../../scoring/compliance';
import { csvCents, csvDecimal, csvText, type CsvDialect } from '../../scoring/csv';
import type { RevisionLike } from '../../scoring/compare';
import {
  parseProfileEnvelope,
  PROFILE_FORMAT,
  profileAppliesToMethod,
  profileContentV2Schema,
  profileEnvelopeJsonText,
  profileIssues,
  signProfile,
  verifyProfileEnvelope,
  type ProfileContent,
  type ProfileEnvelope,
  type ProfileVerification,
} from '../../scoring/profile';
import { verdictExitCode } from '../../scoring/verdict';
import { VERDICT_NAMES } from '../../report/verdict-strings';
import type { ScanInput } from '../../scoring/score';
import { assessBids as assessTenderBids, bidData, inRankOrder, type BidAssessment, type BidData, type BidVerification } from '../../scoring/tender';
import type { OptionSpec } from '../args';
import type { Command, CommandContext, CommandHelp } from '../command';
import { CliError, EXIT } from '../errors';
import { readBytes, readJson, writeNewFile } from '../files';
import { formatEuro, formatEuroExact, formatScore, table } from '../format';
import { ratio } from '../json';
import type { Lang, Strings } from '../strings';
import { withScanInput } from '../scan';
import { exactAsText, langOf, loadRevision } from './diff';
import { readKeyFile } from '../trust';

/* ------------------------------------------------------------------------------------------ */
/* Texts                                                                                      */
/* ------------------------------------------------------------------------------------------ */

const TEXTS = {
  en: {
    profileHelp: {
      usage: 'quickscan profile <profile.json> [--scan <file> [--prudent]] [--json] [--lang nl|en]',
      summary: 'Check a signed tender requirement profile; with --scan, whether a scan complies and the cheapest way to comply',
      description: [
        'Reads a requirement profile (quickscan-requirement-profile-envelope, docs/tender-profiles.md), checks its content hash and signature (format 1: Ed25519; format 2: P-256 or Ed25519 with the purpose `profile`), that its method is a release this quickscan knows (same SHA-256) and that every label, theme, question and level it names exists.',
        'With --scan (a scan file, an issued PDF or a .quickscan-issued.json made with the profile\'s method): whether it complies, what is missing, and the cheapest plan that complies (exact; not-applicable answers and the scan\'s locked questions are kept, except that a must-have marked not applicable gets a level).',
        'Compare the signer\'s key fingerprint with the one the contracting authority publishes. Exit 0 when the profile is intact and signed, 1 when it was altered or the signature does not fit, 2 when it cannot be read or does not fit its method.',
      ],
      options: [
        ['--scan <file>', 'check this scan against the profile and show the cheapest plan that complies'],
        ['--prudent', 'with --scan: cost the plan at the high end of every cost range'],
      ] as (readonly [string, string])[],
      examples: ['quickscan profile docs/examples/tender/requirement-profile.json', 'quickscan profile requirement-profile.json --scan design.quickscan.json --prudent'],
    },
    signHelp: {
      usage: 'quickscan profile sign <draft.json> --key <file.quickscan-key.json> --out <profile.json> [--name <text>] [--role <text>] [--created YYYY-MM-DD] [--json] [--lang nl|en]',
      summary: 'Sign a tender requirement profile with a key file (format 2)',
      description: [
        'The draft is the profile\'s content as JSON (docs/tender-profiles.md, docs/requirement-profile.schema.json): tender, contractingAuthority, method, minimumLabel, themeMinimums, mustHaves, valuePerPointEur, notes, requiredTrustList. Left out, `format`, `formatVersion`, `id` (a new one), `created` (today, UTC) and `signer` are filled in. A signed profile of either format may be given as the draft: its content is signed again, as format 2.',
        'The profile is format 2: the signer\'s key (from the key file of `quickscan key new`, P-256 or Ed25519) as JWK, the signature with the purpose `profile`, so it can never pass as another kind of signature. Signer name and role: --name and --role, else the draft\'s signer, else the key\'s label. Before signing, the method must be a release this quickscan knows and every label, theme, question and level must exist.',
      ],
      options: [
        ['--key <file>', 'the private key file that signs (quickscan key new)'],
        ['--out <file>', 'where the signed profile goes'],
        ['--name <text>', 'the signer\'s name'],
        ['--role <text>', 'the signer\'s role, e.g. "Inkoopadviseur"'],
        ['--created YYYY-MM-DD', 'the date the profile was drawn up (default: the draft\'s, else today)'],
      ] as (readonly [string, string])[],
      examples: ['quickscan profile sign draft.json --key authority.quickscan-key.json --out requirement-profile.json --name "L. Dekker" --role Inkoopadviseur'],
    },
    newHelp: {
      usage: 'quickscan profile new --out <draft.json> --method <id@version> --tender <name> --reference <text> --authority <name> [--json] [--lang nl|en]',
      summary: 'Write the draft of a tender requirement profile, to fill in and sign with profile sign',
      description: [
        'Writes the content of a requirement profile without requirements and without a signer (docs/tender-profiles.md): format 2, a new id, today\'s date (UTC), the method release (id, version and SHA-256) and the tender. Add minimumLabel, themeMinimums, mustHaves, valuePerPointEur, notes or requiredTrustList as the tender requires, then sign it with quickscan profile sign. An existing file is never overwritten.',
      ],
      options: [
        ['--out <file>', 'where the draft goes (never overwritten)'],
        ['--method <id@version>', 'the method release the bids must be made with, e.g. zeeland-quickscan@1.0.0'],
        ['--tender <name>', 'the name of the tender'],
        ['--reference <text>', 'the tender\'s reference, e.g. the TenderNed number'],
        ['--authority <name>', 'the contracting authority'],
      ] as (readonly [string, string])[],
      examples: ['quickscan profile new --out draft.json --method zeeland-quickscan@1.0.0 --tender "Nieuwbouw IKC De Schelp" --reference KAP-2026-IKC-017 --authority "Gemeente Kapelle"'],
    },
    draftExists: (file: string) => `${file} already exists; choose another name (a draft is never overwritten)`,
    badMethodOption: (value: string) => `--method: "${value}" is not <id>@<version>, e.g. zeeland-quickscan@1.0.0`,
    draftWritten: (file: string, method: string) =>
      `Wrote ${file}: the draft of a requirement profile for ${method}. Add the requirements (minimumLabel, themeMinimums, mustHaves, valuePerPointEur, notes), then: quickscan profile sign ${file} --key <key file> --out <profile.json>`,
    draftInvalid: (file: string, detail: string) => `${file}: not a requirement profile draft: ${detail}`,
    profileSigned: (file: string, name: string, reference: string, fingerprint: string, code: string) => `Wrote ${file}: requirement profile ${name} (${reference}), format 2, signed with key ${fingerprint}; profile code ${code}`,
    verifyOptions: [
      ['--profile <profile.json>', 'check every bid against this signed tender requirement profile and rank the valid compliant bids by score (docs/tender-profiles.md)'],
      ['--csv', 'with --profile: print the table as CSV (comma-separated, one row per file)'],
    ] as (readonly [string, string])[],
    verifyExample: 'quickscan verify --profile requirement-profile.json bids/*.pdf --trusted-keys keys.json',
    csvNeedsProfile: '--csv needs --profile (the CSV is the table of bids against a requirement profile)',
    csvAndJson: 'give either --json or --csv, not both',
    notProfile: (file: string, issues: string) => `${file}: not a requirement profile: ${issues}`,
    profileAltered: (file: string) => `${file}: the requirement profile was changed after it was signed (its content hash does not match); ask the contracting authority for the original`,
    profileBadSignature: (file: string) => `${file}: the signature of the requirement profile does not fit its content and the key named in it; ask the contracting authority for the original`,
    profileUnknownMethod: (file: string, id: string, version: string) => `${file}: the profile applies to method ${id} ${version}, which is not a release this quickscan knows (or has another SHA-256)`,
    profileMismatch: (file: string, issues: string) => `${file}: the profile does not fit its method: ${issues}`,
    heading: (name: string, reference: string, authority: string) => `Requirement profile: ${name} (${reference}) – ${authority}`,
    signed: (name: string, role: string, fingerprint: string, code: string) => `Signed by ${name}${role ? ` (${role})` : ''}, key fingerprint ${fingerprint}; data intact, signature valid; profile code ${code}`,
    notSigned: (dataIntact: boolean, signatureValid: boolean) => `NOT VALID: data ${dataIntact ? 'intact' : 'CHANGED'}, signature ${signatureValid ? 'valid' : 'DOES NOT FIT'}`,
    method: (id: string, version: string) => `Method ${id} ${version}`,
    created: (date: string) => `drawn up ${date}`,
    minimumLabel: (name: string) => `minimum label ${name}`,
    noMinimumLabel: 'no minimum label',
    themeMinimums: (list: string) => `theme minimums: ${list}`,
    mustHaves: (list: string) => `must-haves: ${list}`,
    perPoint: (eur: string) => `fictitious discount ${eur} per point of the total`,
    notes: 'Notes',
    colRank: 'Rank',
    colBid: 'Bid',
    colVerdict: 'Verdict',
    colCompliant: 'Compliant',
    colTotal: 'Total',
    colLabel: 'Label',
    colDiscount: 'Fictitious discount',
    yes: 'yes',
    no: 'no',
    none: 'none',
    status: {
      valid: 'valid',
      altered: 'ALTERED',
      'unknown-method': 'UNKNOWN METHOD',
      'bad-signature': 'BAD SIGNATURE',
      'untrusted-signature': 'KEY NOT TRUSTED',
      unsigned: 'NOT SIGNED',
      unreadable: 'UNREADABLE',
    } satisfies Record<VerifyStatus, string>,
    parts: { data: 'data', pages: 'pages' },
    ranked: (n: number, of: number) => `${n} of ${of} bids ranked (passed and compliant, highest total first).`,
    parenthesised: '(yes), (no): the data was checked against the profile, but the bid did not pass verification, so it is not ranked and gets no discount.',
    notCompliantHeading: 'Not compliant:',
    notRankedHeading: 'Not ranked (did not pass verification, or not checked):',
    reason: {
      alteredData: 'the signed data was changed after it was issued',
      alteredPages: 'the printed pages differ from the signed data (the data itself is intact)',
      badSignature: 'the signature does not fit the data and the key named in it',
      unknownMethod: 'the method version is not one this quickscan knows',
      untrusted: (fp: string) => `signed with a key that is not on the trusted list (fingerprint ${fp})`,
      unsigned: 'a scan file, not an issued (signed) revision',
      otherMethod: (id: string, version: string, want: string) => `made with ${id} ${version}; the profile requires ${want}`,
      notTrusted: (fp: string) => `the signer (key fingerprint ${fp}) is not vouched for by a trust anchor you chose (--trusted-keys)`,
      notAssessed: 'the answers do not fit the method, so the bid could not be checked against the profile',
    },
    summary: (passed: number, indeterminate: number, failed: number, unreadable: number) => `${passed} passed, ${indeterminate} indeterminate, ${failed} failed, ${unreadable} unreadable.`,
    prudentNeedsScan: '--prudent needs --scan',
    scanOtherMethod: (file: string, id: string, version: string, want: string) => `${file}: made with ${id} ${version}; the profile requires ${want}`,
    scanLine: (file: string, status: string, project: string) => `Scan: ${file} – ${status} · ${project}`,
    complianceLine: (compliant: boolean, total: string, label: string, discount: string | null) =>
      `Compliant: ${compliant ? 'yes' : 'no'} · total ${total} · label ${label}${discount ? ` · fictitious discount ${discount}` : ''}`,
    missingHeading: 'Not met:',
    planHeading: (prudent: boolean) => `Cheapest way to comply (costs: ${prudent ? 'high end of each range' : 'midpoint of each range'}):`,
    planLine: (cost: string, now: string, total: string, label: string) => `extra cost ${cost} (now ${now}) · total ${total} · label ${label}`,
    planNone: 'No plan can comply: a locked answer, or a must-have that does not apply to this kind of project, stands in the way.',
    fromNa: 'not applicable',
    fromNone: 'unanswered',
  },
  nl: {
    profileHelp: {
      usage: 'quickscan profile <profiel.json> [--scan <bestand> [--prudent]] [--json] [--lang nl|en]',
      summary: 'Controleer een ondertekend eisenprofiel; met --scan: of een scan voldoet en de goedkoopste manier om te voldoen',
      description: [
        'Leest een eisenprofiel (quickscan-requirement-profile-envelope, docs/tender-profiles.md), controleert de inhoudshash en de handtekening (formaat 1: Ed25519; formaat 2: P-256 of Ed25519 met het doel `profile`), dat de methode een release is die deze quickscan kent (zelfde SHA-256) en dat elk label, thema, elke vraag en elk niveau dat het noemt bestaat.',
        'Met --scan (een scanbestand, een uitgegeven pdf of een .quickscan-issued.json met de methode van het profiel): of de scan voldoet, wat ontbreekt, en het goedkoopste plan dat voldoet (exact; niet-van-toepassing-antwoorden en vastgezette vragen blijven staan, behalve dat een eis die als niet van toepassing is gemarkeerd een niveau krijgt).',
        'Vergelijk de vingerafdruk van de sleutel met die de aanbestedende dienst publiceert. Exitcode 0 als het profiel ongewijzigd en ondertekend is, 1 als het gewijzigd is of de handtekening niet past, 2 als het niet gelezen kan worden of niet bij de methode past.',
      ],
      options: [
        ['--scan <bestand>', 'toets deze scan aan het profiel en toon het goedkoopste plan dat voldoet'],
        ['--prudent', 'met --scan: reken het plan met de bovenkant van elke kostenbandbreedte'],
      ] as (readonly [string, string])[],
      examples: ['quickscan profile docs/examples/tender/requirement-profile.json', 'quickscan profile eisenprofiel.json --scan ontwerp.quickscan.json --prudent'],
    },
    signHelp: {
      usage: 'quickscan profile sign <concept.json> --key <bestand.quickscan-key.json> --out <profiel.json> [--name <tekst>] [--role <tekst>] [--created JJJJ-MM-DD] [--json] [--lang nl|en]',
      summary: 'Onderteken een eisenprofiel met een sleutelbestand (formaat 2)',
      description: [
        'Het concept is de inhoud van het profiel als JSON (docs/tender-profiles.md, docs/requirement-profile.schema.json): tender, contractingAuthority, method, minimumLabel, themeMinimums, mustHaves, valuePerPointEur, notes, requiredTrustList. Ontbreken `format`, `formatVersion`, `id` (een nieuwe), `created` (vandaag, UTC) en `signer`, dan worden ze ingevuld. Een ondertekend profiel van elk formaat mag ook het concept zijn: de inhoud wordt opnieuw ondertekend, als formaat 2.',
        'Het profiel krijgt formaat 2: de sleutel van de ondertekenaar (uit het sleutelbestand van `quickscan key new`, P-256 of Ed25519) als JWK, de handtekening met het doel `profile`, zodat hij nooit voor een ander soort handtekening kan doorgaan. Naam en rol van de ondertekenaar: --name en --role, anders die in het concept, anders het label van de sleutel. Vóór het ondertekenen moet de methode een release zijn die deze quickscan kent en moet elk label, thema, elke vraag en elk niveau bestaan.',
      ],
      options: [
        ['--key <bestand>', 'het privé-sleutelbestand dat ondertekent (quickscan key new)'],
        ['--out <bestand>', 'waar het ondertekende profiel komt'],
        ['--name <tekst>', 'de naam van de ondertekenaar'],
        ['--role <tekst>', 'de rol van de ondertekenaar, bijv. "Inkoopadviseur"'],
        ['--created JJJJ-MM-DD', 'de datum waarop het profiel is opgesteld (standaard die van het concept, anders vandaag)'],
      ] as (readonly [string, string])[],
      examples: ['quickscan profile sign concept.json --key dienst.quickscan-key.json --out eisenprofiel.json --name "L. Dekker" --role Inkoopadviseur'],
    },
    newHelp: {
      usage: 'quickscan profile new --out <concept.json> --method <id@versie> --tender <naam> --reference <tekst> --authority <naam> [--json] [--lang nl|en]',
      summary: 'Schrijf het concept van een eisenprofiel, om in te vullen en te ondertekenen met profile sign',
      description: [
        'Schrijft de inhoud van een eisenprofiel zonder eisen en zonder ondertekenaar (docs/tender-profiles.md): formaat 2, een nieuwe id, de datum van vandaag (UTC), de methoderelease (id, versie en SHA-256) en de aanbesteding. Voeg minimumLabel, themeMinimums, mustHaves, valuePerPointEur, notes of requiredTrustList toe zoals de aanbesteding vraagt en onderteken het dan met quickscan profile sign. Een bestaand bestand wordt nooit overschreven.',
      ],
      options: [
        ['--out <bestand>', 'waar het concept komt (wordt nooit overschreven)'],
        ['--method <id@versie>', 'de methoderelease waarmee de inschrijvingen gemaakt moeten zijn, bijv. zeeland-quickscan@1.0.0'],
        ['--tender <naam>', 'de naam van de aanbesteding'],
        ['--reference <tekst>', 'het kenmerk van de aanbesteding, bijv. het TenderNed-nummer'],
        ['--authority <naam>', 'de aanbestedende dienst'],
      ] as (readonly [string, string])[],
      examples: ['quickscan profile new --out concept.json --method zeeland-quickscan@1.0.0 --tender "Nieuwbouw IKC De Schelp" --reference KAP-2026-IKC-017 --authority "Gemeente Kapelle"'],
    },
    draftExists: (file: string) => `${file} bestaat al; kies een andere naam (een concept wordt nooit overschreven)`,
    badMethodOption: (value: string) => `--method: "${value}" is geen <id>@<versie>, bijv. zeeland-quickscan@1.0.0`,
    draftWritten: (file: string, method: string) =>
      `${file} geschreven: het concept van een eisenprofiel voor ${method}. Vul de eisen in (minimumLabel, themeMinimums, mustHaves, valuePerPointEur, notes) en dan: quickscan profile sign ${file} --key <sleutelbestand> --out <profiel.json>`,
    draftInvalid: (file: string, detail: string) => `${file}: geen concept van een eisenprofiel: ${detail}`,
    profileSigned: (file: string, name: string, reference: string, fingerprint: string, code: string) => `${file} geschreven: eisenprofiel ${name} (${reference}), formaat 2, ondertekend met sleutel ${fingerprint}; profielcode ${code}`,
    verifyOptions: [
      ['--profile <profiel.json>', 'toets elke inschrijving aan dit ondertekende eisenprofiel en rangschik de geldige inschrijvingen die voldoen op score (docs/tender-profiles.md)'],
      ['--csv', 'met --profile: druk de tabel af als CSV (kommagescheiden, één regel per bestand)'],
    ] as (readonly [string, string])[],
    verifyExample: 'quickscan verify --profile eisenprofiel.json inschrijvingen/*.pdf --trusted-keys sleutels.json',
    csvNeedsProfile: '--csv kan alleen met --profile (de CSV is de tabel van inschrijvingen tegen een eisenprofiel)',
    csvAndJson: 'geef --json of --csv, niet allebei',
    notProfile: (file: string, issues: string) => `${file}: geen eisenprofiel: ${issues}`,
    profileAltered: (file: string) => `${file}: het eisenprofiel is na ondertekening gewijzigd (de inhoudshash klopt niet); vraag de aanbestedende dienst om het origineel`,
    profileBadSignature: (file: string) => `${file}: de handtekening van het eisenprofiel past niet bij de inhoud en de sleutel die erin staat; vraag de aanbestedende dienst om het origineel`,
    profileUnknownMethod: (file: string, id: string, version: string) => `${file}: het profiel geldt voor methode ${id} ${version}, geen release die deze quickscan kent (of met een andere SHA-256)`,
    profileMismatch: (file: string, issues: string) => `${file}: het profiel past niet bij de methode: ${issues}`,
    heading: (name: string, reference: string, authority: string) => `Eisenprofiel: ${name} (${reference}) – ${authority}`,
    signed: (name: string, role: string, fingerprint: string, code: string) => `Ondertekend door ${name}${role ? ` (${role})` : ''}, vingerafdruk sleutel ${fingerprint}; gegevens ongewijzigd, handtekening geldig; profielcode ${code}`,
    notSigned: (dataIntact: boolean, signatureValid: boolean) => `NIET GELDIG: gegevens ${dataIntact ? 'ongewijzigd' : 'GEWIJZIGD'}, handtekening ${signatureValid ? 'geldig' : 'PAST NIET'}`,
    method: (id: string, version: string) => `Methode ${id} ${version}`,
    created: (date: string) => `opgesteld ${date}`,
    minimumLabel: (name: string) => `minimaal label ${name}`,
    noMinimumLabel: 'geen minimaal label',
    themeMinimums: (list: string) => `minimum per thema: ${list}`,
    mustHaves: (list: string) => `eisen: ${list}`,
    perPoint: (eur: string) => `fictieve korting ${eur} per punt van het totaal`,
    notes: 'Toelichting',
    colRank: 'Rang',
    colBid: 'Inschrijving',
    colVerdict: 'Oordeel',
    colCompliant: 'Voldoet',
    colTotal: 'Totaal',
    colLabel: 'Label',
    colDiscount: 'Fictieve korting',
    yes: 'ja',
    no: 'nee',
    none: 'geen',
    status: {
      valid: 'geldig',
      altered: 'GEWIJZIGD',
      'unknown-method': 'ONBEKENDE METHODE',
      'bad-signature': 'ONGELDIGE HANDTEKENING',
      'untrusted-signature': 'SLEUTEL NIET VERTROUWD',
      unsigned: 'NIET ONDERTEKEND',
      unreadable: 'ONLEESBAAR',
    } satisfies Record<VerifyStatus, string>,
    parts: { data: 'gegevens', pages: "pagina's" },
    ranked: (n: number, of: number) => `${n} van ${of} inschrijvingen gerangschikt (geslaagd en voldoet, hoogste totaal eerst).`,
    parenthesised: '(ja), (nee): de gegevens zijn aan het profiel getoetst, maar de inschrijving is niet geslaagd voor de verificatie, dus niet gerangschikt en zonder korting.',
    notCompliantHeading: 'Voldoet niet:',
    notRankedHeading: 'Niet gerangschikt (niet geslaagd voor de verificatie, of niet getoetst):',
    reason: {
      alteredData: 'de ondertekende gegevens zijn na uitgifte gewijzigd',
      alteredPages: "de afgedrukte pagina's wijken af van de ondertekende gegevens (de gegevens zelf zijn ongewijzigd)",
      badSignature: 'de handtekening past niet bij de gegevens en de sleutel die erin staat',
      unknownMethod: 'de methodeversie is onbekend voor deze quickscan',
      untrusted: (fp: string) => `ondertekend met een sleutel die niet op de lijst van vertrouwde sleutels staat (vingerafdruk ${fp})`,
      unsigned: 'een scanbestand, geen uitgegeven (ondertekende) revisie',
      otherMethod: (id: string, version: string, want: string) => `gemaakt met ${id} ${version}; het profiel vereist ${want}`,
      notTrusted: (fp: string) => `de ondertekenaar (vingerafdruk sleutel ${fp}) wordt niet gedekt door een vertrouwensanker dat u koos (--trusted-keys)`,
      notAssessed: 'de antwoorden passen niet bij de methode, dus de inschrijving kon niet aan het profiel worden getoetst',
    },
    summary: (passed: number, indeterminate: number, failed: number, unreadable: number) => `${passed} geslaagd, ${indeterminate} onbeslist, ${failed} afgekeurd, ${unreadable} onleesbaar.`,
    prudentNeedsScan: '--prudent kan alleen met --scan',
    scanOtherMethod: (file: string, id: string, version: string, want: string) => `${file}: gemaakt met ${id} ${version}; het profiel vereist ${want}`,
    scanLine: (file: string, status: string, project: string) => `Scan: ${file} – ${status} · ${project}`,
    complianceLine: (compliant: boolean, total: string, label: string, discount: string | null) =>
      `Voldoet: ${compliant ? 'ja' : 'nee'} · totaal ${total} · label ${label}${discount ? ` · fictieve korting ${discount}` : ''}`,
    missingHeading: 'Niet gehaald:',
    planHeading: (prudent: boolean) => `Goedkoopste manier om te voldoen (kosten: ${prudent ? 'bovenkant van elke bandbreedte' : 'midden van elke bandbreedte'}):`,
    planLine: (cost: string, now: string, total: string, label: string) => `extra kosten ${cost} (nu ${now}) · totaal ${total} · label ${label}`,
    planNone: 'Geen plan kan voldoen: een vastgezet antwoord, of een eis die niet van toepassing is op dit soort project, staat in de weg.',
    fromNa: 'niet van toepassing',
    fromNone: 'niet beantwoord',
  },
} as const;

/* ------------------------------------------------------------------------------------------ */
/* Reading a profile                                                                          */
/* ------------------------------------------------------------------------------------------ */

export interface LoadedProfile {
  readonly file: string;
  readonly envelope: ProfileEnvelope;
  readonly content: ProfileContent;
  readonly verification: ProfileVerification;
  readonly definition: QuickScanDefinition;
}

/**
 * Reads a profile envelope and the definition it applies to. Throws CliError (exit 2) when it
 * cannot be read, does not fit its method, or — with `requireValid` — was altered or badly signed.
 */
export async function readProfile(ctx: CommandContext, path: string, requireValid: boolean): Promise<LoadedProfile> {
  const t = TEXTS[ctx.lang];
  const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, path);
  const parsed = parseProfileEnvelope(json);
  if (!parsed.ok) {
    throw new CliError(t.notProfile(path, fieldErrorsText(parsed.errors, ctx.lang)));
  }
  const envelope = parsed.envelope;
  const verification = verifyProfileEnvelope(envelope);
  if (requireValid && !verification.dataIntact) throw new CliError(t.profileAltered(path));
  if (requireValid && !verification.signatureValid) throw new CliError(t.profileBadSignature(path));
  return { file: path, envelope, content: envelope.content, verification, definition: definitionFor(ctx, path, envelope.content) };
}

/** The method release this quickscan has under this id and version, if any. */
function knownRelease(id: string, version: string): ReturnType<typeof getDefinition> {
  try {
    return getDefinition(id, version);
  } catch {
    return undefined;
  }
}

/** The definition a profile applies to; CliError (exit 2) when this quickscan does not have it or the profile does not fit it. */
function definitionFor(ctx: CommandContext, path: string, content: ProfileContent): QuickScanDefinition {
  const t = TEXTS[ctx.lang];
  const { method } = content;
  const loaded = knownRelease(method.id, method.version);
  if (!loaded || loaded.sha256 !== method.sha256) throw new CliError(t.profileUnknownMethod(path, method.id, method.version));
  const issues = profileIssues(loaded.definition, content);
  if (issues.length > 0) throw new CliError(t.profileMismatch(path, profileIssuesText(issues, ctx.lang, issues.length)));
  return loaded.definition;
}

function labelName(def: QuickScanDefinition, id: string | null | undefined, lang: Lang): string {
  if (id === null || id === undefined) return TEXTS[lang].none;
  return def.labels.find((l) => l.id === id)?.name[lang] ?? id;
}

/** The lines that describe a profile (heading, signature, requirements). */
function profileLines(p: LoadedProfile, lang: Lang): string[] {
  const t = TEXTS[lang];
  const c = p.content;
  const v = p.verification;
  const d = p.definition;
  const lines = [t.heading(c.tender.name, c.tender.reference, c.contractingAuthority)];
  lines.push(`  ${v.ok ? t.signed(c.signer.name, c.signer.role, v.fingerprint, v.referenceCode) : t.notSigned(v.dataIntact, v.signatureValid)}`);
  const reqs = [t.method(c.method.id, c.method.version), t.created(c.created)];
  reqs.push(c.minimumLabel ? t.minimumLabel(labelName(d, c.minimumLabel, lang)) : t.noMinimumLabel);
  const mins = d.themes.filter((th) => c.themeMinimums?.[th.id] !== undefined).map((th) => `${th.id} ${th.title[lang]} ${c.themeMinimums![th.id]}`);
  if (mins.length > 0) reqs.push(t.themeMinimums(mins.join(', ')));
  const must = d.questions.filter((q) => c.mustHaves.some((m) => m.question === q.id)).map((q) => `${q.id} ≥ ${levelText(d, q.id, c.mustHaves.find((m) => m.question === q.id)!.minLevel, lang)}`);
  if (must.length > 0) reqs.push(t.mustHaves(must.join('; ')));
  if (c.valuePerPointEur !== undefined) reqs.push(t.perPoint(formatEuroExact(Math.round(c.valuePerPointEur * 100), lang)));
  lines.push(`  ${reqs.join(' · ')}`);
  if (c.notes) lines.push(`  ${t.notes}: ${c.notes}`);
  return lines;
}

function profileJson(p: LoadedProfile) {
  return { file: p.file, ...p.content, verification: p.verification };
}

/** `quickscan profile <profile.json>` */
export const profileCommand: Command = {
  path: ['profile'],
  options: { scan: { type: 'string' }, prudent: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  help: (s): CommandHelp => TEXTS[langOf(s)].profileHelp,
  async run(ctx) {
    const t = TEXTS[ctx.lang];
    const scanPath = ctx.args.options.scan as string | undefined;
    const prudent = ctx.args.options.prudent === true;
    if (prudent && scanPath === undefined) throw new CliError(t.prudentNeedsScan);
    const p = await readProfile(ctx, ctx.args.positionals[0]!, false);
    const check = scanPath === undefined ? null : await checkScan(ctx, p, scanPath, prudent);
    if (ctx.json) {
      ctx.outJson({ ...profileJson(p), ...(check ? { scan: check.json } : {}) });
    } else {
      ctx.out(...profileLines(p, ctx.lang));
      if (check) ctx.out('', ...check.lines);
    }
    return p.verification.ok ? EXIT.ok : EXIT.notValid;
  },
};

/** `quickscan profile new --out <draft.json> --method <id@version> --tender … --reference … --authority …`: a draft for `profile sign`. */
export const profileNewCommand: Command = {
  path: ['profile', 'new'],
  options: { out: { type: 'string' }, method: { type: 'string' }, tender: { type: 'string' }, reference: { type: 'string' }, authority: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  help: (s): CommandHelp => TEXTS[langOf(s)].newHelp,
  async run(ctx) {
    const t = TEXTS[ctx.lang];
    const o = ctx.args.options as Record<string, string | undefined>;
    for (const name of ['out', 'method', 'tender', 'reference', 'authority'] as const) if (!o[name]) throw new CliError(ctx.s.missingValue(`--${name}`));
    const at = o.method!.lastIndexOf('@');
    if (at <= 0 || at === o.method!.length - 1) throw new CliError(t.badMethodOption(o.method!));
    const [id, version] = [o.method!.slice(0, at), o.method!.slice(at + 1)];
    const loaded = knownRelease(id, version);
    if (!loaded) throw new CliError(t.profileUnknownMethod('--method', id, version));
    const draft = {
      format: PROFILE_FORMAT,
      formatVersion: 2,
      id: randomUUID(),
      tender: { name: o.tender!, reference: o.reference! },
      contractingAuthority: o.authority!,
      created: new Date().toISOString().slice(0, 10),
      method: { id, version, sha256: loaded.sha256 },
      mustHaves: [],
    };
    if (!(await writeNewFile(resolve(ctx.io.cwd, o.out!), `${JSON.stringify(draft, null, 2)}\n`))) throw new CliError(t.draftExists(o.out!));
    if (ctx.json) ctx.outJson({ file: o.out, id: draft.id, method: draft.method });
    else ctx.out(t.draftWritten(o.out!, `${id} ${version}`));
    return EXIT.ok;
  },
};

/** `quickscan profile sign <draft.json> --key <key file> --out <profile.json>`: a format-2 profile. */
export const profileSignCommand: Command = {
  path: ['profile', 'sign'],
  options: { key: { type: 'string' }, out: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, created: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  help: (s): CommandHelp => TEXTS[langOf(s)].signHelp,
  async run(ctx) {
    const t = TEXTS[ctx.lang];
    const o = ctx.args.options as Record<string, string | undefined>;
    const path = ctx.args.positionals[0]!;
    if (!o.key) throw new CliError(ctx.s.missingValue('--key'));
    if (!o.out) throw new CliError(ctx.s.missingValue('--out'));
    const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, path);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CliError(t.draftInvalid(path, 'not a JSON object'));
    // a signed profile (either format) as the draft: its content is signed again
    const signed = parseProfileEnvelope(json);
    const draft = (signed.ok ? signed.envelope.content : json) as Record<string, unknown> & { signer?: { name?: unknown; role?: unknown } };
    const keyFile = await readKeyFile(ctx, o.key);
    const { signer: oldSigner, format: _format, formatVersion: _formatVersion, ...rest } = draft;
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const candidate = {
      format: PROFILE_FORMAT,
      formatVersion: 2,
      ...rest,
      id: text(draft.id) ?? randomUUID(),
      created: o.created ?? text(draft.created) ?? new Date().toISOString().slice(0, 10),
      signer: { name: o.name ?? text(oldSigner?.name) ?? keyFile.label, role: o.role ?? text(oldSigner?.role) ?? '', key: keyFile.publicKey },
    };
    const checked = profileContentV2Schema.safeParse(candidate);
    if (!checked.success) {
      const first = checked.error.issues[0];
      throw new CliError(t.draftInvalid(path, first ? `${first.path.join('.')}${first.path.length > 0 ? ': ' : ''}${first.message}` : '?'));
    }
    definitionFor(ctx, path, checked.data);
    const envelope = signProfile(checked.data, keyFile.privateKey);
    const v = verifyProfileEnvelope(envelope);
    await writeFile(resolve(ctx.io.cwd, o.out), profileEnvelopeJsonText(envelope));
    const c = envelope.content;
    if (ctx.json) ctx.outJson({ file: o.out, id: c.id, formatVersion: 2, contentHash: envelope.contentHash, referenceCode: v.referenceCode, fingerprint: v.fingerprint });
    else ctx.out(t.profileSigned(o.out, c.tender.name, c.tender.reference, v.fingerprint, v.referenceCode));
    return EXIT.ok;
  },
};

/** `quickscan profile verify <profile.json>`: the same as `quickscan profile <profile.json>`, by the name the other profile commands suggest. */
export const profileVerifyCommand: Command = {
  ...profileCommand,
  path: ['profile', 'verify'],
  help: (s): CommandHelp => {
    const h = TEXTS[langOf(s)].profileHelp;
    return { ...h, usage: h.usage.replace('quickscan profile ', 'quickscan profile verify '), examples: h.examples.map((e) => e.replace('quickscan profile ', 'quickscan profile verify ')) };
  },
};

/** `profile --scan`: compliance of one scan and the cheapest plan that complies. */
async function checkScan(ctx: CommandContext, p: LoadedProfile, path: string, prudent: boolean): Promise<{ lines: string[]; json: unknown }> {
  const { lang } = ctx;
  const t = TEXTS[lang];
  const d = p.definition;
  const r = await loadRevision(ctx, path);
  if (!profileAppliesToMethod(p.content, r.method)) {
    throw new CliError(t.scanOtherMethod(path, r.method.id, r.method.version, `${p.content.method.id} ${p.content.method.version}`));
  }
  const scan = r.revision.scan as RevisionLike['scan'] & { locked?: readonly string[] | undefined };
  const input: ScanInput = { project: r.revision.project, answers: scan.answers, costOverrides: scan.costOverrides };
  const compliance = withScanInput(ctx, path, () => checkCompliance(d, input, p.content));
  const plan = compliance.compliant ? null : withScanInput(ctx, path, () => cheapestCompliance(d, input, p.content, { prudent, locked: scan.locked }));
  const name = (id: string | null) => labelName(d, id, lang);
  const discount = compliance.fictitiousDiscountCents;
  const lines = [
    t.scanLine(path, TEXTS[lang].status[r.status], r.projectName),
    t.complianceLine(compliance.compliant, formatScore(compliance.score.total?.display, lang), name(compliance.score.label.reached), discount === null ? null : formatEuroExact(discount, lang)),
  ];
  if (!compliance.compliant) {
    lines.push(t.missingHeading, ...gapTexts(compliance, p, lang).map((g) => `  - ${g}`), '', t.planHeading(prudent));
    if (plan) {
      lines.push(
        `  ${t.planLine(formatEuro(prudent ? plan.cost.highCents : plan.cost.midCents, lang), formatEuro(prudent ? compliance.score.cost.highCents : compliance.score.cost.midCents, lang), formatScore(plan.score.total?.display, lang), name(plan.score.label.reached))}`,
        ...table(plan.changes.map((c) => [c.question, `${c.fromNotApplicable ? t.fromNa : (c.from ?? t.fromNone)} → ${c.to ?? t.fromNone}`]), [], '    '),
      );
    } else {
      lines.push(`  ${t.planNone}`);
    }
  }
  const json = {
    file: path,
    status: r.status,
    compliance: exactAsText({ compliant: compliance.compliant, label: compliance.label, themes: compliance.themes, mustHaves: compliance.mustHaves, missing: compliance.missing, fictitiousDiscountCents: discount, total: compliance.score.total }),
    plan: plan ? exactAsText({ levels: plan.levels, changes: plan.changes, cost: plan.cost, total: plan.score.total, label: plan.score.label.reached, prudent }) : null,
  };
  return { lines, json };
}

/* ------------------------------------------------------------------------------------------ */
/* verify --profile                                                                           */
/* ------------------------------------------------------------------------------------------ */

/** The options `verify` takes for profiles. */
export const PROFILE_VERIFY_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  profile: { type: 'string' },
  csv: { type: 'boolean' },
};

/** `verify`'s help with the profile options added. */
export function withProfileHelp(s: Strings, help: CommandHelp): CommandHelp {
  const t = TEXTS[langOf(s)];
  return {
    ...help,
    usage: help.usage.replace(/ \[--json\]/, ' [--profile <profile.json> [--csv]] [--json]'),
    options: [...help.options, ...t.verifyOptions],
    examples: [...help.examples, t.verifyExample],
  };
}

/** Whether verify was asked for a profile check (then {@link verifyWithProfile} runs). */
export function wantsProfile(ctx: CommandContext): boolean {
  return ctx.args.options.profile !== undefined;
}

/** A bid as checked: the file, what the verifier found, and its assessment (scoring/tender.ts). */
export interface BidOutcome extends BidAssessment {
  readonly file: string;
  readonly status: VerifyStatus;
  readonly result: VerifyResult | null;
  readonly readError?: string | undefined;
}

/** What a file that could not be read at all counts as. */
const UNREAD: BidVerification = { verdict: 'failed', status: 'unreadable', checks: { dataIntact: null, signatureValid: null } };

/** Verifies and assesses every file, and ranks the passed compliant ones (scoring/tender.ts). */
export async function assessBids(ctx: CommandContext, profile: LoadedProfile, files: readonly string[], trust: Pick<VerifyOptions, 'anchors'>): Promise<BidOutcome[]> {
  const { verifyFile } = await import('../../report/verify');
  const checked: { file: string; result: BidVerification; verified: VerifyResult | null; readError?: string; data: BidData | null }[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readBytes({ cwd: ctx.io.cwd, s: ctx.s }, file);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      checked.push({ file, result: UNREAD, verified: null, readError: error.message, data: null });
      continue;
    }
    const result = await verifyFile(bytes, file, { ...trust, ...(profile.envelope.content.requiredTrustList ? { requiredTrustListId: profile.envelope.content.requiredTrustList.listId } : {}) });
    checked.push({ file, result, verified: result, data: bidData(result, bytes) });
  }
  return assessTenderBids(checked, profile).map(({ result: _result, data: _data, verified, ...o }) => ({
    ...o,
    status: (verified?.status ?? 'unreadable') as VerifyStatus,
    result: verified,
  }));
}

/** The bid's verdict (scoring/verdict.ts decides it) in words, with the altered parts; an unreadable file says so. */
function verdictText(o: BidOutcome, lang: Lang): string {
  const t = TEXTS[lang];
  const verdict = o.result?.verdict;
  if (o.status === 'unreadable' || verdict === undefined) return t.status.unreadable;
  const parts = o.result?.alteredParts ?? [];
  return parts.length > 0 ? `${VERDICT_NAMES[verdict][lang]} (${parts.map((p) => t.parts[p]).join(', ')})` : VERDICT_NAMES[verdict][lang];
}

function reasonText(o: BidOutcome, profile: LoadedProfile, lang: Lang): string {
  const t = TEXTS[lang];
  const r = o.result;
  if (!r) return o.readError ?? t.status.unreadable;
  switch (o.status) {
    case 'altered':
      return r.alteredParts?.includes('data') ? t.reason.alteredData : t.reason.alteredPages;
    case 'bad-signature':
      return t.reason.badSignature;
    case 'unknown-method':
      return t.reason.unknownMethod;
    case 'untrusted-signature':
      return t.reason.untrusted(r.assessor?.fingerprint ?? '?');
    case 'unsigned':
      return t.reason.unsigned;
    case 'unreadable':
      return r.messages[0]?.[lang] ?? t.status.unreadable;
    case 'valid':
      if (o.notRanked === 'indeterminate') return t.reason.notTrusted(r.assessor?.fingerprint ?? '?');
      if (o.otherMethod) return t.reason.otherMethod(o.otherMethod.id, o.otherMethod.version, `${profile.content.method.id} ${profile.content.method.version}`);
      return o.notRanked === 'not-assessed' ? t.reason.notAssessed : '';
  }
}

/** How many bids passed, were indeterminate or failed verification (unreadable files counted apart). */
function verdictCounts(outcomes: readonly BidOutcome[]) {
  const unreadable = outcomes.filter((o) => o.status === 'unreadable').length;
  const of = (v: string) => outcomes.filter((o) => o.status !== 'unreadable' && o.result?.verdict === v).length;
  return { passed: of('passed'), indeterminate: of('indeterminate'), failed: of('failed'), unreadable };
}

/** Whether the verifier's verdict is `passed` (scoring/verdict.ts decides; nothing here). */
const passed = (o: BidOutcome) => o.result?.verdict === 'passed';

function gapTexts(compliance: ComplianceResult | null, profile: LoadedProfile, lang: Lang): string[] {
  return (compliance?.missing ?? []).map((g) => complianceGapText(g, lang, profile.definition));
}

/** yes / no; in parentheses for a bid that did not pass verification (assessed, but it does not count). */
function compliantText(o: BidOutcome, lang: Lang): string {
  const t = TEXTS[lang];
  const word = o.compliance!.compliant ? t.yes : t.no;
  return passed(o) ? word : `(${word})`;
}

function printTable(ctx: CommandContext, profile: LoadedProfile, outcomes: readonly BidOutcome[]): void {
  const { lang } = ctx;
  const t = TEXTS[lang];
  const d = profile.definition;
  ctx.out(...profileLines(profile, lang), '');
  const order = [...outcomes].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  ctx.out(
    ...table(
      [
        [t.colRank, t.colBid, t.colVerdict, t.colCompliant, t.colTotal, t.colLabel, t.colDiscount],
        ...order.map((o) => [
          o.rank === null ? '–' : String(o.rank),
          o.file,
          verdictText(o, lang),
          o.compliance ? compliantText(o, lang) : '–',
          formatScore(o.total, lang),
          o.hasFigures ? labelName(d, o.label, lang) : '–',
          o.discountCents !== null ? formatEuroExact(o.discountCents, lang) : '–',
        ]),
      ],
      [0, 4],
      '',
    ),
    '',
  );
  const rankedCount = outcomes.filter((o) => o.rank !== null).length;
  ctx.out(t.ranked(rankedCount, outcomes.length));
  if (outcomes.some((o) => o.compliance && !passed(o))) ctx.out(t.parenthesised);
  const notCompliant = outcomes.filter((o) => o.compliance && !o.compliance.compliant);
  if (notCompliant.length > 0) {
    ctx.out('', t.notCompliantHeading);
    for (const o of notCompliant) ctx.out(`  ${o.file}: ${gapTexts(o.compliance, profile, lang).join('; ')}`);
  }
  const notValid = outcomes.filter((o) => o.notRanked !== null && o.notRanked !== 'not-compliant');
  if (notValid.length > 0) {
    ctx.out('', t.notRankedHeading);
    for (const o of notValid) ctx.out(`  ${o.file}: ${verdictText(o, lang)}: ${reasonText(o, profile, lang)}`);
  }
  const n = verdictCounts(outcomes);
  ctx.out('', t.summary(n.passed, n.indeterminate, n.failed, n.unreadable));
}

/**
 * CSV (scoring/csv.ts, the one writer: formula cells neutralised, BOM; `;` and decimal commas in
 * Dutch, `,` and points in English): one row per file, column names and verdict values as
 * ids (no `status` beside the verdict: it read `valid` for an indeterminate bid); the label by its name and the `missing` and `reason` texts in the language (no level ids).
 */
function printCsv(ctx: CommandContext, profile: LoadedProfile, outcomes: readonly BidOutcome[]): void {
  const header = ['rank', 'file', 'verdict', 'altered_parts', 'compliant', 'total', 'label', 'fictitious_discount_eur', 'reference_code', 'project', 'missing', 'not_ranked_reason'];
  const dialect: CsvDialect = ctx.lang;
  const rows = inRankOrder(outcomes).map((o) => {
      const total = o.total;
      const discount = o.discountCents;
      return [
        o.rank === null ? '' : String(o.rank),
        o.file,
        o.result?.verdict ?? 'failed',
        (o.result?.alteredParts ?? []).join('+'),
        o.compliance ? String(o.compliance.compliant) : '',
        total === null ? '' : csvDecimal(total, 1, dialect),
        o.hasFigures && o.label ? labelName(profile.definition, o.label, ctx.lang) : '',
        discount === null ? '' : csvCents(discount, dialect),
        o.result?.referenceCode ?? '',
        o.result?.projectName ?? '',
        gapTexts(o.compliance, profile, ctx.lang).join('; '),
        o.notRanked === 'not-compliant' || o.notRanked === null ? '' : reasonText(o, profile, ctx.lang),
      ];
    });
  ctx.io.stdout(csvText([header, ...rows], dialect));
}

function outcomeJson(o: BidOutcome) {
  const r = o.result;
  const c = o.compliance;
  return {
    file: o.file,
    verdict: r?.verdict ?? 'failed',
    reasons: r?.reasons ?? [],
    status: o.status,
    alteredParts: r?.alteredParts ?? [],
    ...(o.readError ? { error: o.readError } : {}),
    referenceCode: r?.referenceCode ?? null,
    contentHash: r?.contentHash ?? null,
    projectName: r?.projectName ?? null,
    phase: r?.phase ?? null,
    assessor: r?.assessor ?? null,
    method: r?.method ? { id: r.method.id, version: r.method.version, sha256: r.method.sha256 } : null,
    checks: r?.checks ?? null,
    total: o.total,
    totalExact: ratio(o.totalExact),
    label: o.label,
    /** Only for a valid bid (the compliance object has the figure as computed). */
    fictitiousDiscountCents: o.discountCents,
    compliance: c
      ? exactAsText({
          compliant: c.compliant,
          label: c.label,
          themes: c.themes,
          mustHaves: c.mustHaves,
          missing: c.missing,
          fictitiousDiscountCents: c.fictitiousDiscountCents,
        })
      : null,
    otherMethod: o.otherMethod,
    rank: o.rank,
    notRanked: o.notRanked,
    messages: r?.messages ?? [],
  };
}

/**
 * `verify --profile`: run by cli/commands/verify.ts with the trusted keys it read. Returns the
 * exit code of `verify`: 0 every bid passed, 1 any failed, 3 none failed but some indeterminate,
 * 2 any unreadable.
 */
export async function verifyWithProfile(ctx: CommandContext, trust: Pick<VerifyOptions, 'anchors'>): Promise<number> {
  const t = TEXTS[ctx.lang];
  const path = ctx.args.options.profile as string | undefined;
  const csv = ctx.args.options.csv === true;
  if (path === undefined) throw new CliError(t.csvNeedsProfile);
  if (csv && ctx.json) throw new CliError(t.csvAndJson);
  const profile = await readProfile(ctx, path, true);
  const outcomes = await assessBids(ctx, profile, ctx.args.positionals, trust);

  if (ctx.json) {
    const n = verdictCounts(outcomes);
    ctx.outJson({
      profile: profileJson(profile),
      bids: outcomes.map(outcomeJson),
      ranking: [...outcomes]
        .filter((o) => o.rank !== null)
        .sort((a, b) => a.rank! - b.rank!)
        .map((o) => ({ rank: o.rank, file: o.file, total: o.total, totalExact: ratio(o.totalExact), fictitiousDiscountCents: o.discountCents })),
      ...n,
    });
  } else if (csv) {
    printCsv(ctx, profile, outcomes);
  } else {
    printTable(ctx, profile, outcomes);
  }
  const unreadable = outcomes.filter((o) => o.status === 'unreadable');
  if (unreadable.length > 0) {
    ctx.error(ctx.s.verifyUnreadable(unreadable.map((o) => o.file)));
    return EXIT.badInput;
  }
  // the verdicts decide (scoring/verdict.ts): 0 all passed, 1 any failed, 3 some indeterminate
  return verdictExitCode(outcomes.map((o) => o.result?.verdict ?? 'failed'));
}
