import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { WebSocketServer, type WebSocket } from 'ws'
import { CLOSE, type CloseEventSpec } from '../../shared/closeCodes.ts'
import type { BoardService } from '../boards/BoardService.ts'
import { Connection } from './Connection.ts'
import type { RoomManager } from './RoomManager.ts'
import { authorIdFor } from '../../shared/policy/boardRules.ts'
import { newConnectionId } from '../boards/tokens.ts'
import { loggablePath, parseSyncTarget } from './syncTarget.ts'

export interface SyncSocketServerOptions {
  boards: BoardService
  rooms: RoomManager
  log: Logger
  maxMessageBytes: number
  maxMessagesPerSecond: number
  maxBytesPerSecond: number
  /** Origins a browser may connect from; a request without an Origin header is not a browser's. */
  allowedOrigins: () => string[]
  /** How often to ping clients; a client that missed the previous ping is dropped. */
  heartbeatMs?: number
}

/** An author secret as the client makes it: 128+ random bits, base64url. */
const AUTHOR_SECRET_PATTERN = /^[A-Za-z0-9_-]{16,128}$/

/**
 * The websocket edge — the only module that knows about `ws`. It checks Origin and the link's
 * token during the upgrade, then hands a Connection to the board's Room.
 */
export class SyncSocketServer {
  private readonly wss: WebSocketServer
  private readonly heartbeat: NodeJS.Timeout
  private readonly alive = new WeakMap<WebSocket, boolean>()

