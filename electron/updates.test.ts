import { describe, expect, it } from 'vitest';
import { decideUpdates, parseUpdateFeed, policyFilePath, policyTurnsUpdatesOff, readUpdateSetting, type UpdateFacts } from './updates';

const signedFeed = { provider: 'generic', url: 'https://downloads.example.nl/quickscan/', hasPublisherName: true };
const base: UpdateFacts = { isPackaged: true, platform: 'win32', env: {}, feed: signedFeed, policyText: undefined, setting: true };
const decide = (change: Partial<UpdateFacts>) => decideUpdates({ ...base, ...change });

describe('update decision', () => {
  it('checks on a signed, packaged Windows or macOS build with a feed, when the setting is on', () => {
    expect(decide({})).toEqual({ enabled: true, reason: 'enabled', userCanChange: true });
    expect(decide({ platform: 'darwin', feed: { ...signedFeed, hasPublisherName: false } })).toMatchObject({ enabled: true });
  });

  it('the setting turns it off', () => {
    expect(decide({ setting: false })).toEqual({ enabled: false, reason: 'setting', userCanChange: true });
  });

  it('a machine-wide policy turns it off, and the user cannot turn it back on', () => {
    for (const value of ['off', 'OFF', '0', 'false', 'no', 'disabled']) expect(decide({ env: { QUICKSCAN_UPDATES: value } }), value).toEqual({ enabled: false, reason: 'policy', userCanChange: false });
    expect(decide({ env: { QUICKSCAN_UPDATES: 'on' } })).toMatchObject({ enabled: true });
    expect(decide({ policyText: '{"updates":"off"}' })).toEqual({ enabled: false, reason: 'policy', userCanChange: false });
    expect(decide({ policyText: '{"updates":"off"}', setting: true })).toMatchObject({ enabled: false, reason: 'policy' });
    expect(decide({ policyText: '{"updates":"on"}' })).toMatchObject({ enabled: true });
  });

  it('a damaged policy file fails closed', () => {
    expect(policyTurnsUpdatesOff('{updates: off')).toBe(true);
    expect(policyTurnsUpdatesOff('{"updates":"sometimes"}')).toBe(true);
    expect(policyTurnsUpdatesOff('\uFEFF{"updates":"on"}')).toBe(false);
    expect(policyTurnsUpdatesOff(undefined)).toBe(false);
  });

  it('never on Linux packages (deb: the package manager updates) nor on unsigned AppImages', () => {
    expect(decide({ platform: 'linux' })).toEqual({ enabled: false, reason: 'package-managed', userCanChange: false });
    expect(decide({ platform: 'linux', env: { APPIMAGE: '/home/a/QuickScan.AppImage' } })).toMatchObject({ enabled: false, reason: 'unsigned' });
  });

  it('signed releases only: a Windows feed without a publisher name is not used', () => {
    expect(decide({ feed: { ...signedFeed, hasPublisherName: false } })).toEqual({ enabled: false, reason: 'unsigned', userCanChange: false });
  });

  it('only with a generic HTTPS feed configured at build time, and never from a development start', () => {
    expect(decide({ feed: null })).toMatchObject({ enabled: false, reason: 'not-configured' });
    expect(decide({ feed: { ...signedFeed, url: 'http://downloads.example.nl/' } })).toMatchObject({ reason: 'not-configured' });
    expect(decide({ feed: { ...signedFeed, provider: 'github' } })).toMatchObject({ reason: 'not-configured' });
    expect(decide({ isPackaged: false })).toMatchObject({ enabled: false, reason: 'not-packaged' });
  });

  it('reads electron-builder’s app-update.yml', () => {
    expect(parseUpdateFeed('provider: generic\nurl: https://d.example.nl/qs\nupdaterCacheDirName: quickscan-updater\npublisherName:\n  - Circulair Bouwen Zeeland\n')).toEqual({
      provider: 'generic',
      url: 'https://d.example.nl/qs',
      hasPublisherName: true,
    });
    expect(parseUpdateFeed("provider: generic\nurl: 'https://d.example.nl/qs'\n")).toEqual({ provider: 'generic', url: 'https://d.example.nl/qs', hasPublisherName: false });
    expect(parseUpdateFeed('owner: x\n')).toBeNull();
  });

  it('the setting file: on unless it says off', () => {
    expect(readUpdateSetting(undefined)).toBe(true);
    expect(readUpdateSetting('{"checkForUpdates":false}')).toBe(false);
    expect(readUpdateSetting('garbage')).toBe(true);
  });

  it('puts the policy file where only administrators write', () => {
    expect(policyFilePath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\QuickScan Circulair Bouwen\\policy.json');
    expect(policyFilePath('darwin', {})).toBe('/Library/Application Support/QuickScan Circulair Bouwen/policy.json');
    expect(policyFilePath('linux', {})).toBe('/etc/quickscan-circulair-bouwen/policy.json');
  });
});
