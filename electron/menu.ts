import type { MenuItemConstructorOptions } from 'electron';

export type MenuLocale = 'nl' | 'en';

const labels = {
  nl: { file: 'Bestand', edit: 'Bewerken', view: 'Beeld', window: 'Venster', help: 'Help', about: 'Over QuickScan Circulair Bouwen', quit: 'Afsluiten' },
  en: { file: 'File', edit: 'Edit', view: 'View', window: 'Window', help: 'Help', about: 'About QuickScan Circulair Bouwen', quit: 'Quit' },
} as const;

/** The native menu with the platform's usual roles, in the user's language. */
export function buildMenuTemplate(locale: MenuLocale, isMac: boolean, onAbout: () => void): MenuItemConstructorOptions[] {
  const t = labels[locale];
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      role: 'appMenu',
      submenu: [{ label: t.about, click: onAbout }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit', label: t.quit }],
    });
  }
  template.push(
    { label: t.file, submenu: [isMac ? { role: 'close' } : { role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: t.view,
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: t.window, role: 'window', submenu: [{ role: 'minimize' }, ...(isMac ? [{ role: 'zoom' } as const] : [])] },
    { label: t.help, role: 'help', submenu: isMac ? [] : [{ label: t.about, click: onAbout }] },
  );
  return template;
}
