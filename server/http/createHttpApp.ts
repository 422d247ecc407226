import http, { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import rateLimit from '@fastify/rate-limit'
import type { Redis } from 'ioredis'
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify'
import type { Logger } from 'pino'
import type { BoardHistory } from '../boards/BoardHistory.ts'
import type { BoardService } from '../boards/BoardService.ts'
import type { VoteService } from '../boards/VoteService.ts'
import type { CustomTemplates } from '../boards/CustomTemplates.ts'
import type { TemplateCatalog } from '../boards/TemplateCatalog.ts'
import type { Config } from '../config.ts'
import type { DocStore } from '../store/DocStore.ts'
import type { RoomManager } from '../sync/RoomManager.ts'
import { loggablePath } from '../sync/syncTarget.ts'
import { assetsRoutes } from './assetsRoutes.ts'
import { boardsRoutes } from './boardsRoutes.ts'
import type { HealthReport } from '../../shared/api/config.ts'
import { configRoutes } from './configRoutes.ts'
import { errorBody, HttpError, toHttpError } from './HttpError.ts'
import { linksRoutes } from './linksRoutes.ts'
import { exportRoutes } from './exportRoutes.ts'
import { versionsRoutes } from './versionsRoutes.ts'
import { votesRoutes } from './votesRoutes.ts'
import { addressLimiter } from './rateLimits.ts'
import { staticRoutes } from './staticRoutes.ts'
import { templatesRoutes } from './templatesRoutes.ts'
import { zodValidatorCompiler } from './zodValidation.ts'

/** The largest JSON body the API reads (templates have their own, larger limit). */
const JSON_BODY_LIMIT = 64 * 1024
const HOUR = 60 * 60 * 1000
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Vite's connect middleware stack, as the development server mounts it. */
export type DevMiddleware = (req: http.IncomingMessage, res: http.ServerResponse, next: (error?: unknown) => void) => void

export interface HttpAppOptions {
  config: Config
  log: Logger
  boards: BoardService
  store: DocStore
  rooms: RoomManager
  history: BoardHistory
  votes: VoteService
  catalog: TemplateCatalog
  customTemplates: CustomTemplates
  /** Whether this instance can reach its store and relay (`GET /healthz`). */
  health: () => Promise<HealthReport>
  clientDist: string
  /** Origins whose pages may send state-changing requests (as for the websocket upgrade). */
  allowedOrigins: () => string[]
  /** In development (COBOARD_DEV) Vite's middlewares answer what the API does not. */
  devMiddleware: () => DevMiddleware | undefined
  /** Redis for per-address quotas shared by every instance (REDIS_URL); in memory without it. */
  quotaRedis?: Redis
}

/**
 * The HTTP edge on Fastify: one module per resource, zod schemas from shared/api/ for validation,
 * JSON only (no text/plain, which any page can send cross-site without a preflight), foreign
 * Origins refused for changes, per-address rate limits, and `{ error, message }` for every
 * refusal. Every response carries `X-Content-Type-Options: nosniff`. Returns the instance
 * unstarted; its `server` is the Node HTTP server, whose 'upgrade' events stay with `ws`.
 */
export function createHttpApp(options: HttpAppOptions): FastifyInstance {
  const { config, log } = options
  const app = Fastify<http.Server, http.IncomingMessage, http.ServerResponse, FastifyBaseLogger>({
    loggerInstance: log.child({ component: 'http' }, { level: log.levelVal > 40 ? log.level : 'warn' }),
    // Request logs would carry full URLs; ours say what failed, with paths but never queries.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: typeof config.trustProxy === 'number' ? hopsFromProxy(config.trustProxy) : config.trustProxy,
    bodyLimit: JSON_BODY_LIMIT,
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 200 },
    // nosniff on every response, whoever writes it: routes, 404s, errors, Fastify itself, Vite.
    serverFactory: (handler) =>
      // Node would answer an HTTP/1.1 request without Host itself, bare; we answer it here.
      http.createServer({ requireHostHeader: false }, (req, res) => {
        res.setHeader('X-Content-Type-Options', 'nosniff')
        if (req.headers.host === undefined && req.httpVersion === '1.1') {
          const body = JSON.stringify({ error: 'bad_request', message: 'An HTTP/1.1 request needs a Host header.' })
          res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' })
          res.end(body)
          return
        }
        handler(req, res)
      }),
    // A malformed percent-encoding in the path (`/%zz`) is the client's mistake: 400, not 500.
    frameworkErrors: (error, request, reply) => sendError(reply, toHttpError(error, request)),
    clientErrorHandler: answerClientError,
  })

  app.setValidatorCompiler(zodValidatorCompiler)
  app.setErrorHandler((error, request, reply) => {
    const refusal = toHttpError(error, request)
    if (refusal.statusCode >= 500) log.error({ err: error, method: request.method, path: loggablePath(request.url) }, 'request failed')
    return sendError(reply, refusal)
  })
  app.setNotFoundHandler((request, reply) => {
    const path = loggablePath(request.url)
    const api = path.startsWith('/api/') || path === '/healthz'
    const dev = options.devMiddleware()
    if (dev && !api && (request.method === 'GET' || request.method === 'HEAD')) {
      reply.hijack()
      dev(request.raw, reply.raw, () => {
        if (reply.raw.headersSent) return reply.raw.end()
        reply.raw.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' })
        reply.raw.end(JSON.stringify({ error: 'not_found', message: 'Not found.' }))
      })
      return
    }
    sendError(reply, new HttpError(404, 'not_found', api ? `No API route ${request.method} ${path.slice(0, 200)}.` : 'Not found.'))
  })

  // Bodies are JSON, parsed by Fastify's parser (which refuses __proto__ poisoning), and nothing
  // else: text/plain would let any web page post here without a CORS preflight.
  app.removeContentTypeParser(['application/json', 'text/plain'])
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body)
    if (text.length === 0) return done(new HttpError(400, 'bad_json', 'The request body is empty; send a JSON object.'), undefined)
    parseJson(request, text, (error, value) => (error ? done(jsonError(text), undefined) : done(null, value)))
  })

  app.addHook('onRequest', async (request) => {
    // What the websocket edge refuses with 400 (see parseSyncTarget), plain HTTP refuses alike.
    if (!URL.canParse(request.url, 'http://x')) throw new HttpError(400, 'bad_request', 'The address is not a valid URL.')
    if (SAFE_METHODS.has(request.method)) return
    const origin = request.headers.origin
    if (origin !== undefined && !options.allowedOrigins().includes(origin)) {
      throw new HttpError(403, 'forbidden', `Changes are accepted only from this server's own pages; this request came from ${origin.slice(0, 100)}.`)
    }
  })

  // Several instances count each address's quota together in Redis. If Redis cannot answer,
  // requests go through (skipOnError) rather than fail: /healthz reports Redis as down meanwhile.
  app.register(rateLimit, {
    global: false,
    cache: 10_000,
    ...(options.quotaRedis ? { redis: options.quotaRedis, nameSpace: `${config.cluster.redisPrefix}quota:`, skipOnError: true } : {}),
  })
  app.register(async (api) => {
    api.addHook('onRequest', async (_request, reply) => {
      reply.header('Cache-Control', 'no-store')
    })
    const { quotas } = config
    const creationLimit = addressLimiter(api, { name: 'boards', max: quotas.boardsPerAddressPerHour, windowMs: HOUR, what: 'new boards', per: 'per hour' })
    const uploadLimit = addressLimiter(api, { name: 'uploads', max: quotas.uploadsPerAddressPerMinute, windowMs: 60_000, what: 'uploads', per: 'per minute' })
    const saveLimit = addressLimiter(api, { name: 'template-saves', max: quotas.templateSavesPerAddressPerHour, windowMs: HOUR, what: 'template saves', per: 'per hour' })
    await api.register(configRoutes, { config, health: options.health })
    await api.register(boardsRoutes, { boards: options.boards, templates: options.catalog, customTemplates: options.customTemplates, createBoards: config.createBoards, creationLimit, log })
    await api.register(linksRoutes, { boards: options.boards, log })
    await api.register(versionsRoutes, { boards: options.boards, history: options.history, rooms: options.rooms, log })
    await api.register(votesRoutes, { boards: options.boards, votes: options.votes, log })
    await api.register(exportRoutes, { boards: options.boards, rooms: options.rooms, history: options.history, catalog: options.catalog, log })
    await api.register(assetsRoutes, {
      boards: options.boards,
      store: options.store,
      maxUploadBytes: config.limits.maxUploadBytes,
      maxUploadBytesPerBoard: quotas.maxUploadBytesPerBoard,
      uploadLimit,
    })
    await api.register(templatesRoutes, {
      boards: options.boards,
      rooms: options.rooms,
      catalog: options.catalog,
      customTemplates: options.customTemplates,
      maxTemplateBytes: quotas.maxTemplateBytes,
      saveLimit,
    })
  })
  if (!config.dev) app.register(staticRoutes, { clientDist: options.clientDist })
  return app
}

/** TRUST_PROXY=<n>: believe the n hops nearest to us (Fastify's trustProxy function form). */
function hopsFromProxy(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops
}

function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  return reply.code(error.statusCode).headers(error.headers).type('application/json; charset=utf-8').send(errorBody(error))
}

function jsonError(body: string): HttpError {
  try {
    JSON.parse(body)
  } catch (error) {
    return new HttpError(400, 'bad_json', `The request body is not valid JSON: ${(error as Error).message}`)
  }
  return new HttpError(400, 'bad_json', 'The request body sets __proto__ or constructor.prototype, which is refused.')
}

/**
 * Answers what Node's HTTP parser refused (a request line that is not HTTP, headers too large) in
 * the API's words, then closes that connection only.
 */
function answerClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
  const message =
    status === 431 ? 'The request headers are too large.' : status === 408 ? 'The request took too long to arrive.' : 'The request is not well-formed HTTP.'
  const body = JSON.stringify({ error: 'bad_request', message })
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\n\r\n${body}`,
    )
  }
  socket.destroy()
}
