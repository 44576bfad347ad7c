import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BackupPanel, ExportProjectButtons, ExportScanZipButton, ImportButton } from '../components/ImportExport';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { useUi } from '../state/store';

function render(locale: 'nl' | 'en'): string {
  // Server rendering reads zustand's initial state (getServerSnapshot), so set the language there.
  Object.assign(useUi.getInitialState(), { locale });
  return renderToString(
    <>
      <ImportButton />
      <ExportProjectButtons projectId="p1" />
      <ExportScanZipButton scanId="s1" />
      <BackupPanel />
    </>,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('import and export controls', () => {
  it.each([
    ['nl', nl],
    ['en', en],
  ] as const)('render in %s with large, named buttons and the signing-key note', (locale, messages) => {
    const html = render(locale);
    const shown = text(html);
    for (const key of ['files.import.button', 'files.export.zip', 'files.export.json', 'files.export.scanZip', 'files.backup.now', 'files.backup.restore', 'files.backup.keyNote'] as const) {
      expect(shown).toContain(messages[key]);
    }
    expect(shown).not.toMatch(/files\.[a-z]+\.[a-zA-Z]+/);
    const buttons = html.match(/<button[^>]*>/g) ?? [];
    expect(buttons.length).toBe(6);
    for (const b of buttons) expect(b).toMatch(/class="button[ "]/);
  });
});
