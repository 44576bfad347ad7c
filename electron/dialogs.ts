import type { MessageBoxOptions } from 'electron';
import path from 'node:path';
import type { DocumentReadFailure } from './open-documents';
import type { MenuLocale } from './menu';

/** One bundled runtime package, as listed in build/licenses.json (scripts/licenses.mjs). */
export interface LicenseEntry {
  name: string;
  version: string;
  license: string;
}

export interface AboutInfo {
  productName: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
}

/** The app's own licence (package.json `license`). */
export const APP_LICENSE = 'EUPL-1.2';

/** Button indexes of the two native dialogs, so main.ts reads the response by name. */
export const ABOUT_SHOW_LICENSES = 1;
export const LICENSES_OPEN_TEXTS = 1;

const text = {
  nl: {
    ok: 'OK',
    licenses: 'Licenties…',
    version: 'Versie',
    licensed: `Licentie: ${APP_LICENSE}`,
    bundledTitle: 'Gebruikte bibliotheken',
    bundledIntro: (count: number) => `Deze versie bevat ${count} open-sourcebibliotheken:`,
    runtimeNote: 'Electron en Chromium: zie LICENSE.electron.txt en LICENSES.chromium.html in de installatiemap.',
    openTexts: 'Volledige licentieteksten openen',
    cannotOpen: (name: string) => `${name} kan niet worden geopend`,
    reasons: {
      'not-a-file': 'Dit is geen gewoon bestand.',
      'too-large': (limit: string) => `Het bestand is groter dan ${limit}.`,
      'changed-while-reading': 'Het bestand veranderde tijdens het lezen. Probeer het opnieuw.',
      unreadable: 'Het bestand kan niet worden gelezen.',
    },
  },
  en: {
    ok: 'OK',
    licenses: 'Licences…',
    version: 'Version',
    licensed: `Licence: ${APP_LICENSE}`,
    bundledTitle: 'Libraries used',
    bundledIntro: (count: number) => `This version includes ${count} open-source libraries:`,
    runtimeNote: 'Electron and Chromium: see LICENSE.electron.txt and LICENSES.chromium.html in the installation folder.',
    openTexts: 'Open full licence texts',
    cannotOpen: (name: string) => `${name} cannot be opened`,
    reasons: {
      'not-a-file': 'This is not a regular file.',
      'too-large': (limit: string) => `The file is larger than ${limit}.`,
      'changed-while-reading': 'The file changed while it was read. Please try again.',
      unreadable: 'The file cannot be read.',
    },
  },
} as const;

/** The About box: version of the app, Electron, Chromium and Node, and a button to the licences. */
export function aboutDialog(locale: MenuLocale, info: AboutInfo): MessageBoxOptions {
  const t = text[locale];
  return {
    type: 'info',
    title: info.productName,
    message: `${info.productName} ${info.version}`,
    detail: [`${t.version} ${info.version}`, `Electron ${info.electron}`, `Chromium ${info.chrome}`, `Node.js ${info.node}`, '', t.licensed].join('\n'),
    buttons: [t.ok, t.licenses],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** The licences box: every bundled package with its version and licence, sorted by name. */
export function licensesDialog(locale: MenuLocale, productName: string, entries: readonly LicenseEntry[]): MessageBoxOptions {
  const t = text[locale];
  const lines = [...entries].sort((a, b) => a.name.localeCompare(b.name, 'en')).map((e) => `${e.name} ${e.version} — ${e.license}`);
  return {
    type: 'info',
    title: productName,
    message: t.bundledTitle,
    detail: [t.bundledIntro(entries.length), '', ...lines, '', t.runtimeNote].join('\n'),
    buttons: [t.ok, t.openTexts],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** Why a document from the operating system could not be opened, in the user's language. */
export function openFailureDialog(locale: MenuLocale, productName: string, fileName: string, reason: DocumentReadFailure, maxBytes: number): MessageBoxOptions {
  const t = text[locale];
  const limit = `${Math.round(maxBytes / (1024 * 1024))} MB`;
  const why = reason === 'too-large' ? t.reasons['too-large'](limit) : t.reasons[reason];
  return { type: 'warning', title: productName, message: t.cannotOpen(fileName), detail: why, buttons: [t.ok], noLink: true };
}

/**
 * Where the full licence texts (build/LICENSES.txt) are: copied next to app.asar by
 * electron-builder (`extraResources`), or in the source tree when run unpackaged.
 */
export function licenseTextsPath(where: { isPackaged: boolean; resourcesPath: string; appPath: string }): string {
  return where.isPackaged ? path.join(where.resourcesPath, 'LICENSES.txt') : path.join(where.appPath, 'build', 'LICENSES.txt');
}
