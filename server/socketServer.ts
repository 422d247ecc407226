import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { WebSocketServer, type WebSocket } from 'ws'
import { CLOSE, type CloseEventSpec } from '../shared/closeCodes.ts'
import type { BoardService } from './BoardService.ts'
import { Connection } from './Connection.ts'
import type { RoomManager } from './RoomManager.ts'
import { newConnectionId } from './tokens.ts'

export interface SyncSocketServerOptions {
  boards: BoardService
  rooms: RoomManager
  log: Logger
  maxMessageBytes: number
  maxMessagesPerSecond: number
  /** Origins a browser may connect from; a request without an Origin header is not a browser's. */
  allowedOrigins: () => string[]
  /** How often to ping clients; a client that missed the previous ping is dropped. */
  heartbeatMs?: number
}

const SYNC_PATH = /^\/sync\/([^/?#]+)$/

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
    this.heartbeat = setInterval(() => this.ping(), options.heartbeatMs ?? 30_000)
    this.heartbeat.unref()
  }

  /** Whether an HTTP upgrade request is for us. */
  handles(req: IncomingMessage): boolean {
    return SYNC_PATH.test(new URL(req.url ?? '/', 'http://x').pathname)
  }

  /** Handles an HTTP upgrade to /sync/<boardId>?k=<token>. */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x')
    const match = SYNC_PATH.exec(url.pathname)
    if (!match) return rejectHttp(socket, 404, 'Not Found')
    const boardId = decodeURIComponent(match[1])
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
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.alive.set(ws, true)
      ws.on('pong', () => this.alive.set(ws, true))
      const connection = new Connection(ws, {
        id: newConnectionId(),
        boardId,
        role: access.role,
        tokenHash: access.tokenHash,
        maxMessagesPerSecond: this.options.maxMessagesPerSecond,
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
      void this.join(connection)
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
    this.wss.handleUpgrade(req, socket, head, (ws) => ws.close(spec.code, spec.reason))
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

function rejectHttp(socket: Duplex, status: number, text: string): void {
  socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  socket.destroy()
}
