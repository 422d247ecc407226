import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

/**
 * vitest globalSetup: the browser tests load the production build (client/dist) from a real
 * server, so build it once per run when it is missing or older than the client's sources.
 */
export default async function buildClient(): Promise<void> {
  const index = path.join(ROOT, 'client', 'dist', 'index.html')
  const configFile = path.join(ROOT, 'vite.config.ts')
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'client')),
    newestMtime(path.join(ROOT, 'shared')),
    fs.statSync(configFile).mtimeMs,
  )
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return
  const { build } = await import('vite')
  // vitest sets NODE_ENV=test, and Vite would then bundle React's and tldraw's development
  // builds; the tests are meant to exercise what production serves.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ configFile, mode: 'production', logLevel: 'warn' })
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
}
