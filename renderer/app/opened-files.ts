import { useEffect } from 'react';
import { importFile } from '../files/import';
import { platform, type OpenedFile } from '../platform';
import { useUi } from '../state/store';
import { translate, type MessageKey } from '../i18n';
import { navigate } from './router';

/** A PDF opened from the desktop is checked on the Verify screen; scan and project files are imported. */
export function isForVerify(file: OpenedFile): boolean {
  return /\.pdf$/i.test(file.name) || (file.data[0] === 0x25 && file.data[1] === 0x50 && file.data[2] === 0x44 && file.data[3] === 0x46);
}

async function handle(file: OpenedFile): Promise<void> {
  const ui = useUi.getState();
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(ui.locale, key, params);
  if (isForVerify(file)) {
    ui.queueForVerify([file]);
    navigate({ name: 'verify' });
    return;
  }
  const result = await importFile(file);
  if (result.ok) {
    ui.announce(t('opened.imported', { name: file.name }));
    const projectId = result.summary.projectIds[0];
    navigate(projectId ? { name: 'project', projectId } : { name: 'projects' });
  } else if ('needsConfirmation' in result) {
    ui.announce(t('opened.backupUseSettings', { name: file.name }), 'error');
    navigate({ name: 'settings' });
  } else {
    ui.announce(`${file.name}: ${t(result.error.key as MessageKey, result.error.params)}`, 'error');
  }
}

/** Listens for files the operating system hands to the app ("open with", double-click). */
export function useOpenedFiles(): void {
  useEffect(() => {
    let chain = Promise.resolve();
    return platform.onFileOpened((file) => {
      chain = chain.then(() => handle(file)).catch(() => undefined);
    });
  }, []);
}
