/**
 * Every text of the `quickscan` command line, in English and Dutch. The English object defines
 * the shape; the compiler checks that the Dutch one is complete. Problems found by the pure
 * modules (definition errors, file fields, scan input) are codes, worded by report/input-strings.ts.
 */
import { scanInputErrorText } from '../report/input-strings';
import type { ScanInputError } from '../scoring/errors';
import type { CommandHelp } from './command';
import type { JsonSyntaxProblem } from './json-syntax';
import { formatInteger } from './format';
import type { ScanLimitExceeded } from './scan';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];

type Method = { id: string; version: string; sha256: string; source: 'release' | 'loaded' | 'draft'; draftStatus?: 'release' | 'altered' | 'unknown'; publisher?: { name: string; fingerprint: string } };
type VerifyStatusName = 'valid' | 'altered' | 'unknown-method' | 'bad-signature' | 'untrusted-signature' | 'unsigned' | 'unreadable';

const quote = (text: string) => JSON.stringify(text);
const short = (sha: string) => `${sha.slice(0, 12)}…`;
const list = (items: readonly string[], none: string) => (items.length > 0 ? items.join(', ') : none);

const EXPECTED_EN: Record<string, string> = {
  '"': 'a property name in double quotes',
  ':': '":"',
  ', }': '"," or "}"',
  ', ]': '"," or "]"',
};
const EXPECTED_NL: Record<string, string> = {
  '"': 'een veldnaam tussen dubbele aanhalingstekens',
  ':': '":"',
  ', }': '"," of "}"',
  ', ]': '"," of "]"',
};

const COMMON_USAGE = '[--json] [--lang nl|en]';

