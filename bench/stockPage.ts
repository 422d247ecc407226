import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
}

/** The stock-tldraw baseline page, built and served on loopback; `setSnapshot` picks what it loads. */
export interface StockPage {
  url: string
  setSnapshot(json: string): void
  close(): Promise<void>
}

/**
 * Builds bench/stock (stock tldraw reading a snapshot, nothing of coboard) with the same Vite and
 * production settings as the app, and serves it from a plain static server, so both pages load
 * their code the same way: from a loopback HTTP server, with no cache.
 */
export async function startStockPage(): Promise<StockPage> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coboard-bench-stock-'))
  const { build } = await import('vite')
  const react = (await import('@vitejs/plugin-react')).default
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      configFile: false,
      root: path.join(HERE, 'stock'),
      mode: 'production',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 8000 },
    })
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
  let snapshot = '{}'
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    if (pathname === '/snapshot.json') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      res.end(snapshot)
      return
    }
    const file = path.join(outDir, pathname === '/' ? 'index.html' : pathname)
    if (!file.startsWith(outDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' })
    fs.createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  return {
    url: `http://127.0.0.1:${address.port}/`,
    setSnapshot: (json) => {
      snapshot = json
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          fs.rmSync(outDir, { recursive: true, force: true })
          resolve()
        })
      }),
  }
}
