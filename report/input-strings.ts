/**
 * The words for what is wrong with an input, in Dutch and English: the field problems of every
 * file format (forms/input-problems.ts `FieldError`, forms/schema.ts `DefinitionError`), the
 * scan-input errors of the scoring (scoring/errors.ts `ScanInputError`) and the requirement
 * profile issues (scoring/profile.ts `ProfileIssue`). The pure layers return codes and values;
 * this is the ONE place that words them, used by the app, the command line, the verifier and the
 * PDF alike (as report/verdict-strings.ts is for findings). Terms as in docs/glossary.md.
 */
import type { ExpectedKind, FieldErrorParams, FieldProblem, IdKind, ValueKind } from '../forms/input-problems';
import type { ScanInputError } from '../scoring/errors';
import type { ProfileIssue } from '../scoring/profile';

export type InputLocale = 'nl' | 'en';

type Texts = Readonly<Record<InputLocale, string>>;
const pick = (locale: InputLocale, nl: string, en: string) => (locale === 'nl' ? nl : en);

/** A number as written in the locale: a decimal comma in Dutch (1,5), a point in English. */
const numberText = (v: number, locale: InputLocale) => (locale === 'nl' ? String(v).replace('.', ',') : String(v));

const EXPECTED: Record<string, Texts> = {
  text: { nl: 'een tekst', en: 'a text' },
  number: { nl: 'een getal', en: 'a number' },
  'whole-number': { nl: 'een geheel getal', en: 'a whole number' },
  boolean: { nl: 'true of false', en: 'true or false' },
  object: { nl: 'een object', en: 'an object' },
  list: { nl: 'een lijst', en: 'a list' },
};

const ID_KINDS: Record<IdKind, Texts> = {
  source: { nl: 'bron', en: 'source' },
  theme: { nl: 'thema', en: 'theme' },
  question: { nl: 'vraag', en: 'question' },
  label: { nl: 'label', en: 'label' },
  level: { nl: 'niveau', en: 'level' },
};

function expectedText(expected: ExpectedKind | undefined, locale: InputLocale): string {
  return (expected !== undefined && EXPECTED[expected]?.[locale]) || (expected ?? '?');
}

/** "the text "abc"", "the number 5", "nothing": what a field held. */
function receivedText(kind: ValueKind | undefined, value: FieldErrorParams['value'], locale: InputLocale): string {
  switch (kind) {
    case 'nothing':
      return pick(locale, 'niets', 'nothing (undefined)');
    case 'null':
      return 'null';
    case 'text':
      return value !== undefined ? pick(locale, `de tekst ${value}`, `the text ${value}`) : pick(locale, 'een tekst', 'a text');
    case 'number':
      return value !== undefined ? pick(locale, `het getal ${typeof value === 'number' ? numberText(value, 'nl') : value}`, `the number ${value}`) : pick(locale, 'een getal', 'a number');
    case 'boolean':
      return value !== undefined ? String(value) : 'true/false';
    case 'list':
      return pick(locale, 'een lijst', 'a list');
    case 'object':
      return pick(locale, 'een object', 'an object');
    default:
      return pick(locale, 'iets anders', 'something else');
  }
}

const list = (items: readonly string[] | undefined, locale: InputLocale, none: Texts) => (items && items.length > 0 ? items.join(', ') : none[locale]);
const NONE: Texts = { nl: 'geen', en: 'none' };
const NO_LABELS: Texts = { nl: 'geen labels', en: 'no labels' };

/** ", not the number 5" when the value is known; '' otherwise. */
function notValue(p: FieldErrorParams, locale: InputLocale): string {
  return p.received === undefined ? '' : pick(locale, `, niet ${receivedText(p.received, p.value, locale)}`, `, not ${receivedText(p.received, p.value, locale)}`);
}

