/**
 * The texts of the method commands (`form diff`, `form to-xlsx`, `form from-xlsx`, `form sign`,
 * `form add`, `form list`), in English and Dutch, kept apart from cli/strings.ts so that the
 * method work merges without touching the shared table. The English object defines the shape.
 */
import type { MethodChange } from '../forms/diff';
import type { WorkbookError } from '../forms/workbook';
import type { CommandHelp } from './command';
import { definitionErrorText } from '../report/input-strings';
import { STRINGS, type Lang, type Strings } from './strings';

const COMMON_USAGE = '[--json] [--lang nl|en]';
const METHOD_ARG_EN = '<method>';
const METHOD_ARG_NL = '<methode>';

function cellPlace(e: WorkbookError, row: string, column: string): string {
  const parts = [e.sheet];
  if (e.row !== undefined) parts.push(`${row} ${e.row}`);
  if (e.column !== undefined) parts.push(`${column} ${e.column}${e.header ? ` (${e.header})` : ''}`);
  else if (e.header !== undefined) parts.push(`${column} ${e.header}`);
  return parts.join(', ');
}

const en = {
  notAPrivateKey: (file: string) => `${file} holds no private key (a P-256 or Ed25519 private JWK, as "quickscan key new" writes)`,
  keyNeeded: 'give the publisher\'s private key file with --key <file>',
  signBuiltIn: (id: string, version: string) => `${id} ${version} is a built-in release; give your method its own id or version before you sign it`,
  signed: (file: string, method: string, publisher: string, fingerprint: string) => `signed: ${file} (${method}, publisher ${publisher}, key ${fingerprint})`,
  methodFileProblem: (file: string, problem: string, first?: string) =>
    `${file} is not a usable method file: ${({ malformed: 'not a signed method file', 'definition-invalid': 'its definition breaks a rule', 'definition-hash-mismatch': 'its definitionSha256 is not the definition\'s hash', 'released-mismatch': 'its release date is not the definition\'s', 'publisher-mismatch': 'the signer is not the definition\'s publisher', 'data-altered': 'it was changed after signing', 'signature-invalid': 'the signature is not valid' } as Record<string, string>)[problem] ?? problem}${first ? `; first: ${first}` : ''}`,
  registerProblem: (method: string, problem: string) =>
    problem === 'conflicts-with-release'
      ? `${method} is a built-in release with other content; built-in releases stay pinned by hash`
      : `another method ${method} with other content is loaded already; the publisher must give a changed method a new version`,
  added: (path: string) => `added to the method store: ${path}`,
  alreadyStored: (path: string) => `already in the method store: ${path}`,
  methodSummary: (id: string, version: string, released: string, publisher: string, organisation: string, fingerprint: string) =>
    `${id} ${version}, released ${released}, published by ${publisher}${organisation ? ` (${organisation})` : ''}, key ${fingerprint}`,
  publisherTrustNote: 'Scores on this method can be used; a verifier says "passed" only when it trusts this publisher\'s key (a trust anchor with the role method-publisher).',
  listBuiltIn: (key: string, released: string, title: string, sha256: string) => `${key}  built in, released ${released}  ${title}  sha256 ${sha256.slice(0, 12)}…`,
  listLoaded: (key: string, released: string, title: string, publisher: string, fingerprint: string) => `${key}  loaded, released ${released}  ${title}  publisher ${publisher}, key ${fingerprint}`,
  storeAt: (dir: string) => `method store: ${dir}`,
  storeProblem: (file: string, problem: string) => `skipped ${file} in the method store: ${problem}`,
  loadedMethodWarning: (method: string, publisher: string, fingerprint: string) =>
    `${method} is not a built-in release: it is published by ${publisher} (key ${fingerprint}); a verifier trusts scores on it only when it trusts that publisher`,
  methodArgHelp:
    'A method is a file (a definition *.json, a signed *.quickscan-method.json or a workbook *.xlsx) or a method this quickscan knows, written id@version (e.g. zeeland-quickscan@1.0.0).',
  methodNotFound: (arg: string, known: readonly string[]) =>
    `no method ${arg}: not a file, and not a method this quickscan knows (known: ${known.join(', ') || 'none'})`,
  methodInvalid: (arg: string, count: number, first: string) =>
    `${arg} is not a valid QuickScan definition (${count} ${count === 1 ? 'problem' : 'problems'}); first: ${first}`,
  notAWorkbook: (file: string) => `${file} is not an .xlsx workbook that can be read`,
  outExists: (file: string) => `${file} exists already; choose another name or add --force`,
  outNeeded: (what: string) => `say where to write the ${what} with --out <file>`,
  outWriteFailed: (file: string, reason: string) => `cannot write ${file}: ${reason}`,
  wrote: (file: string, bytes: number) => `written: ${file} (${bytes} bytes)`,

  workbookInvalid: (file: string, count: number) => `${file} is not a valid method workbook (${count} ${count === 1 ? 'problem' : 'problems'})`,
  workbookFirst: (file: string, count: number, first: string) =>
    `${file} is not a valid method workbook (${count} ${count === 1 ? 'problem' : 'problems'}); first: ${first}`,
  workbookError(e: WorkbookError): string {
    const at = cellPlace(e, 'row', 'column');
    const v = e.value ?? '';
    switch (e.code) {
      case 'missing-sheet':
        return `${at}: the sheet "${v}" is missing`;
      case 'unknown-sheet':
        return `${at}: a sheet named "${v}" is not part of the format (check the spelling)`;
      case 'missing-column':
        return `${at}: the column "${v}" is missing from the header row`;
      case 'unknown-column':
        return `${at}: "${v}" is not a column of this sheet (check the spelling)`;
      case 'duplicate-column':
        return `${at}: the column "${v}" occurs twice`;
      case 'empty-cell':
        return `${at}: must not be empty`;
      case 'not-a-number':
        return `${at}: must be a number, not "${v}"`;
      case 'not-a-boolean':
        return `${at}: must be TRUE or FALSE, not "${v}"`;
      case 'not-text':
        return `${at}: must be text, not ${v}`;
      case 'half-pair':
        return `${at}: fill in both the Dutch and the English text, or neither${v ? ` (${v})` : ''}`;
      case 'unknown-reference':
        return `${at}: "${v}" is not defined in an earlier sheet`;
      case 'unknown-field':
        return `${at}: "${v}" is not a field of the method sheet`;
      case 'duplicate-field':
        return `${at}: "${v}" occurs twice`;
      case 'missing-field':
        return `${at}: the field "${v}" is missing`;
      case 'definition-rule':
        return `${at}: ${e.problem ? definitionErrorText({ path: e.definitionPath ?? '', ...e.problem }, 'en') : ''}`;
    }
  },

  diffHeader: (a: string, b: string) => `Method changes from ${a} to ${b}`,
  diffIdentical: 'identical: no changes',
  diffNone: 'no changes in questions, points, costs or labels',
  diffScoreCanChange: 'scores can change: a scan may score differently on the newer version',
  diffScoreSame: 'scores cannot change: only texts, costs, evidence or advice differ',
  diffMethodWide: 'Method',
  diffTheme: (theme: string) => `Theme ${theme}`,
  diffLabels: 'Labels',
  change(c: MethodChange): string {
    switch (c.kind) {
      case 'method-text':
        return `${{ title: 'title', description: 'description', notice: 'notice', publisher: 'publisher', released: 'release date' }[c.field]} changed`;
      case 'source-added':
        return `source ${c.source} added`;
      case 'source-removed':
        return `source ${c.source} removed`;
      case 'source-changed':
        return `source ${c.source} changed`;
      case 'theme-added':
        return `theme ${c.theme} added`;
      case 'theme-removed':
        return `theme ${c.theme} removed`;
      case 'theme-weight':
        return `weight ${c.from} → ${c.to}`;
      case 'theme-reworded':
        return `theme ${c.fields.join(' and ')} reworded`;
      case 'question-added':
        return `${c.question}: question added`;
      case 'question-removed':
        return `${c.question}: question removed`;
      case 'question-moved':
        return `${c.question}: moved from theme ${c.from} to ${c.to}`;
      case 'question-reworded':
        return `${c.question}: ${c.fields.join(' and ')} reworded`;
      case 'question-sources':
        return `${c.question}: sources changed`;
      case 'question-applies-to':
        return `${c.question}: applies to ${c.from.join(', ')} → ${c.to.join(', ')}`;
      case 'question-not-applicable':
        return `${c.question}: "not applicable" ${c.to ? 'now allowed' : 'no longer allowed'}`;
      case 'question-changes-brief':
        return `${c.question}: ${c.to ? 'now marked' : 'no longer marked'} as changing the brief or programme`;
      case 'levels-reordered':
        return `${c.question}: levels reordered (${c.from.join(' ')} → ${c.to.join(' ')})`;
      case 'level-added':
        return `${c.question} ${c.level}: level added`;
      case 'level-removed':
        return `${c.question} ${c.level}: level removed`;
      case 'level-points':
        return `${c.question} ${c.level}: points ${c.from} → ${c.to}`;
      case 'level-cost':
        return `${c.question} ${c.level}: cost ${costText(c.from, 'en')} → ${costText(c.to, 'en')}`;
      case 'level-reworded':
        return `${c.question} ${c.level}: ${c.fields.join(' and ')} reworded`;
      case 'level-evidence':
        return `${c.question} ${c.level}: evidence changed`;
      case 'label-added':
        return `label ${c.label} added`;
      case 'label-removed':
        return `label ${c.label} removed`;
      case 'label-renamed':
        return `label ${c.label} renamed`;
      case 'label-threshold':
        return `label ${c.label}: ${c.field === 'minTotal' ? 'minimum total' : 'minimum per theme'} ${c.from} → ${c.to}`;
      case 'label-theme-minimum':
        return `label ${c.label}: minimum on theme ${c.theme} ${c.from} → ${c.to}`;
      case 'labels-reordered':
        return `labels reordered (${c.from.join(' ')} → ${c.to.join(' ')})`;
    }
  },

  help: {
    formSign: {
      usage: `quickscan form sign <definition.json|workbook.xlsx> --key <private-key.json> --out <file.quickscan-method.json> [--organisation NAME] [--force] ${COMMON_USAGE}`,
      summary: 'Sign a method as its publisher: a *.quickscan-method.json that users load without a new release',
      description: [
        'Checks every rule of the definition, then signs it (purpose "method") with the publisher\'s private key (a key file from "quickscan key new"). The publisher\'s name is the definition\'s "publisher". The file carries the definition, its SHA-256, the publisher (name, organisation, key), the release date and the signature. Format: docs/file-formats.md.',
      ],
      options: [
        ['--key <file>', 'the publisher\'s private key (JWK)'],
        ['--out <file>', 'the method file to write'],
        ['--organisation <name>', 'the publisher\'s organisation'],
        ['--force', 'overwrite the file if it exists'],
      ],
      examples: ['quickscan form sign my-method-2.0.0.json --key publisher.quickscan-private-key.json --out my-method-2.0.0.quickscan-method.json'],
    },
    formAdd: {
      usage: `quickscan form add <file.quickscan-method.json> ${COMMON_USAGE}`,
      summary: 'Add a signed method file to the local method store, for every later command',
      description: [
        'Checks the file (shape, every rule of the definition, hashes, signature) and keeps it in the method store ($QUICKSCAN_HOME/methods, else ~/.config/quickscan/methods). Built-in releases cannot be replaced. Shows publisher, version, release date and key fingerprint.',
      ],
      options: [],
      examples: ['quickscan form add my-method-2.0.0.quickscan-method.json'],
    },
    formList: {
      usage: `quickscan form list ${COMMON_USAGE}`,
      summary: 'List the methods this quickscan knows: built-in releases and the method store',
      description: ['Built-in releases with their pinned SHA-256, then the loaded methods with their publisher and key fingerprint, and where the store is.'],
      options: [],
      examples: ['quickscan form list'],
    },
    formDiff: {
      usage: `quickscan form diff ${METHOD_ARG_EN} ${METHOD_ARG_EN} ${COMMON_USAGE}`,
      summary: 'What changed between two method versions: questions, points, costs, labels',
      description: [
        'Lists, per theme, the questions added, removed or reworded, changed points, costs and evidence, and changed labels and weights, and says whether scores can change.',
        'A method is a file (a definition *.json, a signed *.quickscan-method.json or a workbook *.xlsx) or a method this quickscan knows, written id@version (e.g. zeeland-quickscan@1.0.0).',
      ],
      options: [],
      examples: ['quickscan form diff zeeland-quickscan@1.0.0 zeeland-quickscan@1.1.0'],
    },
    formToXlsx: {
      usage: `quickscan form to-xlsx ${METHOD_ARG_EN} --out <workbook.xlsx> [--force] ${COMMON_USAGE}`,
      summary: 'Write a method as a workbook (one sheet per list, Dutch and English in columns)',
      description: [
        'Sheets: method, sources, themes, questions, question_sources, levels, evidence, labels, label_theme_minimums; one row per item, in order. Edit it in any spreadsheet program and read it back with "quickscan form from-xlsx". Layout: docs/authoring-definitions.md.',
      ],
      options: [
        ['--out <file>', 'the workbook to write'],
        ['--force', 'overwrite the file if it exists'],
      ],
      examples: ['quickscan form to-xlsx zeeland-quickscan@1.1.0 --out quickscan-1.1.0.xlsx'],
    },
    formFromXlsx: {
      usage: `quickscan form from-xlsx <workbook.xlsx> [--out <definition.json>] [--force] ${COMMON_USAGE}`,
      summary: 'Read a method workbook back into a definition that passes every rule',
      description: [
        'Checks every cell and every rule of the definition; each problem names the sheet, the row and the column. Writes the definition as JSON to --out, or to standard output. Exit 2 when the workbook is not valid.',
      ],
      options: [
        ['--out <file>', 'write the definition here (default: standard output)'],
        ['--force', 'overwrite the file if it exists'],
      ],
      examples: ['quickscan form from-xlsx quickscan-1.1.0.xlsx --out my-method-1.2.0.json'],
    },
  } satisfies Record<string, CommandHelp>,
};

