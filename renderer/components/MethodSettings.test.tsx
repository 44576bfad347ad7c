import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import open100 from '../../forms/definitions/open-quickscan/1.0.0.json';
import { generatePrivateJwk, publicJwkOf } from '../../scoring/keys';
import { methodFileJsonText, signMethodFile } from '../../scoring/method-file';
import { useUi } from '../state/store';
import { MethodSettings, offerOpenedMethodFile, useOpenedMethod } from './MethodSettings';

/** Server rendering reads a store's initial state (as renderer/components/UpdateSettings.test.tsx does for the locale). */
function renderWithPending() {
  Object.assign(useOpenedMethod.getInitialState(), { pending: useOpenedMethod.getState().pending });
  return renderToString(<MethodSettings />);
}

function methodFileBytes(): Uint8Array {
  const definition = { ...structuredClone(open100), id: 'netwerk-noord', version: '2.0.0', publisher: 'Kennisnetwerk Noord' } as Record<string, unknown>;
  const privateKey = generatePrivateJwk('ES256');
  const file = signMethodFile(definition, { organisation: 'Stichting Noord', privateKey, publicKey: publicJwkOf(privateKey) }, '2026-12-01T09:00:00.000Z');
  return new TextEncoder().encode(methodFileJsonText(file));
}

describe('a method file opened from the desktop', () => {
  it('is checked and put up for confirmation in Settings → Methoden, not loaded by itself', () => {
    Object.assign(useUi.getInitialState(), { locale: 'nl' });
    offerOpenedMethodFile({ name: 'noord.quickscan-method.json', data: methodFileBytes() });
    const pending = useOpenedMethod.getState().pending;
    expect(pending?.check.ok).toBe(true);
    const html = renderWithPending();
    expect(html).toContain('role="alertdialog"');
    expect(html).toContain('Methodebestand “noord.quickscan-method.json” laden?');
    expect(html).toContain('uitgegeven door Kennisnetwerk Noord (Stichting Noord)');
    expect(html).toContain('Methode laden');
    // nothing is registered until the user confirms
    expect(html).not.toContain('data-testid="method-netwerk-noord@2.0.0"');
  });

  it('a file that is not a method file is shown with the reason and cannot be loaded', () => {
    offerOpenedMethodFile({ name: 'kapot.quickscan-method.json', data: new TextEncoder().encode('{"format":"quickscan-method"') });
    expect(useOpenedMethod.getState().pending?.check).toEqual({ ok: false, problem: 'not-json' });
    const html = renderWithPending();
    expect(html).toContain('kapot.quickscan-method.json is niet geladen: het is geen JSON-bestand');
    expect(html).not.toContain('Methode laden');
  });
});
