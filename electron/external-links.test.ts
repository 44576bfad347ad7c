import { describe, expect, it } from 'vitest';
import { getDefinition, listReleases } from '../forms/registry';
import { EXTERNAL_LINK_HOSTS, shouldOpenExternally } from './external-links';

describe('shell.openExternal allowlist', () => {
  it('opens https links to the hosts the app links to', () => {
    expect(shouldOpenExternally('https://www.circulairbouwenzeeland.nl/')).toBe(true);
    expect(shouldOpenExternally('https://platformcb23.nl/kernmethode?x=1#a')).toBe(true);
    expect(shouldOpenExternally('https://MILIEUDATABASE.nl/')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'https://evil.example/?u=https://platformcb23.nl/',
    'https://platformcb23.nl.evil.example/',
    'https://evilplatformcb23.nl/',
    'https://platformcb23.nl:8443/',
    'http://platformcb23.nl/',
    'https://user@platformcb23.nl/',
  ])('refuses %s (not on the allowlist)', (url) => {
    expect(shouldOpenExternally(url)).toBe(false);
  });

  it('every source a bundled method cites can be opened', () => {
    const urls: string[] = [];
    for (const release of listReleases()) {
      const definition = getDefinition(release.id, release.version);
      JSON.stringify(definition, (key, value: unknown) => {
        if (key === 'url' && typeof value === 'string' && value.startsWith('https://')) urls.push(value);
        return value;
      });
    }
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(EXTERNAL_LINK_HOSTS, url).toContain(new URL(url).hostname);
  });
});

describe('shouldOpenExternally keeps other schemes inside', () => {
  it.each([
    'http://example.com/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@example.com/',
    'app://quickscan/index.html',
    'mailto:someone@example.com',
    'garbage',
  ])('keeps %s inside', (url) => {
    expect(shouldOpenExternally(url)).toBe(false);
  });
});
