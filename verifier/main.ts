/**
 * The standalone verifier (scripts/build-verifier.mjs makes one HTML file of it): drop issued
 * PDFs, envelope files, evidence dossiers and the keys or trust lists you trust; every file is
 * checked with report/verify.ts, the same code the app and the command line use, here in the
 * browser, with nothing sent anywhere. Dutch and English; the results as CSV.
 *
 * Plain DOM code: no framework, every text set with textContent (file names and contents come
 * from other people).
 */
import { verifyFile, type VerifyResult } from '../report/verify';
import { formatScore } from '../report/format';
import { formatDate, translate, type Locale, type MessageKey, type MessageParams } from '../renderer/i18n';
import { ISSUE_PHASES } from '../scoring/issued';
import { csvText } from '../scoring/csv';
import { pairDossiers, verifyDossier, type VerifiedDossier } from '../report/dossier';
import { VERDICT_HEADLINES, VERDICT_NAMES } from '../report/verdict-strings';
import { statementConfirmation, statementRowText } from '../renderer/issue/key-statement-text';
import { verifyStatusKey } from '../renderer/components/verify-status';
import { classifyInput, resultRow, RESULT_COLUMNS, trustState, verdictOf, type TrustInput } from './model';

declare const __APP_VERSION__: string;

interface Item {
  id: number;
  name: string;
  bytes: Uint8Array;
  result: VerifyResult | null;
}

interface Dossier {
  fileName: string;
  bytes: Uint8Array;
}

interface Note {
  key: MessageKey;
  params?: MessageParams;
}

const state: {
  locale: Locale;
  items: Item[];
  dossiers: Dossier[];
  trust: TrustInput[];
  /** Key rotations dropped and not yet confirmed (they count only once confirmed); the first is asked. */
  pending: TrustInput[];
  /** The last change of what is trusted, said in the trust panel's status line. */
  trustNote: Note | null;
  problems: { name: string; key: MessageKey; params?: MessageParams }[];
  busy: number;
} = {
  locale: location.hash === '#en' ? 'en' : 'nl',
  items: [],
  dossiers: [],
  trust: [],
  pending: [],
  trustNote: null,
  problems: [],
  busy: 0,
};
/** Set when a confirmation appears: the next render focuses it. */
let focusConfirm = false;
let seq = 0;
/** Bumped on every change of what is trusted: results of an older round are dropped. */
let round = 0;

const t = (key: MessageKey, params?: MessageParams) => translate(state.locale, key, params);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'className') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

async function verifyAll(items: readonly Item[]): Promise<void> {
  const mine = round;
  const options = trustState(state.trust).options;
  for (const item of items) {
    state.busy++;
    render();
    const result = await verifyFile(item.bytes, item.name, options);
    state.busy--;
    if (mine !== round) return;
    item.result = result;
    render();
  }
}

async function addFiles(files: readonly File[]): Promise<void> {
  const added: Item[] = [];
  let trustChanged = false;
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const input = classifyInput(file.name, bytes, state.locale);
    const statement = input.kind === 'trust' || input.kind === 'confirm' ? input.trust.statement : undefined;
    if (statement && [...state.trust, ...state.pending].some((x) => x.statement?.contentHash === statement.contentHash)) {
      state.trustNote = { key: 'keyStatements.already' };
    } else if (input.kind === 'confirm') {
      state.pending.push(input.trust);
      focusConfirm = true;
    } else if (input.kind === 'trust') {
      state.trust.push(input.trust);
      trustChanged = true;
      if (statement?.kind === 'key-revocation') state.trustNote = { key: 'keyStatements.applied.revocation', params: { fingerprint: statement.fingerprint, date: formatDate(state.locale, statement.content.revokedAt) } };
    } else if (input.kind === 'dossier') {
      state.dossiers.push({ fileName: file.name, bytes });
    } else if (input.kind === 'problem') {
      state.problems.push({ name: file.name, key: input.key, ...(input.params ? { params: input.params } : {}) });
    } else {
      const item = { id: ++seq, name: file.name, bytes, result: null };
      state.items.push(item);
      added.push(item);
    }
  }
  render();
  if (trustChanged) await reverify();
  else await verifyAll(added);
}

/** What is trusted changed: every file is checked again. */
async function reverify(): Promise<void> {
  round++;
  for (const item of state.items) item.result = null;
  state.busy = 0;
  await verifyAll(state.items);
}

