import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Logger } from 'pino'
import { createApi } from './api.ts'
import { BoardService, type SeedBoard } from './BoardService.ts'
import { type Config, defaultAllowedOrigins } from './config.ts'
import { parseTemplate } from '../shared/templates/templateSchema.ts'
import { RoomManager } from './RoomManager.ts'
import { createBoardSeeder } from './seedBoard.ts'
import { SyncSocketServer } from './socketServer.ts'
import { createStaticHandler } from './staticFiles.ts'
import type { DocStore } from './store/DocStore.ts'
import { TemplateCatalog } from './TemplateCatalog.ts'
import { SqliteDocStore } from './store/SqliteDocStore.ts'

/** The repository root, where client/dist and templates/ live. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface CoboardServerDeps {
  store?: DocStore
  templates?: TemplateCatalog
  seed?: SeedBoard
  /** Directory of the built client; defaults to client/dist. */
  clientDist?: string
}

/**
 * One coboard process: HTTP API, static client, websocket sync, rooms and storage, wired from one
 * validated Config. `start()` listens; `stop()` stores everything and leaves no timers behind.
 */
export class CoboardServer {
  private readonly store: DocStore
  private readonly rooms: RoomManager
  private readonly boards: BoardService
  private readonly sockets: SyncSocketServer
  private readonly httpServer: http.Server
  private readonly templates: TemplateCatalog
  private resolvedPublicUrl: string | undefined
  private viteServer: { close(): Promise<void>; middlewares: http.RequestListener } | undefined

  constructor(
    private readonly config: Config,
    private readonly log: Logger,
    deps: CoboardServerDeps = {},
  ) {
    if (config.databaseUrl || config.redisUrl) {
      throw new Error(
        'DATABASE_URL / REDIS_URL are set, but this version of coboard only has the embedded SQLite store. ' +
          'Unset them to use the embedded store under DATA_DIR.',
      )
    }
    this.store =
      deps.store ??
      new SqliteDocStore({
        dataDir: config.dataDir,
        synchronous: config.sqliteSynchronous,
        onError: (message) => log.error({ error: message }, 'WAL checkpoint failed'),
      })
    const templates = deps.templates ?? new TemplateCatalog(path.join(PROJECT_ROOT, 'templates'))
    this.templates = templates
    this.rooms = new RoomManager({
      store: this.store,
      log,
      maxBoardBytes: config.limits.maxBoardBytes,
      maxConnectionsPerBoard: config.limits.maxConnectionsPerBoard,
      compactAfterUpdates: config.compactAfterUpdates,
      roomIdleMs: config.roomIdleMs,
    })
    this.boards = new BoardService({
      store: this.store,
      rooms: this.rooms,
      seed: deps.seed ?? createBoardSeeder(templates),
      publicUrl: () => this.publicUrl,
    })
    this.sockets = new SyncSocketServer({
      boards: this.boards,
      rooms: this.rooms,
      log,
      maxMessageBytes: config.limits.maxMessageBytes,
      maxMessagesPerSecond: config.limits.maxMessagesPerSecond,
      allowedOrigins: () => config.allowedOrigins ?? defaultAllowedOrigins(this.publicUrl),
    })
    const api = createApi({
      boards: this.boards,
      store: this.store,
      rooms: this.rooms,
      templates,
      maxUploadBytes: config.limits.maxUploadBytes,
      tldrawLicenseKey: config.tldrawLicenseKey,
      log,
    })
    const serveStatic = createStaticHandler(deps.clientDist ?? path.join(PROJECT_ROOT, 'client', 'dist'))
    this.httpServer = http.createServer((req, res) => {
      void (async () => {
        if (await api(req, res)) return
        if (this.viteServer) {
          this.viteServer.middlewares(req, res)
          return
        }
        if (await serveStatic(req, res)) return
        res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify({ error: 'not_found', message: 'Not found.' }))
      })().catch((error: unknown) => {
        log.error({ err: error, path: req.url?.split('?')[0] }, 'request failed')
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify({ error: 'server_error', message: 'Something went wrong on the server.' }))
      })
    })
    this.httpServer.on('upgrade', (req, socket, head) => {
      if (this.sockets.handles(req)) {
        void this.sockets.handleUpgrade(req, socket, head)
      } else if (!this.viteServer) {
        socket.destroy()
      }
    })
  }

  /** The base URL of board links. */
  get publicUrl(): string {
    return this.resolvedPublicUrl ?? this.config.publicUrl ?? `http://localhost:${this.config.port}`
  }

  /** Listens on the configured host and port (0 picks a free port). */
  async start(): Promise<{ port: number; url: string }> {
    await this.loadCustomTemplates()
    if (this.config.dev) await this.startVite()
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once('error', reject)
      this.httpServer.listen(this.config.port, this.config.host, () => {
        this.httpServer.off('error', reject)
        resolve()
      })
    })
    const port = (this.httpServer.address() as AddressInfo).port
    this.resolvedPublicUrl = this.config.publicUrl ?? `http://localhost:${port}`
    return { port, url: this.resolvedPublicUrl }
  }

  /** Facilitators' own templates, kept in the store; one that no longer validates is skipped, not fatal. */
  private async loadCustomTemplates(): Promise<void> {
    for (const { id, json } of await this.store.listCustomTemplates()) {
      let parsed
      try {
        parsed = parseTemplate(JSON.parse(json))
      } catch {
        parsed = { ok: false as const, errors: ['not JSON'] }
      }
      if (parsed.ok) this.templates.addCustom(parsed.template)
      else this.log.error({ template: id, errors: parsed.errors }, 'stored custom template no longer validates; skipped')
    }
  }

  private async startVite(): Promise<void> {
    const { createServer } = await import('vite')
    this.viteServer = await createServer({
      configFile: path.join(PROJECT_ROOT, 'vite.config.ts'),
      server: { middlewareMode: true, ws: { server: this.httpServer } },
      appType: 'spa',
    })
  }

  /** Stops accepting, closes every connection, stores every board and closes the store. */
  async stop(): Promise<void> {
    this.sockets.stop()
    await new Promise<void>((resolve) => {
      this.httpServer.close(() => resolve())
      this.httpServer.closeAllConnections()
    })
    await this.rooms.stop()
    await this.viteServer?.close()
    await this.store.close()
  }
}
