/**
 * Texts of report layout 2 (Dutch and English): the strings of the revision report
 * (report/strings.ts) with what layout 2 says differently: the PAdES signature, the JWK key,
 * the verdicts, the standalone verifier.
 */
import type { BudgetVerdictCode } from '../../scoring/advice';
import type { ReportLocale } from '../../scoring/issued';
import { reportStrings, type ReportStrings } from '../strings';

const nl = {
  signedNote: 'Dit PDF-bestand is als geheel digitaal ondertekend door de beoordelaar (PAdES, ECDSA P-256); de ondertekende gegevens zitten erin.',
  verifySteps2: [
    'Open QuickScan Circulair Bouwen, kies Verifiëren en open dit PDF-bestand; of gebruik de opdrachtregel: quickscan verify bestand.pdf; of de losse verifier (één HTML-bestand, zonder installatie). Er is geen internetverbinding nodig.',
    'Het hele bestand is ondertekend met een PDF-handtekening (PAdES B-B). Elke PDF-lezer die handtekeningen controleert (Adobe Acrobat Reader, of pdfsig van poppler) toont of het bestand na ondertekening is veranderd. De handtekening staat op naam van de beoordelaar; Acrobat noemt de identiteit onbekend zolang u het certificaat niet vertrouwt.',
    'De app controleert daarnaast de bijgevoegde, ondertekende gegevens (quickscan-envelope.json): de inhoudshash en de referentiecode hieronder, de handtekening met dezelfde sleutel als de PDF-handtekening, en rekent de scores opnieuw uit met dezelfde versie van de methode. De referentiecode, de totaalscore, het label en de themascores op deze pagina’s moeten daarmee overeenkomen.',
    'Vergelijk de vingerafdruk van de sleutel met de vingerafdruk die de beoordelaar u apart heeft gegeven, of vertrouw de sleutel via uw eigen lijst of een ondertekende vertrouwenslijst.',
  ],
  verifyOutcomes2: [
    ['geslaagd', 'bestand, gegevens en handtekening kloppen en de ondertekenaar wordt vertrouwd.'],
    ['onbeslist', 'alles is heel, maar de ondertekenaar of de methodeversie is (nog) niet bekend: nooit groen.'],
    ['afgekeurd', 'het bestand of de gegevens zijn na ondertekening veranderd, de handtekening klopt niet, of er is iets achter de handtekening toegevoegd.'],
  ] as [string, string][],
  publicKeyJwk: 'Publieke sleutel (JWK, P-256)',
  methodPublisher: (name: string) => `uitgever: ${name}`,
  methodPublisherSigned: (name: string, fingerprint: string) => `uitgever: ${name}; ondertekend methodebestand, sleutel ${fingerprint}. Vertrouwt u deze uitgever niet, dan is de uitkomst hoogstens onbeslist.`,
  layoutAndLanguage: 'Opmaak en taal (ondertekend)',
  layoutAndLanguageValue: (layout: number, locale: ReportLocale) => `opmaak ${layout}, ${locale === 'nl' ? 'Nederlands' : 'Engels'}`,
  verifierHash: 'SHA-256 van de losse verifier',
  printedTextNote2: 'Tekens die het ingebedde lettertype niet kent, staan als ? op deze pagina’s; de ondertekende gegevens bevatten de oorspronkelijke tekst.',
  signatureReason: (code: string) => `QuickScan-revisie ${code}`,
  // the words of docs/glossary.md (layout 1 keeps the words it was issued with)
  budgetTitle: 'Budget en extra kosten',
  extraCost: 'Extra kosten van de gekozen antwoorden',
  extraCostRange: (low: string, high: string, mid: string) => `${low} tot ${high} (middenraming ${mid})`,
  frontierTitle: 'Hoogste totaalscore per niveau van extra kosten (efficiënte grens)',
  frontierAxisCost: 'Extra kosten',
  /** The budget verdict (scoring/advice.ts budgetVerdict), as the result panel of the app states it. */
  budgetVerdictText: {
    within: (budget: string, low: string, mid: string, high: string) => `Past binnen het budget van ${budget}, ook bij de hoge raming (laag ${low}, midden ${mid}, hoog ${high}).`,
    mid: (budget: string, low: string, mid: string, high: string) => `Past binnen het budget van ${budget} bij de middenraming, niet bij de hoge raming (laag ${low}, midden ${mid}, hoog ${high}).`,
    low: (budget: string, low: string, mid: string, high: string) => `Past alleen bij de lage raming binnen het budget van ${budget} (laag ${low}, midden ${mid}, hoog ${high}).`,
    over: (budget: string, low: string, mid: string, high: string) => `Past niet binnen het budget van ${budget}, ook niet bij de lage raming (laag ${low}, midden ${mid}, hoog ${high}).`,
  } as Record<BudgetVerdictCode, (budget: string, low: string, mid: string, high: string) => string>,
  answersIntro:
    'Per vraag het gekozen niveau (nummer · naam), de punten, de toelichting en het bewijs. Antwoorden met bewijs zijn gemarkeerd als met bewijs, antwoorden zonder bewijs als zonder bewijs.',
  evidenced: 'met bewijs',
  claimed: 'zonder bewijs',
  unanswered: 'Open (niet beantwoord): telt als 0 punten',
  /** A level as a person reads it: its number and name (“2 · Technische opname”), never its id. */
  levelText: (index: number, label: string) => `${index} · ${label}`,
};

