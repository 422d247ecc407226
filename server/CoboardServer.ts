import { createTLSchema } from '@tldraw/tlschema'
import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { BoardHistory } from './boards/BoardHistory.ts'
import { NameScrubber } from './boards/NameScrubber.ts'
import { VoteService } from './boards/VoteService.ts'
import { BoardService, type SeedBoard } from './boards/BoardService.ts'
import { CustomTemplates } from './boards/CustomTemplates.ts'
import { type Config, defaultAllowedOrigins } from './config.ts'
import { createHttpApp, type DevMiddleware } from './http/createHttpApp.ts'
import { RoomManager } from './sync/RoomManager.ts'
import { createBoardSeeder } from './boards/seedBoard.ts'
import { SyncSocketServer } from './sync/SyncSocketServer.ts'
import { loggablePath } from './sync/syncTarget.ts'
import type { DocStore } from './store/DocStore.ts'
import { TemplateCatalog } from './boards/TemplateCatalog.ts'
import { openQuotaRedis, openRelay, openStore } from './cluster/backends.ts'
import { checkHealth } from './cluster/health.ts'
import type { Relay } from './cluster/Relay.ts'

/** The repository root, where client/dist and templates/ live. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface CoboardServerDeps {
  store?: DocStore
  relay?: Relay
  /** Redis for the per-address quotas shared by instances (REDIS_URL); none counts in memory. */
  quotaRedis?: Redis
  templates?: TemplateCatalog
  seed?: SeedBoard
  /** Directory of the built client; defaults to client/dist. */
  clientDist?: string
}

/** What a server is built from once its backends are open (see CoboardServer.open). */
type OpenDeps = CoboardServerDeps & { store: DocStore; relay: Relay }

/**
 * One coboard process: HTTP API, static client, websocket sync, rooms and storage, wired from one
 * validated Config. `open()` builds it, `start()` listens; `stop()` stores everything and leaves
 * no timers behind.
 */
export class CoboardServer {
  private readonly store: DocStore
  private readonly relay: Relay
  private readonly rooms: RoomManager
  private readonly history: BoardHistory
  private readonly nameScrubber: NameScrubber
  private readonly votes: VoteService
  private readonly boards: BoardService
  private readonly sockets: SyncSocketServer
  private readonly app: FastifyInstance
  private readonly customTemplates: CustomTemplates
  private readonly quotaRedis: Redis | undefined
  private resolvedPublicUrl: string | undefined
  private viteServer: { close(): Promise<void>; middlewares: DevMiddleware } | undefined

  /**
   * Opens the backends the configuration asks for — SQLite by default; PostgreSQL (DATABASE_URL)
   * and Redis (REDIS_URL) for several instances, their client libraries loaded only then — and
   * builds the server on them. Backends given in `deps` are used as they are.
   */
  static async open(config: Config, log: Logger, deps: CoboardServerDeps = {}): Promise<CoboardServer> {
    const store = deps.store ?? (await openStore(config, log))
    const relay = deps.relay ?? (await openRelay(config, log))
    const quotaRedis = deps.quotaRedis ?? (await openQuotaRedis(config, log))
    return new CoboardServer(config, log, { ...deps, store, relay, quotaRedis })
  }

