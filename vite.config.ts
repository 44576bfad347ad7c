import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from './electron/csp.ts';
import { verifierSha256 } from './scripts/build-verifier.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Adds the CSP as a meta tag to the built page only: the dev server needs inline scripts. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'quickscan-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  };
}

// The standalone verifier's SHA-256, printed in each newly issued PDF (report/verifier-hash.ts).
export default defineConfig(async () => ({
  root: 'renderer',
  base: './',
  publicDir: 'public',
  plugins: [
    react(),
    contentSecurityPolicy(),
    // Browser mode works offline after the first visit and can be installed as an app. The
    // service worker is registered by renderer/app/offline.ts in browser mode only.
    VitePWA({
      injectRegister: null,
      registerType: 'autoUpdate',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'QuickScan Circulair Bouwen',
        short_name: 'QuickScan',
        description: 'Circulair potentieel van een gebouw, binnen budget / A building’s circular potential, within budget',
        lang: 'nl',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b6e4f',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2,json,webmanifest}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // The budget screen's Web Worker (renderer/workers/budget.worker.ts) is bundled as an ES module
  // chunk of its own under assets/, same origin as the page (CSP worker-src 'self'; the offline
  // service worker precaches it with the other scripts; Electron serves it through app://).
  worker: { format: 'es' as const },
  define: { __APP_VERSION__: JSON.stringify(pkg.version), __VERIFIER_SHA256__: JSON.stringify(await verifierSha256()) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  // Browser mode's own origin (README, "Browser mode"): the browser keeps the data and the signing
  // key per origin, so the port is fixed, never Vite's default, and the server refuses to move to
  // another one. The dev server has an origin of its own, so development never touches that data.
  preview: { host: '127.0.0.1', port: 47613, strictPort: true },
  server: { host: '127.0.0.1', port: 47614, strictPort: true },
}));
