import { describe, expect, it } from 'vitest';
import { shouldOpenExternally } from './external-links';
import { APP_ENTRY_URL, isTrustedAppUrl } from './trusted-url';

describe('isTrustedAppUrl', () => {
  it('accepts the app origin and its pages', () => {
    expect(isTrustedAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedAppUrl('app://quickscan/')).toBe(true);
    expect(isTrustedAppUrl('app://quickscan/index.html#/verify')).toBe(true);
  });

  it.each([
    'app://quickscan.evil/index.html',
    'app://quickscan.evil',
    'app://evil/quickscan/index.html',
    'app://quickscan@evil/index.html',
    'app://user:pw@quickscan/index.html',
    'app://quickscan:8080/index.html',
    'app://xquickscan/',
    'http://localhost.evil.example/',
    'http://localhost:4173/',
    'https://quickscan/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(false);
  });

  it('refuses a missing url', () => {
    expect(isTrustedAppUrl(undefined)).toBe(false);
    expect(isTrustedAppUrl(null)).toBe(false);
  });
});

describe('shouldOpenExternally', () => {
  it('opens https links in the system browser', () => {
    expect(shouldOpenExternally('https://www.circulairbouwenzeeland.nl/')).toBe(true);
  });

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