const en = {
  /* -------------------------------------------------------------------- runner */
  appTitle: (version: string) => `quickscan ${version}: QuickScan Circulair Bouwen on the command line`,
  usage: 'Usage',
  commandsHeading: 'Commands',
  optionsHeading: 'Options',
  examplesHeading: 'Examples',
  optJson: 'print JSON instead of text',
  optLang: 'language of the text output (default: from LANG, nl when it starts with "nl", else en)',
  optHelp: 'show this help',
  optVersion: 'show the version',
  moreHelp: 'Run `quickscan <command> --help` for the options of a command.',
  exitCodesHeading: 'Exit codes',
  exitCodes: [
    '0  success (verify: every file passed)',
    '1  verify: at least one file failed',
    '2  bad input: usage, a missing or unreadable file, invalid JSON, a file that fails its schema or is over a limit, an unknown method version',
    '3  verify: none failed, but at least one is indeterminate (intact, but the signer or method is not vouched for)',
    '70 internal error (a bug; set QUICKSCAN_DEBUG=1 for the stack trace)',
  ],
  limitsHeading: 'Limits',
  limits: [
    'JSON files (scan files, methods, profiles, trust lists, keys, issued revisions): at most 16 MB',
    'other files (PDFs, dossiers, evidence): at most 64 MB (PDFs read for verification: 50 MB)',
    'texts in a scan file: names at most 500 characters, notes 20,000, at most 2,000 answers (as in an issued revision)',
    'control characters and bidirectional overrides from files are shown escaped (\\x1B, \\u202E)',
  ],
  noCommand: (commands: readonly string[]) => `no command given; use one of: ${commands.join(', ')} (quickscan --help tells more)`,
  unknownCommand: (word: string, commands: readonly string[]) => `unknown command ${quote(word)}; use one of: ${commands.join(', ')}`,
  chooseSubcommand: (group: string, subs: readonly string[]) => `say which "${group}" command: ${subs.map((x) => `${group} ${x}`).join(', ')}`,
  missingArgument: (usage: string) => `missing argument; usage: ${usage}`,
  tooManyArguments: (extra: string, usage: string) => `unexpected argument ${quote(extra)}; usage: ${usage}`,
  unknownOption: (option: string, command: string) => `unknown option ${option} for "${command}" (quickscan ${command} --help lists the options)`,
  missingValue: (option: string) => `option ${option} needs a value`,
  unexpectedValue: (option: string) => `option ${option} takes no value`,
  repeatedOption: (option: string) => `option ${option} is given more than once`,
  badLang: (value: string) => `unknown language ${quote(value)}: use --lang nl or --lang en`,
  warning: 'warning',
  internalError: 'internal error: something went wrong inside quickscan (this is a bug; set QUICKSCAN_DEBUG=1 for the details)',

  /* -------------------------------------------------------------------- files */
  fileNameEmpty: 'an empty file name was given',
  fileNotFound: (file: string) => `${file}: no such file`,
  fileIsDirectory: (file: string) => `${file}: is a directory, not a file`,
  fileNotRegular: (file: string) => `${file}: is not a regular file`,
  fileTooLarge: (file: string, mb: number) => `${file}: the file is too large (more than ${mb} MB)`,
  fileNoAccess: (file: string) => `${file}: permission denied`,
  fileUnreadable: (file: string, detail: string) => `${file}: cannot be read (${detail})`,
  reasonNoSuchPath: 'no such file or folder',
  reasonNoAccess: 'permission denied',
  reasonIsDirectory: 'it is a folder',
  reasonDiskFull: 'the disk is full',
  reasonNameTooLong: 'the file name is too long',
  reasonLinkLoop: 'too many symbolic links',
  reasonExists: 'the file already exists',
  reasonSystem: (code: string) => `system error ${code}`,
  reasonUnknown: 'an unknown system error',
  fileNotUtf8: (file: string) => `${file}: is not UTF-8 text`,
  jsonEmpty: (file: string) => `${file}: the file is empty, not JSON`,
  jsonInvalid: (file: string) => `${file}: not valid JSON`,
  jsonSyntax: (file: string, line: number, column: number, problem: string) => `${file}: not valid JSON: line ${line}, column ${column}: ${problem}`,
  jsonProblem: (p: JsonSyntaxProblem): string => {
    if (p.kind === 'end') return 'unexpected end of the file';
    if (p.kind === 'char') return `unexpected character ${quote(p.char)}`;
    const what = EXPECTED_EN[p.expected] ?? p.expected;
    return p.char === null ? `expected ${what} but the file ends` : `expected ${what} but found ${quote(p.char)}`;
  },

  /* -------------------------------------------------------------------- scan files and methods */
  scanInvalid: (file: string, count: number, issues: string) =>
    `${file}: not a valid scan file (${count} ${count === 1 ? 'problem' : 'problems'}): ${issues}`,
  unknownMethodVersion: (id: string, version: string, known: readonly string[]) =>
    `unknown method version: ${id} ${version} is not a release this quickscan knows (known: ${list(known, 'none')}); score a draft with --form <definition.json>`,
  methodHashMismatch: (id: string, version: string, given: string, released: string) =>
    `method hash does not match the released definition: the scan names ${id} ${version} with sha256 ${short(given)}, the release has ${short(released)}`,
  releaseBroken: (id: string, version: string, detail: string) => `the released definition ${id} ${version} in this quickscan is damaged: ${detail}`,
  formInvalid: (file: string, count: number, first: string) =>
    `${file}: not a valid QuickScan definition (${count} ${count === 1 ? 'problem' : 'problems'}); first: ${first}`,
  formOtherMethod: (file: string, draft: string, scan: string) => `${file} is ${draft}, but the scan was made with ${scan}; scoring with ${draft}`,
  formOtherHash: (file: string) => `${file} is not the exact definition the scan was made with (its sha256 differs); scoring with the draft`,
  scanInputError: (file: string, error: ScanInputError): string => `${file}: ${scanInputErrorText(error, 'en')}`,
  scanOverLimit: (file: string, o: ScanLimitExceeded) =>
    `${file}: ${o.where} has more than ${formatInteger(o.limit, 'en')} ${o.unit === 'entries' ? 'entries' : 'characters'} (the limit of an issued revision)`,

  /* -------------------------------------------------------------------- form validate */
  formValid: (id: string, version: string, questions: number, themes: number, sha256: string) =>
    `valid: ${id} ${version} (${questions} questions, ${themes} themes) sha256 ${sha256}`,
  formIsRelease: (id: string, version: string) => `known release: this is ${id} ${version} as released`,
  formIsAltered: (id: string, version: string, released: string) =>
    `altered copy of a release: ${id} ${version} was released with sha256 ${released}; release changes as a new version (docs/authoring-definitions.md)`,
  formIsUnknown: (id: string, version: string) => `unknown: ${id} ${version} is not a release this quickscan knows (a draft or a newer release)`,
  formInvalidHeader: (file: string, count: number) => `invalid: ${file} (${count} ${count === 1 ? 'problem' : 'problems'})`,

  /* -------------------------------------------------------------------- score */
  scanHeading: (project: string, scan: string) => `${project || '(no name)'} – ${scan || '(no name)'}`,
  methodLine: (m: Method) =>
    m.source === 'release'
      ? `Method: ${m.id} ${m.version} (release, sha256 ${short(m.sha256)})`
      : m.source === 'loaded'
      ? `Method: ${m.id} ${m.version} (not built in: published by ${m.publisher?.name ?? '?'}, key ${m.publisher?.fingerprint ?? '?'}, sha256 ${short(m.sha256)})`
      : `Method: ${m.id} ${m.version} (draft from --form, sha256 ${short(m.sha256)}${m.draftStatus === 'release' ? ', identical to the release' : m.draftStatus === 'altered' ? ', an altered copy of the release' : ''})`,
  colTheme: 'Theme',
  colScore: 'Score',
  colPoints: 'Points',
  themeNotApplicable: 'not applicable',
  total: 'Total',
  label: 'Label',
  nextLabel: 'Next label',
  noLabel: 'none',
  noLabels: 'this method has no labels',
  topLabelReached: 'none: the highest label is reached',
  missingOnTotal: (points: string) => `${points} more on the total`,
  themesBelow: (themes: string) => `themes below their minimum: ${themes}`,
  themeBelow: (theme: string, has: string, needed: string) => `${theme} ${has} (needs ${needed})`,
  unanswered: 'Unanswered',
  notApplicable: 'Not applicable',
  extraCost: 'Extra cost',
  costRange: (low: string, high: string, mid: string, gfa: string) => `${low} – ${high} (midpoint ${mid}) for ${gfa} m² GFA`,
  circularBudget: 'Circular budget',
  budgetPct: (budget: string, pct: string, construction: string) => `${budget} (${pct}% of the construction budget of ${construction})`,
  midWithinBudget: 'the midpoint is within it',
  midOverBudget: (over: string) => `the midpoint exceeds it by ${over}`,
  ignoredAnswers: (ids: string) => `Ignored (answered, but not applicable to this kind of project): ${ids}`,

  /* -------------------------------------------------------------------- optimize */
  costModeMid: 'Costs: the midpoint of each cost range (--prudent uses the high end)',
  costModeHigh: 'Costs: the high end of each cost range (--prudent)',
  budget: 'Budget',
  budgetFromProject: "the project's circular budget",
  budgetFromOption: 'given with --budget',
  budgetPctOf: (pct: string, construction: string, fromProject: boolean) =>
    `${pct}% of the construction budget of ${construction}${fromProject ? ", the project's circular budget" : ', given with --budget-pct'}`,
  budgetBoth: 'give either --budget or --budget-pct, not both',
  lockedLine: (ids: string) => `Locked (keep their current answer): ${ids}`,
  briefKeptLine: (ids: string) => `Kept as answered, since a better answer changes the brief (less floor area, sharing space, keeping instead of building): ${ids}; --allow-brief-changes includes them`,
  briefAllowedLine: (ids: string) => `Brief questions included (--allow-brief-changes): ${ids}`,
  nowLine: (total: string, label: string, cost: string) => `Now: total ${total}, label ${label}, extra cost ${cost}`,
  bestHeading: (total: string, label: string, cost: string, low: string, high: string) =>
    `Best within the budget: total ${total}, label ${label}, extra cost ${cost} (${low} – ${high})`,
  bestNone: (budget: string) => `Best within the budget: no plan fits ${budget} (locked or unavoidable costs exceed it)`,
  changesHeading: (n: number) => (n === 1 ? 'Change from the current answers (1):' : `Changes from the current answers (${n}):`),
  noChanges: 'none: the current answers are the best plan',
  answersHeading: 'Chosen level per question (* = changed):',
  unansweredLevel: 'unanswered',
  perLabelHeading: 'Cheapest plan per label:',
  targetHeading: (label: string) => `Cheapest plan for ${label}:`,
  unknownTarget: (value: string, ids: readonly string[]) => `unknown label ${quote(value)} for --target; this method has: ${list(ids, 'no labels')}`,
  colLabel: 'Label',
  colCost: 'Cost',
  colTotal: 'Total',
  colChanges: 'Changes',
  colBudget: 'Budget',
  unreachable: 'not reachable',
  withinBudget: 'within',
  overBudget: 'over',
  overBudgetBy: (over: string) => `over by ${over}`,
  overBudgetMark: '(over budget)',
  bestMark: '← best within the budget',
  frontierHeading: (size: number, shown: number) =>
    size === shown ? `Frontier: ${size} plans (cost → total):` : `Frontier: ${size} plans (cost → total), ${shown} shown (--json lists all):`,
  upgradesHeading: (shown: number, total: number) =>
    total === 0 ? 'Upgrades per euro: none (every question is at its best level, locked or not applicable)' : `Top upgrades per euro (${shown} of ${total}):`,
  colQuestion: 'Question',
  colChange: 'Level',
  colGain: 'Gain',
  colPerThousand: 'Gain per €1,000',
  free: 'free',

  /* -------------------------------------------------------------------- numbers */
  optionNotNumber: (option: string, raw: string) => `${option} ${quote(raw)} is not a number`,
  optionNumberFormat: (option: string, raw: string) =>
    `${option} ${quote(raw)}: write the number without thousands separators and with at most 2 decimals, e.g. 150000 or 2.5`,
  optionNegative: (option: string, raw: string) => `${option} ${quote(raw)} must not be negative`,
  optionTooLarge: (option: string, raw: string) => `${option} ${quote(raw)} is too large`,
  optionNotWhole: (option: string, raw: string) => `${option} ${quote(raw)} is not a whole number`,
  optionRange: (option: string, raw: string, min: number, max: number) => `${option} ${quote(raw)} must be from ${min} to ${max}`,

  /* -------------------------------------------------------------------- verify */
  trustedKeysInvalid: (file: string) =>
    `${file}: not a list of trusted keys (expected [{ "publicKey": "<43 base64url characters>", "label": "…" }, …])`,
  verifyStatus: {
    valid: 'VALID',
    altered: 'ALTERED',
    'unknown-method': 'UNKNOWN METHOD (data not recomputed)',
    'bad-signature': 'BAD SIGNATURE',
    'untrusted-signature': 'VALID SIGNATURE, KEY NOT TRUSTED',
    unsigned: 'NOT SIGNED (a scan file, scores recomputed only)',
    unreadable: 'UNREADABLE',
  } satisfies Record<VerifyStatusName, string>,
  phase: 'phase',
  issuedAt: (iso: string) => `issued ${iso}`,
  verifyUnreadable: (files: readonly string[]) => `cannot read ${files.length === 1 ? 'the file' : 'the files'} ${files.join(', ')}`,

  /* -------------------------------------------------------------------- trust (verdicts, trust lists, keys, issue) */
  trust: {
    verdictSummary: (passed: number, indeterminate: number, failed: number) => `${passed} passed, ${indeterminate} indeterminate, ${failed} failed`,
    trustListLoaded: (file: string, name: string, sequence: number, operator: string, fingerprint: string, entries: number) =>
      `trust list ${file}: "${name}" version ${sequence} by ${operator} (operator key ${fingerprint}), ${entries} ${entries === 1 ? 'entry' : 'entries'}`,
    trustListExpired: (file: string, until: string) => `${file}: this trust list expired on ${until}; signers on it come out indeterminate until you load a newer version`,
    trustListNotYetIssued: (file: string, at: string) => `${file}: this trust list says it was issued on ${at}, later than now: check the computer's clock`,
    trustListProblem: {
      malformed: (file: string, detail: string) => `${file}: not a valid trust list (${detail})`,
      'data-altered': (file: string) => `${file}: the trust list was altered after it was signed (its content does not match its hash); it is not used`,
      'signature-invalid': (file: string) => `${file}: the trust list's signature is not valid: it was not signed by the operator key it names; it is not used`,
      'operator-not-trusted': (file: string, fingerprint: string) => `${file}: the trust list is signed by key ${fingerprint}, which is not the operator key you gave; it is not used`,
      'operator-revoked': (file: string, fingerprint: string) => `${file}: the operator key ${fingerprint} of this trust list is revoked; the list is not used`,
    },
    trustedKeysInvalid: (file: string) =>
      `${file}: not a list of trusted keys (expected [{ "key": <public JWK>, "label": "…" }, …], a public key file, or [{ "publicKey": "<43 base64url characters>", "label": "…" }])`,
    signerLine: (fingerprint: string) => `signer key ${fingerprint}`,
    shortForm: 'short form',
    profileAuthorityUnconfirmed: (authority: string, fingerprint: string) =>
      `the requirement profile names "${authority}", but its key ${fingerprint} is not trusted as a contracting authority: not confirmed`,
    // key files
    keyFileProblem: {
      'not-a-key-file': (file: string) => `${file}: not a QuickScan key file (make one with "quickscan key new")`,
      'unknown-key-type': (file: string) => `${file}: a key of a type this version cannot use (only ES256 / P-256 and EdDSA / Ed25519)`,
      'public-only': (file: string) => `${file}: a public key file; signing needs the private key file`,
      invalid: (file: string, detail: string) => `${file}: the key file is damaged (${detail})`,
    },
    keyWritten: (file: string, fingerprint: string, alg: string) => `wrote ${file}: a new ${alg} signing key, fingerprint ${fingerprint}`,
    keyPublicWritten: (file: string) => `wrote ${file}: the public key, to hand to whoever must trust it`,
    keySecretWarning:
      'THIS FILE HOLDS A SECRET SIGNING KEY: anyone who has it can sign revisions in your name. Keep it on a protected drive, never attach it to a bid, never e-mail it.',
    outExists: (file: string) => `${file} already exists; choose another name (a key file is never overwritten)`,
    badAlg: (value: string) => `unknown key type ${quote(value)}: use --alg ES256 (default) or --alg EdDSA`,
    keyTextTooLong: (option: string, max: number) => `${option} is too long: at most ${max} characters (it is written into the key files)`,
    // issue
    issueNeedsLayout: (layout: number) =>
      `this version cannot yet make PDF pages for a format-2 revision (layout ${layout}); write the envelope with --out <file>.quickscan-issued.json, or use an EdDSA key (format 1)`,
    issueWritten: (file: string, code: string) => `wrote ${file}: reference code ${code}`,
    badPhase: (value: string, phases: readonly string[]) => `unknown phase ${quote(value)}; use one of: ${phases.join(', ')}`,
    badAssessment: (value: string) => `unknown assessment type ${quote(value)}: use --assessment self or --assessment independent`,
    downgradesWithoutReason: (questions: string) => `answers lowered compared with the baseline without a reason (a new note): ${questions}`,
    downgradesNotCheckable: 'whether lowered answers have a reason cannot be checked against the baseline (its method is unknown or its data does not score); not issued',
    baselineNotUsable: (file: string) => `${file}: not an intact, validly signed issued revision; it cannot be the baseline`,
    // trust list editing
    listWritten: (file: string, entries: number, revocations: number) => `wrote ${file}: ${entries} ${entries === 1 ? 'entry' : 'entries'}, ${revocations} ${revocations === 1 ? 'revocation' : 'revocations'} (unsigned draft until "quickscan trustlist sign")`,
    listSigned: (file: string, name: string, sequence: number, fingerprint: string) => `wrote ${file}: "${name}" version ${sequence}, signed by operator key ${fingerprint}`,
    draftInvalid: (file: string, detail: string) => `${file}: not a trust list draft or trust list (${detail})`,
    keyAlreadyListed: (fingerprint: string) => `the key ${fingerprint} is already on the list`,
    badRole: (value: string, roles: readonly string[]) => `unknown role ${quote(value)}; use one of: ${roles.join(', ')}`,
    badReason: (value: string, reasons: readonly string[]) => `unknown reason ${quote(value)}; use one of: ${reasons.join(', ')}`,
    badDate: (option: string, value: string) => `${option} ${quote(value)} is not a date (YYYY-MM-DD or an ISO date and time)`,
    operatorKeyMismatch: (fingerprint: string) => `the key file is not the operator key ${fingerprint} that the list names`,
    notAPublicKey: (file: string) => `${file}: not a public key (a public key file, a private key file, or a JWK)`,
    statementWritten: (file: string, kind: string) => `wrote ${file}: a signed ${kind} statement`,
  },

  /* -------------------------------------------------------------------- help */
  help: {
    formValidate: {
      usage: `quickscan form validate <definition.json> ${COMMON_USAGE}`,
      summary: 'Check a QuickScan definition file (all rules) and say whether it is a known release',
      description: [
        'Checks the shape and every cross-field rule (unique ids, references, cost low <= high, labels from low to high, at most 2 decimals) and lists each problem with its place, one per line.',
        'A valid file is identified by its SHA-256 (of its RFC 8785 canonical JSON): a known release, an altered copy of a release, or unknown (a draft or a newer version). Exit 2 when the file is not valid.',
      ],
      options: [],
      examples: ['quickscan form validate forms/definitions/zeeland-quickscan/1.0.0.json'],
    },
    formSchema: {
      usage: 'quickscan form schema',
      summary: 'Print the JSON Schema (draft 2020-12) of a QuickScan definition',
      description: [
        'The same text as forms/quickscan-definition.schema.json, for editors and other tools. The cross-field rules are not in the schema: use "quickscan form validate" for the full check.',
      ],
      options: [],
      examples: ['quickscan form schema > quickscan-definition.schema.json'],
    },
    score: {
      usage: `quickscan score <scan-file> [--form <definition.json>] ${COMMON_USAGE}`,
      summary: 'Score a scan file: themes, total, label, what the next label needs, extra cost',
      description: [
        'Reads a scan file (*.quickscan.json, the app\'s export; format: docs/contracts.md, docs/scan-file.schema.json) and scores it with the released definition it names; its sha256 must match that release.',
        'Scores are exact and shown truncated to one decimal, as in the app. Costs are in euros for the project\'s gross floor area.',
      ],
      options: [['--form <definition.json>', 'score with this (draft) definition instead of the release the scan names']],
      examples: ['quickscan score docs/examples/new-build-school-goes.quickscan.json', 'quickscan score scan.quickscan.json --json'],
    },
    optimize: {
      usage: `quickscan optimize <scan-file> [--budget EUR | --budget-pct N] [--prudent] [--allow-brief-changes] [--target LABEL] [--top N] [--form <definition.json>] ${COMMON_USAGE}`,
      summary: 'The best answers within the budget, the cheapest plan per label, the frontier, the best upgrades',
      description: [
        'Exact optimisation (never greedy) over the applicable questions; not-applicable questions and the scan\'s locked questions keep their answer, and so do the questions the method marks as changing the brief or programme (less floor area, sharing, keeping instead of building), unless --allow-brief-changes is given (as in the app\'s budget view).',
        'The budget is the project\'s circular budget unless --budget or --budget-pct is given. Costs are the midpoints of the cost ranges, or their high ends with --prudent.',
      ],
      options: [
        ['--budget EUR', 'the budget in euros (e.g. 150000 or 150000.50), instead of the project\'s'],
        ['--budget-pct N', 'the budget as a percentage (0-100) of the project\'s construction budget'],
        ['--prudent', 'use the high end of every cost range, so that the budget holds'],
        ['--allow-brief-changes', 'also change the answers that change the brief or programme'],
        ['--target LABEL', 'show only the cheapest plan for this label (id or name, e.g. gold), with its changes'],
        ['--top N', 'how many upgrades to list (default 10)'],
        ['--form <definition.json>', 'use this (draft) definition instead of the release the scan names'],
      ],
      examples: [
        'quickscan optimize docs/examples/new-build-school-goes.quickscan.json',
        'quickscan optimize scan.quickscan.json --budget 150000 --prudent --target gold',
      ],
    },
    verify: {
      usage: `quickscan verify <files...> [--trusted-keys <file>] [--trust-list <file>]... [--csv] ${COMMON_USAGE}`,
      summary: 'Verify issued QuickScan PDFs and .quickscan-issued.json files offline: passed, indeterminate or failed',
      description: [
        'Checks that the data is unchanged (content hash and reference code), the signature, that the method is a known release (and recomputes the scores), for a PDF that its pages are exactly what the data gives, and who vouches for the signer.',
        'Each file gets a verdict: PASSED (intact, validly signed, and the signer is on your trusted keys or a trust list you loaded), INDETERMINATE (intact and validly signed, but nobody you trust vouches for the signer, the trust list expired, or the method is unknown) or FAILED (altered, badly signed, revoked before it was issued, or unreadable).',
        'Exit 0 when every file passed, 1 when any failed, 3 when none failed but some are indeterminate, 2 for bad input (a missing file, a bad trust list or keys file).',
      ],
      options: [
        ['--trusted-keys <file>', 'your own list of trusted public keys: [{ "key": <JWK>, "label": "…" }] or [{ "publicKey": "…", "label": "…" }], or a public key file'],
        ['--trust-list <file>', 'a signed trust list (*.quickscan-trustlist.json); may be given more than once; its operator counts as chosen by you'],
        ['--csv', 'one CSV row per file (verdict, reasons, code, project, phase, signer, anchor)'],
      ],
      examples: ['quickscan verify report.pdf', 'quickscan verify *.pdf --trust-list cbz.quickscan-trustlist.json --json', 'quickscan verify *.pdf --trusted-keys keys.json --csv > verdicts.csv'],
    },
  } satisfies Record<string, CommandHelp>,
};

