import type { Logger } from 'pino'
import * as Y from 'yjs'
import type { Role } from '../../shared/roles.ts'
import type { BoardChannel, Relay, RelayMessage } from '../cluster/Relay.ts'
import type { DocumentLogStore } from '../store/DocStore.ts'
import { FROM_REMOTE } from './DocumentLog.ts'
import type { LogCursor } from './LogCursor.ts'

export interface RoomReplicaOptions {
  boardId: string
  doc: Y.Doc
  store: DocumentLogStore
  cursor: LogCursor
  relay: Relay
  log: Logger
  /** How long a gap may stay open (the missing update may still be on its way) before reading the store. */
  gapWaitMs: number
  onAwareness: (instanceId: string, update: Uint8Array) => void
  /** Another instance asks for the presence of this instance's connections. */
  onPresenceQuery: () => void
  onCloseRole: (role: Role) => void
}

/**
 * Keeps a room's document in step with the other instances serving the same board: publishes
 * this instance's committed updates with their sequence numbers, applies theirs, and reads back
 * from the store whatever the relay lost (a gap in the sequence, a reconnect, a periodic check).
 * Everything it applies was committed before it was published, so it may go to clients at once.
 */
export class RoomReplica {
  private readonly channel: BoardChannel
  private gapTimer: NodeJS.Timeout | undefined
  private catchingUp: Promise<void> | undefined
  private catchUpAgain = false
  private stopped = false

  constructor(private readonly options: RoomReplicaOptions) {
    this.channel = options.relay.join(options.boardId, this.onMessage)
    if (options.relay.shared) {
      // Updates committed between loading the board and subscribing are read back once subscribed.
      void this.channel.ready.then(() => {
        this.channel.publish({ kind: 'presence-query' })
        return this.catchUp()
      })
    }
  }

  publishUpdate(seq: number, update: Uint8Array): void {
    this.channel.publish({ kind: 'update', seq, update })
  }

  publishAwareness(update: Uint8Array): void {
    this.channel.publish({ kind: 'awareness', update })
  }

  private readonly onMessage = (from: string, message: RelayMessage): void => {
    if (this.stopped) return
    switch (message.kind) {
      case 'update':
        this.applyRelayed(message.seq, message.update)
        return
      case 'awareness':
        this.options.onAwareness(from, message.update)
        return
      case 'presence-query':
        this.options.onPresenceQuery()
        return
      case 'close-role':
        this.options.onCloseRole(message.role)
        return
    }
  }

  private applyRelayed(seq: number, update: Uint8Array): void {
    const { cursor } = this.options
    if (cursor.has(seq)) return
    try {
      Y.applyUpdate(this.options.doc, update, FROM_REMOTE)
    } catch (error) {
      // The stored row is the truth: read it back rather than guess.
      this.options.log.warn({ err: error, seq }, 'unreadable relayed update; reading it from the store')
      this.scheduleCatchUp(0)
      return
    }
    cursor.mark(seq)
    if (cursor.hasGap) this.scheduleGapCheck()
  }

  // With several instances writing, short gaps are normal (another instance's update is still on
  // its way): read the store only for a gap that is still open after gapWaitMs.
  private scheduleGapCheck(): void {
    if (this.gapTimer !== undefined || this.stopped) return
    const openAt = this.options.cursor.contiguous
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined
      const { cursor } = this.options
      if (!cursor.hasGap) return
      if (cursor.contiguous > openAt) this.scheduleGapCheck()
      else void this.catchUp()
    }, this.options.gapWaitMs)
    this.gapTimer.unref()
  }

  private scheduleCatchUp(delayMs: number): void {
    if (this.gapTimer !== undefined || this.stopped) return
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined
      void this.catchUp()
    }, delayMs)
    this.gapTimer.unref()
  }

  /** Reads back what another instance committed if the store is ahead of this doc. */
  catchUpTo(latestSeq: number): void {
    if (latestSeq > this.options.cursor.contiguous) void this.catchUp()
  }

  /** Reads from the store everything after what this doc holds for sure, and applies it. */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true
      return this.catchingUp
    }
    this.catchingUp = (async () => {
      do {
        this.catchUpAgain = false
        await this.readBack()
      } while (this.catchUpAgain && !this.stopped)
    })().finally(() => {
      this.catchingUp = undefined
    })
    return this.catchingUp
  }

  private async readBack(): Promise<void> {
    if (this.stopped) return
    const { cursor, doc, store, boardId, log } = this.options
    let since
    try {
      since = await store.readSince(boardId, cursor.contiguous)
    } catch (error) {
      log.error({ err: error }, 'could not read missed updates from the store; retrying')
      this.scheduleCatchUp(1000)
      return
    }
    if (this.stopped) return
    let applied = 0
    // One transaction per row, not one for all: each row then reaches clients as the update it
    // was, not merged with later rows (which would drop the values later rows overwrote, e.g.
    // the intermediate positions of a drag a client on this instance is watching).
    if (since.snapshot) {
      try {
        Y.applyUpdateV2(doc, since.snapshot, FROM_REMOTE)
      } catch (error) {
        log.error({ err: error }, 'unreadable snapshot while catching up')
      }
    }
    for (const row of since.updates) {
      if (cursor.has(row.seq)) continue
      try {
        Y.applyUpdate(doc, row.data, FROM_REMOTE)
        cursor.mark(row.seq)
        applied++
      } catch (error) {
        log.error({ err: error, seq: row.seq }, 'skipping unreadable stored update while catching up')
      }
    }
    cursor.advanceTo(since.lastSeq)
    if (applied > 0 || since.snapshot) log.info({ applied, snapshot: since.snapshot !== null, upTo: since.lastSeq }, 'caught up from the store')
  }

  stop(): void {
    this.stopped = true
    if (this.gapTimer !== undefined) clearTimeout(this.gapTimer)
    this.channel.leave()
  }
}
