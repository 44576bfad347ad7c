import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UPDATE_REASONS } from '../../electron/update-reasons';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { useUi } from '../state/store';
import { UpdateSettingsView } from './UpdateSettings';

function render(locale: 'nl' | 'en', state: Parameters<typeof UpdateSettingsView>[0]['state']) {
  Object.assign(useUi.getInitialState(), { locale });
  return renderToString(<UpdateSettingsView state={state} busy={false} failed={null} onChange={() => undefined} />);
}

describe('Settings → Updates', () => {
  it.each([
    ['nl', nl],
    ['en', en],
  ] as const)('words every reason in %s', (locale, messages) => {
    for (const reason of UPDATE_REASONS) {
      const html = render(locale, { enabled: reason === 'enabled', setting: reason !== 'setting', reason, userCanChange: reason === 'enabled' || reason === 'setting' });
      expect(html).toContain(messages[`desktop.updates.reason.${reason}`].replace(/’/g, '’'));
      expect(html).toContain(messages['desktop.updates.check']);
    }
  });

  it('the switch is on when the user chose so, and cannot be used when a policy or the installation decides', () => {
    expect(render('nl', { enabled: true, setting: true, reason: 'enabled', userCanChange: true })).toMatch(/type="checkbox" checked=""(?![^>]*disabled)/);
    expect(render('nl', { enabled: false, setting: false, reason: 'setting', userCanChange: true })).not.toMatch(/checked=""|disabled=""/);
    const byPolicy = render('nl', { enabled: false, setting: true, reason: 'policy', userCanChange: false });
    expect(byPolicy).toMatch(/disabled=""/);
    expect(byPolicy).not.toMatch(/checked=""/);
    expect(byPolicy).toContain('Uitgezet door uw organisatie');
  });
});
