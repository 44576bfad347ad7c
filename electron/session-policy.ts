import { CONTENT_SECURITY_POLICY_HEADER } from './csp';

/** The parts of Electron's Session the policy sets; a recorder stands in for it in the test. */
export interface PolicySession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: { deviceType: string }) => boolean): void;
  webRequest: {
    onHeadersReceived(listener: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void): void;
  };
}

/**
 * The app's session rules: every permission request and permission check is denied (camera,
 * microphone, notifications, geolocation, clipboard reads, …: the app needs none), every device
 * (USB, HID, serial, Bluetooth) is denied, and every response carries the app's CSP header.
 */
export function applySessionPolicy(session: PolicySession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY_HEADER] } });
  });
}

/**
 * Chromium asks the app to pick a device when a page calls navigator.usb/hid/serial/bluetooth
 * request APIs; main.ts answers each with "none" (the events and their empty answers, in one place).
 */
export const DEVICE_SELECTION_EVENTS = ['select-hid-device', 'select-serial-port', 'select-usb-device'] as const;
