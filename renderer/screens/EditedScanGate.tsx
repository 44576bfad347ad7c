import { useEffect, type ReactNode } from 'react';
import type { QuickScanDefinition } from '../../forms/schema';
import { routeHref } from '../app/router';
import { useLiveQuery } from '../db/live';
import { getProject } from '../db/projects';
import type { ProjectRecord, ScanRecord } from '../db/records';
import { hasScoringInputs, methodOf } from '../scan/engine';
import { useScanEditor } from '../state/scan-editor';
import { useLocale, useT } from '../state/store';
import { fieldErrorsText } from '../../report/input-strings';
import { NotFoundScreen } from './NotFoundScreen';

/** What a screen that edits a scan gets once the scan is loaded and can be scored. */
export interface EditedScan {
  project: ProjectRecord & { gfaM2: number };
  scan: ScanRecord;
  definition: QuickScanDefinition;
}

/**
 * Loads the scan into the editor (its write queue and undo history) for as long as the screen
 * is shown, and renders `children` only when the project and scan exist, the scan's method is
 * known and the project has what scoring needs (a gross floor area); otherwise the one screen for
 * each case: not found, the load error, loading, unknown method, or "fill in the floor area".
 * The scan and budget screens both go through here.
 */
export function EditedScanGate({ projectId, scanId, children }: { projectId: string; scanId: string; children: (edited: EditedScan) => ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const project = useLiveQuery(() => getProject(projectId).then((p) => p ?? false), [projectId], null);
  const scan = useScanEditor((s) => s.scan);
  const loadError = useScanEditor((s) => s.loadError);

  useEffect(() => {
    void useScanEditor.getState().load(scanId);
    return () => useScanEditor.getState().unload();
  }, [scanId]);

  if (project === false || loadError === 'not-found') return <NotFoundScreen />;
  if (loadError) return <p className="notice error">{t('scan.loadError', { reason: 'problems' in loadError ? fieldErrorsText(loadError.problems, locale) : loadError.detail })}</p>;
  if (project === null || !scan || scan.id !== scanId) return <p aria-busy="true">{t('app.loading')}</p>;
  const method = methodOf(scan);
  if (!method) return <p className="notice error">{t('scan.unknownMethod', { id: scan.definitionId, version: scan.definitionVersion })}</p>;
  if (!hasScoringInputs(project)) {
    return (
      <section className="screen">
        <h1>{scan.name}</h1>
        <p className="notice warn">{t('project.needsGfa')}</p>
        <a className="button primary" href={routeHref({ name: 'project', projectId })}>
          {t('project.edit')}
        </a>
      </section>
    );
  }
  return <>{children({ project, scan, definition: method.definition })}</>;
}