  constructor(private readonly options: SyncSocketServerOptions) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes,
      // Compression costs CPU on every broadcast and opens the door to decompression bombs.
      perMessageDeflate: false,
    })
    // A handshake ws refuses (not GET, no valid Sec-WebSocket-Key or -Version) is answered here,
    // like every other refusal, rather than by ws's own text/html page.
    this.wss.on('wsClientError', (error, socket, req) => {
      const method = req.method !== 'GET'
      rejectHttp(socket, method ? 405 : 400, method ? 'Method Not Allowed' : 'Bad Request', error.message, method ? { Allow: 'GET' } : { 'Sec-WebSocket-Version': '13, 8' })
    })
    this.heartbeat = setInterval(() => this.ping(), options.heartbeatMs ?? 30_000)
    this.heartbeat.unref()
  }

  /** Whether an HTTP upgrade request is for us (a malformed target is: we answer it with 400). Never throws. */
  handles(req: IncomingMessage): boolean {
    const target = parseSyncTarget(req.url)
    return target.ok || target.status === 400
  }

  /**
   * Handles an HTTP upgrade to /sync/<boardId>?k=<token>. The caller must handle the returned
   * promise (see CoboardServer): an error here closes this socket only.
   */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const target = parseSyncTarget(req.url)
    if (!target.ok) {
      this.options.log.info({ path: loggablePath(req.url), status: target.status, reason: target.reason }, 'refused websocket: bad request target')
      return rejectHttp(socket, target.status, target.status === 400 ? 'Bad Request' : 'Not Found')
    }
    const { boardId, url } = target
    const origin = req.headers.origin
    if (origin !== undefined && !this.options.allowedOrigins().includes(origin)) {
      this.options.log.warn({ board: boardId, origin }, 'refused websocket: origin not allowed')
      return rejectHttp(socket, 403, 'Forbidden')
    }
    let access
    try {
      access = await this.options.boards.authenticate(boardId, url.searchParams.get('k'))
    } catch (error) {
      this.options.log.error({ err: error, board: boardId }, 'token check failed')
      return this.acceptAndClose(req, socket, head, CLOSE.serverError)
    }
    if (!access.ok) {
      this.options.log.info({ board: boardId, reason: access.reason }, 'refused websocket')
      // Accept only to say why: a plain HTTP refusal reaches browser code as an anonymous 1006,
      // and the client would keep retrying a link that can never work.
      return this.acceptAndClose(req, socket, head, access.reason === 'not-found' ? CLOSE.notFound : CLOSE.unauthorized)
    }
    // The browser's author secret (never stored or logged): its hash names the notes it writes.
    const secret = url.searchParams.get('a')
    const authorId = secret && AUTHOR_SECRET_PATTERN.test(secret) ? authorIdFor(boardId, secret) : undefined
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.alive.set(ws, true)
      ws.on('pong', () => this.alive.set(ws, true))
      const connection = new Connection(ws, {
        id: newConnectionId(),
        boardId,
        role: access.role,
        tokenHash: access.tokenHash,
        authorId,
        maxMessagesPerSecond: this.options.maxMessagesPerSecond,
        bytesPerSecond: {
          rate: this.options.maxBytesPerSecond,
          burst: Math.max(this.options.maxBytesPerSecond * 4, this.options.maxMessageBytes * 2),
        },
        maxBufferedBytes: Math.max(16 * 1024 * 1024, this.options.maxMessageBytes * 4),
        log: this.options.log,
      })
      // Listen before any await: messages arriving while the room loads are queued, not lost.
      ws.on('message', (data, isBinary) => {
        if (!isBinary) {
          connection.close(CLOSE.badMessage)
          return
        }
        connection.receive(toBytes(data))
      })
      ws.on('close', () => connection.socketClosed())
      ws.on('error', (error) => {
        this.options.log.warn({ err: error, conn: connection.id, board: boardId }, 'websocket error')
        connection.close(sizeError(error) ? CLOSE.messageTooBig : CLOSE.badMessage)
      })
      this.options.log.info({ conn: connection.id, board: boardId, role: access.role }, 'connected')
      connection.onClose(() => this.options.log.info({ conn: connection.id, board: boardId }, 'disconnected'))
      this.join(connection).catch((error: unknown) => {
        this.options.log.error({ err: error, conn: connection.id, board: boardId }, 'joining the board failed')
        connection.close(CLOSE.serverError)
      })
    })
  }

  private async join(connection: Connection): Promise<void> {
    let room
    try {
      room = await this.options.rooms.acquire(connection.boardId)
    } catch (error) {
      this.options.log.error({ err: error, board: connection.boardId }, 'could not load board')
      connection.close(CLOSE.serverError)
      return
    }
    if (connection.closed || !room.join(connection)) {
      this.options.rooms.releaseIfEmpty(room)
      return
    }
    // The link may have been rotated while this connection was being set up.
    if (!(await this.options.boards.stillValid(connection.boardId, connection.tokenHash))) {
      connection.close(CLOSE.unauthorized)
    }
  }

  private acceptAndClose(req: IncomingMessage, socket: Duplex, head: Buffer, spec: CloseEventSpec): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // Whatever the client sends before the close completes (a malformed frame is an 'error'
      // event) ends this socket only; without a listener it would end the process.
      ws.on('error', () => ws.terminate())
      ws.close(spec.code, spec.reason)
    })
  }

  private ping(): void {
    for (const ws of this.wss.clients) {
      if (this.alive.get(ws) === false) {
        ws.terminate()
        continue
      }
      this.alive.set(ws, false)
      ws.ping()
    }
  }

  /** Closes every socket and stops the heartbeat. */
  stop(): void {
    clearInterval(this.heartbeat)
    for (const ws of this.wss.clients) ws.close(CLOSE.goingAway.code, CLOSE.goingAway.reason)
    this.wss.close()
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

function sizeError(error: Error): boolean {
  return (error as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' || /max payload/i.test(error.message)
}

function rejectHttp(socket: Duplex, status: number, text: string, body = '', headers: Record<string, string> = {}): void {
  // A socket the client already reset cannot be written to; end() then destroy() either way.
  if (socket.writable) {
    const extra = Object.entries({ ...(body ? { 'Content-Type': 'text/plain; charset=utf-8' } : {}), ...headers })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')
    socket.end(
      `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\n${extra}\r\n${body}`,
    )
  }
  socket.destroy()
}
