/**
 * Every visible string of the re-validation report (report/revalidation-layout1.ts), in Dutch
 * and English. The Dutch table is the reference; the compiler checks that English has every key.
 *
 * Arrows between an earlier and a later value are drawn, not printed (→ is not in the PDF's
 * built-in fonts). FROZEN with re-validation layout 1: its pages are rebuilt byte for byte when a re-validation
 * PDF is verified, so a changed string makes every such PDF fail its page check. Add strings
 * (and a new layout) instead of editing used ones (docs/verifying.md).
 */
import type { PromiseStatus } from '../scoring/compare';
import type { ReportLocale } from '../scoring/issued';

const nl = {
  appName: 'QuickScan Circulair Bouwen',
  kicker: 'Hervalidatie',
  documentTitle: 'Hervalidatie: beloofd tegenover geleverd',
  keywords: 'QuickScan, circulair bouwen, hervalidatie, beloofd tegenover geleverd, oplevering',
  earlier: 'Eerdere revisie',
  later: 'Latere revisie',
  earlierRole: 'beloofd',
  laterRole: 'geleverd',
  issuedOn: (date: string) => `uitgegeven op ${date}`,
  methodVersion: (id: string, version: string) => `methode ${id} ${version}`,
  assessmentSelf: 'zelfbeoordeling',
  assessmentIndependent: 'onafhankelijke beoordeling',
  revalidatedBy: 'Gehervalideerd door',
  keyFingerprint: 'vingerafdruk sleutel',
  linked: 'De latere revisie noemt de eerdere in haar revisiegeschiedenis.',
  notLinked: 'Let op: de latere revisie noemt de eerdere niet in haar revisiegeschiedenis. Controleer dat beide over hetzelfde project gaan.',
  otherMethod: (a: string, b: string) =>
    `De revisies zijn met verschillende methodeversies gemaakt (${a} en ${b}); vragen en thema’s zijn per id vergeleken.`,

  summaryTitle: 'Samenvatting',
  total: 'Totaalscore',
  label: 'Label',
  noLabel: 'geen label',
  labelChange: { up: 'hoger', down: 'lager', same: 'gelijk' } as Record<'up' | 'down' | 'same', string>,
  promises: 'Beloofd tegenover geleverd',
  promiseCount: { met: 'gehaald', exceeded: 'overtroffen', 'not-met': 'niet gehaald', 'not-assessed': 'niet beoordeeld' } as Record<PromiseStatus, string>,
  downgradesCount: 'verslechterd',
  extraCost: 'Meerkosten (midden)',

  themeChart: 'Scores per thema: eerder en later',
  themeChartNote: 'Punten ten opzichte van het haalbare maximum per thema (0-100), naar beneden afgerond op één decimaal. Lichte balk: eerder; donkere balk: later.',
  colBefore: 'Eerder',
  colAfter: 'Later',
  colChange: 'Verschil',
  noScore: 'geen score',

  downgradesTitle: 'Verslechteringen',
  downgradesIntro:
    'Elke vraag waarvan de punten omlaag gingen, met de reden: de toelichting bij het antwoord in de latere revisie. Een verslechtering zonder toelichting is gemarkeerd.',
  downgradesNone: 'Geen: bij geen enkele vraag gingen de punten omlaag.',
  colQuestion: 'Vraag',
  colFromTo: 'Eerder en later',
  colPoints: 'Punten',
  colReason: 'Reden (toelichting in de latere revisie)',
  noReason: 'geen reden opgegeven',
  reasonUnchanged: '(ongewijzigd sinds de eerdere revisie)',

  promisesTitle: 'Beloofd tegenover geleverd',
  promisesIntro:
    'Per vraag het niveau dat de eerdere revisie beloofde en het niveau dat de latere levert: gehaald (evenveel punten), overtroffen (meer), niet gehaald (minder, of nu niet van toepassing) of niet beoordeeld (niets beloofd, of nog niet beantwoord).',
  colPromised: 'Beloofd',
  colDelivered: 'Geleverd',
  colEvidence: 'Bewijs',
  colOutcome: 'Uitkomst',
  promiseStatus: { met: 'gehaald', exceeded: 'overtroffen', 'not-met': 'niet gehaald', 'not-assessed': 'niet beoordeeld' } as Record<PromiseStatus, string>,
  evidence: { evidenced: 'aangetoond', claimed: 'geclaimd', na: 'n.v.t.', unanswered: '–' } as Record<'evidenced' | 'claimed' | 'na' | 'unanswered', string>,
  points: (n: string) => `${n} p`,
  pointsChange: (signed: string, n: number) => `${signed} ${Math.abs(n) === 1 ? 'punt' : 'punten'}`,
  notApplicable: 'niet van toepassing',
  unanswered: 'niet beantwoord',
  notInMethod: 'niet in deze methodeversie',

  changesTitle: 'Wijzigingen per vraag',
  changesIntro: 'Elke vraag waarbij iets veranderde: het niveau, de punten, de meerkosten, het bewijs of de toelichting.',
  changesNone: 'Geen enkele vraag is veranderd.',
  unchanged: (ids: string) => `Ongewijzigd: ${ids}.`,
  rowLevel: 'Niveau',
  rowPoints: 'Punten',
  rowCost: 'Meerkosten',
  rowEvidence: 'Bewijs',
  rowNote: 'Toelichting',
  rowNoteEarlier: 'Toelichting eerder',
  evidenceFiles: (status: string, n: number) => (n === 0 ? status : `${status} (${n} ${n === 1 ? 'bestand' : 'bestanden'})`),
  evidenceFilesChanged: 'andere bewijsstukken',
  noNote: 'geen',
  costRange: (low: string, high: string) => `${low} – ${high}`,

  verifyTitle: 'Zo controleert u dit document',
  verifySteps: [
    'Open QuickScan Circulair Bouwen, kies Verifiëren en open dit PDF-bestand. Of gebruik de opdrachtregel: quickscan verify bestand.pdf. Er is geen internetverbinding nodig.',
    'Beide ondertekende revisies zitten in dit PDF-bestand (quickscan-envelope-earlier.json en quickscan-envelope-later.json). De app controleert van elk de inhoudshash, de referentiecode en de digitale handtekening, en rekent de scores opnieuw uit.',
    'Vergelijk de vingerafdrukken van de sleutels met die welke de beoordelaars u apart hebben gegeven, of zet de sleutels op de lijst van vertrouwde sleutels.',
    'De app maakt deze vergelijking opnieuw uit de twee revisies; de pagina’s moeten byte voor byte gelijk zijn aan dit bestand.',
  ],
  verifyData: 'Gegevens om te vergelijken',
  referenceCode: 'Referentiecode',
  contentHash: 'Inhoudshash (SHA-256)',
  publicKey: 'Vingerafdruk sleutel',
  printedTextNote:
    'Tekens die het standaardlettertype van dit document niet kent, zijn vereenvoudigd weergegeven (bijvoorbeeld ĳ als ij); de bijgevoegde gegevens bevatten de oorspronkelijke tekst.',

  pageOf: (page: number, pages: number) => `pagina ${page} van ${pages}`,
  attachmentEarlier: 'Ondertekende gegevens van de eerdere revisie (controleer met quickscan verify)',
  attachmentLater: 'Ondertekende gegevens van de latere revisie (controleer met quickscan verify)',
  attachmentDescriptor: 'Taal en opmaakversie van deze hervalidatie',
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly string[]
      ? readonly string[]
      : T extends Record<string, string>
        ? T
        : { [K in keyof T]: Widen<T[K]> };

export type RevalidationStrings = Widen<typeof nl>;

const en: RevalidationStrings = {
  appName: 'QuickScan Circulair Bouwen',
  kicker: 'Re-validation',
  documentTitle: 'Re-validation: promised versus delivered',
  keywords: 'QuickScan, circular building, re-validation, promised versus delivered, delivery',
  earlier: 'Earlier revision',
  later: 'Later revision',
  earlierRole: 'promised',
  laterRole: 'delivered',
  issuedOn: (date) => `issued on ${date}`,
  methodVersion: (id, version) => `method ${id} ${version}`,
  assessmentSelf: 'self-assessment',
  assessmentIndependent: 'independent assessment',
  revalidatedBy: 'Re-validated by',
  keyFingerprint: 'key fingerprint',
  linked: 'The later revision lists the earlier one in its revision history.',
  notLinked: 'Note: the later revision does not list the earlier one in its revision history. Check that both are about the same project.',
  otherMethod: (a, b) => `The revisions were made with different method versions (${a} and ${b}); questions and themes were compared by id.`,

  summaryTitle: 'Summary',
  total: 'Total score',
  label: 'Label',
  noLabel: 'no label',
  labelChange: { up: 'up', down: 'down', same: 'unchanged' },
  promises: 'Promised versus delivered',
  promiseCount: { met: 'met', exceeded: 'exceeded', 'not-met': 'not met', 'not-assessed': 'not assessed' },
  downgradesCount: 'downgraded',
  extraCost: 'Extra cost (midpoint)',

  themeChart: 'Scores per theme: earlier and later',
  themeChartNote: 'Points against the reachable maximum per theme (0-100), rounded down to one decimal. Light bar: earlier; dark bar: later.',
  colBefore: 'Earlier',
  colAfter: 'Later',
  colChange: 'Change',
  noScore: 'no score',

  downgradesTitle: 'Downgrades',
  downgradesIntro:
    'Every question whose points went down, with the reason: the note to the answer in the later revision. A downgrade without a note is marked.',
  downgradesNone: 'None: no question lost points.',
  colQuestion: 'Question',
  colFromTo: 'Earlier and later',
  colPoints: 'Points',
  colReason: 'Reason (note in the later revision)',
  noReason: 'no reason given',
  reasonUnchanged: '(unchanged since the earlier revision)',

  promisesTitle: 'Promised versus delivered',
  promisesIntro:
    'Per question the level the earlier revision promised and the level the later one delivers: met (the same points), exceeded (more), not met (fewer, or now not applicable) or not assessed (nothing promised, or not answered yet).',
  colPromised: 'Promised',
  colDelivered: 'Delivered',
  colEvidence: 'Evidence',
  colOutcome: 'Outcome',
  promiseStatus: { met: 'met', exceeded: 'exceeded', 'not-met': 'not met', 'not-assessed': 'not assessed' },
  evidence: { evidenced: 'evidenced', claimed: 'claimed', na: 'n/a', unanswered: '–' },
  points: (n) => `${n} pt`,
  pointsChange: (signed, n) => `${signed} ${Math.abs(n) === 1 ? 'point' : 'points'}`,
  notApplicable: 'not applicable',
  unanswered: 'unanswered',
  notInMethod: 'not in this method version',

  changesTitle: 'Changes per question',
  changesIntro: 'Every question where something changed: the level, the points, the extra cost, the evidence or the note.',
  changesNone: 'No question changed.',
  unchanged: (ids) => `Unchanged: ${ids}.`,
  rowLevel: 'Level',
  rowPoints: 'Points',
  rowCost: 'Extra cost',
  rowEvidence: 'Evidence',
  rowNote: 'Note',
  rowNoteEarlier: 'Note before',
  evidenceFiles: (status, n) => (n === 0 ? status : `${status} (${n} ${n === 1 ? 'file' : 'files'})`),
  evidenceFilesChanged: 'other evidence files',
  noNote: 'none',
  costRange: (low, high) => `${low} – ${high}`,

  verifyTitle: 'How to verify this document',
  verifySteps: [
    'Open QuickScan Circulair Bouwen, choose Verify and open this PDF file. Or use the command line: quickscan verify file.pdf. No internet connection is needed.',
    'Both signed revisions are attached to this PDF file (quickscan-envelope-earlier.json and quickscan-envelope-later.json). The app checks the content hash, the reference code and the digital signature of each, and recomputes the scores.',
    "Compare the keys' fingerprints with the ones the assessors gave you separately, or add the keys to your list of trusted keys.",
    'The app makes this comparison again from the two revisions; the pages must be identical to this file, byte for byte.',
  ],
  verifyData: 'Data to compare',
  referenceCode: 'Reference code',
  contentHash: 'Content hash (SHA-256)',
  publicKey: 'Key fingerprint',
  printedTextNote:
    "Characters that this document's standard font cannot show are printed simplified (for example ĳ as ij); the attached data holds the original text.",

  pageOf: (page, pages) => `page ${page} of ${pages}`,
  attachmentEarlier: 'Signed data of the earlier revision (check with quickscan verify)',
  attachmentLater: 'Signed data of the later revision (check with quickscan verify)',
  attachmentDescriptor: 'Language and layout version of this re-validation',
};

export const revalidationStrings: Record<ReportLocale, RevalidationStrings> = { nl, en };
