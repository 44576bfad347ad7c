import { describe, expect, it } from 'vitest';
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
