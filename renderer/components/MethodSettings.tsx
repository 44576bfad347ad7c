/**
 * Settings → Methoden: the built-in releases and the methods loaded from signed method files
 * (publisher, version, release date, key fingerprint, whether the publisher is trusted); load a
 * method file; read a method workbook (.xlsx) and save it as a definition; compare two methods.
 */
import { useEffect, useState } from 'react';
import { diffDefinitions, type MethodChange } from '../../forms/diff';
import type { WorkbookError } from '../../forms/workbook';
import { formatDate, type Locale } from '../i18n';
import type { MessageKey, MessageParams } from '../i18n';
import { platform } from '../platform';
import { availableMethods, importMethodFile, publisherTrusted, type AvailableMethod } from '../scan/loaded-methods';
import { useLocale, useT, useUi } from '../state/store';

type Row = AvailableMethod;
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

function workbookErrorText(t: T, e: WorkbookError): string {
  const place = [e.sheet, e.row !== undefined ? t('methods.row', { row: e.row }) : '', e.column !== undefined ? t('methods.column', { column: e.column, header: e.header ?? '' }) : ''].filter(Boolean).join(', ');
  const what = e.code === 'definition-rule' ? (e.message ?? '') : t(`methods.workbook.${e.code}` as MessageKey, { value: e.value ?? '' });
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

  async function loadMethodFile() {
    setError(null);
    const [file] = await platform.openFiles({ filters: [{ name: t('methods.fileFilter'), extensions: ['json'] }], multiple: false });
    if (!file) return;
    const result = await importMethodFile(file.data);
    if (!result.ok) {
      setError(t('methods.importFailed', { name: file.name, reason: t(`methods.problem.${result.problem}` as MessageKey) + (result.detail ? ` (${result.detail})` : '') }));
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
      setWorkbookErrors(result.errors.map((e) => workbookErrorText(t, e)));
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
        <label>
          {t('methods.compareFrom')}{' '}
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            {rows.map((r) => (
              <option key={r.key} value={r.key}>
                {r.key}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('methods.compareTo')}{' '}
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            {rows.map((r) => (
              <option key={r.key} value={r.key}>
                {r.key}
              </option>
            ))}
          </select>
        </label>
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
