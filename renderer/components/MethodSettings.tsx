/**
 * Settings → Methoden: the built-in releases and the methods loaded from signed method files
 * (publisher, version, release date, key fingerprint, whether the publisher is trusted); load a
 * method file; read a method workbook (.xlsx) and save it as a definition; compare two methods.
 * A method file opened from the desktop (double-click, "Open with") is shown for confirmation
 * here before it is loaded (renderer/app/opened-files.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import { registerOpenedFileHandler } from '../app/opened-files';
import { verifyMethodFile, type MethodFileCheck } from '../../scoring/method-file';
import { diffDefinitions, type MethodChange } from '../../forms/diff';
import type { WorkbookError } from '../../forms/workbook';
import { formatDate, type Locale } from '../i18n';
import type { MessageKey, MessageParams } from '../i18n';
import { platform } from '../platform';
import { definitionErrorText } from '../../report/input-strings';
import { availableMethods, importMethodFile, publisherTrusted, type AvailableMethod } from '../scan/loaded-methods';
import { useLocale, useT, useUi } from '../state/store';
import { jsonOfBytes } from '../../scoring/json-bytes';

type Row = AvailableMethod;

/** A method file the operating system handed to the app, waiting for the user's confirmation. */
interface OpenedMethod {
  name: string;
  data: Uint8Array;
  check: MethodFileCheck | { ok: false; problem: 'not-json' };
}
export const useOpenedMethod = create<{ pending: OpenedMethod | null; set(pending: OpenedMethod | null): void }>((set) => ({ pending: null, set: (pending) => set({ pending }) }));

/** Checks an opened method file (nothing is kept yet) and puts it up for confirmation. */
export function offerOpenedMethodFile(file: { name: string; data: Uint8Array }): void {
  const json = jsonOfBytes(file.data);
  const check: OpenedMethod['check'] = json.ok ? verifyMethodFile(json.value) : { ok: false, problem: 'not-json' };
  useOpenedMethod.getState().set({ name: file.name, data: file.data, check });
}

// registered once, when Settings (this module) loads; the app has navigated to Settings by then
registerOpenedFileHandler('method', offerOpenedMethodFile);
const allMethods = availableMethods;

type T = (key: MessageKey, params?: MessageParams) => string;

export function changeText(t: T, c: MethodChange): string {
  const p: MessageParams = {};
  for (const [k, v] of Object.entries(c)) {
    if (k === 'kind') continue;
    if (Array.isArray(v)) p[k] = v.join(', ');
    else if (typeof v === 'object' && v !== null) {
      const cost = v as { low: number; high: number; basis: string };
      p[k] = cost.low === cost.high ? `€ ${cost.low}` : `€ ${cost.low}–${cost.high}`;
    } else p[k] = String(v);
  }
  if (c.kind === 'method-text') p.field = t(`methods.field.${c.field}` as MessageKey);
  if (c.kind === 'question-not-applicable' || c.kind === 'question-changes-brief') p.to = t(c.to ? 'methods.yes' : 'methods.no');
  return t(`methods.change.${c.kind}` as MessageKey, p);
}

function workbookErrorText(t: T, locale: Locale, e: WorkbookError): string {
  const place = [e.sheet, e.row !== undefined ? t('methods.row', { row: e.row }) : '', e.column !== undefined ? t('methods.column', { column: e.column, header: e.header ?? '' }) : ''].filter(Boolean).join(', ');
  const what = e.code === 'definition-rule' ? (e.problem ? definitionErrorText({ path: e.definitionPath ?? '', ...e.problem }, locale) : '') : t(`methods.workbook.${e.code}` as MessageKey, { value: e.value ?? '' });
  return `${place}: ${what}`;
}

