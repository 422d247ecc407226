import type { Logger } from 'pino'
import * as Y from 'yjs'
import type { Role } from '../../shared/roles.ts'
import type { BoardChannel, PresenceOwner, Relay, RelayedWriter, RelayMessage } from '../cluster/Relay.ts'
import type { DocumentLogStore } from '../store/DocStore.ts'
import { FROM_REMOTE } from './DocumentLog.ts'
import { EarlyUpdates } from './EarlyUpdates.ts'
import { CoalescedRun } from '../cluster/CoalescedRun.ts'
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
  onAwareness: (instanceId: string, update: Uint8Array, owners: readonly PresenceOwner[]) => void
  /** Another instance asks for the presence of this instance's connections. */
  onPresenceQuery: () => void
  onCloseRole: (role: Role) => void
  /** Another instance's update names who wrote it with which Yjs client ids. */
  onWriters: (instanceId: string, writers: readonly RelayedWriter[]) => void
  /** Bytes of relayed updates that may wait for a missing earlier one before the store is read instead. */
  maxEarlyBytes: number
}

/**
 * Keeps a room's document in step with the other instances serving the same board: publishes
 * this instance's committed updates with their sequence numbers, applies theirs, and reads back
 * from the store whatever the relay lost (a gap in the sequence, a reconnect, a periodic check).
 * Everything it applies was committed before it was published, so it may go to clients at once.
 *
 * Other instances' updates are applied strictly in sequence order. An update can build on any
 * update committed before it; applied early, Yjs would hold it aside and integrate it inside some
 * later transaction (a client's, which the gate trusts as that client's) or lose it. So an update
 * that arrives before its predecessors waits in EarlyUpdates, and the gap is read from the store.
 * That keeps the LogCursor's promise — a sequence number it holds is in the doc — on which
 * compaction relies to replace rows by a snapshot without dropping any.
 */
export class RoomReplica {
  private readonly channel: BoardChannel
  private readonly early: EarlyUpdates
  private gapTimer: NodeJS.Timeout | undefined
  /** Catch-ups run one at a time; one asked for meanwhile runs after (a row may have come since). */
  private readonly readBacks = new CoalescedRun(
    () => this.readBack(),
    () => !this.stopped,
  )
  private stopped = false

  constructor(private readonly options: RoomReplicaOptions) {
    this.early = new EarlyUpdates(options.maxEarlyBytes)
    this.channel = options.relay.join(options.boardId, this.onMessage)
    if (options.relay.shared) {
      // Updates committed between loading the board and subscribing are read back once subscribed.
      this.channel.ready.then(
        () => {
          if (this.stopped) return
          this.channel.publish({ kind: 'presence-query' })
          this.catchUpSoon(0)
        },
        (error: unknown) => {
          // Without the subscription this room hears nothing relayed; the periodic comparison
          // with the store (and the catch-up after the relay reconnects) still bring it along.
          options.log.error({ err: error }, 'could not subscribe to the board’s relay channel')
          this.catchUpSoon(1000)
        },
      )
    }
  }

  /** This instance committed `seq`: tells the others, and lets in what waited for it. */
  publishUpdate(seq: number, update: Uint8Array, writers: readonly RelayedWriter[]): void {
    this.channel.publish({ kind: 'update', seq, update, writers })
    // Another instance's seq + 1 may have arrived before this commit came back from the store:
    // it waited for exactly this. (Left to the gap timer, it would wait gapWaitMs or longer:
    // bench:cluster's p99 at N = 50 was 80–170 ms.)
    if (this.early.size > 0) {
      this.applyWaiting()
      if (this.hasGap) this.scheduleGapCheck()
    }
  }

  publishAwareness(update: Uint8Array, owners: readonly PresenceOwner[]): void {
    this.channel.publish({ kind: 'awareness', update, owners })
  }

  private readonly onMessage = (from: string, message: RelayMessage): void => {
    if (this.stopped) return
    switch (message.kind) {
      case 'update':
        // Who wrote with which Yjs client ids: registered before the update can reach the doc.
        this.options.onWriters(from, message.writers)
        this.applyRelayed(message.seq, message.update)
        return
      case 'awareness':
        this.options.onAwareness(from, message.update, message.owners)
        return
      case 'presence-query':
        this.options.onPresenceQuery()
        return
      case 'close-role':
        this.options.onCloseRole(message.role)
        return
    }
  }

  /** Whether something is missing: an update this doc lacks comes before one it has or holds. */
  private get hasGap(): boolean {
    return this.options.cursor.hasGap || this.early.size > 0
  }

