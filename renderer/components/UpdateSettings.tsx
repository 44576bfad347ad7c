import { useEffect, useState } from 'react';
import { platform, type UpdateState } from '../platform';
import { useT } from '../state/store';

/** Settings → Updates in the desktop app (nothing in the browser, where the service worker updates the app). */
export function UpdateSettings() {
  const updates = platform.updates;
  const [state, setState] = useState<UpdateState | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (!updates) return;
    let isCurrent = true;
    updates.state().then(
      (s) => isCurrent && setState(s),
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [updates]);

  if (!updates || !state) return null;
  const change = async (checkForUpdates: boolean) => {
    setBusy(true);
    setFailed(null);
    try {
      setState(await updates.setChecks(checkForUpdates));
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return <UpdateSettingsView state={state} busy={busy} failed={failed} onChange={(v) => void change(v)} />;
}

export function UpdateSettingsView({ state, busy, failed, onChange }: { state: UpdateState; busy: boolean; failed: string | null; onChange: (checkForUpdates: boolean) => void }) {
  const t = useT();
  return (
    <fieldset className="panel" aria-describedby="update-status">
      <legend>{t('desktop.updates.title')}</legend>
      <label className="choice">
        <input type="checkbox" checked={state.userCanChange ? state.setting : false} disabled={!state.userCanChange || busy} onChange={(e) => onChange(e.currentTarget.checked)} />
        <span>{t('desktop.updates.check')}</span>
      </label>
      <p id="update-status" data-testid="update-status">
        {t(`desktop.updates.reason.${state.reason}`)}
      </p>
      {failed && (
        <p className="notice warn" role="alert">
          {t('desktop.updates.failed', { reason: failed })}
        </p>
      )}
    </fieldset>
  );
}
