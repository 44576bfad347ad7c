import { useEffect } from 'react';
import { fileErrorText } from '../files/errors';
import { importFile } from '../files/import';
import { platform, type OpenedFile } from '../platform';
import { useUi } from '../state/store';
import { translate, type MessageKey } from '../i18n';
import { openedFileKind } from './opened-file-kind';
import { navigate } from './router';

/** A PDF opened from the desktop is checked on the Verify screen (openedFileKind decides). */
export function isForVerify(file: OpenedFile): boolean {
  return openedFileKind(file) === 'verify';
}

/**
 * The import entry points of trust lists, key statements, public key files and method files, registered by the features that own
 * them (trust settings, method settings) when they load. Each shows its own confirmation: an
 * opened file never changes what the user trusts or which methods are installed by itself.
 */
type OpenedFileHandler = (file: OpenedFile) => Promise<void> | void;
type HandledKind = 'trust-list' | 'key-statement' | 'public-key' | 'method';
const handlers: Partial<Record<HandledKind, OpenedFileHandler>> = {};
const FALLBACK: Record<HandledKind, MessageKey> = {
  'trust-list': 'desktop.opened.trustListInSettings',
  'key-statement': 'keyStatements.opened.inSettings',
  'public-key': 'trust.keys.openedInSettings',
  method: 'desktop.opened.methodInSettings',
};

export function registerOpenedFileHandler(kind: HandledKind, handler: OpenedFileHandler): () => void {
  handlers[kind] = handler;
  return () => {
    if (handlers[kind] === handler) delete handlers[kind];
  };
}

async function handle(file: OpenedFile): Promise<void> {
  const ui = useUi.getState();
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(ui.locale, key, params);
  const kind = openedFileKind(file);
  if (kind === 'verify') {
    ui.queueForVerify([file]);
    navigate({ name: 'verify' });
    return;
  }
  if (kind === 'trust-list' || kind === 'key-statement' || kind === 'public-key' || kind === 'method') {
    navigate({ name: 'settings' });
    const handler = handlers[kind];
    if (handler) await handler(file);
    else ui.announce(t(FALLBACK[kind], { name: file.name }));
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
    ui.announce(`${file.name}: ${fileErrorText(t, ui.locale, result.error)}`, 'error');
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
