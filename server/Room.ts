import type { Logger } from 'pino'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CLOSE, type CloseEventSpec } from '../shared/closeCodes.ts'
import {
  type AwarenessEntry,
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAwareness,
  encodeAwarenessUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
} from '../shared/protocol.ts'
import { canEditDocument } from '../shared/roles.ts'
import { Connection } from './Connection.ts'
import { FacilitatorGuard } from './FacilitatorGuard.ts'
import type { DocStore } from './store/DocStore.ts'

/** Where a change to a room's document came from; updates from the store are not saved again. */
export type UpdateOrigin = { source: 'store' } | { source: 'server' } | Connection

export interface RoomOptions {
  boardId: string
  store: DocStore
  log: Logger
  maxBoardBytes: number
  maxConnections: number
  compactAfterUpdates: number
  /** Called when the last connection leaves. */
  onEmpty: (room: Room) => void
  /** Called when the room can no longer persist and must be dropped from memory. */
  onBroken: (room: Room) => void
}

/** A client may announce a few awareness ids (one per Y.Doc it syncs); more is abuse. */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4

interface PendingUpdate {
  update: Uint8Array
  origin: Connection | null
}

/**
 * One board in memory: its Y.Doc, awareness and connections. Updates are applied to the document,
 * appended to the store in one write per event-loop turn (group commit), and only then relayed.
 */
export class Room {
  readonly boardId: string
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  private readonly connections = new Set<Connection>()
  /** Which connection announced each awareness client id: only it may change or remove that id. */
  private readonly awarenessOwners = new Map<number, Connection>()
  private readonly log: Logger
  private pending: PendingUpdate[] = []
  private writeChain: Promise<void> = Promise.resolve()
  private flushTimer: NodeJS.Immediate | undefined
  private lastSeq: number
  private logLength: number
  private storedBytes: number
  private compactionQueued = false
  private broken = false
  private destroyed = false
  private readonly guard: FacilitatorGuard

