/**
 * The words for verdicts and findings (scoring/verdict.ts), in Dutch and English: one headline
 * per verdict, one sentence per finding, and for `indeterminate` one plain sentence saying what
 * to do. Shown by the command line and the re-validation PDF; the app may use them too.
 */
import type { AnchorRef, Finding, Verdict, VerdictReason } from '../scoring/verdict';
import type { Message } from './strings';

export const VERDICT_NAMES: Record<Verdict, Message> = {
  passed: { nl: 'GESLAAGD', en: 'PASSED' },
  indeterminate: { nl: 'ONBESLIST', en: 'INDETERMINATE' },
  failed: { nl: 'AFGEKEURD', en: 'FAILED' },
};

/** Why a key was revoked (the reasons of scoring/trust.ts), in words. */
export const REVOCATION_REASON_NAMES: Readonly<Record<string, Message>> = {
  'key-compromise': { nl: 'sleutel gecompromitteerd', en: 'key compromised' },
  superseded: { nl: 'vervangen door een nieuwe sleutel', en: 'replaced by a new key' },
  'cessation-of-operation': { nl: 'werkzaamheden beëindigd', en: 'work ended' },
  'affiliation-changed': { nl: 'naar een andere organisatie', en: 'moved to another organisation' },
  unspecified: { nl: 'geen reden opgegeven', en: 'no reason given' },
};

function reasonName(code: string | undefined): Message {
  return (code !== undefined && REVOCATION_REASON_NAMES[code]) || { nl: code ?? '?', en: code ?? '?' };
}

export const VERDICT_HEADLINES: Record<Verdict, Message> = {
  passed: {
    nl: 'Geslaagd: ongewijzigd, geldig ondertekend, en de ondertekenaar is vertrouwd.',
    en: 'Passed: unchanged, validly signed, and the signer is trusted.',
  },
  indeterminate: {
    nl: 'Onbeslist: niets gewijzigd gevonden, maar niet alles kon worden vastgesteld.',
    en: 'Indeterminate: nothing altered was found, but not everything could be established.',
  },
  failed: {
    nl: 'Afgekeurd: dit bestand is gewijzigd, ongeldig ondertekend, ondertekend met een ingetrokken sleutel of niet te controleren. Vertrouw de inhoud niet.',
    en: 'Failed: this file was altered, is not validly signed, is signed with a revoked key, or cannot be checked. Do not rely on its content.',
  },
};

/** How an anchor is named: "uw eigen lijst (label)" / "vertrouwenslijst X, versie Y". */
export function anchorText(anchor: AnchorRef): Message {
  return anchor.kind === 'own'
    ? { nl: `uw eigen lijst van vertrouwde sleutels („${anchor.label}”)`, en: `your own list of trusted keys ("${anchor.label}")` }
    : {
        nl: `vertrouwenslijst „${anchor.name}” versie ${anchor.sequence} van ${anchor.operator} (sleutel ${anchor.operatorFingerprint})`,
        en: `trust list "${anchor.name}" version ${anchor.sequence} by ${anchor.operator} (key ${anchor.operatorFingerprint})`,
      };
}

const date = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '?');

/**
 * The sentence for a finding that matters to the verdict (the `reasons`), or for a note worth
 * showing; undefined for a finding whose sentence the verifier already gives in its messages.
 */
