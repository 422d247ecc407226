import type { StoreSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import { BOARD_DOC_KEYS, readBoardSettings } from '../../shared/boardDoc.ts'
import { CLOSE, type CloseEventSpec } from '../../shared/closeCodes.ts'
import { decodeMessage, encodeSyncStep1 } from '../../shared/protocol.ts'
import { canEditDocument } from '../../shared/roles.ts'
import { migrateDoc } from '../../shared/tldrawYjs/migrateDoc.ts'
import type { DocStore } from '../store/DocStore.ts'
import { Connection } from './Connection.ts'
import type { Relay, RelayedWriter } from '../cluster/Relay.ts'
import type { Role } from '../../shared/roles.ts'
import { DocumentLog, FROM_REMOTE, FROM_STORE } from './DocumentLog.ts'
import { LogCursor } from './LogCursor.ts'
import { RoomReplica } from './RoomReplica.ts'
import { DocumentPolicy } from './policy/DocumentPolicy.ts'
import { PresenceRegistry } from './PresenceRegistry.ts'
import { SERVER_OWNER, UpdateGate } from './UpdateGate.ts'
import { attendanceChange, forgetNamesChange } from './boardBookkeeping.ts'
import { loadBoardDoc } from './loadBoardDoc.ts'
import { syncReplyFrames, updateFrames } from './updateFrames.ts'

/** Origin of the server's own changes to a board (migrations, restores): trusted, stored, relayed. */
export const FROM_SERVER = { source: 'server' } as const

/** Limits a room enforces; see the configuration table in README.md. */
export interface RoomLimits {
  maxBoardBytes: number
  maxConnections: number
  /** Largest frame the server accepts — and so the largest it sends. */
  maxMessageBytes: number
  maxPresenceBytes: number
  maxRecordBytes: number
  maxPendingBytesPerConnection: number
  maxPendingBytesPerBoard: number
}

export interface RoomOptions {
  boardId: string
  store: DocStore
  log: Logger
  /** The tldraw schema this server runs: records are validated and boards migrated to it. */
  schema: StoreSchema<TLRecord, any>
  limits: RoomLimits
  compactAfterUpdates: number
  /** How this room hears of, and tells, the other instances serving the board. */
  relay: Relay
  /** How long a gap in the board's sequence may stay open before it is read from the store. */
  gapWaitMs: number
  /** Called when the last connection leaves. */
  onEmpty: (room: Room) => void
  /** Called when the room can no longer persist and must be dropped from memory. */
  onBroken: (room: Room) => void
  /**
   * Called when the facilitator has just made the board anonymous, once the names in its document
   * are gone: to remove them from what the server stored before (log, versions, free pages).
   */
  onMadeAnonymous?: (room: Room) => void
}

/**
 * One board in memory: its Y.Doc and the connections to it. Client updates go through the
 * UpdateGate (policy, held updates), into the doc, into the DocumentLog (stored in one write per
 * event-loop turn) and only then out to the others. Presence is the PresenceRegistry's.
 */
export class Room {
  readonly boardId: string
  readonly doc: Y.Doc
  private readonly connections = new Set<Connection>()
  /** How many open connections each owner key has (see UpdateGate: who may write which client ids). */
  private readonly ownerCounts = new Map<string, number>()
  private readonly log: Logger
  private readonly documentLog: DocumentLog
  private readonly presence: PresenceRegistry
  private readonly gate: UpdateGate
  private readonly replica: RoomReplica
  private broken = false
  private destroyed = false

  private constructor(
    private readonly options: RoomOptions,
    doc: Y.Doc,
    stored: { lastSeq: number; logLength: number; bytes: number },
    followsServerSchema: boolean,
  ) {
    this.boardId = options.boardId
    this.log = options.log.child({ board: options.boardId })
    this.doc = doc
    const cursor = new LogCursor(stored.lastSeq, options.store.gaplessSequence)
    this.documentLog = new DocumentLog({
      boardId: options.boardId,
      doc,
      store: options.store,
      log: this.log,
      compactAfterUpdates: options.compactAfterUpdates,
      stored,
      cursor,
      onDurable: (merged, origins, seq) => {
        this.relay(merged, origins)
        this.replica.publishUpdate(seq, merged, this.writersOf(origins))
      },
      onFailed: () => this.fail(),
    })
    this.presence = new PresenceRegistry(doc, {
      log: this.log,
      maxStateBytes: options.limits.maxPresenceBytes,
      maxFrameBytes: options.limits.maxMessageBytes,
      broadcast: (frame, except) => {
        for (const connection of this.connections) if (connection !== except) connection.send(frame)
      },
      onAnnounced: (holder, state) => this.recordAttendance(holder as Connection, state),
      publish: options.relay.shared ? (update, owners) => this.replica.publishAwareness(update, owners) : undefined,
    })
    this.replica = new RoomReplica({
      boardId: options.boardId,
      doc,
      store: options.store,
      cursor,
      relay: options.relay,
      log: this.log,
      gapWaitMs: options.gapWaitMs,
      onAwareness: (instanceId, update, owners) => this.presence.receiveRemote(instanceId, update, owners),
      onPresenceQuery: () => {
        const local = this.presence.localUpdate()
        if (local) this.replica.publishAwareness(local.update, local.owners)
      },
      onCloseRole: (role) => this.closeConnections((c) => c.role === role, CLOSE.unauthorized),
      onWriters: (instanceId, writers) => this.gate.registerRemote(instanceId, writers),
      // Relayed updates waiting for an earlier one; past this they are read from the store instead.
      maxEarlyBytes: options.limits.maxMessageBytes * 8,
    })
    // Other instances' committed updates go to this instance's clients as they are applied.
    this.doc.on('update', this.onRemoteUpdate)
    this.gate = new UpdateGate({
      doc,
      policy: new DocumentPolicy({
        schema: options.schema,
        maxRecordBytes: options.limits.maxRecordBytes,
        validateRecords: () => followsServerSchema,
      }),
      log: this.log,
      maxHeldBytesPerConnection: options.limits.maxPendingBytesPerConnection,
      maxHeldBytesPerBoard: options.limits.maxPendingBytesPerBoard,
      ownerOnline: (ownerKey) => (this.ownerCounts.get(ownerKey) ?? 0) > 0,
    })
    // Whatever changed the doc (a client, a restore), held updates may now be complete.
    this.doc.on('afterTransaction', this.onAfterTransaction)
  }

  /** Loads a board's document from the store and brings an older board up to the server's schema. */
  static async load(options: RoomOptions): Promise<Room> {
    const loaded = await loadBoardDoc(options.store, options.boardId, options.schema, options.log)
    const room = new Room(options, loaded.doc, loaded.stored, loaded.schema !== 'newer')
    if (loaded.schema === 'older') room.migrate()
    return room
  }

  // Older boards are migrated once, here, so every record the policy validates follows the
  // server's schema (and no client has to write a migration).
  private migrate(): void {
    const result = migrateDoc(this.doc, this.options.schema, { write: true, origin: FROM_SERVER })
    if (result.kind === 'failed') this.log.error({ reason: result.reason }, 'could not migrate board to the current schema')
    else this.log.info({ kind: result.kind }, 'migrated board to the current tldraw schema')
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Adds a connection: false (and the connection closed) when the board is full or unusable. */
  join(connection: Connection): boolean {
    if (this.destroyed || this.broken) {
      connection.close(CLOSE.serverError)
      return false
    }
    if (this.connections.size >= this.options.limits.maxConnections) {
      this.log.warn({ conn: connection.id }, 'refusing connection: board full')
      connection.close(CLOSE.boardFull)
      return false
    }
    this.connections.add(connection)
    this.ownerCounts.set(connection.ownerKey, (this.ownerCounts.get(connection.ownerKey) ?? 0) + 1)
    connection.onClose(() => this.leave(connection))
    // Ask writers for what they have that we lack (offline edits); observers' content is not wanted.
    if (canEditDocument(connection.role)) connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    for (const frame of this.presence.snapshotFrames()) connection.send(frame)
    connection.attach(this.handleMessage)
    return true
  }

  private leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    const owned = (this.ownerCounts.get(connection.ownerKey) ?? 1) - 1
    if (owned > 0) this.ownerCounts.set(connection.ownerKey, owned)
    else this.ownerCounts.delete(connection.ownerKey)
    this.gate.drop(connection)
    if (!this.destroyed) this.presence.remove(connection)
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
      this.log.warn({ conn: connection.id, reason: (error as Error).message }, 'closing connection: malformed message')
      connection.close(CLOSE.badMessage)
      return
    }
    switch (message.type) {
      case 'sync-step1': {
        // Durable before relayed: the reply carries the whole document, so wait until everything
        // already applied to it is in the store.
        await this.documentLog.whenPersisted()
        if (connection.closed) return
        let frames: Uint8Array[]
        try {
          frames = syncReplyFrames(this.doc, message.stateVector, this.options.limits.maxMessageBytes)
        } catch {
          this.log.warn({ conn: connection.id }, 'closing connection: unreadable state vector')
          connection.close(CLOSE.badMessage)
          return
        }
        for (const frame of frames) connection.send(frame)
        return
      }
      case 'sync-step2':
      case 'update':
        this.applyClientUpdate(connection, message.update)
        return
      case 'awareness': {
        const refused = this.presence.receive(connection, message.update)
        if (refused) connection.close(refused)
        return
      }
      case 'query-awareness':
        for (const frame of this.presence.snapshotFrames()) connection.send(frame)
        return
      default: {
        const exhaustive: never = message
        throw new Error(`unhandled message ${JSON.stringify(exhaustive)}`)
      }
    }
  }

  private applyClientUpdate(connection: Connection, update: Uint8Array): void {
    if (!canEditDocument(connection.role)) {
      this.log.info({ conn: connection.id, role: connection.role, bytes: update.length }, 'dropped update from read-only link')
      connection.denyOnce('this link can view the board but not change it')
      return
    }
    const max = this.options.limits.maxBoardBytes
    // Held updates count too: they will be part of the board once what they build on arrives.
    if (this.documentLog.approximateBytes + this.gate.heldTotal + update.length > max) {
      // The running count includes overwritten data; measure the real document before refusing.
      const actual = this.documentLog.measure()
      if (actual + this.gate.heldTotal + update.length > max) {
        this.log.warn({ conn: connection.id, actual, held: this.gate.heldTotal, update: update.length }, 'refusing update: board too large')
        connection.close(CLOSE.boardTooLarge)
        return
      }
    }
    this.gate.submit(connection, update)
  }

  private readonly onAfterTransaction = (transaction: Y.Transaction): void => {
    const settingsChanged = transaction.origin instanceof Connection ? transaction.changed.get(this.doc.getMap(BOARD_DOC_KEYS.settings) as Y.AbstractType<any>) : undefined
    if (settingsChanged) {
      // A board just made anonymous keeps no names: tldraw's user records and author names go,
      // and then what the server stored of them.
      const switched = settingsChanged.has('anonymous')
      this.afterThisTransaction('forgetting names on an anonymous board', () => {
        if (this.forgetNamesIfAnonymous() && switched) this.options.onMadeAnonymous?.(this)
      })
    }
    if (transaction.origin instanceof Connection || transaction.origin === FROM_STORE) return
    // A server change (restore, migration) may complete what someone's held update builds on.
    this.afterThisTransaction('retrying held updates', () => {
      if (!this.destroyed) this.gate.retryHeld()
    })
  }

  // Work that must not run inside Yjs's transaction cleanup. An error there would be an uncaught
  // exception (the process would exit): it is logged, and the room carries on.
  private afterThisTransaction(what: string, task: () => void): void {
    queueMicrotask(() => {
      try {
        task()
      } catch (error) {
        this.log.error({ err: error }, `${what} failed`)
      }
    })
  }

  private readonly onRemoteUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== FROM_REMOTE) return
    const frames = updateFrames(update, this.options.limits.maxMessageBytes)
    for (const connection of this.connections) for (const frame of frames) connection.send(frame)
  }

  /** Reads back from the store what other instances committed, if the store is ahead (see RoomReplica). */
  catchUpTo(latestSeq: number): void {
    if (!this.destroyed) this.replica.catchUpTo(latestSeq)
  }

  /** Reads back everything committed since what this doc holds for sure (after the relay was cut). */
  catchUp(): Promise<void> {
    return this.destroyed ? Promise.resolve() : this.replica.catchUp()
  }

  /** Removes the presence of connections that were on an instance that died. */
  forgetInstance(instanceId: string): void {
    if (this.destroyed) return
    this.presence.removeInstance(instanceId)
    this.gate.forgetInstance(instanceId)
  }

  // Who wrote a durable batch with which Yjs client ids, for the other instances' gates.
  private writersOf(origins: ReadonlySet<unknown>): RelayedWriter[] {
    const writers: RelayedWriter[] = []
    for (const origin of origins) {
      if (origin instanceof Connection) writers.push({ ownerKey: origin.ownerKey, clients: this.gate.clientsWrittenBy(origin) })
      else if (origin === FROM_SERVER) writers.push({ ownerKey: SERVER_OWNER, clients: [this.doc.clientID] })
    }
    return writers
  }

  /** Closes this instance's connections of a role (its link was rotated). */
  closeRole(role: Role): number {
    return this.closeConnections((c) => c.role === role, CLOSE.unauthorized)
  }

  /** Closes the connections whose link is no longer the current one of its role (rotated elsewhere). */
  closeRotatedLinks(current: ReadonlyMap<Role, string>): number {
    return this.closeConnections((c) => current.get(c.role) !== c.tokenHash, CLOSE.unauthorized)
  }

  // Relays a durable batch to everyone but a connection whose own update is the whole batch.
  private relay(merged: Uint8Array, origins: ReadonlySet<unknown>): void {
    const frames = updateFrames(merged, this.options.limits.maxMessageBytes)
    for (const connection of this.connections) {
      if (origins.size === 1 && origins.has(connection)) continue
      for (const frame of frames) connection.send(frame)
    }
  }

  /** Resolves once every update applied so far is durable in the store. */
  whenPersisted(): Promise<void> {
    return this.documentLog.whenPersisted()
  }

  /** Writes a snapshot now if the log has grown since the last one (used before unloading). */
  compactIfNeeded(): Promise<void> {
    return this.documentLog.compactIfNeeded()
  }

  /**
   * Replaces what the store holds of the board (snapshot and update log) by one snapshot of the
   * document as it is now — without what was deleted from it (after names were removed).
   */
  async compactNow(): Promise<void> {
    await this.documentLog.whenPersisted()
    this.documentLog.queueCompaction()
    await this.documentLog.whenPersisted()
  }

  /** Applies a change of the server's own (a restore): stored and relayed like any other. */
  applyServerChange(change: (doc: Y.Doc) => void): void {
    if (this.destroyed || this.broken) throw new Error('the board is not available')
    this.doc.transact(() => change(this.doc), FROM_SERVER)
  }

  private recordAttendance(connection: Connection, state: Record<string, unknown>): void {
    if (this.destroyed || this.broken) return
    const change = attendanceChange(this.doc, { id: connection.authorId ?? `connection-${connection.id}`, role: connection.role }, state)
    if (change) this.applyServerChange(change)
  }

  // An anonymous board's live document keeps no names (see forgetNames). True if the board is anonymous.
  private forgetNamesIfAnonymous(): boolean {
    if (this.destroyed || this.broken || !readBoardSettings(this.doc).anonymous) return false
    const change = forgetNamesChange(this.doc)
    if (change) this.applyServerChange(change)
    return true
  }

  private fail(): void {
    // Updates that cannot be stored must not be relayed. Drop the room: clients keep their copies
    // and resend them when they reconnect to a freshly loaded room.
    this.broken = true
    this.log.error('could not persist update; closing board connections')
    this.closeConnections(() => true, CLOSE.serverError)
    this.options.onBroken(this)
  }

  /** Frees the document and presence; the room must not be used afterwards. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.documentLog.stop()
    this.replica.stop()
    this.doc.off('update', this.onRemoteUpdate)
    this.closeConnections(() => true, CLOSE.goingAway)
    this.doc.off('afterTransaction', this.onAfterTransaction)
    this.presence.destroy()
    this.doc.destroy()
  }
}
