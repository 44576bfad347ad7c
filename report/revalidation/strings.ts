/**
 * Texts of re-validation layout 2 (Dutch and English): the strings of re-validation layout 1
 * (report/revalidation-strings.ts, frozen with it) with the words of docs/glossary.md
 * (herbeoordeling, opgeleverd, met / zonder bewijs, extra kosten, verlaging, levels as
 * "2 · naam") and what layout 2 adds: the verdict of both revisions at the time the report was
 * made (scoring/verdict.ts), and the state of every evidence file.
 */
import type { EvidenceFileState } from '../../scoring/compare';
import type { ReportLocale } from '../../scoring/issued';
import { revalidationStrings, type RevalidationStrings } from '../revalidation-strings';

const nl = {
  kicker: 'Herbeoordeling',
  documentTitle: 'Herbeoordeling: beloofd tegenover opgeleverd',
  keywords: 'QuickScan, circulair bouwen, herbeoordeling, beloofd tegenover opgeleverd, oplevering',
  laterRole: 'opgeleverd',
  revalidatedBy: 'Herbeoordeeld door',
  otherMethod: (a: string, b: string) => `De revisies zijn met verschillende methodeversies gemaakt (${a} en ${b}); vragen en thema’s zijn per id vergeleken.`,
  promises: 'Beloofd tegenover opgeleverd',
  downgradesCount: 'verlaagd',
  extraCost: 'Extra kosten (middenraming)',
  downgradesTitle: 'Verlagingen',
  downgradesIntro:
    'Elke vraag waarvan de punten omlaag gingen, met de reden: de toelichting bij het antwoord in de latere revisie. Een verlaging zonder toelichting is gemarkeerd.',
  promisesTitle: 'Beloofd tegenover opgeleverd',
  promisesIntro:
    'Per vraag het niveau dat de eerdere revisie beloofde en het niveau dat de latere oplevert: gehaald (evenveel punten), overtroffen (meer), niet gehaald (minder, of nu niet van toepassing) of niet beoordeeld (niets beloofd, of nog open).',
  colDelivered: 'Opgeleverd',
  evidence: { evidenced: 'met bewijs', claimed: 'zonder bewijs', na: 'n.v.t.', unanswered: 'open' } as Record<'evidenced' | 'claimed' | 'na' | 'unanswered', string>,
  unanswered: 'open (niet beantwoord)',
  changesIntro: 'Elke vraag waarbij iets veranderde: het niveau, de punten, de extra kosten, het bewijs of de toelichting.',
  rowCost: 'Extra kosten',
  verifySteps: [
    'Open QuickScan Circulair Bouwen, kies Verifiëren en open dit PDF-bestand; of gebruik de opdrachtregel: quickscan verify bestand.pdf; of de losse verifier (één HTML-bestand, zonder installatie). Er is geen internetverbinding nodig.',
    'Beide ondertekende revisies zitten in dit PDF-bestand (quickscan-envelope-earlier.json en quickscan-envelope-later.json). De app controleert van elk de inhoudshash, de referentiecode en de digitale handtekening, beoordeelt de ondertekenaar met uw eigen vertrouwde sleutels en vertrouwenslijsten, en rekent de scores opnieuw uit.',
    'Het oordeel op de eerste pagina is dat van de maker van deze herbeoordeling, op de genoemde datum en met diens vertrouwde sleutels. Uw eigen verificatie is wat telt: alleen „geslaagd” is groen.',
    'De app maakt deze vergelijking opnieuw uit de twee revisies; de pagina’s moeten byte voor byte gelijk zijn aan dit bestand.',
  ],
  printedTextNote: 'Tekens die het ingebedde lettertype niet kent, staan als ? op deze pagina’s; de bijgevoegde gegevens bevatten de oorspronkelijke tekst.',
  attachmentDescriptor: 'Taal en opmaakversie van deze herbeoordeling, en de controle van beide revisies bij het maken',

  /** A level as a person reads it: its number and name, never its id. */
  levelText: (index: number, label: string) => `${index} · ${label}`,
  levelPoints: (index: number, points: string) => `${index} · ${points} p`,
  verdictTitle: 'Verificatie van beide revisies',
  verdictChecked: (date: string) => `Gecontroleerd bij het maken van deze herbeoordeling, op ${date}, met de vertrouwde sleutels en vertrouwenslijsten van de maker.`,
  verdictNotChecked: 'Niet gecontroleerd bij het maken van deze herbeoordeling: verifieer dit bestand zelf.',
  evidenceTitle: 'Bewijsstukken',
  evidenceIntro:
    'Elk bewijsstuk van beide revisies: aangeleverd en passend (het bestand was er bij het maken en heeft de SHA-256 die de latere revisie noemt), genoemd maar niet aangeleverd (de ondertekende revisie noemt het nog: een ontbrekend dossier is nooit een verlaging), of ingetrokken (de eerdere revisie noemde het, de latere niet meer).',
  evidenceNone: 'Geen: geen van beide revisies noemt bewijsstukken.',
  evidenceState: { supplied: 'aangeleverd en passend', 'not-supplied': 'genoemd, niet aangeleverd', withdrawn: 'ingetrokken' } as Record<EvidenceFileState, string>,
  evidenceCounts: (supplied: string, notSupplied: string, withdrawn: string) => `${supplied} aangeleverd en passend · ${notSupplied} genoemd, niet aangeleverd · ${withdrawn} ingetrokken`,
  colFile: 'Bestand',
  colState: 'Stand',
  /** How the maker's own signing key is named as an anchor. */
  ownKey: 'Uw eigen ondertekeningssleutel',
};