/** What is wrong, without the place, e.g. "must be a whole number, not the number 1.5". */
export function fieldProblemText(problem: FieldProblem, locale: InputLocale): string {
  const p = problem.params ?? {};
  const n = (v: number | undefined) => (v === undefined ? '?' : numberText(v, locale));
  const q = (v: string | undefined) => JSON.stringify(v ?? '');
  switch (problem.code) {
    case 'not-json':
      return pick(locale, 'geen geldige JSON', 'not valid JSON');
    case 'unknown-field':
      return pick(locale, `onbekend veld ${q(p.field)}`, `unknown field ${q(p.field)}`);
    case 'required':
      return pick(locale, 'ontbreekt', 'is missing');
    case 'wrong-type':
      return pick(locale, `moet ${expectedText(p.expected, locale)} zijn${notValue(p, locale)}`, `must be ${expectedText(p.expected, locale)}${notValue(p, locale)}`);
    case 'invalid-value':
      return pick(locale, `moet ${(p.allowed ?? []).join(' of ')} zijn${notValue(p, locale)}`, `must be ${(p.allowed ?? []).join(' or ')}${notValue(p, locale)}`);
    case 'too-few':
      return p.minimum === 1
        ? pick(locale, 'heeft minstens één item nodig', 'needs at least 1 item')
        : pick(locale, `heeft minstens ${n(p.minimum)} items nodig`, `needs at least ${n(p.minimum)} items`);
    case 'too-many':
      return pick(locale, `heeft meer dan de toegestane ${n(p.maximum)} items`, `has more than the allowed ${n(p.maximum)} items`);
    case 'too-short':
      return pick(locale, `moet minstens ${n(p.minimum)} tekens lang zijn`, `must be at least ${n(p.minimum)} characters long`);
    case 'too-long':
      return pick(locale, `mag hoogstens ${n(p.maximum)} tekens lang zijn`, `must be at most ${n(p.maximum)} characters long`);
    case 'too-small':
      return p.inclusive === false
        ? pick(locale, `moet groter zijn dan ${n(p.minimum)}${notValue(p, locale)}`, `must be more than ${n(p.minimum)}${notValue(p, locale)}`)
        : pick(locale, `moet minstens ${n(p.minimum)} zijn${notValue(p, locale)}`, `must be at least ${n(p.minimum)}${notValue(p, locale)}`);
    case 'too-large':
      return p.inclusive === false
        ? pick(locale, `moet kleiner zijn dan ${n(p.maximum)}${notValue(p, locale)}`, `must be less than ${n(p.maximum)}${notValue(p, locale)}`)
        : pick(locale, `mag hoogstens ${n(p.maximum)} zijn${notValue(p, locale)}`, `must be at most ${n(p.maximum)}${notValue(p, locale)}`);
    case 'not-integer':
      return pick(locale, `moet een geheel getal zijn${notValue(p, locale)}`, `must be a whole number${notValue(p, locale)}`);
    case 'not-cents':
      return pick(locale, `mag hoogstens 2 decimalen hebben (hele centen)${notValue(p, locale)}`, `must have at most 2 decimals (whole cents)${notValue(p, locale)}`);
    case 'pattern':
      return pick(locale, `heeft niet de juiste vorm${notValue(p, locale)}`, `does not have the right form${notValue(p, locale)}`);
    case 'invalid':
      return pick(locale, `is ongeldig${notValue(p, locale)}`, `is not valid${notValue(p, locale)}`);
    case 'blank':
      return pick(locale, 'mag niet leeg zijn', 'must not be empty');
    case 'invalid-id':
      return pick(
        locale,
        'moet 1-64 letters, cijfers, "_" of "-" zijn, beginnend en eindigend met een letter of cijfer',
        'must be 1-64 letters, digits, "_" or "-", starting and ending with a letter or digit',
      );
    case 'invalid-definition-id':
      return pick(locale, 'moet kebab-case zijn: kleine letters en cijfers, gescheiden door "-"', 'must be kebab-case: lowercase letters and digits separated by "-"');
    case 'invalid-version':
      return pick(locale, `moet een semantische versie zijn zoals "1.0.0"${notValue(p, locale)}`, `must be a semantic version like "1.0.0"${notValue(p, locale)}`);
    case 'invalid-date':
      return pick(locale, `moet een bestaande datum zijn, geschreven als JJJJ-MM-DD${notValue(p, locale)}`, `must be a real date written YYYY-MM-DD${notValue(p, locale)}`);
    case 'invalid-datetime':
      return pick(locale, `moet een datum met tijd zijn (ISO 8601)${notValue(p, locale)}`, `must be a date and time (ISO 8601)${notValue(p, locale)}`);
    case 'invalid-url':
      return pick(locale, 'moet een http(s)-adres zijn', 'must be an http(s) address');
    case 'invalid-uuid':
      return pick(locale, 'moet een UUID zijn', 'must be a UUID');
    case 'invalid-sha256':
      return pick(locale, 'moet een SHA-256 zijn: 64 hexadecimale tekens in kleine letters', 'must be a SHA-256: 64 lowercase hex digits');
    case 'invalid-reference-code':
      return pick(locale, 'moet een referentiecode QS-XXXX-XXXX-XXXX zijn', 'must be a reference code QS-XXXX-XXXX-XXXX');
    case 'invalid-long-reference-code':
      return pick(locale, 'moet een lange referentiecode QS-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX zijn', 'must be a long reference code QS-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX');
    case 'invalid-signature':
      return pick(locale, 'moet een handtekening zijn: base64url van 64 bytes (86 tekens)', 'must be a signature: base64url of 64 bytes (86 characters)');
    case 'invalid-ed25519-key':
      return pick(locale, 'moet een publieke Ed25519-sleutel zijn: base64url van 32 bytes (43 tekens)', 'must be an Ed25519 public key: base64url of 32 bytes (43 characters)');
    case 'invalid-base64url-32':
      return pick(locale, 'moet base64url van 32 bytes zijn (43 tekens)', 'must be base64url of 32 bytes (43 characters)');
    case 'invalid-fingerprint':
      return pick(locale, 'moet een vingerafdruk XXXX-XXXX-XXXX-XXXX zijn', 'must be a key fingerprint XXXX-XXXX-XXXX-XXXX');
    case 'invalid-method-data':
      return pick(locale, 'moet base64url van een gecomprimeerd methodebestand zijn', 'must be base64url of a deflated method file');
    case 'duplicate-id': {
      const kind = p.kind ? ID_KINDS[p.kind][locale] : pick(locale, 'item', 'item');
      const at = `${p.field ?? ''}[${n(p.index)}]`;
      return pick(locale, `het ${kind}-id ${q(p.id)} komt twee keer voor (ook bij ${at})`, `duplicate ${kind} id ${q(p.id)} (also used at ${at})`);
    }
    case 'unknown-theme':
      return p.known === undefined
        ? pick(locale, `onbekend thema ${q(p.id)}`, `unknown theme ${q(p.id)}`)
        : pick(locale, `onbekend thema ${q(p.id)} (de thema's zijn: ${list(p.known, locale, NONE)})`, `unknown theme ${q(p.id)} (themes are: ${list(p.known, locale, NONE)})`);
    case 'unknown-source':
      return pick(locale, `onbekende bron ${q(p.id)}`, `unknown source ${q(p.id)}`);
    case 'unknown-label':
      return pick(
        locale,
        `onbekend label ${q(p.id)} (de methode heeft: ${list(p.known, locale, NO_LABELS)})`,
        `unknown label ${q(p.id)} (the method has: ${list(p.known, locale, NO_LABELS)})`,
      );
    case 'unknown-question':
      return pick(locale, `onbekende vraag ${q(p.id)}`, `unknown question ${q(p.id)}`);
    case 'unknown-level':
      return pick(
        locale,
        `vraag ${p.question ?? '?'} heeft geen niveau ${q(p.id)} (wel: ${list(p.known, locale, NONE)})`,
        `question ${p.question ?? '?'} has no level ${q(p.id)} (it has ${list(p.known, locale, NONE)})`,
      );
    case 'listed-twice':
      return pick(locale, `${String(p.value ?? '?')} staat er twee keer in`, `${String(p.value ?? '?')} is listed twice`);
    case 'duplicate-cost-override':
      return pick(locale, `twee kostenaanpassingen voor ${p.question ?? '?'} / ${p.level ?? '?'}`, `duplicate cost override for ${p.question ?? '?'} / ${p.level ?? '?'}`);
    case 'cost-low-above-high':
      return p.low === undefined || p.high === undefined
        ? pick(locale, 'de lage raming is hoger dan de hoge raming', 'the low estimate is higher than the high estimate')
        : pick(locale, `de lage raming (${n(p.low)}) is hoger dan de hoge (${n(p.high)})`, `cost low (${p.low}) is greater than high (${p.high})`);
    case 'same-points':
      return pick(
        locale,
        `alle niveaus hebben evenveel punten (${n(p.points)}); de vraag kan de antwoorden niet onderscheiden`,
        `all levels have the same points (${n(p.points)}); the question cannot tell answers apart`,
      );
    case 'theme-without-questions':
      return pick(locale, `thema ${q(p.id)} heeft geen vragen`, `theme ${q(p.id)} has no questions`);
    case 'labels-not-ascending':
      return pick(
        locale,
        `labels staan van laag naar hoog: minTotal ${String(p.value ?? '?')} is niet hoger dan ${n(p.below)} van labels[${n(p.index)}]`,
        `labels must be listed from lowest to highest: minTotal ${String(p.value ?? '?')} is not above ${n(p.below)} of labels[${n(p.index)}]`,
      );
    case 'labels-not-nested': {
      const lower = `labels[${n(p.index)}]${p.otherId ? ` ${q(p.otherId)}` : ''}`;
      return pick(
        locale,
        `labels moeten op elkaar aansluiten: het minimum op thema ${q(p.theme)} is ${String(p.value ?? '?')}, lager dan ${n(p.below)} van ${lower} (een hoger label mag op geen enkel thema makkelijker zijn)`,
        `labels must nest: the minimum on theme ${q(p.theme)} is ${String(p.value ?? '?')}, below ${n(p.below)} of ${lower} (a higher label can never be easier on any theme)`,
      );
    }
    case 'answer-too-large':
      return pick(
        locale,
        `een antwoord heeft hoogstens een toelichting van ${n(p.maxText)} tekens en ${n(p.maxEvidence)} bewijsbestanden`,
        `an answer has at most a note of ${n(p.maxText)} characters and ${n(p.maxEvidence)} evidence files`,
      );
    case 'not-after':
      return pick(locale, `moet na ${p.after ?? '?'} liggen`, `must come after ${p.after ?? '?'}`);
    case 'not-on-curve':
      return pick(locale, 'x en y zijn geen punt op de P-256-curve', 'x and y are not a point on the P-256 curve');
    case 'unusable-key':
      return pick(locale, 'x is geen bruikbare publieke Ed25519-sleutel', 'x is not a usable Ed25519 public key');
    case 'not-a-public-key':
      return pick(locale, 'is geen publieke sleutel', 'is not a public key');
    case 'key-mismatch':
      return pick(locale, 'de publieke sleutel hoort niet bij de privésleutel', 'the public key does not belong to the private key');
    case 'fingerprint-mismatch':
      return pick(locale, 'de vingerafdruk hoort niet bij de sleutel', 'the fingerprint does not belong to the key');
    case 'same-key':
      return pick(locale, 'de nieuwe sleutel moet verschillen van de oude', 'the new key must differ from the old key');
    case 'countersignature-missing':
      return pick(locale, 'een sleutelwissel heeft de medeondertekening van de nieuwe sleutel nodig', 'a rotation needs the countersignature of the new key');
    case 'countersignature-unexpected':
      return pick(locale, 'alleen een sleutelwissel heeft een medeondertekening', 'only a rotation has a countersignature');
  }
}

