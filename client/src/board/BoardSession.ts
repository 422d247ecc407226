import { atom, type Atom } from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { DEFAULT_CHUNK_BYTES, sendInChunks } from '../sync/chunkedSending.ts'
import { decideOnClose, retryDelayMs, type ConnectionState } from './connectionState.ts'

/** The browser APIs a session needs; a parameter so the session never reaches for globals. */
export interface SessionEnvironment {
  origin: string
  isOnline: () => boolean
  addEventListener: (type: 'online' | 'offline', listener: () => void) => void
  removeEventListener: (type: 'online' | 'offline', listener: () => void) => void
}

/**
 * One open board in this tab: its Y.Doc, the local cache (IndexedDB) and the connection to the
 * server (y-websocket), plus the connection state the status indicator shows. Everything it starts
 * is stopped by `dispose()`.
 */
export class BoardSession {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly state: Atom<ConnectionState> = atom('board connection', { kind: 'connecting' })
  private readonly persistence: IndexeddbPersistence
  private readonly env: SessionEnvironment
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private retryAttempt = 0
  private disposed = false
  private readonly stopChunking: () => void
  private chunkBytes: number
  private readonly onReset: (() => void) | undefined

  constructor(options: {
    boardId: string
    token: string
    env: SessionEnvironment
    /** This browser's author secret (authorKey.ts): the server names our notes after it. */
    authorSecret?: string
    /** Largest frame to send; big offline work and pastes go out in parts of this size. */
    chunkBytes?: number
    /** Called when the server refused a change of ours: the caller discards this copy and reopens. */
    onReset?: () => void
  }) {
    this.env = options.env
    this.onReset = options.onReset
    // The cache is keyed by board, not by link: a rotated link still opens the same content.
    this.persistence = new IndexeddbPersistence(`coboard:board:${options.boardId}`, this.doc)
    this.provider = new WebsocketProvider(
      options.env.origin.replace(/^http/, 'ws') + '/sync',
      options.boardId,
      this.doc,
      {
        connect: false,
        params: options.authorSecret ? { k: options.token, a: options.authorSecret } : { k: options.token },
        // Cross-tab relaying would let tabs holding different links (say an observer's and a
        // participant's) exchange updates without the server checking roles. The server decides.
        disableBc: true,
        // We handle every server-initiated close that is not an ordinary network drop ourselves:
        // permanent ones stop, "come back later" ones wait longer than y-websocket's 2.5 s cap.
        shouldReconnect: (event) => decideOnClose(event.code).action === 'reconnect',
      },
    )
    this.chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES
    this.stopChunking = sendInChunks(this.provider, () => this.chunkBytes)
    this.provider.on('status', this.onStatus)
    this.provider.on('sync', this.onSync)
    this.provider.on('closed', this.onClosed)
    this.env.addEventListener('online', this.onOnline)
    this.env.addEventListener('offline', this.onOffline)
  }

  /** Sets the largest part big changes are sent in (from the server's MAX_MESSAGE_BYTES). */
  setChunkBytes(bytes: number): void {
    this.chunkBytes = bytes
  }

  /** The presence channel (cursors, names, viewports) of this board. */
  get awareness() {
    return this.provider.awareness
  }

  /** Opens the connection, unless the device is offline (then `online` opens it). */
  start(): void {
    if (this.env.isOnline()) this.provider.connect()
    else this.state.set({ kind: 'offline' })
  }

  /**
   * Resolves once there is something worth showing: the server's state, or a non-empty local
   * cache (which is what makes a reload show the board at once, before the network answers).
   */
  whenContentReady(): Promise<void> {
    return new Promise((resolve) => {
      if (this.provider.synced) return resolve()
      const done = () => {
        this.provider.off('sync', onSync)
        resolve()
      }
      const onSync = (synced: boolean) => synced && done()
      this.provider.on('sync', onSync)
      void this.persistence.whenSynced.then(() => {
        // Offline with nothing cached: show the (empty) board rather than wait forever.
        if (this.doc.store.clients.size > 0 || !this.env.isOnline()) done()
      })
    })
  }

  dispose(): void {
    if (this.disposed) return
    this.stopAll()
    this.persistence.destroy().catch(() => {})
    this.doc.destroy()
  }

  /**
   * Stops the session and deletes this board's local copy (IndexedDB), so that the next session
   * starts from the server's state. Used after the server refused a change of ours (4409).
   */
  async discardLocalCopy(): Promise<void> {
    if (this.disposed) return
    this.stopAll()
    try {
      await this.persistence.clearData()
    } finally {
      this.doc.destroy()
    }
  }

  private stopAll(): void {
    this.disposed = true
    clearTimeout(this.retryTimer)
    this.env.removeEventListener('online', this.onOnline)
    this.env.removeEventListener('offline', this.onOffline)
    this.provider.off('status', this.onStatus)
    this.provider.off('sync', this.onSync)
    this.provider.off('closed', this.onClosed)
    this.stopChunking()
    this.provider.destroy()
  }

  private isStopped(): boolean {
    return this.state.get().kind === 'stopped'
  }

  private readonly onStatus = ({ status }: { status: 'connected' | 'connecting' | 'disconnected' }) => {
    if (this.isStopped()) return
    if (!this.env.isOnline()) return this.state.set({ kind: 'offline' })
    if (status === 'connected') this.state.set(this.provider.synced ? { kind: 'synced' } : { kind: 'syncing' })
    else if (status === 'connecting' || status === 'disconnected') {
      const current = this.state.get()
      this.state.set({ kind: 'connecting', retry: current.kind === 'connecting' ? current.retry : undefined })
    }
  }

  private readonly onSync = (synced: boolean) => {
    if (this.isStopped() || !synced) return
    this.retryAttempt = 0
    this.state.set({ kind: 'synced' })
  }

  private readonly onClosed = ({ code }: { code: number; reason: string }) => {
    const decision = decideOnClose(code)
    if (decision.action === 'reset') {
      clearTimeout(this.retryTimer)
      this.state.set({ kind: 'connecting' })
      this.onReset?.()
    } else if (decision.action === 'stop') {
      // y-websocket already set shouldConnect=false; nothing will reconnect this session.
      clearTimeout(this.retryTimer)
      this.state.set({ kind: 'stopped', reason: decision.reason })
    } else if (decision.action === 'retryLater') {
      this.state.set({ kind: 'connecting', retry: decision.reason })
      clearTimeout(this.retryTimer)
      this.retryTimer = setTimeout(() => {
        if (!this.disposed && this.env.isOnline()) this.provider.connect()
      }, retryDelayMs(this.retryAttempt++, Math.random))
    }
  }

  private readonly onOffline = () => {
    if (this.isStopped()) return
    // Why disconnect explicitly: a socket can stay "open" for a long time after the network is
    // gone; closing it now makes the status honest and the reconnect on `online` immediate.
    clearTimeout(this.retryTimer)
    this.provider.disconnect()
    this.state.set({ kind: 'offline' })
  }

  private readonly onOnline = () => {
    if (this.isStopped() || this.disposed) return
    this.state.set({ kind: 'connecting' })
    this.provider.connect()
  }
}

/** The real browser environment for a session. */
export function browserSessionEnvironment(win: Window): SessionEnvironment {
  return {
    origin: win.location.origin,
    isOnline: () => win.navigator.onLine,
    addEventListener: (type, listener) => win.addEventListener(type, listener),
    removeEventListener: (type, listener) => win.removeEventListener(type, listener),
  }
}
