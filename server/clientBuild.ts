import fs from 'node:fs'
import path from 'node:path'
import type { Logger } from 'pino'
import { PROJECT_ROOT } from './CoboardServer.ts'

function newestMtime(dir: string): number {
  let newest = 0
  if (!fs.existsSync(dir)) return newest
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

/** Builds the client with Vite when client/dist is missing or older than the sources. */
export async function ensureClientBuilt(log: Logger): Promise<void> {
  const index = path.join(PROJECT_ROOT, 'client', 'dist', 'index.html')
  const configFile = path.join(PROJECT_ROOT, 'vite.config.ts')
  if (!fs.existsSync(configFile) || !fs.existsSync(path.join(PROJECT_ROOT, 'client', 'index.html'))) {
    log.warn('no client sources found; serving the API only')
    return
  }
  const sources = Math.max(
    newestMtime(path.join(PROJECT_ROOT, 'client')),
    newestMtime(path.join(PROJECT_ROOT, 'shared')),
    fs.statSync(configFile).mtimeMs,
  )
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return
  log.info('building the client (first start or sources changed)…')
  const { build } = await import('vite')
  await build({ configFile, logLevel: 'warn' })
  log.info('client built')
}
