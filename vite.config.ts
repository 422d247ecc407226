import react from '@vitejs/plugin-react'
import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import { precacheList, serviceWorkerSource } from './client/src/offline/serviceWorkerSource.ts'

// The client app lives in client/; `vite build` writes client/dist, which the server serves in
// production (one port). In development the server mounts Vite in middleware mode with this file.
const root = fileURLToPath(new URL('./client', import.meta.url))

/**
 * Emits sw.js next to the build, listing the built files it should keep for offline reloads, and a
 * version derived from them so that a new build replaces the old cache.
 */
function offlineServiceWorker(): Plugin {
  return {
    name: 'coboard-offline-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).sort()
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12)
      const precache = precacheList(files, ['en', 'da', 'sv', 'no'])
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource({ version, precache }) })
    },
  }
}

export default defineConfig({
  root,
  // Static files copied as-is (none yet); tldraw's fonts, icons and translations come in through
  // `@tldraw/assets/imports.vite`, so Vite fingerprints them and they are served from our origin.
  publicDir: 'public',
  plugins: [react(), offlineServiceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Keep every asset a separate file: the CSP allows data: for images and fonts, but inlined
    // JSON translations or scripts would not be cacheable and gain nothing.
    assetsInlineLimit: 0,
    // tldraw alone is ~2 MB minified; the warning would fire on every build without telling us
    // anything new.
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
  },
  optimizeDeps: {
    // imports.vite.js pulls each font, icon and translation in with `?url`; pre-bundled, those
    // relative paths no longer resolve. Served unbundled, each becomes a URL on our own origin.
    exclude: ['@tldraw/assets'],
  },
  server: {
    // The coboard server owns the port and the /api and /sync routes in development too.
    strictPort: true,
  },
})
