import type { MenuItemConstructorOptions } from 'electron';

export type MenuLocale = 'nl' | 'en';

const labels = {
  nl: {
    file: 'Bestand',
    edit: 'Bewerken',
    view: 'Beeld',
    window: 'Venster',
    help: 'Help',
    about: 'Over QuickScan Circulair Bouwen',
    quit: 'Afsluiten',
    recent: 'Recente documenten',
    clearRecent: 'Lijst wissen',
    diagnostics: 'Diagnose exporteren…',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    about: 'About QuickScan Circulair Bouwen',
    quit: 'Quit',
    recent: 'Open Recent',
    clearRecent: 'Clear Menu',
    diagnostics: 'Export diagnostics…',
  },
} as const;

export interface MenuActions {
  onAbout: () => void;
  onExportDiagnostics: () => void;
}

/**
 * The native menu with the platform's usual roles, in the user's language. On macOS, File has the
 * system's recent-documents list (role `recentDocuments`, filled by app.addRecentDocument); on
 * Windows the same documents appear in the taskbar Jump List, on Linux the desktop's recent files.
 */
export function buildMenuTemplate(locale: MenuLocale, isMac: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = labels[locale];
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      role: 'appMenu',
      submenu: [{ label: t.about, click: actions.onAbout }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit', label: t.quit }],
    });
  }
  const fileMenu: MenuItemConstructorOptions[] = isMac
    ? [{ role: 'recentDocuments', label: t.recent, submenu: [{ role: 'clearRecentDocuments', label: t.clearRecent }] }, { type: 'separator' }, { role: 'close' }]
    : [{ role: 'quit', label: t.quit }];
  const helpMenu: MenuItemConstructorOptions[] = [{ label: t.diagnostics, click: actions.onExportDiagnostics }];
  if (!isMac) helpMenu.push({ type: 'separator' }, { label: t.about, click: actions.onAbout });
  template.push(
    { label: t.file, submenu: fileMenu },
    {
      label: t.edit,
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: t.view,
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: t.window, role: 'window', submenu: [{ role: 'minimize' }, ...(isMac ? [{ role: 'zoom' } as const] : [])] },
    { label: t.help, role: 'help', submenu: helpMenu },
  );
  return template;
}