/** The place of a problem: its path, or a word for the whole file when the path is empty. */
function placed(path: string, text: string, whole: Texts, locale: InputLocale): string {
  return `${path || whole[locale]}: ${text}`;
}

const FILE: Texts = { nl: 'bestand', en: 'file' };
const DEFINITION: Texts = { nl: 'methode', en: 'method' };

/** One problem of a file, naming its place: `scan.project.gfaM2: must be a number, not the text "x"`. */
export function fieldErrorText(error: FieldProblem & { path: string }, locale: InputLocale, whole: Texts = FILE): string {
  return placed(error.path, fieldProblemText(error, locale), whole, locale);
}

/** The first few problems, joined with "; ", with "(+N)" for the rest. */
export function fieldErrorsText(errors: readonly (FieldProblem & { path: string })[], locale: InputLocale, shown = 3): string {
  const head = errors.slice(0, shown).map((e) => fieldErrorText(e, locale));
  return head.join('; ') + (errors.length > shown ? ` (+${errors.length - shown})` : '');
}

/** One problem of a QuickScan definition (method), naming its place: `questions[3] "C2".levels[4] "l4".cost: …`. */
export function definitionErrorText(error: FieldProblem & { path: string }, locale: InputLocale): string {
  return fieldErrorText(error, locale, DEFINITION);
}

