import type { Logger } from 'pino'
import { CLOSE, type CloseEventSpec } from '../../shared/closeCodes.ts'
import { encodePermissionDenied } from '../../shared/protocol.ts'
import type { Role } from '../../shared/roles.ts'
import { RateLimiter } from './RateLimiter.ts'
import { SOCKET_OPEN, type SocketLike } from './SocketLike.ts'

/** What a connection hands its messages to once its room has loaded. */
export type MessageHandler = (connection: Connection, message: Uint8Array) => Promise<void> | void

export interface ConnectionOptions {
  id: string
  boardId: string
  role: Role
  /** Hash of the token this connection authenticated with: rotating that link closes it. */
  tokenHash: string
  /** Pseudonymous author id on this board, when the client sent its author secret (`a`). */
  authorId?: string
  maxMessagesPerSecond: number
  /** Bytes per second a client may send on average, and the burst it may send at once. */
  bytesPerSecond?: { rate: number; burst: number }
  /** A reader this far behind is disconnected rather than buffered without bound. */
  maxBufferedBytes: number
  log: Logger
  now?: () => number
}

/** Messages held while the room loads; past this the client is flooding. */
const MAX_BUFFERED_WHILE_LOADING = 1000

/**
 * One client's websocket: its role, the awareness ids it controls, its rate limit, and a serial
 * queue so that its messages are handled one at a time, in order, even when handling awaits.
 */
export class Connection {
  readonly id: string
  readonly boardId: string
  readonly role: Role
  readonly tokenHash: string
  readonly authorId: string | undefined
  /**
   * Who this is across reconnects: the author id when the client sent a secret, else the link it
   * used. Owns the Yjs client ids and awareness ids it writes (see UpdateGate, PresenceRegistry).
   */
  readonly ownerKey: string
  readonly log: Logger
  private readonly limiter: RateLimiter
  private readonly byteLimiter: RateLimiter | undefined
  private readonly queue: Uint8Array[] = []
  private handler: MessageHandler | undefined
  private draining = false
  private closedFlag = false
  private deniedSent = false
  private readonly now: () => number
  private readonly closeListeners: Array<() => void> = []

  constructor(
    private readonly socket: SocketLike,
    private readonly options: ConnectionOptions,
  ) {
    this.id = options.id
    this.boardId = options.boardId
    this.role = options.role
    this.tokenHash = options.tokenHash
    this.authorId = options.authorId
    this.ownerKey = options.authorId ? `author:${options.authorId}` : `link:${options.tokenHash}`
    this.log = options.log
    this.now = options.now ?? Date.now
    this.limiter = new RateLimiter(options.maxMessagesPerSecond, options.maxMessagesPerSecond * 2, this.now())
    this.byteLimiter = options.bytesPerSecond
      ? new RateLimiter(options.bytesPerSecond.rate, options.bytesPerSecond.burst, this.now())
      : undefined
  }

  get closed(): boolean {
    return this.closedFlag || this.socket.readyState !== SOCKET_OPEN
  }

  /** Called by the socket layer for every frame; buffers until a handler is attached. */
  receive(message: Uint8Array): void {
    if (this.closedFlag) return
    const now = this.now()
    if (!this.limiter.take(now) || (this.byteLimiter && !this.byteLimiter.take(now, message.length))) {
      this.log.warn({ conn: this.id, board: this.boardId }, 'closing connection: message or byte rate over limit')
      this.close(CLOSE.slowDown)
      return
    }
    if (!this.handler && this.queue.length >= MAX_BUFFERED_WHILE_LOADING) {
      this.close(CLOSE.slowDown)
      return
    }
    this.queue.push(message)
    this.drainSoon()
  }

  /** Starts handing queued and future messages to the room, one at a time. */
  attach(handler: MessageHandler): void {
    this.handler = handler
    this.drainSoon()
  }

  // drain() handles each message's errors itself; this catches what could still escape it.
  private drainSoon(): void {
    this.drain().catch((error: unknown) => {
      this.log.error({ err: error, conn: this.id, board: this.boardId }, 'message queue failed')
      this.close(CLOSE.serverError)
    })
  }

  private async drain(): Promise<void> {
    // Why a flag and not a promise chain: a message handler may await (e.g. for pending writes to
    // become durable); later messages must wait for it so that a client's messages stay in order.
    if (this.draining || !this.handler) return
    this.draining = true
    try {
      while (this.queue.length > 0 && !this.closedFlag) {
        const message = this.queue.shift() as Uint8Array
        try {
          await this.handler(this, message)
        } catch (error) {
          this.log.error({ err: error, conn: this.id, board: this.boardId }, 'message handler failed')
          this.close(CLOSE.serverError)
        }
      }
    } finally {
      this.draining = false
    }
  }

  /** Sends a frame unless the socket is closed; disconnects a reader that has fallen too far behind. */
  send(data: Uint8Array): void {
    if (this.closed) return
    if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.log.warn({ conn: this.id, board: this.boardId }, 'closing connection: client cannot keep up')
      this.close(CLOSE.slowDown)
      return
    }
    try {
      this.socket.send(data)
    } catch (error) {
      this.log.warn({ err: error, conn: this.id }, 'send failed')
      this.close(CLOSE.serverError)
    }
  }

  /** Tells the client, once per connection, that it may not change the board. */
  denyOnce(reason: string): void {
    if (this.deniedSent) return
    this.deniedSent = true
    this.send(encodePermissionDenied(reason))
  }

  /** Closes with a named close code; idempotent. */
  close(spec: CloseEventSpec): void {
    if (this.closedFlag) return
    this.closedFlag = true
    this.queue.length = 0
    try {
      if (this.socket.readyState === SOCKET_OPEN || this.socket.readyState === 0) this.socket.close(spec.code, spec.reason)
    } catch {
      // The socket is already gone; nothing else to do.
    }
    this.notifyClosed()
  }

  /** Called by the socket layer when the peer went away. */
  socketClosed(): void {
    this.closedFlag = true
    this.queue.length = 0
    this.notifyClosed()
  }

  /** Registers a callback run once when the connection closes, whoever closed it. */
  onClose(listener: () => void): void {
    this.closeListeners.push(listener)
  }

  private notifyClosed(): void {
    const listeners = this.closeListeners.splice(0)
    for (const listener of listeners) listener()
  }
}
