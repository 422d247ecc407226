import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'

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

/** Headers of every page and file of the client (nosniff is on every response, set by the app). */
export const PAGE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
}

const BOARD_ID = /^[A-Za-z0-9_-]+$/

/**
 * The production build of the client (client/dist): the single-page app's routes (`/`,
 * `/b/<id>`) answer index.html, or 503 with a plain explanation while the client is not built;
 * fingerprinted files under /assets/ are cached for good, everything else is revalidated.
 */
export async function staticRoutes(app: FastifyInstance, options: { clientDist: string }): Promise<void> {
  const root = path.resolve(options.clientDist)
  const index = path.join(root, 'index.html')
  const hashedDir = path.join(root, 'assets') + path.sep
  const built = fs.existsSync(index)

  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: true,
      index: false,
      cacheControl: false,
      dotfiles: 'ignore',
      setHeaders: (reply: FastifyReply, file: string) => {
        reply.headers(PAGE_HEADERS)
        reply.header('Cache-Control', file.startsWith(hashedDir) ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  }

  const appPage = async (_request: unknown, reply: FastifyReply) => {
    if (!built || !fs.existsSync(index)) {
      return reply
        .code(503)
        .headers(PAGE_HEADERS)
        .type('text/plain; charset=utf-8')
        .send('The coboard client is not built. Run "npm run build" (npm start does this for you).\n')
    }
    return reply.sendFile('index.html')
  }
  app.get('/', appPage)
  for (const route of ['/b/:boardId', '/b/:boardId/']) {
    app.get<{ Params: { boardId: string } }>(route, async (request, reply) => {
      if (!BOARD_ID.test(request.params.boardId)) return reply.callNotFound()
      return appPage(request, reply)
    })
  }
}