export function MethodSettings() {
  const t = useT();
  const locale: Locale = useLocale();
  const announce = useUi((s) => s.announce);
  const [rows, setRows] = useState<Row[]>(allMethods);
  const [trusted, setTrusted] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  const [workbookErrors, setWorkbookErrors] = useState<string[]>([]);
  const [from, setFrom] = useState(rows[0]?.key ?? '');
  const [to, setTo] = useState(rows.at(-1)?.key ?? '');

  useEffect(() => {
    let current = true;
    void Promise.all(rows.filter((r) => r.loaded).map(async (r) => [r.key, await publisherTrusted(r.loaded!.file)] as const)).then((pairs) => current && setTrusted(Object.fromEntries(pairs)));
    return () => {
      current = false;
    };
  }, [rows]);

  const opened = useOpenedMethod((s) => s.pending);

  async function loadMethodFile() {
    setError(null);
    const [file] = await platform.openFiles({ filters: [{ name: t('methods.fileFilter'), extensions: ['json'] }], multiple: false });
    if (!file) return;
    await loadMethodBytes(file);
  }

  async function loadMethodBytes(file: { name: string; data: Uint8Array }) {
    setError(null);
    const result = await importMethodFile(file.data);
    if (!result.ok) {
      setError(t('methods.importFailed', { name: file.name, reason: t(`methods.problem.${result.problem}` as MessageKey) + (result.rule ? ` (${definitionErrorText(result.rule, locale)})` : '') }));
      return;
    }
    setRows(allMethods());
    const d = result.method.definition;
    announce(t(result.alreadyLoaded ? 'methods.alreadyLoaded' : 'methods.loaded', { method: `${d.title[locale]} ${d.version}`, publisher: result.method.publisher.name }));
  }

  async function readWorkbook() {
    setError(null);
    setWorkbookErrors([]);
    const [file] = await platform.openFiles({ filters: [{ name: t('methods.workbookFilter'), extensions: ['xlsx'] }], multiple: false });
    if (!file) return;
    const { xlsxToDefinition, NotAWorkbookError } = await import('../../forms/xlsx');
    let result;
    try {
      result = await xlsxToDefinition(file.data);
    } catch (e) {
      if (e instanceof NotAWorkbookError) return setError(t('methods.notAWorkbook', { name: file.name }));
      throw e;
    }
    if (!result.ok) {
      setError(t('methods.workbookInvalid', { name: file.name, count: result.errors.length }));
      setWorkbookErrors(result.errors.map((e) => workbookErrorText(t, locale, e)));
      return;
    }
    const d = result.definition;
    const saved = await platform.saveFile({
      suggestedName: `${d.id}-${d.version}.json`,
      mimeType: 'application/json',
      filters: [{ name: 'JSON', extensions: ['json'] }],
      data: new TextEncoder().encode(`${JSON.stringify(d, null, 2)}\n`),
    });
    if (saved.saved) announce(t('methods.workbookSaved', { method: `${d.id} ${d.version}` }));
  }

  async function saveWorkbook(row: Row) {
    const { definitionToXlsx } = await import('../../forms/xlsx');
    const data = await definitionToXlsx(row.definition);
    await platform.saveFile({
      suggestedName: `${row.definition.id}-${row.definition.version}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filters: [{ name: t('methods.workbookFilter'), extensions: ['xlsx'] }],
      data,
    });
  }

  const a = rows.find((r) => r.key === from);
  const b = rows.find((r) => r.key === to);
  const diff = a && b && a.key !== b.key ? diffDefinitions(a.definition, b.definition) : undefined;

  return (
    <section className="panel" aria-labelledby="methods-title">
      <h2 id="methods-title">{t('methods.title')}</h2>
      <p className="muted">{t('methods.explain')}</p>
      {opened && (
        <OpenedMethodConfirm
          opened={opened}
          onLoad={async () => {
            useOpenedMethod.getState().set(null);
            await loadMethodBytes(opened);
          }}
          onCancel={() => {
            useOpenedMethod.getState().set(null);
            announce(t('methodOpened.cancelled', { name: opened.name }));
          }}
        />
      )}
      <ul className="plain-list" aria-label={t('methods.listLabel')}>
        {rows.map((r) => (
          <li key={r.key} className="method-item" data-testid={`method-${r.key}`}>
            <div>
              <strong>{r.definition.title[locale]}</strong> · {t('methods.version', { version: r.definition.version, released: formatDate(locale, r.definition.released) })}
            </div>
            {r.definition.notice && <div className="small">{r.definition.notice[locale]}</div>}
            <div className="small muted">
              {r.loaded
                ? t('methods.publishedBy', { publisher: r.loaded.publisherName, organisation: r.loaded.publisherOrganisation || '–', fingerprint: r.loaded.publisherFingerprint })
                : t('methods.builtIn', { hash: r.sha256.slice(0, 16) })}
            </div>
            {r.loaded && (
              <div className={trusted[r.key] ? 'small' : 'small notice warn'}>{trusted[r.key] ? t('methods.publisherTrusted') : t('methods.publisherUntrusted')}</div>
            )}
            <button type="button" className="button small" onClick={() => void saveWorkbook(r)}>
              {t('methods.toWorkbook')}
              <span className="visually-hidden">: {r.key}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void loadMethodFile()}>
          {t('methods.loadFile')}
        </button>
        <button type="button" className="button" onClick={() => void readWorkbook()}>
          {t('methods.readWorkbook')}
        </button>
      </div>
      {error && (
        <div className="notice error" role="alert">
          <p>{error}</p>
          {workbookErrors.length > 0 && (
            <ul>
              {workbookErrors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <h3>{t('methods.compare')}</h3>
      <div className="button-row">
        <MethodSelect label={t('methods.compareFrom')} keys={rows.map((r) => r.key)} value={from} onChange={setFrom} />
        <MethodSelect label={t('methods.compareTo')} keys={rows.map((r) => r.key)} value={to} onChange={setTo} />
      </div>
      {diff && (
        <div data-testid="method-diff">
          <p>{diff.changes.length === 0 ? t('methods.noChanges') : diff.scoreCanChange ? t('methods.scoreCanChange') : t('methods.scoreSame')}</p>
          <ul>
            {diff.changes.map((c, i) => (
              <li key={i}>
                {'theme' in c && c.kind !== 'label-theme-minimum' ? `${t('methods.theme', { theme: c.theme })}: ` : ''}
                {changeText(t, c)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The confirmation of a method file opened from the desktop: what it is, who published it, whether you trust them. */
function OpenedMethodConfirm({ opened, onLoad, onCancel }: { opened: OpenedMethod; onLoad(): Promise<void>; onCancel(): void }) {
  const t = useT();
  const locale: Locale = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  const [trusted, setTrusted] = useState<boolean | null>(null);
  const { check } = opened;
  useEffect(() => {
    ref.current?.focus();
    let current = true;
    if (check.ok) void publisherTrusted(check.method.file).then((v) => current && setTrusted(v));
    return () => {
      current = false;
    };
  }, [check]);
  return (
    <div ref={ref} className="notice warn trust-confirm" role="alertdialog" aria-labelledby="opened-method-title" aria-describedby="opened-method-body" tabIndex={-1}>
      <h3 id="opened-method-title">{t('methodOpened.title', { name: opened.name })}</h3>
      {check.ok ? (
        <div id="opened-method-body">
          <p>
            <strong>{check.method.definition.title[locale]}</strong> · {t('methods.version', { version: check.method.definition.version, released: formatDate(locale, check.method.released) })}
          </p>
          <p>{t('methods.publishedBy', { publisher: check.method.publisher.name, organisation: check.method.publisher.organisation || '–', fingerprint: check.method.publisherFingerprint })}</p>
          {trusted !== null && <p className={trusted ? 'small' : 'small notice warn'}>{trusted ? t('methods.publisherTrusted') : t('methods.publisherUntrusted')}</p>}
          <p className="small">{t('methodOpened.explain')}</p>
        </div>
      ) : (
        <p id="opened-method-body">{t('methods.importFailed', { name: opened.name, reason: t(`methods.problem.${check.problem}` as MessageKey) })}</p>
      )}
      <div className="button-row">
        {check.ok && (
          <button type="button" className="button primary" onClick={() => void onLoad()}>
            {t('methodOpened.load')}
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>
          {check.ok ? t('common.cancel') : t('methodOpened.close')}
        </button>
      </div>
    </div>
  );
}

/** One side of the method comparison: a labelled choice among the stored method versions. */
function MethodSelect({ label, keys, value, onChange }: { label: string; keys: readonly string[]; value: string; onChange: (key: string) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {keys.map((key) => (
          <option key={key} value={key}>
            {key}
          </option>
        ))}
      </select>
    </label>
  );
}