type Layout2Extra = { [K in keyof typeof nl]: (typeof nl)[K] extends (...args: infer A) => string ? (...args: A) => string : (typeof nl)[K] extends string ? string : (typeof nl)[K] };

const en: Layout2Extra = {
  signedNote: 'This PDF file as a whole is digitally signed by the assessor (PAdES, ECDSA P-256); the signed data is inside it.',
  verifySteps2: [
    'Open QuickScan Circulair Bouwen, choose Verify and open this PDF file; or use the command line: quickscan verify file.pdf; or the standalone verifier (one HTML file, nothing to install). No internet connection is needed.',
    'The whole file is signed with a PDF signature (PAdES B-B). Any PDF reader that checks signatures (Adobe Acrobat Reader, or poppler’s pdfsig) shows whether the file was changed after signing. The signature is in the assessor’s name; Acrobat calls the identity unknown until you trust the certificate.',
    'The app also checks the attached signed data (quickscan-envelope.json): the content hash and the reference code below, the signature with the same key as the PDF signature, and recomputes the scores with the same version of the method. The reference code, the total score, the label and the theme scores on these pages must match it.',
    'Compare the key’s fingerprint with the fingerprint the assessor gave you separately, or trust the key through your own list or a signed trust list.',
  ],
  verifyOutcomes2: [
    ['passed', 'file, data and signature are intact and the signer is trusted.'],
    ['indeterminate', 'everything is intact, but the signer or the method version is not (yet) known: never green.'],
    ['failed', 'the file or the data changed after signing, the signature does not fit, or something was added after the signature.'],
  ],
  publicKeyJwk: 'Public key (JWK, P-256)',
  methodPublisher: (name: string) => `publisher: ${name}`,
  methodPublisherSigned: (name: string, fingerprint: string) => `publisher: ${name}; signed method file, key ${fingerprint}. If you do not trust this publisher, the outcome is at best indeterminate.`,
  layoutAndLanguage: 'Layout and language (signed)',
  layoutAndLanguageValue: (layout: number, locale: ReportLocale) => `layout ${layout}, ${locale === 'nl' ? 'Dutch' : 'English'}`,
  verifierHash: 'SHA-256 of the standalone verifier',
  printedTextNote2: 'Characters the embedded font lacks are shown as ? on these pages; the signed data holds the original text.',
  signatureReason: (code: string) => `QuickScan revision ${code}`,
  budgetTitle: 'Budget and extra cost',
  extraCost: 'Extra cost of the chosen answers',
  extraCostRange: (low, high, mid) => `${low} to ${high} (middle estimate ${mid})`,
  frontierTitle: 'Highest total score per level of extra cost (efficient frontier)',
  frontierAxisCost: 'Extra cost',
  budgetVerdictText: {
    within: (budget, low, mid, high) => `Fits the budget of ${budget}, even with the high estimate (low ${low}, middle ${mid}, high ${high}).`,
    mid: (budget, low, mid, high) => `Fits the budget of ${budget} with the middle estimate, not with the high estimate (low ${low}, middle ${mid}, high ${high}).`,
    low: (budget, low, mid, high) => `Fits the budget of ${budget} only with the low estimate (low ${low}, middle ${mid}, high ${high}).`,
    over: (budget, low, mid, high) => `Does not fit the budget of ${budget}, not even with the low estimate (low ${low}, middle ${mid}, high ${high}).`,
  },
  answersIntro:
    'For each question the chosen level (number · name), its points, the note and the evidence. Answers with evidence are marked with evidence, answers without evidence without evidence.',
  evidenced: 'with evidence',
  claimed: 'without evidence',
  unanswered: 'Open (unanswered): counts as 0 points',
  levelText: (index, label) => `${index} · ${label}`,
};

export type Layout2Strings = Omit<ReportStrings, keyof Layout2Extra> & Layout2Extra;

export const layout2Strings: Record<ReportLocale, Layout2Strings> = {
  nl: { ...reportStrings.nl, ...nl },
  en: { ...reportStrings.en, ...en },
};
