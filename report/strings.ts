/**
 * Every visible string of the PDF report and of the verification messages, in Dutch and English.
 * The Dutch table is the reference; the compiler checks that English has every key.
 *
 * Changing a string that layout 1 prints changes its pages, so earlier PDFs would no longer
 * match: such a change needs a new layout version (see docs/verifying.md). Add new strings
 * instead of editing used ones, and keep `layout1` strings as they are.
 */
import type { IssuePhase, ReportLocale } from '../scoring/issued';

const nl = {
  appName: 'QuickScan Circulair Bouwen',
  documentTitle: 'Uitgegeven QuickScan-revisie',
  coverKicker: (phase: string) => `Uitgegeven revisie · fase ${phase}`,
  coverSubtitle: 'Circulair potentieel van het ontwerp binnen budget',
  keywords: 'QuickScan, circulair bouwen, losmaakbaarheid, aanbesteding, referentie',

  // project
  projectAddress: 'Adres',
  projectMunicipality: 'Gemeente',
  projectClient: 'Opdrachtgever',
  projectBuildingType: 'Gebouwtype',
  projectKind: 'Soort project',
  projectGfa: 'Bruto vloeroppervlak',
  gfaValue: (m2: string) => `${m2} m² BVO`,
  phase: 'Fase',
  issuedOn: 'Uitgegeven op',
  revisionId: 'Revisie-id',
  scanName: 'Scan',
  notGiven: '—',

  // reference and QR
  referenceCode: 'Referentiecode',
  qrHint: 'QR-code: referentiecode en inhoudshash',

  // scores
  themeScores: 'Scores per thema',
  themeScoresNote: 'Punten ten opzichte van het haalbare maximum per thema (0-100), naar beneden afgerond op één decimaal.',
  noThemeScore: 'geen score: niet van toepassing',
  total: 'Totaal',
  totalNote: 'gewogen gemiddelde van de thema’s',
  label: 'Label',
  noLabel: 'geen label behaald',
  nextLabel: (name: string, missing: string) => `Volgende niveau ${name}: nog ${missing} punt op het totaal`,
  nextLabelThemes: (themes: string) => `thema’s onder het minimum: ${themes}`,
  nextLabelOnlyThemes: (name: string, themes: string) => `Volgende niveau ${name}: het totaal is genoeg, maar thema’s onder het minimum: ${themes}`,
  weight: (w: string) => `weging ${w}`,

  // method, assessor, integrity
  method: 'Methode',
  methodVersion: (version: string, released: string) => `versie ${version}, vastgesteld ${released}`,
  methodHash: 'SHA-256 van de methode',
  assessor: 'Beoordelaar',
  assessmentSelf: 'zelfbeoordeling',
  assessmentIndependent: 'onafhankelijke beoordeling',
  keyFingerprint: 'Vingerafdruk sleutel',
  contentHash: 'Inhoudshash (SHA-256)',
  signedNote: 'De gegevens van deze revisie zijn in dit PDF-bestand bijgevoegd en door de beoordelaar digitaal ondertekend (Ed25519).',

  // budget page
  budgetTitle: 'Budget en meerkosten',
  constructionBudget: 'Bouwbudget',
  circularBudget: 'Budget voor circulaire maatregelen',
  circularBudgetPct: (pct: string) => `${pct}% van het bouwbudget`,
  circularBudgetEur: 'vast bedrag',
  extraCost: 'Meerkosten van de gekozen antwoorden',
  extraCostRange: (low: string, high: string, mid: string) => `${low} tot ${high} (midden ${mid})`,
  extraCostNote: (gfa: string) =>
    `Ten opzichte van gangbare bouwpraktijk, voor ${gfa} m² BVO, met de kostenaanpassingen van dit project. Een negatief bedrag is een besparing.`,
  withinBudget: 'Binnen budget',
  withinBudgetHigh: 'ja, ook met de hoge raming',
  withinBudgetMid: 'ja met de middenraming, niet met de hoge raming',
  withinBudgetNo: 'nee, ook niet met de middenraming',
  withinBudgetLow: 'alleen met de lage raming',
  frontierTitle: 'Hoogste totaalscore per meerkostenniveau (efficiënte grens)',
  frontierNote:
    'Elke stap is de goedkoopste combinatie van antwoorden die die totaalscore haalt (middenraming). Niet van toepassing en vergrendelde vragen blijven zoals gekozen.',
  frontierAxisCost: 'Meerkosten',
  frontierAxisTotal: 'Totaalscore',
  frontierThisDesign: 'dit ontwerp',
  frontierBudget: 'budget',
  frontierBest: (total: string, cost: string) => `Hoogste totaal binnen budget: ${total} voor ${cost}`,
  frontierBestNone: 'Geen combinatie van antwoorden past binnen het budget.',
  assumptions: 'Aannames',
  exclusions: 'Uitsluitingen',
  noneStated: 'Geen opgegeven.',
  costOverrides: 'Aangepaste kostenindicaties',
  costOverridesNone: 'Geen: de kostenindicaties van de methode zijn gebruikt.',
  costOverrideQuestion: 'Vraag',
  costOverrideLevel: 'Niveau',
  costOverrideDefault: 'Methode (laag – hoog)',
  costOverrideProject: 'Dit project (laag – hoog)',
  perM2: 'per m²',
  lumpSum: 'totaal',

  // answers
  answersTitle: 'Antwoorden per thema',
  answersIntro:
    'Per vraag het gekozen niveau, de punten, de toelichting en het bewijs. Antwoorden met bewijs zijn gemarkeerd als aangetoond, antwoorden zonder bewijs als geclaimd.',
  themeHeading: (id: string, title: string) => `${id}. ${title}`,
  themeSummary: (score: string, points: string, max: string) => `score ${score} · ${points} van ${max} punten`,
  themeSummaryNone: 'geen score: geen vraag van toepassing',
  points: (points: string, max: string) => `${points} van ${max} punten`,
  evidenced: 'aangetoond',
  claimed: 'geclaimd',
  notApplicableKind: 'Niet van toepassing voor dit soort project',
  notApplicableAnswered: 'Niet van toepassing (volgens de beoordelaar)',
  unanswered: 'Niet beantwoord: telt als 0 punten',
  ignoredAnswer: 'Antwoord genegeerd: de vraag geldt niet voor dit soort project',
  note: 'Toelichting',
  evidence: 'Bewijs',
  evidenceItem: (name: string, date: string, hash: string) => `${name} (${date}, SHA-256 ${hash}…)`,
  locked: 'vergrendeld',

  // history and follow-up
  historyTitle: 'Revisiegeschiedenis',
  historyIntro: 'Eerder uitgegeven revisies van deze scan, de oudste eerst, en deze revisie.',
  historyPhase: 'Fase',
  historyDate: 'Uitgegeven op',
  historyCode: 'Referentiecode',
  historyHash: 'Inhoudshash',
  historyThis: 'deze revisie',
  historyNone: 'Dit is de eerste uitgegeven revisie.',
  followUpTitle: 'Geplande hercontroles',
  followUpIntro: 'Wanneer het beloofde opnieuw wordt getoetst aan wat ontworpen en gebouwd is.',
  followUpPhase: 'Fase',
  followUpDate: 'Gepland op',
  followUpNone: 'Geen hercontroles gepland.',

  // how to verify
  verifyTitle: 'Zo controleert u dit document',
  verifySteps: [
    'Open QuickScan Circulair Bouwen, kies Verifiëren en open dit PDF-bestand. Of gebruik de opdrachtregel: quickscan verify bestand.pdf. Er is geen internetverbinding nodig.',
    'De app leest de gegevens die in dit PDF-bestand zijn bijgevoegd (quickscan-envelope.json), berekent de inhoudshash opnieuw en vergelijkt die met de hash en de referentiecode hieronder.',
    'De app controleert de digitale handtekening met de publieke sleutel van de beoordelaar. Vergelijk de vingerafdruk van die sleutel met de vingerafdruk die de beoordelaar u apart heeft gegeven, of zet de sleutel op de lijst van vertrouwde sleutels.',
    'De app rekent de scores opnieuw uit met dezelfde versie van de methode en maakt deze pagina’s opnieuw; ze moeten byte voor byte gelijk zijn aan dit bestand.',
  ],
  verifyOutcomesTitle: 'Mogelijke uitkomsten',
  verifyOutcomes: [
    ['geldig', 'gegevens, handtekening en pagina’s kloppen.'],
    ['gewijzigd', 'de gegevens of de pagina’s zijn na uitgifte veranderd.'],
    ['onbekende methodeversie', 'deze versie van de app kent de methode niet; werk de app bij.'],
    ['ongeldige handtekening', 'de handtekening past niet bij de gegevens.'],
    ['niet vertrouwde handtekening', 'de gegevens zijn heel, maar de sleutel staat niet op uw lijst.'],
  ] as [string, string][],
  verifyData: 'Gegevens om te vergelijken',
  publicKey: 'Publieke sleutel (base64url)',
  printedTextNote:
    'Tekens die het standaardlettertype van dit document niet kent, zijn vereenvoudigd weergegeven (bijvoorbeeld ĳ als ij); de bijgevoegde gegevens bevatten de oorspronkelijke tekst.',

  // footer
  pageOf: (page: number, pages: number) => `pagina ${page} van ${pages}`,
  attachmentDescription: 'Ondertekende gegevens van deze QuickScan-revisie (controleer met quickscan verify)',

  // tender requirement profile (only in revisions that embed one; added after layout 1's release,
  // drawn only for such revisions, so earlier PDFs are unchanged)
  complianceTitle: 'Eisen van de aanbesteding',
  complianceIntro:
    'Deze revisie is uitgegeven tegen het eisenprofiel van de aanbesteding hieronder. Het volledige profiel, ondertekend door de aanbestedende dienst, zit in de bijgevoegde gegevens: de toetsing is met quickscan verify opnieuw te berekenen.',
  complianceTender: 'Aanbesteding',
  complianceTenderReference: 'Kenmerk',
  complianceAuthority: 'Aanbestedende dienst',
  complianceCreated: 'Profiel opgesteld op',
  complianceSigner: 'Profiel ondertekend door',
  complianceSignerFingerprint: 'Vingerafdruk sleutel van het profiel',
  complianceProfileCode: 'Profielcode',
  complianceSignature: 'Handtekening van het profiel',
  complianceSignatureValid: 'geldig',
  complianceSignatureInvalid: 'ONGELDIG: het profiel klopt niet met zijn hash of handtekening',
  complianceProfileHash: 'Inhoudshash van het profiel (SHA-256)',
  complianceFingerprintNote: 'Vergelijk de vingerafdruk met de vingerafdruk die de aanbestedende dienst in de aanbestedingsstukken publiceert.',
  compliant: 'Voldoet aan alle eisen',
  notCompliant: 'Voldoet niet aan alle eisen',
  complianceNotAssessed: 'Niet getoetst',
  complianceCount: (met: string, total: string) => `${met} van ${total} eisen gehaald`,
  complianceColRequirement: 'Eis',
  complianceColRequired: 'Vereist',
  complianceColThisScan: 'Deze revisie',
  complianceColOutcome: 'Uitkomst',
  complianceReqScore: 'Een score',
  complianceReqScoreRequired: 'minstens één thema',
  complianceReqLabel: 'Minimaal label',
  complianceReqTheme: (id: string, title: string) => `Minimumscore thema ${id} · ${title}`,
  complianceReqMustHave: (id: string) => `Verplicht antwoord ${id}`,
  complianceAtLeast: (value: string) => `minimaal ${value}`,
  complianceLevel: (id: string, label: string) => `${id} · ${label}`,
  complianceUnanswered: 'niet beantwoord',
  complianceNotApplicable: 'niet van toepassing',
  complianceNoThemeScore: 'geen score (niet van toepassing)',
  complianceMet: 'voldaan',
  complianceNotMet: 'niet voldaan',
  complianceDiscount: 'Fictieve korting',
  complianceDiscountExplain: (total: string, perPoint: string) =>
    `Totaalscore ${total} × ${perPoint} per punt, naar beneden afgerond op hele centen.`,
  complianceDiscountNone: 'Geen: alleen een revisie die aan alle eisen voldoet krijgt een fictieve korting.',
  complianceDiscountNotInProfile: 'Het profiel noemt geen waarde per punt.',
  complianceNotes: 'Toelichting bij het profiel',
  complianceOtherMethod: (profileMethod: string, scanMethod: string) =>
    `Het profiel geldt voor ${profileMethod}, deze revisie is gemaakt met ${scanMethod}: de toetsing kan niet worden uitgevoerd.`,
  complianceMismatch: (issues: string) => `Het profiel past niet bij de methode (${issues}): de toetsing kan niet worden uitgevoerd.`,
  complianceRulesNote:
    'De scores zijn exact met de eisen vergeleken; de getoonde scores zijn naar beneden afgerond op één decimaal. Een verplicht antwoord is gehaald met een niveau met minstens zoveel punten; niet beantwoord of niet van toepassing telt als niet gehaald. Een thema zonder toepasselijke vragen heeft geen score en wordt niet aan een minimum gehouden.',
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (readonly [string, string])[]
      ? [string, string][]
      : T extends readonly string[]
        ? readonly string[]
        : { [K in keyof T]: Widen<T[K]> };

export type ReportStrings = Widen<typeof nl>;

const en: ReportStrings = {
  appName: 'QuickScan Circulair Bouwen',
  documentTitle: 'Issued QuickScan revision',
  coverKicker: (phase) => `Issued revision · phase ${phase}`,
  coverSubtitle: 'Circular potential of the design within budget',
  keywords: 'QuickScan, circular building, design for disassembly, tender, reference',

  projectAddress: 'Address',
  projectMunicipality: 'Municipality',
  projectClient: 'Client',
  projectBuildingType: 'Building type',
  projectKind: 'Project kind',
  projectGfa: 'Gross floor area',
  gfaValue: (m2) => `${m2} m² GFA`,
  phase: 'Phase',
  issuedOn: 'Issued on',
  revisionId: 'Revision id',
  scanName: 'Scan',
  notGiven: '—',

  referenceCode: 'Reference code',
  qrHint: 'QR code: reference code and content hash',

  themeScores: 'Scores per theme',
  themeScoresNote: 'Points against the reachable maximum per theme (0-100), rounded down to one decimal.',
  noThemeScore: 'no score: not applicable',
  total: 'Total',
  totalNote: 'weighted mean of the themes',
  label: 'Label',
  noLabel: 'no label reached',
  nextLabel: (name, missing) => `Next level ${name}: ${missing} more on the total`,
  nextLabelThemes: (themes) => `themes below the minimum: ${themes}`,
  nextLabelOnlyThemes: (name, themes) => `Next level ${name}: the total is enough, but themes below the minimum: ${themes}`,
  weight: (w) => `weight ${w}`,

  method: 'Method',
  methodVersion: (version, released) => `version ${version}, released ${released}`,
  methodHash: 'SHA-256 of the method',
  assessor: 'Assessor',
  assessmentSelf: 'self-assessment',
  assessmentIndependent: 'independent assessment',
  keyFingerprint: 'Key fingerprint',
  contentHash: 'Content hash (SHA-256)',
  signedNote: 'The data of this revision is attached to this PDF file and digitally signed by the assessor (Ed25519).',

  budgetTitle: 'Budget and extra cost',
  constructionBudget: 'Construction budget',
  circularBudget: 'Budget for circular measures',
  circularBudgetPct: (pct) => `${pct}% of the construction budget`,
  circularBudgetEur: 'fixed amount',
  extraCost: 'Extra cost of the chosen answers',
  extraCostRange: (low, high, mid) => `${low} to ${high} (midpoint ${mid})`,
  extraCostNote: (gfa) =>
    `Against conventional practice, for ${gfa} m² GFA, with this project's cost overrides. A negative amount is a saving.`,
  withinBudget: 'Within budget',
  withinBudgetHigh: 'yes, even with the high estimate',
  withinBudgetMid: 'yes with the midpoint estimate, not with the high estimate',
  withinBudgetNo: 'no, not even with the midpoint estimate',
  withinBudgetLow: 'only with the low estimate',
  frontierTitle: 'Highest total score per level of extra cost (efficient frontier)',
  frontierNote:
    'Each step is the cheapest combination of answers that reaches that total (midpoint estimate). Not-applicable and locked questions stay as chosen.',
  frontierAxisCost: 'Extra cost',
  frontierAxisTotal: 'Total score',
  frontierThisDesign: 'this design',
  frontierBudget: 'budget',
  frontierBest: (total, cost) => `Highest total within budget: ${total} for ${cost}`,
  frontierBestNone: 'No combination of answers fits the budget.',
  assumptions: 'Assumptions',
  exclusions: 'Exclusions',
  noneStated: 'None stated.',
  costOverrides: 'Adjusted cost indications',
  costOverridesNone: "None: the method's cost indications were used.",
  costOverrideQuestion: 'Question',
  costOverrideLevel: 'Level',
  costOverrideDefault: 'Method (low – high)',
  costOverrideProject: 'This project (low – high)',
  perM2: 'per m²',
  lumpSum: 'total',

  answersTitle: 'Answers per theme',
  answersIntro:
    'For each question the chosen level, its points, the note and the evidence. Answers with evidence are marked evidenced, answers without evidence claimed.',
  themeHeading: (id, title) => `${id}. ${title}`,
  themeSummary: (score, points, max) => `score ${score} · ${points} of ${max} points`,
  themeSummaryNone: 'no score: no question applies',
  points: (points, max) => `${points} of ${max} points`,
  evidenced: 'evidenced',
  claimed: 'claimed',
  notApplicableKind: 'Not applicable to this kind of project',
  notApplicableAnswered: 'Not applicable (according to the assessor)',
  unanswered: 'Unanswered: counts as 0 points',
  ignoredAnswer: 'Answer ignored: the question does not apply to this kind of project',
  note: 'Note',
  evidence: 'Evidence',
  evidenceItem: (name, date, hash) => `${name} (${date}, SHA-256 ${hash}…)`,
  locked: 'locked',

  historyTitle: 'Revision history',
  historyIntro: 'Earlier issued revisions of this scan, oldest first, and this revision.',
  historyPhase: 'Phase',
  historyDate: 'Issued on',
  historyCode: 'Reference code',
  historyHash: 'Content hash',
  historyThis: 'this revision',
  historyNone: 'This is the first issued revision.',
  followUpTitle: 'Planned re-checks',
  followUpIntro: 'When the promises are checked again against what was designed and built.',
  followUpPhase: 'Phase',
  followUpDate: 'Planned for',
  followUpNone: 'No re-checks planned.',

  verifyTitle: 'How to verify this document',
  verifySteps: [
    'Open QuickScan Circulair Bouwen, choose Verify and open this PDF file. Or use the command line: quickscan verify file.pdf. No internet connection is needed.',
    'The app reads the data attached to this PDF file (quickscan-envelope.json), computes the content hash again and compares it with the hash and the reference code below.',
    "The app checks the digital signature with the assessor's public key. Compare that key's fingerprint with the fingerprint the assessor gave you separately, or add the key to your list of trusted keys.",
    'The app recomputes the scores with the same version of the method and rebuilds these pages; they must be identical to this file, byte for byte.',
  ],
  verifyOutcomesTitle: 'Possible outcomes',
  verifyOutcomes: [
    ['valid', 'data, signature and pages match.'],
    ['altered', 'the data or the pages were changed after issue.'],
    ['unknown method version', 'this version of the app does not know the method; update the app.'],
    ['bad signature', 'the signature does not fit the data.'],
    ['untrusted signature', 'the data is intact, but the key is not on your list.'],
  ],
  verifyData: 'Data to compare',
  publicKey: 'Public key (base64url)',
  printedTextNote:
    "Characters that this document's standard font cannot show are printed simplified (for example ĳ as ij); the attached data holds the original text.",

  pageOf: (page, pages) => `page ${page} of ${pages}`,
  attachmentDescription: 'Signed data of this QuickScan revision (check with quickscan verify)',

  complianceTitle: 'Tender requirements',
  complianceIntro:
    'This revision was issued against the tender requirement profile below. The whole profile, signed by the contracting authority, is in the attached data: the check can be recomputed with quickscan verify.',
  complianceTender: 'Tender',
  complianceTenderReference: 'Reference',
  complianceAuthority: 'Contracting authority',
  complianceCreated: 'Profile drawn up on',
  complianceSigner: 'Profile signed by',
  complianceSignerFingerprint: "Profile key fingerprint",
  complianceProfileCode: 'Profile code',
  complianceSignature: "Profile's signature",
  complianceSignatureValid: 'valid',
  complianceSignatureInvalid: 'NOT VALID: the profile does not match its hash or signature',
  complianceProfileHash: 'Content hash of the profile (SHA-256)',
  complianceFingerprintNote: 'Compare the fingerprint with the one the contracting authority publishes in the tender documents.',
  compliant: 'Meets every requirement',
  notCompliant: 'Does not meet every requirement',
  complianceNotAssessed: 'Not assessed',
  complianceCount: (met, total) => `${met} of ${total} requirements met`,
  complianceColRequirement: 'Requirement',
  complianceColRequired: 'Required',
  complianceColThisScan: 'This revision',
  complianceColOutcome: 'Outcome',
  complianceReqScore: 'A score',
  complianceReqScoreRequired: 'at least one theme',
  complianceReqLabel: 'Minimum label',
  complianceReqTheme: (id, title) => `Minimum score theme ${id} · ${title}`,
  complianceReqMustHave: (id) => `Must-have ${id}`,
  complianceAtLeast: (value) => `at least ${value}`,
  complianceLevel: (id, label) => `${id} · ${label}`,
  complianceUnanswered: 'unanswered',
  complianceNotApplicable: 'not applicable',
  complianceNoThemeScore: 'no score (not applicable)',
  complianceMet: 'met',
  complianceNotMet: 'not met',
  complianceDiscount: 'Fictitious discount',
  complianceDiscountExplain: (total, perPoint) => `Total score ${total} × ${perPoint} per point, rounded down to whole cents.`,
  complianceDiscountNone: 'None: only a revision that meets every requirement gets a fictitious discount.',
  complianceDiscountNotInProfile: 'The profile gives no value per point.',
  complianceNotes: 'Notes to the profile',
  complianceOtherMethod: (profileMethod, scanMethod) =>
    `The profile applies to ${profileMethod}, this revision was made with ${scanMethod}: it cannot be checked.`,
  complianceMismatch: (issues) => `The profile does not fit the method (${issues}): it cannot be checked.`,
  complianceRulesNote:
    'Scores were compared with the requirements exactly; the scores shown are rounded down to one decimal. A must-have is met by a level with at least as many points; unanswered or not applicable counts as not met. A theme without applicable questions has no score and is not held to a minimum.',
};

export const reportStrings: Record<ReportLocale, ReportStrings> = { nl, en };

export const PHASE_NAMES: Record<IssuePhase, { nl: string; en: string }> = {
  initiative: { nl: 'Initiatief', en: 'Initiative' },
  SO: { nl: 'SO (schetsontwerp)', en: 'SO (sketch design)' },
  VO: { nl: 'VO (voorlopig ontwerp)', en: 'VO (preliminary design)' },
  DO: { nl: 'DO (definitief ontwerp)', en: 'DO (final design)' },
  TO: { nl: 'TO (technisch ontwerp)', en: 'TO (technical design)' },
  tender: { nl: 'Aanbesteding', en: 'Tender' },
  execution: { nl: 'Uitvoering', en: 'Execution' },
  delivery: { nl: 'Oplevering', en: 'Delivery' },
  use: { nl: 'Gebruik en beheer', en: 'Use and management' },
};

/** Short phase codes for running text ("fase VO", "phase tender"). */
export const PHASE_SHORT: Record<IssuePhase, { nl: string; en: string }> = {
  initiative: { nl: 'initiatief', en: 'initiative' },
  SO: { nl: 'SO', en: 'SO' },
  VO: { nl: 'VO', en: 'VO' },
  DO: { nl: 'DO', en: 'DO' },
  TO: { nl: 'TO', en: 'TO' },
  tender: { nl: 'aanbesteding', en: 'tender' },
  execution: { nl: 'uitvoering', en: 'execution' },
  delivery: { nl: 'oplevering', en: 'delivery' },
  use: { nl: 'gebruik en beheer', en: 'use and management' },
};

export const KIND_NAMES: Record<'new_build' | 'renovation' | 'extension', { nl: string; en: string }> = {
  new_build: { nl: 'Nieuwbouw', en: 'New build' },
  renovation: { nl: 'Renovatie of transformatie', en: 'Renovation or transformation' },
  extension: { nl: 'Uitbreiding', en: 'Extension' },
};

/** Building types offered by the app (renderer/db/records.ts); other values are printed as given. */
export const BUILDING_TYPE_NAMES: Record<string, { nl: string; en: string }> = {
  housing_single: { nl: 'Woning (grondgebonden)', en: 'Housing (single-family)' },
  housing_apartments: { nl: 'Appartementen', en: 'Apartments' },
  office: { nl: 'Kantoor', en: 'Office' },
  education: { nl: 'School of onderwijsgebouw', en: 'School or education building' },
  healthcare: { nl: 'Zorggebouw', en: 'Healthcare building' },
  sports: { nl: 'Sportgebouw', en: 'Sports building' },
  industrial: { nl: 'Bedrijfshal', en: 'Industrial hall' },
  holiday: { nl: 'Vakantieverblijf', en: 'Holiday accommodation' },
  recreation: { nl: 'Recreatief gebouw', en: 'Recreational building' },
  civic: { nl: 'Maatschappelijk gebouw', en: 'Civic or community building' },
  other: { nl: 'Overig', en: 'Other' },
};

/** Phase names are free text in the project; issue phases are known. */
export function phaseName(phase: string, locale: ReportLocale): string {
  return (PHASE_NAMES as Record<string, { nl: string; en: string }>)[phase]?.[locale] ?? phase;
}

export function buildingTypeName(type: string, locale: ReportLocale): string {
  return BUILDING_TYPE_NAMES[type]?.[locale] ?? type;
}

/* ------------------------------------------------------------------------------------------ */
/* Verification messages (shown by the app's Verify screen and the command line)              */
/* ------------------------------------------------------------------------------------------ */

export interface Message {
  nl: string;
  en: string;
}

export const verifyMessages = {
  emptyFile: { nl: 'Het bestand is leeg.', en: 'The file is empty.' },
  tooLarge: (mb: string): Message => ({
    nl: `Het bestand is te groot om te controleren (meer dan ${mb} MB).`,
    en: `The file is too large to verify (more than ${mb} MB).`,
  }),
  notRecognised: {
    nl: 'Dit is geen PDF-bestand, uitgegeven revisie (.quickscan-issued.json) of scanbestand (.quickscan.json) van QuickScan Circulair Bouwen.',
    en: 'This is not a QuickScan Circulair Bouwen PDF, issued revision (.quickscan-issued.json) or scan file (.quickscan.json).',
  },
  pdfUnreadable: (detail: string): Message => ({
    nl: `Het PDF-bestand kan niet worden gelezen (${detail}). Het is mogelijk beschadigd of afgebroken.`,
    en: `The PDF file cannot be read (${detail}). It may be damaged or truncated.`,
  }),
  noAttachment: {
    nl: 'Dit PDF-bestand bevat geen QuickScan-gegevens (bijlage quickscan-envelope.json ontbreekt). Het is geen uitgegeven QuickScan-revisie, of de bijlage is verwijderd.',
    en: 'This PDF file holds no QuickScan data (the attachment quickscan-envelope.json is missing). It is not an issued QuickScan revision, or the attachment was removed.',
  },
  attachmentUnreadable: (detail: string): Message => ({
    nl: `De bijgevoegde QuickScan-gegevens kunnen niet worden gelezen (${detail}).`,
    en: `The attached QuickScan data cannot be read (${detail}).`,
  }),
  envelopeInvalid: (detail: string): Message => ({
    nl: `De QuickScan-gegevens hebben niet de verwachte vorm: ${detail}`,
    en: `The QuickScan data does not have the expected shape: ${detail}`,
  }),
  hashMismatch: {
    nl: 'De gegevens zijn gewijzigd: de inhoudshash klopt niet met de inhoud.',
    en: 'The data was altered: the content hash does not match the content.',
  },
  codeMismatch: {
    nl: 'De referentiecode past niet bij de inhoudshash.',
    en: 'The reference code does not match the content hash.',
  },
  dataIntact: {
    nl: 'De gegevens zijn sinds de uitgifte niet gewijzigd (inhoudshash en referentiecode kloppen).',
    en: 'The data has not changed since it was issued (content hash and reference code match).',
  },
  badSignature: {
    nl: 'De digitale handtekening is ongeldig: deze gegevens zijn niet ondertekend met de sleutel die erin staat.',
    en: 'The digital signature is not valid: this data was not signed with the key it names.',
  },
  signatureValid: (fingerprint: string): Message => ({
    nl: `De handtekening is geldig en gezet met de sleutel met vingerafdruk ${fingerprint}.`,
    en: `The signature is valid and made with the key with fingerprint ${fingerprint}.`,
  }),
  untrusted: (fingerprint: string): Message => ({
    nl: `De sleutel ${fingerprint} staat niet op uw lijst van vertrouwde sleutels. De gegevens zijn heel, maar wie ze ondertekende is niet bevestigd.`,
    en: `The key ${fingerprint} is not on your list of trusted keys. The data is intact, but who signed it is not confirmed.`,
  }),
  trusted: (label: string): Message => ({
    nl: `De sleutel staat op uw lijst van vertrouwde sleutels: ${label}.`,
    en: `The key is on your list of trusted keys: ${label}.`,
  }),
  unknownMethod: (id: string, version: string): Message => ({
    nl: `Deze versie van de app kent methode ${id} versie ${version} niet, dus de scores kunnen niet opnieuw worden berekend. Werk de app bij en controleer opnieuw.`,
    en: `This version of the app does not know method ${id} version ${version}, so the scores cannot be recomputed. Update the app and verify again.`,
  }),
  methodHashMismatch: (id: string, version: string): Message => ({
    nl: `De methode ${id} versie ${version} in de gegevens is niet de uitgebrachte versie (de SHA-256 verschilt).`,
    en: `The method ${id} version ${version} named in the data is not the released version (its SHA-256 differs).`,
  }),
  scoreFailed: (detail: string): Message => ({
    nl: `De scores kunnen niet opnieuw worden berekend: ${detail}`,
    en: `The scores cannot be recomputed: ${detail}`,
  }),
  scoreRecomputed: (total: string, label: string): Message => ({
    nl: `Scores opnieuw berekend: totaal ${total}, label ${label}.`,
    en: `Scores recomputed: total ${total}, label ${label}.`,
  }),
  pagesMatch: {
    nl: 'De pagina’s van het PDF-bestand zijn byte voor byte gelijk aan wat de app uit de gegevens maakt.',
    en: 'The pages of the PDF file are identical, byte for byte, to what the app makes from the data.',
  },
  pagesDiffer: {
    nl: 'De pagina’s van het PDF-bestand zijn gewijzigd: ze verschillen van wat de app uit de ondertekende gegevens maakt. Vertrouw niet op de afgedrukte tekst; de scores hierboven zijn opnieuw berekend uit de gegevens.',
    en: 'The pages of the PDF file were altered: they differ from what the app makes from the signed data. Do not rely on the printed text; the scores above are recomputed from the data.',
  },
  unknownLayout: (layout: number): Message => ({
    nl: `De pagina’s gebruiken opmaakversie ${layout}, die deze versie van de app niet kent, dus ze kunnen niet worden gecontroleerd. Werk de app bij; vertrouw tot dan niet op de afgedrukte tekst.`,
    en: `The pages use layout version ${layout}, which this version of the app does not know, so they cannot be checked. Update the app; until then do not rely on the printed text.`,
  }),
  pagesRebuildFailed: (detail: string): Message => ({
    nl: `De pagina’s konden niet opnieuw worden gemaakt om ze te vergelijken (${detail}).`,
    en: `The pages could not be rebuilt to compare them (${detail}).`,
  }),
  envelopeFileNoPages: {
    nl: 'Dit is een los gegevensbestand zonder pagina’s: alleen de gegevens en de handtekening zijn gecontroleerd.',
    en: 'This is a data file without pages: only the data and the signature were checked.',
  },
  scanUnsigned: {
    nl: 'Dit is een scanbestand, geen uitgegeven revisie: het is niet ondertekend en kan dus niet worden geverifieerd. De scores zijn alleen opnieuw berekend.',
    en: 'This is a scan file, not an issued revision: it is not signed and so cannot be verified. The scores were only recomputed.',
  },
  scanInvalid: (detail: string): Message => ({
    nl: `Het scanbestand heeft niet de verwachte vorm: ${detail}`,
    en: `The scan file does not have the expected shape: ${detail}`,
  }),
  internalError: (detail: string): Message => ({
    nl: `Onverwachte fout bij het controleren: ${detail}`,
    en: `Unexpected error while verifying: ${detail}`,
  }),

  // a revision issued against a tender requirement profile (content.profile)
  profileEmbedded: (tender: string, reference: string, authority: string, code: string, fingerprint: string): Message => ({
    nl: `Uitgegeven tegen het eisenprofiel van „${tender}” (${reference}, ${authority}): profielcode ${code}, ondertekend met de sleutel met vingerafdruk ${fingerprint}. Vergelijk beide met de aanbestedingsstukken.`,
    en: `Issued against the requirement profile of "${tender}" (${reference}, ${authority}): profile code ${code}, signed with the key with fingerprint ${fingerprint}. Compare both with the tender documents.`,
  }),
  profileIntact: {
    nl: 'Het bijgevoegde eisenprofiel is ongewijzigd en de handtekening erop klopt.',
    en: 'The attached requirement profile is unchanged and its signature is valid.',
  },
  profileNotIntact: {
    nl: 'Het bijgevoegde eisenprofiel klopt niet met zijn inhoudshash of handtekening: vertrouw de toetsing in dit bestand niet. Toets met het profiel van de aanbestedende dienst zelf (quickscan verify --profile).',
    en: "The attached requirement profile does not match its content hash or signature: do not rely on the check in this file. Check against the contracting authority's own profile (quickscan verify --profile).",
  },
  profileOtherMethod: (profileMethod: string, method: string): Message => ({
    nl: `Het bijgevoegde eisenprofiel geldt voor ${profileMethod}, deze revisie is gemaakt met ${method}: de toetsing kan niet worden uitgevoerd.`,
    en: `The attached requirement profile applies to ${profileMethod}, this revision was made with ${method}: it cannot be checked against it.`,
  }),
  profileMismatch: (detail: string): Message => ({
    nl: `Het bijgevoegde eisenprofiel past niet bij de methode (${detail}): de toetsing kan niet worden uitgevoerd.`,
    en: `The attached requirement profile does not fit the method (${detail}): it cannot be checked against it.`,
  }),
  complianceMet: (discount: string | null): Message => ({
    nl: `Opnieuw berekend: de revisie voldoet aan alle eisen van het profiel${discount === null ? '' : `; fictieve korting ${discount}`}.`,
    en: `Recomputed: the revision meets every requirement of the profile${discount === null ? '' : `; fictitious discount ${discount}`}.`,
  }),
  complianceNotMet: (nl: string, en: string): Message => ({
    nl: `Opnieuw berekend: de revisie voldoet niet aan alle eisen van het profiel: ${nl}.`,
    en: `Recomputed: the revision does not meet every requirement of the profile: ${en}.`,
  }),

  // a re-validation PDF (report/revalidation.ts)
  revalidation: (earlier: string, earlierPhase: Message, later: string, laterPhase: Message): Message => ({
    nl: `Hervalidatie: de eerdere revisie ${earlier} (${earlierPhase.nl}) tegenover de latere revisie ${later} (${laterPhase.nl}). Beide ondertekende revisies zitten in dit PDF-bestand en zijn elk gecontroleerd.`,
    en: `Re-validation: the earlier revision ${earlier} (${earlierPhase.en}) against the later revision ${later} (${laterPhase.en}). Both signed revisions are attached to this PDF file and were each checked.`,
  }),
  revalidationSide: (which: 'earlier' | 'later', code: string, message: Message): Message => ({
    nl: `${which === 'earlier' ? 'Eerdere' : 'Latere'} revisie${code ? ` ${code}` : ''}: ${message.nl}`,
    en: `${which === 'earlier' ? 'Earlier' : 'Later'} revision${code ? ` ${code}` : ''}: ${message.en}`,
  }),
  revalidationNotLinked: {
    nl: 'De latere revisie noemt de eerdere niet in haar revisiegeschiedenis: controleer dat beide over hetzelfde project gaan.',
    en: 'The later revision does not list the earlier one in its revision history: check that both are about the same project.',
  },
  revalidationMissing: (name: string): Message => ({
    nl: `Dit PDF-bestand lijkt een hervalidatie, maar de bijlage ${name} ontbreekt of is onleesbaar.`,
    en: `This PDF file looks like a re-validation, but the attachment ${name} is missing or unreadable.`,
  }),
  revalidationDescriptorInvalid: (detail: string): Message => ({
    nl: `De beschrijving van deze hervalidatie (quickscan-revalidation.json) heeft niet de verwachte vorm: ${detail}`,
    en: `The description of this re-validation (quickscan-revalidation.json) does not have the expected shape: ${detail}`,
  }),
  unknownRevalidationLayout: (layout: number): Message => ({
    nl: `De pagina’s gebruiken hervalidatie-opmaakversie ${layout}, die deze versie van de app niet kent, dus ze kunnen niet worden gecontroleerd. Werk de app bij; vertrouw tot dan niet op de afgedrukte tekst.`,
    en: `The pages use re-validation layout version ${layout}, which this version of the app does not know, so they cannot be checked. Update the app; until then do not rely on the printed text.`,
  }),
  revalidationPagesMatch: {
    nl: 'De pagina’s van deze hervalidatie zijn byte voor byte gelijk aan wat de app uit de twee revisies maakt.',
    en: 'The pages of this re-validation are identical, byte for byte, to what the app makes from the two revisions.',
  },
  revalidationPagesDiffer: {
    nl: 'De pagina’s van deze hervalidatie zijn gewijzigd: ze verschillen van wat de app uit de twee ondertekende revisies maakt. Vertrouw niet op de afgedrukte tekst.',
    en: 'The pages of this re-validation were altered: they differ from what the app makes from the two signed revisions. Do not rely on the printed text.',
  },
};
