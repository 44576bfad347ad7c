import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu';

const noop = () => undefined;
function items(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('native menu', () => {
  it('Help has "Diagnose exporteren" (and About on Windows and Linux), in the user’s language', () => {
    let exported = 0;
    const nl = buildMenuTemplate('nl', false, { onAbout: noop, onExportDiagnostics: () => exported++ });
    const help = items(nl, 'Help');
    expect(help.map((i) => i.label ?? i.type)).toEqual(['Diagnose exporteren…', 'separator', 'Over QuickScan Circulair Bouwen']);
    (help[0]!.click as () => void)();
    expect(exported).toBe(1);
    expect(items(buildMenuTemplate('en', true, { onAbout: noop, onExportDiagnostics: noop }), 'Help').map((i) => i.label)).toEqual(['Export diagnostics…']);
  });

  it('macOS File menu lists recent documents through the system role', () => {
    const file = items(buildMenuTemplate('nl', true, { onAbout: noop, onExportDiagnostics: noop }), 'Bestand');
    expect(file[0]).toMatchObject({ role: 'recentDocuments', submenu: [{ role: 'clearRecentDocuments' }] });
    expect(items(buildMenuTemplate('en', false, { onAbout: noop, onExportDiagnostics: noop }), 'File').map((i) => i.role)).toEqual(['quit']);
  });
});