  private applyRelayed(seq: number, update: Uint8Array): void {
    const { cursor, log } = this.options
    if (cursor.has(seq)) return
    if (cursor.gapless && seq !== cursor.contiguous + 1) {
      if (!this.early.add(seq, update)) {
        log.warn({ seq, contiguous: cursor.contiguous }, 'too many relayed updates waiting for a missing one; reading them from the store')
        this.catchUpSoon(0)
      }
      this.scheduleGapCheck()
      return
    }
    if (!this.applyCommitted(seq, update)) {
      // The stored row is the truth: read it back rather than guess.
      this.catchUpSoon(0)
      return
    }
    this.applyWaiting()
    if (this.hasGap) this.scheduleGapCheck()
  }

  /** Applies the early updates whose turn has come. */
  private applyWaiting(): void {
    const { cursor } = this.options
    this.early.dropUpTo(cursor.contiguous)
    for (;;) {
      const seq = cursor.contiguous + 1
      const update = this.early.take(seq)
      if (update === undefined) return
      if (!this.applyCommitted(seq, update)) {
        this.catchUpSoon(0)
        return
      }
      this.early.dropUpTo(cursor.contiguous)
    }
  }

  // One transaction per update, not one for several: each then reaches clients as the update it
  // was, not merged with later ones (which would drop the values later ones overwrote, e.g. the
  // intermediate positions of a drag a client on this instance is watching).
  private applyCommitted(seq: number, update: Uint8Array): boolean {
    const { doc, cursor, log } = this.options
    try {
      Y.applyUpdate(doc, update, FROM_REMOTE)
    } catch (error) {
      log.warn({ err: error, seq }, 'unreadable committed update')
      return false
    }
    // In sequence order this cannot happen unless the log itself lacks something (a damaged row).
    // Yjs keeps what it cannot place in the doc, and snapshots include it: it is not lost.
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      log.error({ seq }, 'a committed update builds on content the board’s log lacks; Yjs keeps it aside')
    }
    cursor.mark(seq)
    return true
  }

  // With several instances writing, short gaps are normal (another instance's update is still on
  // its way): read the store only for a gap that is still open after gapWaitMs.
  private scheduleGapCheck(): void {
    if (this.gapTimer !== undefined || this.stopped) return
    const openAt = this.options.cursor.contiguous
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined
      this.applyWaiting()
      if (!this.hasGap) return
      if (this.options.cursor.contiguous > openAt) this.scheduleGapCheck()
      else this.catchUpSoon(0)
    }, this.options.gapWaitMs)
    this.gapTimer.unref()
  }

  /** Catches up now (delay 0) or after a delay; failures are logged and retried, never thrown. */
  private catchUpSoon(delayMs: number): void {
    if (this.stopped) return
    if (delayMs === 0) {
      this.catchUp().catch((error: unknown) => this.options.log.error({ err: error }, 'catching up from the store failed'))
      return
    }
    if (this.gapTimer !== undefined) return
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined
      this.catchUpSoon(0)
    }, delayMs)
    this.gapTimer.unref()
  }

  /** Reads back what another instance committed if the store is ahead of this doc. */
  catchUpTo(latestSeq: number): void {
    if (latestSeq > this.options.cursor.contiguous) this.catchUpSoon(0)
  }

  /** Reads from the store everything after what this doc holds for sure, and applies it. Never rejects. */
  catchUp(): Promise<void> {
    return this.readBacks.run().catch((error: unknown) => {
      this.options.log.error({ err: error }, 'catching up from the store failed; retrying')
      this.catchUpSoon(1000)
    })
  }

  private async readBack(): Promise<void> {
    if (this.stopped) return
    const { cursor, doc, store, boardId, log } = this.options
    let since
    try {
      since = await store.readSince(boardId, cursor.contiguous)
    } catch (error) {
      log.error({ err: error }, 'could not read missed updates from the store; retrying')
      this.catchUpSoon(1000)
      return
    }
    if (this.stopped) return
    let applied = 0
    if (since.snapshot) {
      try {
        Y.applyUpdateV2(doc, since.snapshot, FROM_REMOTE)
      } catch (error) {
        log.error({ err: error }, 'unreadable snapshot while catching up')
      }
    }
    // Rows come in sequence order; this instance's own (already in the doc) are skipped.
    for (const row of since.updates) {
      if (cursor.has(row.seq)) continue
      if (this.applyCommitted(row.seq, row.data)) applied++
      else log.error({ seq: row.seq }, 'skipping unreadable stored update while catching up')
    }
    cursor.advanceTo(since.lastSeq)
    this.applyWaiting()
    if (this.hasGap) this.scheduleGapCheck()
    if (applied > 0 || since.snapshot) log.info({ applied, snapshot: since.snapshot !== null, upTo: since.lastSeq }, 'caught up from the store')
  }

  stop(): void {
    this.stopped = true
    if (this.gapTimer !== undefined) clearTimeout(this.gapTimer)
    this.early.clear()
    this.channel.leave()
  }
}