export type Strings = typeof en;

const nl: Strings = {
  /* -------------------------------------------------------------------- runner */
  appTitle: (version: string) => `quickscan ${version}: QuickScan Circulair Bouwen op de opdrachtregel`,
  usage: 'Gebruik',
  commandsHeading: 'Opdrachten',
  optionsHeading: 'Opties',
  examplesHeading: 'Voorbeelden',
  optJson: 'JSON in plaats van tekst',
  optLang: 'taal van de tekstuitvoer (standaard: uit LANG, nl als die met "nl" begint, anders en)',
  optHelp: 'deze hulp tonen',
  optVersion: 'de versie tonen',
  moreHelp: 'Gebruik `quickscan <opdracht> --help` voor de opties van een opdracht.',
  exitCodesHeading: 'Afsluitcodes',
  exitCodes: [
    '0  gelukt (verify: elk bestand is geslaagd)',
    '1  verify: minstens één bestand is afgekeurd',
    '2  onjuiste invoer: gebruik, een ontbrekend of onleesbaar bestand, ongeldige JSON, een bestand dat niet aan zijn schema voldoet of over een grens gaat, een onbekende methodeversie',
    '3  verify: geen afgekeurd, maar minstens één onbeslist (ongewijzigd, maar de ondertekenaar of methode is niet bevestigd)',
    '70 interne fout (een bug; zet QUICKSCAN_DEBUG=1 voor de stacktrace)',
  ],
  limitsHeading: 'Grenzen',
  limits: [
    'JSON-bestanden (scanbestanden, methoden, profielen, vertrouwenslijsten, sleutels, uitgegeven revisies): hoogstens 16 MB',
    "andere bestanden (pdf's, dossiers, bewijsstukken): hoogstens 64 MB (pdf's die worden geverifieerd: 50 MB)",
    'teksten in een scanbestand: namen hoogstens 500 tekens, notities 20.000, hoogstens 2.000 antwoorden (zoals in een uitgegeven revisie)',
    'stuurtekens en richtingsoverschrijvingen uit bestanden worden zichtbaar getoond (\\x1B, \\u202E)',
  ],
  noCommand: (commands: readonly string[]) => `geen opdracht gegeven; gebruik een van: ${commands.join(', ')} (quickscan --help vertelt meer)`,
  unknownCommand: (word: string, commands: readonly string[]) => `onbekende opdracht ${quote(word)}; gebruik een van: ${commands.join(', ')}`,
  chooseSubcommand: (group: string, subs: readonly string[]) => `welke "${group}"-opdracht? ${subs.map((x) => `${group} ${x}`).join(', ')}`,
  missingArgument: (usage: string) => `argument ontbreekt; gebruik: ${usage}`,
  tooManyArguments: (extra: string, usage: string) => `onverwacht argument ${quote(extra)}; gebruik: ${usage}`,
  unknownOption: (option: string, command: string) => `onbekende optie ${option} voor "${command}" (quickscan ${command} --help noemt de opties)`,
  missingValue: (option: string) => `optie ${option} heeft een waarde nodig`,
  unexpectedValue: (option: string) => `optie ${option} neemt geen waarde`,
  repeatedOption: (option: string) => `optie ${option} is meer dan eens gegeven`,
  badLang: (value: string) => `onbekende taal ${quote(value)}: gebruik --lang nl of --lang en`,
  warning: 'waarschuwing',
  internalError: 'interne fout: er ging iets mis in quickscan zelf (dit is een bug; zet QUICKSCAN_DEBUG=1 voor de details)',

  /* -------------------------------------------------------------------- files */
  fileNameEmpty: 'een lege bestandsnaam is gegeven',
  fileNotFound: (file: string) => `${file}: bestand bestaat niet`,
  fileIsDirectory: (file: string) => `${file}: is een map, geen bestand`,
  fileNotRegular: (file: string) => `${file}: is geen gewoon bestand`,
  fileTooLarge: (file: string, mb: number) => `${file}: het bestand is te groot (meer dan ${mb} MB)`,
  fileNoAccess: (file: string) => `${file}: geen toegang`,
  fileUnreadable: (file: string, detail: string) => `${file}: kan niet worden gelezen (${detail})`,
  reasonNoSuchPath: 'bestand of map bestaat niet',
  reasonNoAccess: 'geen toegang',
  reasonIsDirectory: 'het is een map',
  reasonDiskFull: 'de schijf is vol',
  reasonNameTooLong: 'de bestandsnaam is te lang',
  reasonLinkLoop: 'te veel symbolische koppelingen',
  reasonExists: 'het bestand bestaat al',
  reasonSystem: (code: string) => `systeemfout ${code}`,
  reasonUnknown: 'een onbekende systeemfout',
  fileNotUtf8: (file: string) => `${file}: is geen UTF-8-tekst`,
  jsonEmpty: (file: string) => `${file}: het bestand is leeg, geen JSON`,
  jsonInvalid: (file: string) => `${file}: geen geldige JSON`,
  jsonSyntax: (file: string, line: number, column: number, problem: string) => `${file}: geen geldige JSON: regel ${line}, kolom ${column}: ${problem}`,
  jsonProblem: (p: JsonSyntaxProblem): string => {
    if (p.kind === 'end') return 'het bestand houdt onverwacht op';
    if (p.kind === 'char') return `onverwacht teken ${quote(p.char)}`;
    const what = EXPECTED_NL[p.expected] ?? p.expected;
    return p.char === null ? `${what} verwacht, maar het bestand houdt op` : `${what} verwacht, maar ${quote(p.char)} gevonden`;
  },

  /* -------------------------------------------------------------------- scan files and methods */
  scanInvalid: (file: string, count: number, issues: string) =>
    `${file}: geen geldig scanbestand (${count} ${count === 1 ? 'probleem' : 'problemen'}): ${issues}`,
  unknownMethodVersion: (id: string, version: string, known: readonly string[]) =>
    `onbekende methodeversie: ${id} ${version} is geen uitgebrachte versie die deze quickscan kent (bekend: ${list(known, 'geen')}); scoor een concept met --form <definitie.json>`,
  methodHashMismatch: (id: string, version: string, given: string, released: string) =>
    `de methodehash komt niet overeen met de uitgebrachte definitie: de scan noemt ${id} ${version} met sha256 ${short(given)}, de uitgebrachte versie heeft ${short(released)}`,
  releaseBroken: (id: string, version: string, detail: string) => `de uitgebrachte definitie ${id} ${version} in deze quickscan is beschadigd: ${detail}`,
  formInvalid: (file: string, count: number, first: string) =>
    `${file}: geen geldige QuickScan-definitie (${count} ${count === 1 ? 'probleem' : 'problemen'}); eerste: ${first}`,
  formOtherMethod: (file: string, draft: string, scan: string) => `${file} is ${draft}, maar de scan is gemaakt met ${scan}; er wordt gescoord met ${draft}`,
  formOtherHash: (file: string) => `${file} is niet precies de definitie waarmee de scan is gemaakt (de sha256 verschilt); er wordt gescoord met het concept`,
  scanOverLimit: (file: string, o: ScanLimitExceeded) =>
    `${file}: ${o.where} heeft meer dan ${formatInteger(o.limit, 'nl')} ${o.unit === 'entries' ? 'items' : 'tekens'} (de grens van een uitgegeven revisie)`,
  scanInputError: (file: string, error: ScanInputError): string => `${file}: ${scanInputErrorText(error, 'nl')}`,

  /* -------------------------------------------------------------------- form validate */
  formValid: (id: string, version: string, questions: number, themes: number, sha256: string) =>
    `geldig: ${id} ${version} (${questions} vragen, ${themes} thema's) sha256 ${sha256}`,
  formIsRelease: (id: string, version: string) => `bekende uitgave: dit is ${id} ${version} zoals uitgebracht`,
  formIsAltered: (id: string, version: string, released: string) =>
    `gewijzigde kopie van een uitgave: ${id} ${version} is uitgebracht met sha256 ${released}; breng wijzigingen uit als nieuwe versie (docs/authoring-definitions.md)`,
  formIsUnknown: (id: string, version: string) => `onbekend: ${id} ${version} is geen uitgave die deze quickscan kent (een concept of een nieuwere uitgave)`,
  formInvalidHeader: (file: string, count: number) => `ongeldig: ${file} (${count} ${count === 1 ? 'probleem' : 'problemen'})`,

  /* -------------------------------------------------------------------- score */
  scanHeading: (project: string, scan: string) => `${project || '(geen naam)'} – ${scan || '(geen naam)'}`,
  methodLine: (m: Method) =>
    m.source === 'release'
      ? `Methode: ${m.id} ${m.version} (uitgave, sha256 ${short(m.sha256)})`
      : m.source === 'loaded'
      ? `Methode: ${m.id} ${m.version} (niet ingebouwd: uitgegeven door ${m.publisher?.name ?? '?'}, sleutel ${m.publisher?.fingerprint ?? '?'}, sha256 ${short(m.sha256)})`
      : `Methode: ${m.id} ${m.version} (concept uit --form, sha256 ${short(m.sha256)}${m.draftStatus === 'release' ? ', gelijk aan de uitgave' : m.draftStatus === 'altered' ? ', een gewijzigde kopie van de uitgave' : ''})`,
  colTheme: 'Thema',
  colScore: 'Score',
  colPoints: 'Punten',
  themeNotApplicable: 'niet van toepassing',
  total: 'Totaal',
  label: 'Label',
  nextLabel: 'Volgend label',
  noLabel: 'geen',
  noLabels: 'deze methode heeft geen labels',
  topLabelReached: 'geen: het hoogste label is bereikt',
  missingOnTotal: (points: string) => `nog ${points} op het totaal`,
  themesBelow: (themes: string) => `thema's onder hun minimum: ${themes}`,
  themeBelow: (theme: string, has: string, needed: string) => `${theme} ${has} (minimaal ${needed})`,
  unanswered: 'Onbeantwoord',
  notApplicable: 'Niet van toepassing',
  extraCost: 'Extra kosten',
  costRange: (low: string, high: string, mid: string, gfa: string) => `${low} – ${high} (midden ${mid}) voor ${gfa} m² bvo`,
  circularBudget: 'Circulair budget',
  budgetPct: (budget: string, pct: string, construction: string) => `${budget} (${pct}% van het bouwbudget van ${construction})`,
  midWithinBudget: 'het midden valt erbinnen',
  midOverBudget: (over: string) => `het midden gaat er ${over} overheen`,
  ignoredAnswers: (ids: string) => `Genegeerd (beantwoord, maar niet van toepassing op dit soort project): ${ids}`,

  /* -------------------------------------------------------------------- optimize */
  costModeMid: 'Kosten: het midden van elke kostenbandbreedte (--prudent gebruikt de bovengrens)',
  costModeHigh: 'Kosten: de bovengrens van elke kostenbandbreedte (--prudent)',
  budget: 'Budget',
  budgetFromProject: 'het circulaire budget van het project',
  budgetFromOption: 'gegeven met --budget',
  budgetPctOf: (pct: string, construction: string, fromProject: boolean) =>
    `${pct}% van het bouwbudget van ${construction}${fromProject ? ', het circulaire budget van het project' : ', gegeven met --budget-pct'}`,
  budgetBoth: 'geef --budget of --budget-pct, niet allebei',
  lockedLine: (ids: string) => `Vergrendeld (houden hun huidige antwoord): ${ids}`,
  briefKeptLine: (ids: string) => `Gehouden zoals beantwoord, omdat een beter antwoord het programma verandert (minder vloeroppervlak, ruimte delen, behouden in plaats van bouwen): ${ids}; --allow-brief-changes neemt ze mee`,
  briefAllowedLine: (ids: string) => `Vragen die het programma veranderen meegenomen (--allow-brief-changes): ${ids}`,
  nowLine: (total: string, label: string, cost: string) => `Nu: totaal ${total}, label ${label}, extra kosten ${cost}`,
  bestHeading: (total: string, label: string, cost: string, low: string, high: string) =>
    `Beste binnen het budget: totaal ${total}, label ${label}, extra kosten ${cost} (${low} – ${high})`,
  bestNone: (budget: string) => `Beste binnen het budget: geen enkel plan past binnen ${budget} (vergrendelde of onvermijdelijke kosten zijn hoger)`,
  changesHeading: (n: number) => (n === 1 ? 'Wijziging ten opzichte van de huidige antwoorden (1):' : `Wijzigingen ten opzichte van de huidige antwoorden (${n}):`),
  noChanges: 'geen: de huidige antwoorden zijn het beste plan',
  answersHeading: 'Gekozen niveau per vraag (* = gewijzigd):',
  unansweredLevel: 'onbeantwoord',
  perLabelHeading: 'Goedkoopste plan per label:',
  targetHeading: (label: string) => `Goedkoopste plan voor ${label}:`,
  unknownTarget: (value: string, ids: readonly string[]) => `onbekend label ${quote(value)} voor --target; deze methode heeft: ${list(ids, 'geen labels')}`,
  colLabel: 'Label',
  colCost: 'Kosten',
  colTotal: 'Totaal',
  colChanges: 'Wijzigingen',
  colBudget: 'Budget',
  unreachable: 'niet haalbaar',
  withinBudget: 'binnen',
  overBudget: 'erboven',
  overBudgetBy: (over: string) => `${over} erboven`,
  overBudgetMark: '(boven budget)',
  bestMark: '← beste binnen het budget',
  frontierHeading: (size: number, shown: number) =>
    size === shown ? `Grens: ${size} plannen (kosten → totaal):` : `Grens: ${size} plannen (kosten → totaal), ${shown} getoond (--json geeft ze allemaal):`,
  upgradesHeading: (shown: number, total: number) =>
    total === 0
      ? 'Verbeteringen per euro: geen (elke vraag staat op het hoogste niveau, is vergrendeld of niet van toepassing)'
      : `Beste verbeteringen per euro (${shown} van ${total}):`,
  colQuestion: 'Vraag',
  colChange: 'Niveau',
  colGain: 'Winst',
  colPerThousand: 'Winst per € 1.000',
  free: 'gratis',

  /* -------------------------------------------------------------------- numbers */
  optionNotNumber: (option: string, raw: string) => `${option} ${quote(raw)} is geen getal`,
  optionNumberFormat: (option: string, raw: string) =>
    `${option} ${quote(raw)}: schrijf het getal zonder scheidingstekens voor duizendtallen en met hooguit 2 decimalen, bijv. 150000 of 2,5`,
  optionNegative: (option: string, raw: string) => `${option} ${quote(raw)} mag niet negatief zijn`,
  optionTooLarge: (option: string, raw: string) => `${option} ${quote(raw)} is te groot`,
  optionNotWhole: (option: string, raw: string) => `${option} ${quote(raw)} is geen geheel getal`,
  optionRange: (option: string, raw: string, min: number, max: number) => `${option} ${quote(raw)} moet tussen ${min} en ${max} liggen`,

  /* -------------------------------------------------------------------- verify */
  trustedKeysInvalid: (file: string) =>
    `${file}: geen lijst van vertrouwde sleutels (verwacht: [{ "publicKey": "<43 base64url-tekens>", "label": "…" }, …])`,
  verifyStatus: {
    valid: 'GELDIG',
    altered: 'GEWIJZIGD',
    'unknown-method': 'ONBEKENDE METHODE (scores niet herberekend)',
    'bad-signature': 'ONGELDIGE HANDTEKENING',
    'untrusted-signature': 'GELDIGE HANDTEKENING, SLEUTEL NIET VERTROUWD',
    unsigned: 'NIET ONDERTEKEND (een scanbestand, alleen herberekend)',
    unreadable: 'ONLEESBAAR',
  },
  phase: 'fase',
  issuedAt: (iso: string) => `uitgegeven ${iso}`,
  verifyUnreadable: (files: readonly string[]) => `${files.length === 1 ? 'het bestand kan' : 'de bestanden kunnen'} niet worden gelezen: ${files.join(', ')}`,

  /* -------------------------------------------------------------------- trust (verdicts, trust lists, keys, issue) */
  trust: {
    verdictSummary: (passed: number, indeterminate: number, failed: number) => `${passed} geslaagd, ${indeterminate} onbeslist, ${failed} afgekeurd`,
    trustListLoaded: (file: string, name: string, sequence: number, operator: string, fingerprint: string, entries: number) =>
      `vertrouwenslijst ${file}: „${name}” versie ${sequence} van ${operator} (sleutel van de beheerder ${fingerprint}), ${entries} ${entries === 1 ? 'vermelding' : 'vermeldingen'}`,
    trustListExpired: (file: string, until: string) => `${file}: deze vertrouwenslijst is verlopen op ${until}; ondertekenaars erop komen uit als onbeslist tot u een nieuwere versie laadt`,
    trustListNotYetIssued: (file: string, at: string) => `${file}: deze vertrouwenslijst zegt uitgegeven te zijn op ${at}, later dan nu: controleer de klok van de computer`,
    trustListProblem: {
      malformed: (file: string, detail: string) => `${file}: geen geldige vertrouwenslijst (${detail})`,
      'data-altered': (file: string) => `${file}: de vertrouwenslijst is na ondertekening gewijzigd (de inhoud past niet bij de hash); ze wordt niet gebruikt`,
      'signature-invalid': (file: string) => `${file}: de handtekening van de vertrouwenslijst is ongeldig: ze is niet ondertekend met de sleutel van de beheerder die erin staat; ze wordt niet gebruikt`,
      'operator-not-trusted': (file: string, fingerprint: string) => `${file}: de vertrouwenslijst is ondertekend met sleutel ${fingerprint}, niet de sleutel van de beheerder die u opgaf; ze wordt niet gebruikt`,
      'operator-revoked': (file: string, fingerprint: string) => `${file}: de sleutel ${fingerprint} van de beheerder van deze vertrouwenslijst is ingetrokken; de lijst wordt niet gebruikt`,
    },
    trustedKeysInvalid: (file: string) =>
      `${file}: geen lijst van vertrouwde sleutels (verwacht [{ "key": <publieke JWK>, "label": "…" }, …], een publiek sleutelbestand, of [{ "publicKey": "<43 base64url-tekens>", "label": "…" }])`,
    signerLine: (fingerprint: string) => `sleutel ondertekenaar ${fingerprint}`,
    shortForm: 'korte vorm',
    profileAuthorityUnconfirmed: (authority: string, fingerprint: string) =>
      `het eisenprofiel noemt „${authority}”, maar de sleutel ${fingerprint} is niet vertrouwd als aanbestedende dienst: niet bevestigd`,
    keyFileProblem: {
      'not-a-key-file': (file: string) => `${file}: geen QuickScan-sleutelbestand (maak er een met "quickscan key new")`,
      'unknown-key-type': (file: string) => `${file}: een sleutel van een soort die deze versie niet kan gebruiken (alleen ES256 / P-256 en EdDSA / Ed25519)`,
      'public-only': (file: string) => `${file}: een publiek sleutelbestand; ondertekenen vraagt het privé-sleutelbestand`,
      invalid: (file: string, detail: string) => `${file}: het sleutelbestand is beschadigd (${detail})`,
    },
    keyWritten: (file: string, fingerprint: string, alg: string) => `${file} geschreven: een nieuwe ${alg}-ondertekensleutel, vingerafdruk ${fingerprint}`,
    keyPublicWritten: (file: string) => `${file} geschreven: de publieke sleutel, voor wie hem moet vertrouwen`,
    keySecretWarning:
      'DIT BESTAND BEVAT EEN GEHEIME ONDERTEKENSLEUTEL: wie het heeft, kan revisies op uw naam ondertekenen. Bewaar het op een beveiligde schijf, voeg het nooit bij een inschrijving, mail het nooit.',
    outExists: (file: string) => `${file} bestaat al; kies een andere naam (een sleutelbestand wordt nooit overschreven)`,
    badAlg: (value: string) => `onbekende sleutelsoort ${quote(value)}: gebruik --alg ES256 (standaard) of --alg EdDSA`,
    keyTextTooLong: (option: string, max: number) => `${option} is te lang: hoogstens ${max} tekens (het komt in de sleutelbestanden)`,
    issueNeedsLayout: (layout: number) =>
      `deze versie kan nog geen PDF-pagina's maken voor een revisie van formaat 2 (opmaak ${layout}); schrijf de envelop met --out <bestand>.quickscan-issued.json, of gebruik een EdDSA-sleutel (formaat 1)`,
    issueWritten: (file: string, code: string) => `${file} geschreven: referentiecode ${code}`,
    badPhase: (value: string, phases: readonly string[]) => `onbekende fase ${quote(value)}; gebruik een van: ${phases.join(', ')}`,
    badAssessment: (value: string) => `onbekend soort beoordeling ${quote(value)}: gebruik --assessment self of --assessment independent`,
    downgradesWithoutReason: (questions: string) => `antwoorden verlaagd ten opzichte van de basis zonder reden (een nieuwe toelichting): ${questions}`,
    downgradesNotCheckable: 'of verlaagde antwoorden een reden hebben, kan niet worden nagegaan tegen de basis (de methode is onbekend of de gegevens zijn niet te scoren); niet uitgegeven',
    baselineNotUsable: (file: string) => `${file}: geen ongewijzigde, geldig ondertekende uitgegeven revisie; ze kan niet de basis zijn`,
    listWritten: (file: string, entries: number, revocations: number) => `${file} geschreven: ${entries} ${entries === 1 ? 'vermelding' : 'vermeldingen'}, ${revocations} ${revocations === 1 ? 'intrekking' : 'intrekkingen'} (ongetekend concept tot "quickscan trustlist sign")`,
    listSigned: (file: string, name: string, sequence: number, fingerprint: string) => `${file} geschreven: „${name}” versie ${sequence}, ondertekend met beheerderssleutel ${fingerprint}`,
    draftInvalid: (file: string, detail: string) => `${file}: geen concept van een vertrouwenslijst of vertrouwenslijst (${detail})`,
    keyAlreadyListed: (fingerprint: string) => `de sleutel ${fingerprint} staat al op de lijst`,
    badRole: (value: string, roles: readonly string[]) => `onbekende rol ${quote(value)}; gebruik een van: ${roles.join(', ')}`,
    badReason: (value: string, reasons: readonly string[]) => `onbekende reden ${quote(value)}; gebruik een van: ${reasons.join(', ')}`,
    badDate: (option: string, value: string) => `${option} ${quote(value)} is geen datum (JJJJ-MM-DD of een ISO-datum en -tijd)`,
    operatorKeyMismatch: (fingerprint: string) => `het sleutelbestand is niet de beheerderssleutel ${fingerprint} die de lijst noemt`,
    notAPublicKey: (file: string) => `${file}: geen publieke sleutel (een publiek of privé-sleutelbestand, of een JWK)`,
    statementWritten: (file: string, kind: string) => `${file} geschreven: een ondertekende verklaring (${kind})`,
  },

  /* -------------------------------------------------------------------- help */
  help: {
    formValidate: {
      usage: `quickscan form validate <definitie.json> ${COMMON_USAGE}`,
      summary: 'Een QuickScan-definitie controleren (alle regels) en zeggen of het een bekende uitgave is',
      description: [
        'Controleert de vorm en alle regels tussen velden (unieke id\'s, verwijzingen, kosten laag <= hoog, labels van laag naar hoog, hooguit 2 decimalen) en noemt elk probleem met zijn plaats, één per regel.',
        'Een geldig bestand wordt herkend aan zijn SHA-256 (van de canonieke JSON volgens RFC 8785): een bekende uitgave, een gewijzigde kopie van een uitgave, of onbekend (een concept of een nieuwere versie). Afsluitcode 2 als het bestand niet geldig is.',
      ],
      options: [],
      examples: ['quickscan form validate forms/definitions/zeeland-quickscan/1.0.0.json'],
    },
    formSchema: {
      usage: 'quickscan form schema',
      summary: 'Het JSON Schema (draft 2020-12) van een QuickScan-definitie tonen',
      description: [
        'Dezelfde tekst als forms/quickscan-definition.schema.json, voor editors en andere hulpmiddelen. De regels tussen velden staan niet in het schema: gebruik "quickscan form validate" voor de volledige controle.',
      ],
      options: [],
      examples: ['quickscan form schema > quickscan-definition.schema.json'],
    },
    score: {
      usage: `quickscan score <scanbestand> [--form <definitie.json>] ${COMMON_USAGE}`,
      summary: 'Een scanbestand scoren: thema\'s, totaal, label, wat het volgende label vraagt, extra kosten',
      description: [
        'Leest een scanbestand (*.quickscan.json, de export van de app; formaat: docs/contracts.md, docs/scan-file.schema.json) en scoort het met de uitgebrachte definitie die het noemt; de sha256 moet met die uitgave overeenkomen.',
        'Scores zijn exact en worden afgekapt op één decimaal getoond, zoals in de app. Kosten zijn in euro\'s voor het bruto vloeroppervlak van het project.',
      ],
      options: [['--form <definitie.json>', 'met deze (concept)definitie scoren in plaats van de uitgave die de scan noemt']],
      examples: ['quickscan score docs/examples/new-build-school-goes.quickscan.json', 'quickscan score scan.quickscan.json --json'],
    },
    optimize: {
      usage: `quickscan optimize <scanbestand> [--budget EUR | --budget-pct N] [--prudent] [--allow-brief-changes] [--target LABEL] [--top N] [--form <definitie.json>] ${COMMON_USAGE}`,
      summary: 'De beste antwoorden binnen het budget, het goedkoopste plan per label, de grens, de beste verbeteringen',
      description: [
        'Exacte optimalisatie (nooit gretig) over de vragen die van toepassing zijn; vragen die niet van toepassing zijn en de vergrendelde vragen van de scan houden hun antwoord, en ook de vragen waarvan de methode zegt dat ze het programma veranderen (minder vloeroppervlak, ruimte delen, behouden in plaats van bouwen), tenzij --allow-brief-changes is gegeven (zoals in het budgetscherm van de app).',
        'Het budget is het circulaire budget van het project, tenzij --budget of --budget-pct is gegeven. Kosten zijn het midden van de kostenbandbreedtes, of met --prudent de bovengrens.',
      ],
      options: [
        ['--budget EUR', 'het budget in euro\'s (bijv. 150000 of 150000,50), in plaats van dat van het project'],
        ['--budget-pct N', 'het budget als percentage (0-100) van het bouwbudget van het project'],
        ['--prudent', 'de bovengrens van elke kostenbandbreedte gebruiken, zodat het budget zeker volstaat'],
        ['--allow-brief-changes', 'ook de antwoorden aanpassen die het programma veranderen'],
        ['--target LABEL', 'alleen het goedkoopste plan voor dit label (id of naam, bijv. goud), met de wijzigingen'],
        ['--top N', 'hoeveel verbeteringen te tonen (standaard 10)'],
        ['--form <definitie.json>', 'deze (concept)definitie gebruiken in plaats van de uitgave die de scan noemt'],
      ],
      examples: [
        'quickscan optimize docs/examples/new-build-school-goes.quickscan.json',
        'quickscan optimize scan.quickscan.json --budget 150000 --prudent --target gold',
      ],
    },
    verify: {
      usage: `quickscan verify <bestanden...> [--trusted-keys <bestand>] [--trust-list <bestand>]... [--csv] ${COMMON_USAGE}`,
      summary: 'Uitgegeven QuickScan-PDF\'s en .quickscan-issued.json-bestanden offline controleren: geslaagd, onbeslist of afgekeurd',
      description: [
        'Controleert dat de gegevens ongewijzigd zijn (inhoudshash en referentiecode), de handtekening, dat de methode een bekende uitgave is (en berekent de scores opnieuw), bij een PDF dat de pagina\'s precies zijn wat de gegevens opleveren, en wie voor de ondertekenaar instaat.',
        'Elk bestand krijgt een oordeel: GESLAAGD (ongewijzigd, geldig ondertekend, en de ondertekenaar staat op uw vertrouwde sleutels of een geladen vertrouwenslijst), ONBESLIST (ongewijzigd en geldig ondertekend, maar niemand die u vertrouwt staat voor de ondertekenaar in, de vertrouwenslijst is verlopen, of de methode is onbekend) of AFGEKEURD (gewijzigd, ongeldig ondertekend, ingetrokken vóór uitgifte, of onleesbaar).',
        'Afsluitcode 0 als elk bestand geslaagd is, 1 als er één is afgekeurd, 3 als er geen is afgekeurd maar wel één onbeslist, 2 bij onjuiste invoer (een ontbrekend bestand, een slechte vertrouwenslijst of sleutellijst).',
      ],
      options: [
        ['--trusted-keys <bestand>', 'uw eigen lijst van vertrouwde publieke sleutels: [{ "key": <JWK>, "label": "…" }] of [{ "publicKey": "…", "label": "…" }], of een publiek sleutelbestand'],
        ['--trust-list <bestand>', 'een ondertekende vertrouwenslijst (*.quickscan-trustlist.json); mag vaker; de beheerder ervan geldt als door u gekozen'],
        ['--csv', 'één CSV-regel per bestand (oordeel, redenen, code, project, fase, ondertekenaar, bron van vertrouwen)'],
      ],
      examples: ['quickscan verify rapport.pdf', 'quickscan verify *.pdf --trust-list cbz.quickscan-trustlist.json --json', 'quickscan verify *.pdf --trusted-keys sleutels.json --csv > oordelen.csv'],
    },
  },
};

export const STRINGS: Readonly<Record<Lang, Strings>> = { nl, en };

/** The default language: Dutch when LANG starts with "nl", else English. */
export function defaultLang(env: Readonly<Record<string, string | undefined>>): Lang {
  return (env.LANG ?? '').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
