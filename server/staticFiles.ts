import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

/**
 * The page's Content-Security-Policy: everything from this origin only, so that no font, icon,
 * script or beacon can reach a third-party host. 'unsafe-inline' styles are needed by tldraw.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "media-src 'self' data: blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ')

const PAGE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
}

/** Paths the single-page app answers with index.html. */
function isAppRoute(pathname: string): boolean {
  return pathname === '/' || /^\/b\/[A-Za-z0-9_-]+\/?$/.test(pathname)
}

/** Serves the production build of the client from `root` (client/dist), with the app's routes. */
export function createStaticHandler(root: string) {
  const resolvedRoot = path.resolve(root)
  return async function handleStatic(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    let file = isAppRoute(pathname) ? path.join(resolvedRoot, 'index.html') : path.join(resolvedRoot, pathname)
    // Refuse anything that would resolve outside the build directory.
    if (file !== resolvedRoot && !file.startsWith(resolvedRoot + path.sep)) return false
    let stat: fs.Stats
    try {
      stat = await fs.promises.stat(file)
      if (stat.isDirectory()) {
        file = path.join(file, 'index.html')
        stat = await fs.promises.stat(file)
      }
    } catch {
      if (isAppRoute(pathname)) {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', ...PAGE_HEADERS })
        res.end('The coboard client is not built. Run "npm run build" (npm start does this for you).\n')
        return true
      }
      return false
    }
    const ext = path.extname(file).toLowerCase()
    const hashed = pathname.startsWith('/assets/')
    res.writeHead(200, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...PAGE_HEADERS,
    })
    if (req.method === 'HEAD') {
      res.end()
      return true
    }
    fs.createReadStream(file).pipe(res)
    return true
  }
}