type Extra = { [K in keyof typeof nl]: (typeof nl)[K] extends (...args: infer A) => string ? (...args: A) => string : (typeof nl)[K] extends string ? string : (typeof nl)[K] };

const en: Extra = {
  kicker: 'Re-validation',
  documentTitle: 'Re-validation: promised versus delivered',
  keywords: 'QuickScan, circular building, re-validation, promised versus delivered, delivery',
  laterRole: 'delivered',
  revalidatedBy: 'Re-validated by',
  otherMethod: (a, b) => `The revisions were made with different method versions (${a} and ${b}); questions and themes are compared by id.`,
  promises: 'Promised versus delivered',
  downgradesCount: 'lowered',
  extraCost: 'Extra cost (middle estimate)',
  downgradesTitle: 'Lower levels',
  downgradesIntro: 'Every question that lost points, with the reason: the note on the answer in the later revision. A lower level without a note is marked.',
  promisesTitle: 'Promised versus delivered',
  promisesIntro:
    'For each question the level the earlier revision promised and the level the later one delivers: met (as many points), exceeded (more), not met (fewer, or now not applicable) or not assessed (nothing promised, or still open).',
  colDelivered: 'Delivered',
  evidence: { evidenced: 'with evidence', claimed: 'without evidence', na: 'n/a', unanswered: 'open' },
  unanswered: 'open (unanswered)',
  changesIntro: 'Every question where something changed: the level, the points, the extra cost, the evidence or the note.',
  rowCost: 'Extra cost',
  verifySteps: [
    'Open QuickScan Circulair Bouwen, choose Verify and open this PDF file; or use the command line: quickscan verify file.pdf; or the standalone verifier (one HTML file, nothing to install). No internet connection is needed.',
    'Both signed revisions are attached to this PDF file (quickscan-envelope-earlier.json and quickscan-envelope-later.json). The app checks the content hash, the reference code and the digital signature of each, judges the signer against your own trusted keys and trust lists, and recomputes the scores.',
    'The verdict on the first page is that of the person who made this re-validation, on the date given and with their trusted keys. Your own verification is what counts: only “passed” is green.',
    'The app makes this comparison again from the two revisions; the pages must be byte for byte equal to this file.',
  ],
  printedTextNote: 'Characters the embedded font lacks are shown as ? on these pages; the attached data holds the original text.',
  attachmentDescriptor: 'Language and layout version of this re-validation, and the check of both revisions when it was made',
  levelText: (index, label) => `${index} · ${label}`,
  levelPoints: (index, points) => `${index} · ${points} p`,
  verdictTitle: 'Verification of both revisions',
  verdictChecked: (date) => `Checked when this re-validation was made, on ${date}, with the trusted keys and trust lists of its maker.`,
  verdictNotChecked: 'Not checked when this re-validation was made: verify this file yourself.',
  evidenceTitle: 'Evidence files',
  evidenceIntro:
    'Every evidence file of both revisions: file supplied and matching (the file was at hand when this was made and has the SHA-256 the later revision names), referenced, file not supplied (the signed revision still names it: a missing dossier is never a downgrade), or withdrawn (the earlier revision named it, the later one no longer does).',
  evidenceNone: 'None: neither revision names evidence files.',
  evidenceState: { supplied: 'file supplied and matching', 'not-supplied': 'referenced, file not supplied', withdrawn: 'withdrawn' },
  evidenceCounts: (supplied, notSupplied, withdrawn) => `${supplied} supplied and matching · ${notSupplied} referenced, not supplied · ${withdrawn} withdrawn`,
  colFile: 'File',
  colState: 'State',
  ownKey: 'Your own signing key',
};

export type Revalidation2Strings = Omit<RevalidationStrings, keyof Extra> & Extra;

export const revalidation2Strings: Record<ReportLocale, Revalidation2Strings> = {
  nl: { ...revalidationStrings.nl, ...nl },
  en: { ...revalidationStrings.en, ...en },
};
