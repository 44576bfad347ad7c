import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_HEADER } from './csp';
import { applySessionPolicy, type PolicySession } from './session-policy';

function recorder() {
  const installed: Partial<{
    request: Parameters<PolicySession['setPermissionRequestHandler']>[0];
    check: Parameters<PolicySession['setPermissionCheckHandler']>[0];
    device: Parameters<PolicySession['setDevicePermissionHandler']>[0];
    headers: Parameters<PolicySession['webRequest']['onHeadersReceived']>[0];
  }> = {};
  const session: PolicySession = {
    setPermissionRequestHandler: (h) => (installed.request = h),
    setPermissionCheckHandler: (h) => (installed.check = h),
    setDevicePermissionHandler: (h) => (installed.device = h),
    webRequest: { onHeadersReceived: (l) => (installed.headers = l) },
  };
  applySessionPolicy(session);
  return installed;
}

describe('session policy', () => {
  it('denies every permission request and check', () => {
    const s = recorder();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let answer: boolean | undefined;
      s.request!({}, permission, (granted) => (answer = granted));
      expect(answer, permission).toBe(false);
      expect(s.check!({}, permission), permission).toBe(false);
    }
  });

  it('denies every device (setDevicePermissionHandler)', () => {
    const s = recorder();
    expect(s.device, 'a device permission handler').toBeTypeOf('function');
    for (const deviceType of ['hid', 'serial', 'usb', 'bluetooth']) expect(s.device!({ deviceType }), deviceType).toBe(false);
  });

  it('adds the CSP header to every response, replacing any other', () => {
    const s = recorder();
    let headers: Record<string, string[]> = {};
    s.headers!({ responseHeaders: { 'Content-Security-Policy': ["default-src *"], 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY_HEADER], 'X-Other': ['1'] });
  });
});