export type MethodStrings = typeof en;

function costText(c: { basis: string; low: number; high: number }, lang: Lang): string {
  const unit = c.basis === 'per_m2_gfa' ? (lang === 'nl' ? '/m² BVO' : '/m² GFA') : '';
  return c.low === c.high ? `€ ${c.low}${unit}` : `€ ${c.low}–${c.high}${unit}`;
}

const nl: MethodStrings = {
  notAPrivateKey: (file) => `${file} bevat geen privésleutel (een P-256- of Ed25519-privé-JWK, zoals "quickscan key new" die schrijft)`,
  keyNeeded: 'geef het bestand met de privésleutel van de uitgever met --key <bestand>',
  signBuiltIn: (id, version) => `${id} ${version} is een ingebouwde uitgave; geef uw methode een eigen id of versie voordat u ondertekent`,
  signed: (file, method, publisher, fingerprint) => `ondertekend: ${file} (${method}, uitgever ${publisher}, sleutel ${fingerprint})`,
  methodFileProblem: (file, problem, first) =>
    `${file} is geen bruikbaar methodebestand: ${({ malformed: 'geen ondertekend methodebestand', 'definition-invalid': 'de definitie overtreedt een regel', 'definition-hash-mismatch': 'de definitionSha256 is niet de hash van de definitie', 'released-mismatch': 'de uitgavedatum is niet die van de definitie', 'publisher-mismatch': 'de ondertekenaar is niet de uitgever van de definitie', 'data-altered': 'het is na ondertekening gewijzigd', 'signature-invalid': 'de handtekening is ongeldig' } as Record<string, string>)[problem] ?? problem}${first ? `; eerste: ${first}` : ''}`,
  registerProblem: (method, problem) =>
    problem === 'conflicts-with-release'
      ? `${method} is een ingebouwde uitgave met andere inhoud; ingebouwde uitgaven blijven vastgelegd met hun hash`
      : `er is al een andere methode ${method} met andere inhoud geladen; de uitgever moet een gewijzigde methode een nieuwe versie geven`,
  added: (path) => `toegevoegd aan de methodeopslag: ${path}`,
  alreadyStored: (path) => `staat al in de methodeopslag: ${path}`,
  methodSummary: (id, version, released, publisher, organisation, fingerprint) =>
    `${id} ${version}, uitgebracht ${released}, uitgegeven door ${publisher}${organisation ? ` (${organisation})` : ''}, sleutel ${fingerprint}`,
  publisherTrustNote: 'Scores op deze methode zijn bruikbaar; een verificatie zegt alleen "geslaagd" als de sleutel van deze uitgever vertrouwd is (een vertrouwensanker met de rol method-publisher).',
  listBuiltIn: (key, released, title, sha256) => `${key}  ingebouwd, uitgebracht ${released}  ${title}  sha256 ${sha256.slice(0, 12)}…`,
  listLoaded: (key, released, title, publisher, fingerprint) => `${key}  geladen, uitgebracht ${released}  ${title}  uitgever ${publisher}, sleutel ${fingerprint}`,
  storeAt: (dir) => `methodeopslag: ${dir}`,
  storeProblem: (file, problem) => `${file} in de methodeopslag overgeslagen: ${problem}`,
  loadedMethodWarning: (method, publisher, fingerprint) =>
    `${method} is geen ingebouwde uitgave: uitgegeven door ${publisher} (sleutel ${fingerprint}); een verificatie vertrouwt scores hierop alleen als die uitgever vertrouwd is`,
  methodArgHelp:
    'Een methode is een bestand (een definitie *.json, een ondertekend *.quickscan-method.json of een werkmap *.xlsx) of een methode die deze quickscan kent, geschreven als id@versie (bijv. zeeland-quickscan@1.0.0).',
  methodNotFound: (arg, known) =>
    `geen methode ${arg}: geen bestand, en geen methode die deze quickscan kent (bekend: ${known.join(', ') || 'geen'})`,
  methodInvalid: (arg, count, first) =>
    `${arg} is geen geldige QuickScan-definitie (${count} ${count === 1 ? 'probleem' : 'problemen'}); eerste: ${first}`,
  notAWorkbook: (file) => `${file} is geen leesbare .xlsx-werkmap`,
  outExists: (file) => `${file} bestaat al; kies een andere naam of voeg --force toe`,
  outNeeded: (what) => `geef met --out <bestand> aan waar de ${what} moet komen`,
  outWriteFailed: (file, reason) => `kan ${file} niet schrijven: ${reason}`,
  wrote: (file, bytes) => `geschreven: ${file} (${bytes} bytes)`,

  workbookInvalid: (file, count) => `${file} is geen geldige methode-werkmap (${count} ${count === 1 ? 'probleem' : 'problemen'})`,
  workbookFirst: (file, count, first) =>
    `${file} is geen geldige methode-werkmap (${count} ${count === 1 ? 'probleem' : 'problemen'}); eerste: ${first}`,
  workbookError(e) {
    const at = cellPlace(e, 'rij', 'kolom');
    const v = e.value ?? '';
    switch (e.code) {
      case 'missing-sheet':
        return `${at}: het blad "${v}" ontbreekt`;
      case 'unknown-sheet':
        return `${at}: een blad met de naam "${v}" hoort niet bij het formaat (controleer de spelling)`;
      case 'missing-column':
        return `${at}: de kolom "${v}" ontbreekt in de kopregel`;
      case 'unknown-column':
        return `${at}: "${v}" is geen kolom van dit blad (controleer de spelling)`;
      case 'duplicate-column':
        return `${at}: de kolom "${v}" komt twee keer voor`;
      case 'empty-cell':
        return `${at}: mag niet leeg zijn`;
      case 'not-a-number':
        return `${at}: moet een getal zijn, niet "${v}"`;
      case 'not-a-boolean':
        return `${at}: moet WAAR of ONWAAR zijn, niet "${v}"`;
      case 'not-text':
        return `${at}: moet tekst zijn, niet ${v}`;
      case 'half-pair':
        return `${at}: vul zowel de Nederlandse als de Engelse tekst in, of geen van beide${v ? ` (${v})` : ''}`;
      case 'unknown-reference':
        return `${at}: "${v}" staat niet in een eerder blad`;
      case 'unknown-field':
        return `${at}: "${v}" is geen veld van het methodeblad`;
      case 'duplicate-field':
        return `${at}: "${v}" komt twee keer voor`;
      case 'missing-field':
        return `${at}: het veld "${v}" ontbreekt`;
      case 'definition-rule':
        return `${at}: ${e.problem ? definitionErrorText({ path: e.definitionPath ?? '', ...e.problem }, 'nl') : ''}`;
    }
  },

  diffHeader: (a, b) => `Wijzigingen in de methode van ${a} naar ${b}`,
  diffIdentical: 'gelijk: geen wijzigingen',
  diffNone: 'geen wijzigingen in vragen, punten, kosten of labels',
  diffScoreCanChange: 'scores kunnen veranderen: een scan kan op de nieuwere versie anders scoren',
  diffScoreSame: 'scores kunnen niet veranderen: alleen teksten, kosten, bewijs of advies verschillen',
  diffMethodWide: 'Methode',
  diffTheme: (theme) => `Thema ${theme}`,
  diffLabels: 'Labels',
  change(c) {
    switch (c.kind) {
      case 'method-text':
        return `${{ title: 'titel', description: 'beschrijving', notice: 'kanttekening', publisher: 'uitgever', released: 'uitgavedatum' }[c.field]} gewijzigd`;
      case 'source-added':
        return `bron ${c.source} toegevoegd`;
      case 'source-removed':
        return `bron ${c.source} verwijderd`;
      case 'source-changed':
        return `bron ${c.source} gewijzigd`;
      case 'theme-added':
        return `thema ${c.theme} toegevoegd`;
      case 'theme-removed':
        return `thema ${c.theme} verwijderd`;
      case 'theme-weight':
        return `weging ${c.from} → ${c.to}`;
      case 'theme-reworded':
        return `${c.fields.map((f) => (f === 'title' ? 'titel' : 'beschrijving')).join(' en ')} van het thema anders geformuleerd`;
      case 'question-added':
        return `${c.question}: vraag toegevoegd`;
      case 'question-removed':
        return `${c.question}: vraag verwijderd`;
      case 'question-moved':
        return `${c.question}: verplaatst van thema ${c.from} naar ${c.to}`;
      case 'question-reworded':
        return `${c.question}: ${c.fields.map((f) => (f === 'title' ? 'vraagtekst' : 'toelichting')).join(' en ')} anders geformuleerd`;
      case 'question-sources':
        return `${c.question}: bronnen gewijzigd`;
      case 'question-applies-to':
        return `${c.question}: van toepassing op ${c.from.join(', ')} → ${c.to.join(', ')}`;
      case 'question-not-applicable':
        return `${c.question}: "niet van toepassing" ${c.to ? 'nu toegestaan' : 'niet meer toegestaan'}`;
      case 'question-changes-brief':
        return `${c.question}: ${c.to ? 'nu gemarkeerd' : 'niet meer gemarkeerd'} als wijziging van het programma van eisen`;
      case 'levels-reordered':
        return `${c.question}: niveaus in andere volgorde (${c.from.join(' ')} → ${c.to.join(' ')})`;
      case 'level-added':
        return `${c.question} ${c.level}: niveau toegevoegd`;
      case 'level-removed':
        return `${c.question} ${c.level}: niveau verwijderd`;
      case 'level-points':
        return `${c.question} ${c.level}: punten ${c.from} → ${c.to}`;
      case 'level-cost':
        return `${c.question} ${c.level}: kosten ${costText(c.from, 'nl')} → ${costText(c.to, 'nl')}`;
      case 'level-reworded':
        return `${c.question} ${c.level}: ${c.fields.map((f) => (f === 'label' ? 'naam' : 'toelichting')).join(' en ')} anders geformuleerd`;
      case 'level-evidence':
        return `${c.question} ${c.level}: bewijs gewijzigd`;
      case 'label-added':
        return `label ${c.label} toegevoegd`;
      case 'label-removed':
        return `label ${c.label} verwijderd`;
      case 'label-renamed':
        return `label ${c.label} hernoemd`;
      case 'label-threshold':
        return `label ${c.label}: ${c.field === 'minTotal' ? 'minimale totaalscore' : 'minimum per thema'} ${c.from} → ${c.to}`;
      case 'label-theme-minimum':
        return `label ${c.label}: minimum op thema ${c.theme} ${c.from} → ${c.to}`;
      case 'labels-reordered':
        return `labels in andere volgorde (${c.from.join(' ')} → ${c.to.join(' ')})`;
    }
  },

  help: {
    formSign: {
      usage: `quickscan form sign <definitie.json|werkmap.xlsx> --key <privésleutel.json> --out <bestand.quickscan-method.json> [--organisation NAAM] [--force] ${COMMON_USAGE}`,
      summary: 'Een methode als uitgever ondertekenen: een *.quickscan-method.json die gebruikers laden zonder nieuwe app-versie',
      description: [
        'Controleert elke regel van de definitie en ondertekent haar (doel "method") met de privésleutel van de uitgever (een sleutelbestand van "quickscan key new"). De naam van de uitgever is de "publisher" van de definitie. Het bestand bevat de definitie, haar SHA-256, de uitgever (naam, organisatie, sleutel), de uitgavedatum en de handtekening. Formaat: docs/file-formats.md.',
      ],
      options: [
        ['--key <bestand>', 'de privésleutel van de uitgever (JWK)'],
        ['--out <bestand>', 'het methodebestand dat geschreven wordt'],
        ['--organisation <naam>', 'de organisatie van de uitgever'],
        ['--force', 'een bestaand bestand overschrijven'],
      ],
      examples: ['quickscan form sign mijn-methode-2.0.0.json --key uitgever.quickscan-private-key.json --out mijn-methode-2.0.0.quickscan-method.json'],
    },
    formAdd: {
      usage: `quickscan form add <bestand.quickscan-method.json> ${COMMON_USAGE}`,
      summary: 'Een ondertekend methodebestand aan de lokale methodeopslag toevoegen, voor elke volgende opdracht',
      description: [
        'Controleert het bestand (vorm, elke regel van de definitie, hashes, handtekening) en bewaart het in de methodeopslag ($QUICKSCAN_HOME/methods, anders ~/.config/quickscan/methods). Ingebouwde uitgaven kunnen niet vervangen worden. Toont uitgever, versie, uitgavedatum en vingerafdruk van de sleutel.',
      ],
      options: [],
      examples: ['quickscan form add mijn-methode-2.0.0.quickscan-method.json'],
    },
    formList: {
      usage: `quickscan form list ${COMMON_USAGE}`,
      summary: 'De methoden die deze quickscan kent: ingebouwde uitgaven en de methodeopslag',
      description: ['Ingebouwde uitgaven met hun vastgelegde SHA-256, dan de geladen methoden met hun uitgever en sleutelvingerafdruk, en waar de opslag staat.'],
      options: [],
      examples: ['quickscan form list'],
    },
    formDiff: {
      usage: `quickscan form diff ${METHOD_ARG_NL} ${METHOD_ARG_NL} ${COMMON_USAGE}`,
      summary: 'Wat er tussen twee methodeversies veranderde: vragen, punten, kosten, labels',
      description: [
        'Toont per thema de toegevoegde, verwijderde of anders geformuleerde vragen, gewijzigde punten, kosten en bewijs, en gewijzigde labels en wegingen, en zegt of scores kunnen veranderen.',
        'Een methode is een bestand (een definitie *.json, een ondertekend *.quickscan-method.json of een werkmap *.xlsx) of een methode die deze quickscan kent, geschreven als id@versie (bijv. zeeland-quickscan@1.0.0).',
      ],
      options: [],
      examples: ['quickscan form diff zeeland-quickscan@1.0.0 zeeland-quickscan@1.1.0'],
    },
    formToXlsx: {
      usage: `quickscan form to-xlsx ${METHOD_ARG_NL} --out <werkmap.xlsx> [--force] ${COMMON_USAGE}`,
      summary: 'Een methode als werkmap schrijven (één blad per lijst, Nederlands en Engels in kolommen)',
      description: [
        'Bladen: method, sources, themes, questions, question_sources, levels, evidence, labels, label_theme_minimums; één rij per onderdeel, op volgorde. Bewerk de werkmap in elk rekenbladprogramma en lees hem terug met "quickscan form from-xlsx". Indeling: docs/authoring-definitions.md.',
      ],
      options: [
        ['--out <bestand>', 'de werkmap die geschreven wordt'],
        ['--force', 'een bestaand bestand overschrijven'],
      ],
      examples: ['quickscan form to-xlsx zeeland-quickscan@1.1.0 --out quickscan-1.1.0.xlsx'],
    },
    formFromXlsx: {
      usage: `quickscan form from-xlsx <werkmap.xlsx> [--out <definitie.json>] [--force] ${COMMON_USAGE}`,
      summary: 'Een methode-werkmap teruglezen als definitie die aan alle regels voldoet',
      description: [
        'Controleert elke cel en elke regel van de definitie; elk probleem noemt het blad, de rij en de kolom. Schrijft de definitie als JSON naar --out, of naar de standaarduitvoer. Exitcode 2 als de werkmap niet geldig is.',
      ],
      options: [
        ['--out <bestand>', 'de definitie hier schrijven (standaard: de standaarduitvoer)'],
        ['--force', 'een bestaand bestand overschrijven'],
      ],
      examples: ['quickscan form from-xlsx quickscan-1.1.0.xlsx --out mijn-methode-1.2.0.json'],
    },
  },
};

const METHOD_STRINGS: Readonly<Record<Lang, MethodStrings>> = { nl, en };

/** The method texts in the language of the command's strings. */
export function methodStrings(s: Strings): MethodStrings {
  return s === STRINGS.nl ? METHOD_STRINGS.nl : METHOD_STRINGS.en;
}
