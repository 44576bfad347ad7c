// @ts-check
// electron-builder configuration for the desktop app. Used by the `dist:*` scripts as
//   electron-builder --config build/electron-builder.config.cjs --win | --mac | --linux
// and checked by electron-builder's own validation in build/builder-config.test.ts.
// The version comes from package.json; docs/packaging.md explains signing and notarisation.

/** The `.quickscan` document type as macOS and Linux see it. */
const scanDocument = {
  ext: 'quickscan',
  name: 'QuickScan scan',
  description: 'QuickScan scan',
  role: 'Editor',
  mimeType: 'application/x-quickscan+json',
};

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
  publish: null,

  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    icon: 'build/icon.ico',
    // On Windows `name` becomes the registry ProgID, which should be dotted and without spaces;
    // Explorer shows `description` as the type name.
    fileAssociations: [{ ext: 'quickscan', name: 'QuickScanCirculairBouwen.Scan', description: 'QuickScan scan' }],
  },
  nsis: {
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
    target: [{ target: 'dmg', arch: ['universal'] }],
    icon: 'build/icon.icns',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    fileAssociations: [
      scanDocument,
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
    fileAssociations: [scanDocument],
    // Listed in "Open with" for PDF reports without registering a new type.
    mimeTypes: ['application/pdf'],
  },
  deb: { priority: 'optional' },
};

module.exports = config;