export function findingText(f: Finding): Message | undefined {
  const fp = f.fingerprint ?? '?';
  const by = f.anchor ? anchorText(f.anchor) : undefined;
  switch (f.code) {
    case 'signer-trusted':
      return by ? { nl: `De ondertekenaar (sleutel ${fp}) is vertrouwd via ${by.nl}.`, en: `The signer (key ${fp}) is trusted through ${by.en}.` } : undefined;
    case 'signer-unknown':
      return {
        nl: `De ondertekenaar (sleutel ${fp}) staat op geen van uw vertrouwde sleutels of vertrouwenslijsten. Vergelijk de vingerafdruk ${fp} met die de inschrijver via het aanbestedingsplatform heeft opgegeven, of laad de vertrouwenslijst van de regeling (--trust-list).`,
        en: `The signer (key ${fp}) is on none of your trusted keys or trust lists. Compare the fingerprint ${fp} with the one the bidder submitted through the tender platform, or load the scheme's trust list (--trust-list).`,
      };
    case 'signer-revoked':
      return {
        nl: `De sleutel ${fp} is ingetrokken op ${date(f.at)} (${reasonName(f.detail).nl})${by ? ` volgens ${by.nl}` : ''}, vóór de datum van uitgifte.`,
        en: `The key ${fp} was revoked on ${date(f.at)} (${reasonName(f.detail).en})${by ? ` according to ${by.en}` : ''}, before the issue date.`,
      };
    case 'signer-revoked-later':
      return {
        nl: `Let op: de sleutel ${fp} is later ingetrokken, op ${date(f.at)} (${reasonName(f.detail).nl}); deze revisie is daarvóór uitgegeven en blijft geldig.`,
        en: `Note: the key ${fp} was revoked later, on ${date(f.at)} (${reasonName(f.detail).en}); this revision was issued before that and stays valid.`,
      };
    case 'signer-key-rotated':
      return {
        nl: `De sleutel ${f.detail ?? '?'} volgt sinds ${date(f.at)} de sleutel ${fp} op, volgens de sleutelwissel die de houder heeft ondertekend en u hebt bevestigd; hij krijgt het vertrouwen van de oude sleutel.`,
        en: `The key ${f.detail ?? '?'} succeeds the key ${fp} since ${date(f.at)}, by the key rotation its holder signed and you confirmed; it has the old key's trust.`,
      };
    case 'signer-outside-validity':
      return {
        nl: `De sleutel ${fp} staat op ${by?.nl ?? 'een vertrouwenslijst'}, maar was op de datum van uitgifte niet geldig.`,
        en: `The key ${fp} is on ${by?.en ?? 'a trust list'}, but was not valid on the issue date.`,
      };
    case 'signer-name-mismatch':
      return {
        nl: `De sleutel ${fp} staat op ${by?.nl ?? 'een vertrouwenslijst'} op naam van „${f.detail ?? '?'}”, maar de revisie noemt een andere naam.`,
        en: `The key ${fp} is on ${by?.en ?? 'a trust list'} in the name of "${f.detail ?? '?'}", but the revision names someone else.`,
      };
    case 'signer-role-mismatch':
      return {
        nl: `De sleutel ${fp} staat op ${by?.nl ?? 'een vertrouwenslijst'} met een andere rol (${f.detail ?? '?'}) dan dit document vraagt.`,
        en: `The key ${fp} is on ${by?.en ?? 'a trust list'} with another role (${f.detail ?? '?'}) than this document needs.`,
      };
    case 'trust-list-expired':
      return {
        nl: `De sleutel ${fp} staat op ${by?.nl ?? 'een vertrouwenslijst'}, maar die lijst is verlopen (${date(f.at)}). Laad de nieuwste versie van de lijst.`,
        en: `The key ${fp} is on ${by?.en ?? 'a trust list'}, but that list expired (${date(f.at)}). Load the latest version of the list.`,
      };
    case 'signer-not-on-required-list':
      return {
        nl: `Het eisenprofiel vraagt een ondertekening onder vertrouwenslijst ${f.detail ?? '?'}; de sleutel ${fp} staat daar niet op (of de lijst is niet geladen).`,
        en: `The requirement profile asks for a signature under trust list ${f.detail ?? '?'}; the key ${fp} is not on it (or the list is not loaded).`,
      };
    case 'method-publisher-untrusted':
      return { nl: 'De uitgever van de methode is niet vertrouwd.', en: 'The publisher of the method is not trusted.' };
    case 'file-unsigned':
      return { nl: 'Dit bestand is niet ondertekend: vraag om de uitgegeven PDF.', en: 'This file is not signed: ask for the issued PDF.' };
    case 'envelope-duplicate-key':
      return {
        nl: `De gegevens bevatten een veldnaam twee keer (${f.detail ?? '?'}): programma’s lezen zoiets verschillend, dus het wordt geweigerd.`,
        en: `The data names a field twice (${f.detail ?? '?'}): programs read that differently, so it is refused.`,
      };
    case 'envelope-forbidden-key':
      return { nl: `De gegevens bevatten een niet toegestane veldnaam (${f.detail ?? '?'}).`, en: `The data contains a field name that is not allowed (${f.detail ?? '?'}).` };
    case 'envelope-not-canonical':
      return {
        nl: 'De gegevens zijn niet precies wat ondertekend is (de gelezen vorm verschilt van de ondertekende).',
        en: 'The data is not exactly what was signed (the form read differs from the signed one).',
      };
    case 'pages-incremental-update':
      return {
        nl: 'Na de uitgifte is er iets aan het PDF-bestand toegevoegd (een incrementele wijziging). Vertrouw niet op de afgedrukte tekst.',
        en: 'Something was added to the PDF file after it was issued (an incremental update). Do not rely on the printed text.',
      };
    case 'pages-not-checked':
      return { nl: 'De pagina’s konden niet worden gecontroleerd.', en: 'The pages could not be checked.' };
    case 'reference-code-short-form':
      return {
        nl: `Referentiecode ${f.detail ?? ''} is de korte vorm (55 bits, revisies van formaat 1); nieuwere revisies hebben een lange code.`,
        en: `Reference code ${f.detail ?? ''} is the short form (55 bits, format-1 revisions); newer revisions carry a long code.`,
      };
    case 'profile-trusted':
      return by ? { nl: `Het bijgevoegde eisenprofiel is ondertekend door een vertrouwde aanbestedende dienst (${by.nl}).`, en: `The attached requirement profile is signed by a trusted contracting authority (${by.en}).` } : undefined;
    case 'profile-signer-unknown':
      return {
        nl: `Het bijgevoegde eisenprofiel is ondertekend met sleutel ${fp}, die niet als aanbestedende dienst is vertrouwd: de naam van de dienst erin is niet bevestigd.`,
        en: `The attached requirement profile is signed with key ${fp}, which is not trusted as a contracting authority: the authority named in it is not confirmed.`,
      };
    case 'profile-altered':
    case 'profile-signature-invalid':
      return {
        nl: 'Het bijgevoegde eisenprofiel is gewijzigd of ongeldig ondertekend, terwijl de revisie het wel ondertekende.',
        en: 'The attached requirement profile was altered or is not validly signed, although the revision signed it.',
      };
    case 'downgrade-without-reason':
      return f.detail === 'not-checkable'
        ? { nl: 'Of verlaagde antwoorden een reden hebben, kon niet worden nagegaan.', en: 'Whether lowered answers have a reason could not be checked.' }
        : { nl: `Verlaagd zonder reden ten opzichte van de eerdere revisie: ${f.detail ?? '?'}.`, en: `Lowered without a reason compared with the earlier revision: ${f.detail ?? '?'}.` };
    case 'history-not-linked':
      return {
        nl: 'De latere revisie noemt de eerdere niet in haar geschiedenis.',
        en: 'The later revision does not list the earlier one in its history.',
      };
    default:
      return undefined;
  }
}

/** A reason without a finding of its own (evidence that was missing). */
export function missingReasonText(reason: VerdictReason): Message | undefined {
  switch (reason) {
    case 'missing-signer-trusted':
      return { nl: 'Wie ondertekende is niet vastgesteld.', en: 'Who signed was not established.' };
    case 'missing-signature-valid':
      return { nl: 'De handtekening is niet gecontroleerd.', en: 'The signature was not checked.' };
    case 'missing-data-intact':
      return { nl: 'De gegevens zijn niet gecontroleerd.', en: 'The data was not checked.' };
    default:
      return undefined;
  }
}
