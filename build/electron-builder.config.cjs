// @ts-check
// electron-builder configuration for the desktop app. Used by the `dist:*` scripts as
//   electron-builder --config build/electron-builder.config.cjs --win | --mac | --linux
// and checked by electron-builder's own validation in build/builder-config.test.ts.
// The version comes from package.json; docs/packaging.md explains signing and notarisation.

// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder loads this file as CommonJS
const { publishConfig } = require('./update-feed.cjs');

/**
 * The `.quickscan` document type: what the app saves projects and scans as (a zip with the
 * project or scan and its evidence; renderer/files/project-file.ts). Associated on every platform.
 */
const quickscanDocument = {
  ext: 'quickscan',
  name: 'QuickScan document',
  description: 'QuickScan document',
  role: 'Editor',
  mimeType: 'application/x-quickscan+zip',
};

/**
 * The app's and the CLI's other files end in two-part names (`*.quickscan.json`, …). Windows and
 * macOS associate only the last part (`.json`), which the app must not take over; Linux matches
 * whole-name globs (shared-mime-info), so there they are associated too. Elsewhere they open by
 * "Open with", by dropping them on the app or from the command line.
 */
const linuxOnlyDocuments = [
  { ext: 'quickscan.json', name: 'QuickScan scan file', description: 'QuickScan scan file', role: 'Editor', mimeType: 'application/x-quickscan-scan+json' },
  { ext: 'quickscan-trustlist.json', name: 'QuickScan trust list', description: 'QuickScan trust list', role: 'Viewer', mimeType: 'application/x-quickscan-trustlist+json' },
  { ext: 'quickscan-method.json', name: 'QuickScan method', description: 'QuickScan method', role: 'Viewer', mimeType: 'application/x-quickscan-method+json' },
];

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'nl.circulairbouwenzeeland.quickscan',
  productName: 'QuickScan Circulair Bouwen',
  directories: { output: 'release', buildResources: 'build' },
  // Only the built app: Vite and esbuild bundle every runtime library, so package.json keeps
  // `dependencies` empty and no node_modules end up in app.asar.
  files: ['package.json', 'dist/electron/**', 'dist/renderer/**', '!**/*.map'],
  extraResources: [{ from: 'build/LICENSES.txt', to: 'LICENSES.txt' }],
  asar: true,
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  afterPack: './build/after-pack.cjs',
  artifactName: '${name}-${version}-${os}-${arch}.${ext}',
  // The update feed (QUICKSCAN_UPDATE_URL at build time, build/update-feed.cjs); none by default.
  publish: publishConfig(process.env),

  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    icon: 'build/icon.ico',
    // On Windows `name` becomes the registry ProgID, which should be dotted and without spaces;
    // Explorer shows `description` as the type name.
    fileAssociations: [{ ext: 'quickscan', name: 'QuickScanCirculairBouwen.Document', description: 'QuickScan document' }],
  },
  nsis: {
    // An assisted installer that asks "for me" or "for everyone on this computer" (per-machine,
    // Program Files, needs administrator rights). IT installs per machine without questions with
    // `/S /allusers` (docs/packaging.md).
    oneClick: false,
    perMachine: false,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'QuickScan Circulair Bouwen',
    deleteAppDataOnUninstall: false,
  },

  mac: {
    // The zip is what Squirrel.Mac updates from; the dmg is what people download.
    target: [
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] },
    ],
    icon: 'build/icon.icns',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    fileAssociations: [
      quickscanDocument,
      // Offered in Finder's "Open With" for reports to verify, never taken as the default PDF app.
      { ext: 'pdf', name: 'PDF document', role: 'Viewer', rank: 'Alternate' },
    ],
  },
  dmg: { writeUpdateInfo: false },

  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    icon: 'build/icons',
    category: 'Office',
    executableName: 'quickscan-circulair-bouwen',
    synopsis: 'QuickScan of a building\u2019s circular potential within budget',
    fileAssociations: [quickscanDocument, ...linuxOnlyDocuments],
    // Listed in "Open with" for PDF reports without registering a new type.
    mimeTypes: ['application/pdf'],
  },
  deb: { priority: 'optional' },
};

module.exports = config;