  private constructor(
    private readonly config: Config,
    private readonly log: Logger,
    deps: OpenDeps,
  ) {
    this.store = deps.store
    this.relay = deps.relay
    this.quotaRedis = deps.quotaRedis
    const templates = deps.templates ?? new TemplateCatalog(path.join(PROJECT_ROOT, 'templates'))
    this.customTemplates = new CustomTemplates({
      store: this.store,
      catalog: templates,
      log,
      maxPerBoard: config.quotas.maxTemplatesPerBoard,
      maxTotal: config.quotas.maxCustomTemplates,
      maxBytes: config.quotas.maxTemplateBytes,
      relay: this.relay,
    })
    const schema = createTLSchema()
    this.rooms = new RoomManager({
      store: this.store,
      log,
      schema,
      limits: {
        maxBoardBytes: config.limits.maxBoardBytes,
        maxConnections: config.limits.maxConnectionsPerBoard,
        maxMessageBytes: config.limits.maxMessageBytes,
        maxPresenceBytes: config.limits.maxPresenceBytes,
        maxRecordBytes: config.limits.maxRecordBytes,
        maxPendingBytesPerConnection: config.limits.maxPendingBytesPerConnection,
        maxPendingBytesPerBoard: config.limits.maxPendingBytesPerBoard,
      },
      compactAfterUpdates: config.compactAfterUpdates,
      roomIdleMs: config.roomIdleMs,
      relay: this.relay,
      catchUpCheckMs: config.cluster.catchUpCheckMs,
      hooks: {
        loaded: (room) => this.history.track(room),
        beforeUnload: (room) => this.history.saveIfChanged(room),
        madeAnonymous: (room) => {
          this.nameScrubber.scrub(room).catch((error: unknown) => log.error({ err: error, board: room.boardId }, 'could not remove the names stored before a board was made anonymous'))
        },
      },
    })
    this.history = new BoardHistory({
      store: this.store.versions,
      rooms: this.rooms,
      log,
      schema,
      autoIntervalMs: config.versionIntervalMs,
    })
    this.nameScrubber = new NameScrubber({ store: this.store, history: this.history, log })
    this.votes = new VoteService({ store: this.store.ballots, rooms: this.rooms, log, rescanMs: this.relay.shared ? 30_000 : undefined })
    this.boards = new BoardService({
      store: this.store,
      rooms: this.rooms,
      seed: deps.seed ?? createBoardSeeder(templates),
      publicUrl: () => this.publicUrl,
    })
    const allowedOrigins = () => config.allowedOrigins ?? defaultAllowedOrigins(this.publicUrl)
    this.sockets = new SyncSocketServer({
      boards: this.boards,
      rooms: this.rooms,
      log,
      maxMessageBytes: config.limits.maxMessageBytes,
      maxMessagesPerSecond: config.limits.maxMessagesPerSecond,
      maxBytesPerSecond: config.limits.maxBytesPerSecond,
      allowedOrigins,
    })
    this.app = createHttpApp({
      config,
      log,
      boards: this.boards,
      store: this.store,
      rooms: this.rooms,
      history: this.history,
      votes: this.votes,
      catalog: templates,
      customTemplates: this.customTemplates,
      health: () => checkHealth(this.store, this.relay),
      clientDist: deps.clientDist ?? path.join(PROJECT_ROOT, 'client', 'dist'),
      allowedOrigins,
      devMiddleware: () => this.viteServer?.middlewares,
      quotaRedis: this.quotaRedis,
    })
    this.app.server.on('upgrade', (req: http.IncomingMessage, socket, head) => {
      // Node hands the socket over without an 'error' listener: a client that resets it while the
      // token is checked would otherwise be an uncaught exception.
      socket.on('error', (error) => {
        log.debug({ err: error }, 'upgrade socket error')
        socket.destroy()
      })
      if (this.sockets.handles(req)) {
        this.sockets.handleUpgrade(req, socket, head).catch((error: unknown) => {
          log.error({ err: error, path: loggablePath(req.url) }, 'websocket upgrade failed')
          socket.destroy()
        })
      } else if (!this.viteServer) {
        socket.destroy()
      }
    })
  }

  /** The base URL of board links. */
  get publicUrl(): string {
    return this.resolvedPublicUrl ?? this.config.publicUrl ?? `http://localhost:${this.config.port}`
  }

  /** Checks the store, loads custom templates and listens on the configured host and port (0 picks a free one). */
  async start(): Promise<{ port: number; url: string }> {
    await this.checkStore()
    await this.customTemplates.load()
    await this.votes.resume()
    if (this.config.dev) await this.startVite()
    await this.app.listen({ port: this.config.port, host: this.config.host })
    const port = (this.app.server.address() as AddressInfo).port
    this.resolvedPublicUrl = this.config.publicUrl ?? `http://localhost:${port}`
    return { port, url: this.resolvedPublicUrl }
  }

  /** A damaged database must be said out loud at start, naming the boards it touches. */
  private async checkStore(): Promise<void> {
    const report = await this.store.checkIntegrity()
    if (report.ok) return
    this.log.error(
      { problems: report.problems, damagedBoards: report.damagedBoards },
      `the database file is damaged; ${report.damagedBoards.length} board(s) cannot be read in full and will load only what is still readable. ` +
        'Restore coboard.sqlite from a backup (see README, "Deploying").',
    )
  }

  private async startVite(): Promise<void> {
    const { createServer } = await import('vite')
    this.viteServer = await createServer({
      configFile: path.join(PROJECT_ROOT, 'vite.config.ts'),
      server: { middlewareMode: true, ws: { server: this.app.server } },
      appType: 'spa',
    })
  }

  /** Stops accepting, closes every connection, stores every board and closes the store. */
  async stop(): Promise<void> {
    this.sockets.stop()
    await this.app.close()
    await this.rooms.stop()
    this.history.stop()
    this.votes.stop()
    this.customTemplates.stop()
    await this.viteServer?.close()
    await this.relay.close()
    this.quotaRedis?.disconnect()
    await this.store.close()
  }
}
