import { useLiveQuery } from '../db/live';
import { useEffect, useId, useMemo, useState } from 'react';
import { listAnswerEvidence } from '../db/evidence';
import type { EvidenceRecord } from '../db/records';
import { formatDate, formatNumber } from '../i18n';
import { addEvidence, MAX_EVIDENCE_BYTES, removeEvidence, restoreEvidence } from '../scan/evidence';
import { useLocale, useT, useUi } from '../state/store';

/** Files and photos that prove an answer, stored in IndexedDB with their SHA-256. */
export function EvidenceList({ scanId, questionId }: { scanId: string; questionId: string }) {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const fileId = useId();
  const photoId = useId();
  const items = useLiveQuery(() => listAnswerEvidence(scanId, questionId), [scanId, questionId], []);
  const [isBusy, setIsBusy] = useState(false);

  async function add(files: FileList | null) {
    if (!files?.length) return;
    setIsBusy(true);
    try {
      for (const file of Array.from(files)) {
        try {
          await addEvidence(scanId, questionId, file);
          announce(t('evidence.added', { name: file.name }));
        } catch (error) {
          const reason = error instanceof RangeError ? t('evidence.tooLarge', { max: formatNumber(locale, MAX_EVIDENCE_BYTES / 1024 / 1024) }) : error instanceof Error ? error.message : String(error);
          announce(t('evidence.failed', { name: file.name, reason }), 'error');
        }
      }
    } finally {
      setIsBusy(false);
    }
  }

  async function remove(record: EvidenceRecord) {
    await removeEvidence(record.id);
    announce(t('evidence.removed', { name: record.name }), 'info', { label: t('common.undo'), run: () => restoreEvidence(record).then(() => undefined) });
  }

  return (
    <div className="evidence">
      <div className="evidence-head">
        <span className="evidence-title">{t('evidence.title')}</span>
        <span className={`tag ${items.length ? 'evidenced' : 'claimed'}`}>{items.length ? t('evidence.evidenced') : t('evidence.claimed')}</span>
      </div>
      {items.length > 0 && (
        <ul className="evidence-list">
          {items.map((item) => (
            <li key={item.id}>
              <Thumbnail record={item} />
              <span className="evidence-meta">
                <span className="evidence-name">{item.name}</span>
                <span className="muted small">
                  {formatDate(locale, item.addedAt, true)} · {formatNumber(locale, Math.max(1, Math.round(item.size / 1024)))} kB · SHA-256 {item.sha256.slice(0, 12)}…
                </span>
              </span>
              <button type="button" className="button small danger" onClick={() => void remove(item)}>
                {t('evidence.remove')}
                <span className="visually-hidden">: {item.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row tight">
        <label htmlFor={fileId} className="button small file-button" aria-disabled={isBusy || undefined}>
          {t('evidence.addFile')}
        </label>
        <input id={fileId} type="file" multiple className="visually-hidden" onChange={(e) => void add(e.target.files).then(() => (e.target.value = ''))} />
        <label htmlFor={photoId} className="button small file-button">
          {t('evidence.takePhoto')}
        </label>
        <input id={photoId} type="file" accept="image/*" capture="environment" className="visually-hidden" onChange={(e) => void add(e.target.files).then(() => (e.target.value = ''))} />
      </div>
    </div>
  );
}

function Thumbnail({ record }: { record: EvidenceRecord }) {
  const url = useMemo(() => (record.thumbnail ? URL.createObjectURL(record.thumbnail) : null), [record.thumbnail]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  if (!url) return <span className="evidence-icon" aria-hidden="true">📄</span>;
  return <img className="evidence-thumb" src={url} alt="" width={64} height={64} />;
}