function sourceText(error: ScanInputError, locale: InputLocale): string {
  switch (error.values.source) {
    case 'cost-override':
      return pick(locale, 'een kostenaanpassing noemt ', 'a cost override names ');
    case 'plan':
      return pick(locale, 'het plan noemt ', 'the plan names ');
    default:
      return pick(locale, 'de scan beantwoordt ', 'the scan answers ');
  }
}

/** Why a scan's input does not fit its method, in words (scoring/errors.ts codes). */
export function scanInputErrorText(error: ScanInputError, locale: InputLocale): string {
  const v = error.values;
  const q = JSON.stringify(v.question ?? '');
  const l = JSON.stringify(v.level ?? '');
  const value = v.value === undefined ? '?' : typeof v.value === 'number' ? String(v.value) : JSON.stringify(v.value.length > 40 ? `${v.value.slice(0, 40)}…` : v.value);
  switch (error.code) {
    case 'unknown-question':
      return pick(locale, `${sourceText(error, locale)}vraag ${q}, die deze versie van de methode niet heeft`, `${sourceText(error, locale)}question ${q}, which this version of the method does not have`);
    case 'unknown-level':
      if (v.level === undefined) return pick(locale, `het antwoord op vraag ${q} moet een niveau of "niet van toepassing" zijn`, `the answer to question ${q} must be a level or "not applicable"`);
      return pick(
        locale,
        `vraag ${q} heeft geen niveau ${l}${v.known ? ` (wel: ${v.known.join(', ')})` : ''}`,
        `question ${q} has no level ${l}${v.known ? ` (it has ${v.known.join(', ')})` : ''}`,
      );
    case 'not-applicable-not-allowed':
      return pick(locale, `vraag ${q} mag niet als niet van toepassing worden gemarkeerd`, `question ${q} may not be marked not applicable`);
    case 'duplicate-cost-override':
      return pick(locale, `er zijn twee kostenaanpassingen voor ${v.question ?? '?'} / ${v.level ?? '?'}`, `there are two cost overrides for ${v.question ?? '?'} / ${v.level ?? '?'}`);
    case 'invalid-cost-override':
      return pick(
        locale,
        `de kostenaanpassing voor ${v.question ?? '?'} / ${v.level ?? '?'} heeft een grondslag en eindige bedragen nodig, de lage raming niet boven de hoge`,
        `the cost override for ${v.question ?? '?'} / ${v.level ?? '?'} needs a basis and finite amounts with low <= high`,
      );
    case 'unknown-locked-question':
      return pick(locale, `vergrendelde vraag ${q} bestaat niet in deze versie van de methode`, `locked question ${q} does not exist in this version of the method`);
    case 'invalid-project':
      return v.field === 'gfa'
        ? pick(locale, `het bruto vloeroppervlak moet een getal groter dan 0 m² zijn, niet ${value}`, `the gross floor area must be a number > 0 m², not ${value}`)
        : pick(locale, `onbekende soort project ${value}`, `unknown project kind ${value}`);
    case 'invalid-budget':
      switch (v.field) {
        case 'circular-budget':
          return pick(locale, `het budget moet een bedrag van 0 of meer zijn, niet ${value}`, `the budget must be an amount of 0 or more, not ${value}`);
        case 'budget-cents':
          return pick(locale, `het budget moet een geheel aantal centen zijn, niet ${value}`, `the budget must be a whole number of cents, not ${value}`);
        case 'no-budget':
          return pick(locale, 'er is geen budget: geef het project een budget voor circulaire maatregelen', 'there is no budget: give the project a budget for circular measures');
        default:
          return pick(locale, 'het percentage van het budget en het bouwbudget mogen niet negatief zijn', 'the budget percentage and the construction budget must not be negative');
      }
    case 'out-of-range':
      return pick(locale, 'de geraamde kosten zijn te groot om exact in centen te rekenen', 'the estimated costs are too large to compute exactly in cents');
  }
}

/** What in a requirement profile does not fit the method, naming the place: `mustHaves[1].minLevel: …`. */
export function profileIssueText(issue: ProfileIssue, locale: InputLocale): string {
  return `${issue.path}: ${fieldProblemText(issue, locale)}`;
}

/** The first few profile issues, joined with "; ", with "(+N)" for the rest. */
export function profileIssuesText(issues: readonly ProfileIssue[], locale: InputLocale, shown = 3): string {
  return issues.slice(0, shown).map((i) => profileIssueText(i, locale)).join('; ') + (issues.length > shown ? ` (+${issues.length - shown})` : '');
}

/** The first problem of a method file check (scoring/method-file.ts): a definition rule or a field of the file. */
export function methodFileProblemText(
  check: { definitionErrors?: readonly (FieldProblem & { path: string })[]; errors?: readonly (FieldProblem & { path: string })[] },
  locale: InputLocale,
): string | undefined {
  const rule = check.definitionErrors?.[0];
  if (rule) return definitionErrorText(rule, locale);
  const field = check.errors?.[0];
  return field ? fieldErrorText(field, locale) : undefined;
}