/** Each dossier checked against the file it belongs to (paired by the revision's content hash). */
function dossiersOf(): Map<Item, VerifiedDossier> {
  const checked = new Map<Item, VerifiedDossier>();
  for (const [item, d] of pairDossiers(state.items, state.dossiers)) checked.set(item, verifyDossier(item.result!, d.fileName, d.bytes));
  return checked;
}

function downloadCsv(): void {
  const done = state.items.filter((i) => i.result);
  const dossiers = dossiersOf();
  const rows = [RESULT_COLUMNS.map((c) => t(`verifier.csv.${c}`)), ...done.map((i) => resultRow(i.name, i.result!, state.locale, dossiers.get(i)))];
  const blob = new Blob([csvText(rows, state.locale)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: t('verifier.csvFileName') });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function phaseName(phase: string): string {
  return (ISSUE_PHASES as readonly string[]).includes(phase) ? t(`phase.${phase}` as MessageKey) : phase;
}

function resultCells(result: VerifyResult, dossier: VerifiedDossier | undefined): HTMLElement[] {
  const L = state.locale;
  const verdict = verdictOf(result);
  const status = el(
    'td',
    {},
    verdict ? el('span', { className: `status-badge status-${verdict}`, text: VERDICT_NAMES[verdict][L] }) : null,
    verdict ? el('span', { className: 'status-detail', text: VERDICT_HEADLINES[verdict][L] }) : null,
    el('span', { className: verdict ? 'muted status-detail' : `status-badge status-${result.status}`, text: t(verifyStatusKey(result)) }),
  );
  if (dossier) {
    const complete = dossier.check.ok && dossier.check.revisionMatches && dossier.counts.supplied === dossier.counts.named;
    status.append(el('div', { className: `dossier ${complete ? 'ok' : 'warn'}`, 'data-dossier': complete ? 'complete' : 'incomplete', text: dossier.messages[0]?.[L] ?? '' }));
  }
  const details = el(
    'details',
    { className: 'details' },
    el('summary', { text: t('verify.details') }),
    el('ul', {}, ...[...result.messages, ...(dossier?.messages.slice(1) ?? [])].map((m) => el('li', { text: m[L] }))),
    result.contentHash ? el('p', { className: 'hash', text: `SHA-256 ${result.contentHash}${result.method ? ` · ${result.method.title?.[L] ?? result.method.id} ${result.method.version}` : ''}` }) : null,
  );
  status.append(details);
  const phase = el('td', {}, result.phase ? phaseName(result.phase) : '–', result.issuedAt ? el('div', { className: 'muted', text: formatDate(L, result.issuedAt) }) : null);
  const assessor = el(
    'td',
    {},
    ...(result.assessor
      ? [
          `${result.assessor.name}${result.assessor.organisation ? `, ${result.assessor.organisation}` : ''}`,
          el(
            'div',
            { className: 'muted' },
            `${t(`assessment.${result.assessor.assessmentType}`)} · ${result.assessor.fingerprint}${result.trustedKeyLabel ? ` · ${t('verify.trustedAs', { label: result.trustedKeyLabel })}` : ''}`,
          ),
        ]
      : ['–']),
  );
  const score = el(
    'td',
    {},
    ...(result.score ? [el('strong', { text: result.score.total === null ? '–' : formatScore(result.score.total, L) }), ` ${result.score.label ? result.score.label.name[L] : t('label.none')}`] : ['–']),
  );
  return [status, el('td', { className: 'reference', text: result.referenceCode ?? '–' }), el('td', { text: result.projectName ?? '–' }), phase, assessor, score];
}

const date = (iso: string) => formatDate(state.locale, iso);

/**
 * The confirmation of a dropped key rotation (the texts and the rule of the app's Settings →
 * Trust, renderer/issue/key-statement-text.ts): old and new fingerprint, holder, date and how the
 * old key is trusted now. Only a confirmed rotation counts.
 */
function statementConfirm(pending: TrustInput): HTMLElement {
  const c = statementConfirmation(t, pending.statement!, trustState(state.trust).options.anchors, date);
  const confirm = el('button', { type: 'button', className: 'button primary', id: 'statement-confirm-yes', text: c.confirmLabel });
  const cancel = el('button', { type: 'button', className: 'button', id: 'statement-confirm-no', text: c.cancelLabel });
  confirm.addEventListener('click', () => {
    const st = pending.statement!;
    state.pending.shift();
    state.trust.push(pending);
    if (st.kind === 'key-rotation') state.trustNote = { key: 'keyStatements.applied.rotation', params: { old: st.oldFingerprint, new: st.newFingerprint, date: date(st.content.effectiveAt) } };
    focusConfirm = true;
    render();
    void reverify();
  });
  cancel.addEventListener('click', () => {
    state.pending.shift();
    state.trustNote = { key: 'keyStatements.cancelled' };
    focusConfirm = true;
    render();
  });
  return el(
    'div',
    { className: 'notice warn trust-confirm', id: 'statement-confirm', role: 'alertdialog', 'aria-labelledby': 'statement-confirm-title', 'aria-describedby': 'statement-confirm-body', tabindex: '-1', 'data-file': pending.fileName },
    el('h3', { id: 'statement-confirm-title', text: c.title }),
    el('p', { id: 'statement-confirm-body', text: c.intro }),
    el(
      'ul',
      { className: 'plain-list trust-items' },
      el(
        'li',
        { className: 'trust-item', 'data-fingerprint': c.fingerprint },
        el('strong', { text: c.label }),
        el('br'),
        `${t('trust.fingerprint')}: `,
        el('code', { className: 'fingerprint', text: c.fingerprint }),
        ...c.details.flatMap((d) => [el('br'), d.strong ? el('strong', { className: 'small', text: d.text }) : el('span', { className: 'small', text: d.text })]),
      ),
    ),
    el('div', { className: 'actions' }, confirm, cancel),
  );
}

function render(): void {
  document.documentElement.lang = state.locale;
  document.title = t('verifier.title');
  const app = document.getElementById('app')!;
  const focused = document.activeElement?.id;

  const input = el('input', { type: 'file', id: 'files', multiple: '', accept: '.pdf,.json,.zip,application/pdf,application/json,application/zip', className: 'visually-hidden' });
  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    void addFiles(files);
  });
  const drop = el('div', { className: 'drop', id: 'drop' }, el('p', { text: t('verifier.drop') }), el('label', { for: 'files', className: 'button primary', text: t('verify.choose') }), input);
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    void addFiles(Array.from(e.dataTransfer?.files ?? []));
  });

  const langs = el(
    'div',
    { className: 'langs', role: 'group', 'aria-label': t('verifier.language') },
    ...(['nl', 'en'] as const).map((l) => {
      const b = el('button', { type: 'button', id: `lang-${l}`, className: 'button', 'aria-pressed': String(state.locale === l), lang: l, text: l === 'nl' ? 'Nederlands' : 'English' });
      b.addEventListener('click', () => {
        state.locale = l;
        history.replaceState(null, '', l === 'en' ? '#en' : '#');
        render();
      });
      return b;
    }),
  );

  const unusable = trustState(state.trust).unusable;
  const trust = el(
    'section',
    { className: 'panel', 'aria-labelledby': 'trust-title' },
    el('h2', { id: 'trust-title', text: t('verifier.trust.title') }),
    el('p', { className: 'muted', text: t('verifier.trust.explain') }),
    el('p', { id: 'trust-status', role: 'status', className: 'trust-status', text: state.trustNote ? t(state.trustNote.key, state.trustNote.params) : '' }),
    state.pending[0] ? statementConfirm(state.pending[0]) : null,
    state.trust.length === 0
      ? el('p', { className: 'notice', text: t('verifier.trust.none') })
      : el(
          'ul',
          { className: 'trust-list' },
          ...state.trust.map((x, i) => {
            const remove = el('button', { type: 'button', className: 'button small', text: t('verifier.trust.remove'), 'aria-label': t('verifier.trust.removeNamed', { name: x.fileName }) });
            remove.addEventListener('click', () => {
              state.trust.splice(i, 1);
              state.trustNote = null;
              render();
              void reverify();
            });
            return el(
              'li',
              {},
              el('strong', { text: x.fileName }),
              ' ',
              el('span', {
                className: 'muted',
                text: x.list
                  ? t('verifier.trust.list', { name: x.list.content.name, sequence: x.list.content.sequence, operator: x.list.content.operator.name, fingerprint: x.list.operatorFingerprint, entries: x.list.content.entries.length })
                  : x.statement
                    ? `${statementRowText(t, x.statement, date)}${x.statement.kind === 'key-rotation' ? ` · ${t('verifierStatements.confirmed')}` : ''}`
                    : x.keys.map((k) => `${k.label} (${k.fingerprint})`).join('; '),
              }),
              unusable.includes(x) ? el('span', { className: 'notice warn small', text: t('verifierStatements.listOperatorRevoked') }) : null,
              ' ',
              remove,
            );
          }),
        ),
  );

  const done = state.items.filter((i) => i.result);
  const dossiers = dossiersOf();
  const unpaired = state.dossiers.filter((d) => ![...dossiers.values()].some((v) => v.fileName === d.fileName));
  // with verdicts (scoring/verdict.ts) passed counts; before them, the status `valid`
  const passed = (r: VerifyResult) => (verdictOf(r) ? verdictOf(r) === 'passed' : r.status === 'valid');
  const counts = { passed: done.filter((i) => passed(i.result!)).length, notValid: done.filter((i) => !passed(i.result!)).length };
  const csv = el('button', { type: 'button', id: 'csv', className: 'button', text: t('verifier.csv') });
  csv.addEventListener('click', downloadCsv);
  if (done.length === 0) csv.setAttribute('disabled', '');
  const clear = el('button', { type: 'button', id: 'clear', className: 'button', text: t('verifier.clear') });
  clear.addEventListener('click', () => {
    round++;
    state.items = [];
    state.dossiers = [];
    state.problems = [];
    state.busy = 0;
    render();
  });

  const results = el(
    'section',
    { className: 'panel', 'aria-labelledby': 'results-title' },
    el('h2', { id: 'results-title', text: t('verify.results') }),
    el('p', { id: 'summary', role: 'status', 'aria-live': 'polite', text: state.busy > 0 ? t('verify.checking') : state.items.length === 0 ? t('verifier.noFiles') : t('verifier.summary', { count: done.length, valid: counts.passed, notValid: counts.notValid }) }),
    ...state.problems.map((p) => el('p', { className: 'notice warn', text: p.params ? t(p.key, p.params) : `${p.name}: ${t(p.key)}` })),
    ...(state.busy > 0 ? [] : unpaired.map((d) => el('p', { className: 'notice warn', text: t('verifier.dossierUnpaired', { name: d.fileName }) }))),
    state.items.length === 0
      ? null
      : el(
          'div',
          { className: 'table-wrap' },
          el(
            'table',
            { id: 'results' },
            el('caption', { className: 'visually-hidden', text: t('verify.results') }),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                ...(['verify.col.file', 'verify.col.status', 'verify.col.reference', 'verify.col.project', 'project.phase', 'verify.col.assessor', 'verify.col.score'] as const).map((k) => el('th', { scope: 'col', text: t(k) })),
              ),
            ),
            el(
              'tbody',
              {},
              ...state.items.map((item) =>
                el(
                  'tr',
                  { 'data-status': item.result?.status ?? 'pending', 'data-verdict': item.result ? (verdictOf(item.result) ?? undefined) : undefined, 'data-file': item.name },
                  el('th', { scope: 'row', className: 'file', text: item.name }),
                  ...(item.result ? resultCells(item.result, dossiers.get(item)) : [el('td', { colspan: '6', 'aria-busy': 'true', text: t('verify.checking') })]),
                ),
              ),
            ),
          ),
        ),
    el('div', { className: 'actions' }, csv, clear),
  );

  const about = el(
    'section',
    { className: 'panel', 'aria-labelledby': 'about-title' },
    el('h2', { id: 'about-title', text: t('verifier.about.title') }),
    el('p', { text: t('verifier.about.offline') }),
    el('p', { text: t('verifier.about.hash') }),
    el('ul', {}, el('li', {}, el('code', { text: 'certutil -hashfile quickscan-verifier.html SHA256' }), ` (Windows)`), el('li', {}, el('code', { text: 'shasum -a 256 quickscan-verifier.html' }), ' (macOS)'), el('li', {}, el('code', { text: 'sha256sum quickscan-verifier.html' }), ' (Linux)')),
    el('p', { className: 'muted', text: t('verifier.about.version', { version: __APP_VERSION__ }) }),
  );

  app.replaceChildren(
    el('header', { className: 'top' }, el('div', {}, el('h1', { text: t('verifier.title') }), el('p', { className: 'muted', text: t('verifier.tagline') })), langs),
    el('main', { id: 'main' }, el('section', { className: 'panel', 'aria-labelledby': 'drop-title' }, el('h2', { id: 'drop-title', text: t('verifier.files') }), el('p', { text: t('verifier.explain') }), drop), trust, results, about),
  );
  if (focusConfirm && state.pending.length > 0) document.getElementById('statement-confirm')?.focus();
  else if (focused) document.getElementById(focused)?.focus();
  focusConfirm = false;
  document.documentElement.dataset.verifierState = state.busy > 0 ? 'busy' : 'ready';
}

// A file dropped next to the drop zone must not replace this page.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());
render();