  private constructor(
    private readonly options: RoomOptions,
    doc: Y.Doc,
    stored: { lastSeq: number; logLength: number; bytes: number },
  ) {
    this.boardId = options.boardId
    this.log = options.log.child({ board: options.boardId })
    this.doc = doc
    this.lastSeq = stored.lastSeq
    this.logLength = stored.logLength
    this.storedBytes = stored.bytes
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server is not a participant: it holds no presence of its own.
    this.awareness.setLocalState(null)
    this.guard = new FacilitatorGuard(
      doc,
      (origin) => (origin instanceof Connection ? { role: origin.role, id: origin.id } : origin ? 'trusted' : undefined),
      this.log,
    )
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** Loads a board's document from the store; bad stored updates are logged and skipped. */
  static async load(options: RoomOptions): Promise<Room> {
    const stored = await options.store.loadDoc(options.boardId)
    const doc = new Y.Doc({ gc: true })
    const origin: UpdateOrigin = { source: 'store' }
    let skipped = 0
    doc.transact(() => {
      if (stored.snapshot) {
        try {
          Y.applyUpdateV2(doc, stored.snapshot, origin)
        } catch (error) {
          skipped++
          options.log.error({ err: error, board: options.boardId }, 'unreadable stored snapshot')
        }
      }
      for (const update of stored.updates) {
        try {
          Y.applyUpdate(doc, update, origin)
        } catch (error) {
          skipped++
          options.log.error({ err: error, board: options.boardId }, 'skipping unreadable stored update')
        }
      }
    }, origin)
    if (skipped > 0) options.log.error({ board: options.boardId, skipped }, 'board loaded with unreadable updates')
    return new Room(options, doc, {
      lastSeq: stored.lastSeq,
      logLength: stored.updates.length,
      // The size limit counts what a joining client downloads (v1), not what the disk holds.
      bytes: Y.encodeStateAsUpdate(doc).length,
    })
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Adds a connection: false (and the connection closed) when the board is full. */
  join(connection: Connection): boolean {
    if (this.destroyed || this.broken) {
      connection.close(CLOSE.serverError)
      return false
    }
    if (this.connections.size >= this.options.maxConnections) {
      this.log.warn({ conn: connection.id }, 'refusing connection: board full')
      connection.close(CLOSE.boardFull)
      return false
    }
    this.connections.add(connection)
    connection.onClose(() => this.leave(connection))
    // Ask writers for what they have that we lack (offline edits); observers' content is not wanted.
    if (canEditDocument(connection.role)) connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const present = [...this.awareness.getStates().keys()]
    if (present.length > 0) {
      connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)))
    }
    connection.attach(this.handleMessage)
    return true
  }

  private leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    for (const id of connection.awarenessIds) {
      if (this.awarenessOwners.get(id) === connection) this.awarenessOwners.delete(id)
    }
    if (connection.awarenessIds.size > 0 && !this.destroyed) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], connection)
    }
    if (this.connections.size === 0) this.options.onEmpty(this)
  }

  /** Closes every connection the predicate selects, with the given close code. */
  closeConnections(select: (connection: Connection) => boolean, spec: CloseEventSpec): number {
    let closed = 0
    for (const connection of [...this.connections]) {
      if (select(connection)) {
        connection.close(spec)
        closed++
      }
    }
    return closed
  }

  private readonly handleMessage = async (connection: Connection, bytes: Uint8Array): Promise<void> => {
    let message
    try {
      message = decodeMessage(bytes)
    } catch (error) {
      this.refuse(connection, error)
      return
    }
    switch (message.type) {
      case 'sync-step1': {
        // Durable before relayed: the reply carries the whole document, so wait until everything
        // already applied to it is in the store.
        await this.whenPersisted()
        if (connection.closed) return
        let reply: Uint8Array
        try {
          reply = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector))
        } catch (error) {
          this.refuse(connection, error)
          return
        }
        connection.send(reply)
        return
      }
      case 'sync-step2':
      case 'update':
        this.applyClientUpdate(connection, message.update)
        return
      case 'awareness':
        this.applyClientAwareness(connection, message.update)
        return
      case 'query-awareness': {
        const present = [...this.awareness.getStates().keys()]
        connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)))
        return
      }
      default: {
        const exhaustive: never = message
        throw new Error(`unhandled message ${JSON.stringify(exhaustive)}`)
      }
    }
  }

  private refuse(connection: Connection, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error)
    this.log.warn({ conn: connection.id, reason }, 'closing connection: malformed message')
    connection.close(CLOSE.badMessage)
  }

  private applyClientUpdate(connection: Connection, update: Uint8Array): void {
    if (!canEditDocument(connection.role)) {
      this.log.info({ conn: connection.id, role: connection.role, bytes: update.length }, 'dropped update from read-only link')
      connection.denyOnce('this link can view the board but not change it')
      return
    }
    if (this.storedBytes + update.length > this.options.maxBoardBytes) {
      // storedBytes counts the whole log; measure the real document before refusing.
      const actual = Y.encodeStateAsUpdate(this.doc).length
      if (actual + update.length > this.options.maxBoardBytes) {
        this.log.warn({ conn: connection.id, actual, update: update.length }, 'refusing update: board too large')
        connection.close(CLOSE.boardTooLarge)
        return
      }
      // Measured: count from the real size until the compaction below replaces the log, so that
      // the next updates do not each pay for encoding the whole document.
      this.storedBytes = actual
      this.queueCompaction()
    }
    try {
      Y.applyUpdate(this.doc, update, connection)
    } catch (error) {
      this.refuse(connection, error)
    }
  }

  private applyClientAwareness(connection: Connection, update: Uint8Array): void {
    let entries: AwarenessEntry[]
    try {
      entries = decodeAwarenessUpdate(update)
    } catch (error) {
      this.refuse(connection, error)
      return
    }
    const allowed: AwarenessEntry[] = []
    for (const entry of entries) {
      const owner = this.awarenessOwners.get(entry.clientId)
      if (owner !== undefined && owner !== connection) {
        this.log.warn({ conn: connection.id, clientId: entry.clientId }, 'dropped awareness for a client id owned by another connection')
        continue
      }
      if (!connection.awarenessIds.has(entry.clientId)) {
        if (entry.state === null) continue
        if (connection.awarenessIds.size >= MAX_AWARENESS_IDS_PER_CONNECTION) {
          this.log.warn({ conn: connection.id }, 'dropped awareness: too many client ids on one connection')
          continue
        }
        connection.awarenessIds.add(entry.clientId)
        this.awarenessOwners.set(entry.clientId, connection)
      }
      allowed.push(entry)
    }
    if (allowed.length === 0) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(allowed), connection)
    for (const entry of allowed) {
      if (entry.state === null) {
        connection.awarenessIds.delete(entry.clientId)
        this.awarenessOwners.delete(entry.clientId)
      }
    }
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed]
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(message)
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (typeof origin === 'object' && origin !== null && (origin as { source?: string }).source === 'store') return
    this.pending.push({ update, origin: origin instanceof Connection ? origin : null })
    this.storedBytes += update.length
    if (this.flushTimer === undefined) {
      // Group commit: everything applied in this turn of the event loop goes to the store in one write.
      this.flushTimer = setImmediate(() => {
        this.flushTimer = undefined
        this.enqueueWrite(() => this.flushPending())
      })
    }
  }

  private enqueueWrite(task: () => Promise<void>): Promise<void> {
    this.writeChain = this.writeChain.then(task)
    return this.writeChain
  }

  private async flushPending(): Promise<void> {
    if (this.pending.length === 0 || this.broken) return
    const batch = this.pending
    this.pending = []
    const merged = batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((entry) => entry.update))
    try {
      this.lastSeq = await this.options.store.appendUpdate(this.boardId, merged)
    } catch (error) {
      this.fail(error)
      return
    }
    this.logLength++
    const message = encodeUpdate(merged)
    const origins = new Set(batch.map((entry) => entry.origin))
    for (const connection of this.connections) {
      // A connection whose own update is the whole batch already has it.
      if (origins.size === 1 && origins.has(connection)) continue
      connection.send(message)
    }
    if (this.logLength >= this.options.compactAfterUpdates) this.queueCompaction()
  }

  private queueCompaction(): void {
    if (this.compactionQueued) return
    this.compactionQueued = true
    void this.enqueueWrite(async () => {
      this.compactionQueued = false
      if (this.broken || this.destroyed) return
      // The snapshot may already hold updates still waiting in `pending`; they are appended after
      // it with higher sequence numbers and applying them twice on load is harmless in Yjs.
      const snapshot = Y.encodeStateAsUpdateV2(this.doc)
      // The size limit is about what a joining client downloads (v1), not what the disk holds.
      const wireBytes = Y.encodeStateAsUpdate(this.doc).length
      const upTo = this.lastSeq
      try {
        await this.options.store.compact(this.boardId, snapshot, upTo)
      } catch (error) {
        this.log.error({ err: error }, 'compaction failed; the update log is kept')
        return
      }
      this.logLength = 0
      this.storedBytes = wireBytes + this.pending.reduce((sum, entry) => sum + entry.update.length, 0)
      this.log.debug({ bytes: snapshot.length, upTo }, 'compacted board')
    })
  }

  /** Resolves once every update applied so far is durable in the store. */
  async whenPersisted(): Promise<void> {
    for (;;) {
      const chain = this.writeChain
      await chain
      if (this.pending.length === 0 && chain === this.writeChain) return
      if (this.broken) throw new Error('room can no longer persist')
      if (this.pending.length > 0) {
        if (this.flushTimer !== undefined) {
          clearImmediate(this.flushTimer)
          this.flushTimer = undefined
        }
        void this.enqueueWrite(() => this.flushPending())
      }
    }
  }

  /** Writes a snapshot now if the log has grown since the last one (used before unloading). */
  async compactIfNeeded(): Promise<void> {
    if (this.logLength > 0) this.queueCompaction()
    await this.whenPersisted()
  }

  private fail(error: unknown): void {
    // Updates that cannot be stored must not be relayed. Drop the room: clients keep their copies
    // and resend them when they reconnect to a freshly loaded room.
    this.broken = true
    this.log.error({ err: error }, 'could not persist update; closing board connections')
    this.closeConnections(() => true, CLOSE.serverError)
    this.options.onBroken(this)
  }

  /** Frees the document and awareness; the room must not be used afterwards. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    if (this.flushTimer !== undefined) clearImmediate(this.flushTimer)
    this.closeConnections(() => true, CLOSE.goingAway)
    this.guard.dispose()
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }
}
