import type { Logger } from 'pino'
import * as Y from 'yjs'
import type { DocStore } from '../store/DocStore.ts'
import type { LogCursor } from './LogCursor.ts'

/** Where a change to a room's document came from; updates from the store are not saved again. */
export const FROM_STORE = { source: 'store' } as const
/** Committed updates of another instance (relayed, or read back from the store): not saved again. */
export const FROM_REMOTE = { source: 'remote' } as const

export interface DocumentLogOptions {
  boardId: string
  doc: Y.Doc
  store: DocStore
  log: Logger
  compactAfterUpdates: number
  /** State of the store when the room loaded. */
  stored: { logLength: number; bytes: number }
  /** Which of the log's updates the doc holds (compaction replaces exactly those). */
  cursor: LogCursor
  /** Called once a batch is durable, with the merged update, who made it and its sequence number: relay it now. */
  onDurable: (merged: Uint8Array, origins: ReadonlySet<unknown>, seq: number) => void
  /** Called when the store failed: nothing unstored may be relayed, the room must go. */
  onFailed: (error: unknown) => void
}

/**
 * A board's update log: every change applied to the room's doc is appended to the store in one
 * write per event-loop turn (group commit) and handed on for relaying only once it is durable.
 * After `compactAfterUpdates` appends the log is replaced by one snapshot (Yjs v2 encoding).
 */
export class DocumentLog {
  private pending: Array<{ update: Uint8Array; origin: unknown }> = []
  private writeChain: Promise<void> = Promise.resolve()
  private flushTimer: NodeJS.Immediate | undefined
  private logLength: number
  private bytes: number
  private compactionQueued = false
  private failed = false
  private stopped = false

  constructor(private readonly options: DocumentLogOptions) {
    this.logLength = options.stored.logLength
    this.bytes = options.stored.bytes
    options.doc.on('update', this.onDocUpdate)
  }

  /**
   * About how many bytes a joining client downloads (v1). Grows with every update; exact after a
   * compaction or `measure()`.
   */
  get approximateBytes(): number {
    return this.bytes
  }

  /** Whether the store failed; a failed log accepts nothing more. */
  get broken(): boolean {
    return this.failed
  }

  /** Measures the document exactly (costs an encode of the whole doc) and compacts soon. */
  measure(): number {
    this.bytes = Y.encodeStateAsUpdate(this.options.doc).length
    this.queueCompaction()
    return this.bytes
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === FROM_STORE || this.stopped) return
    // Another instance's committed update is not stored again, but it is part of the board: the
    // size limit counts it, or k instances would let a board grow to k times the limit.
    this.bytes += update.length
    if (origin === FROM_REMOTE) return
    this.pending.push({ update, origin })
    if (this.flushTimer === undefined) {
      // Group commit: everything applied in this turn of the event loop goes to the store in one write.
      this.flushTimer = setImmediate(() => {
        this.flushTimer = undefined
        this.enqueueWrite(() => this.flushPending())
      })
    }
  }

  // Queues a write after the ones before it. The chain never rejects: a task's error fails the
  // log (which drops the room), and an error while failing is logged — nothing escapes.
  private enqueueWrite(task: () => Promise<void>): void {
    this.writeChain = this.writeChain.then(task).catch((error: unknown) => {
      try {
        this.fail(error)
      } catch (failure) {
        this.options.log.error({ err: failure }, 'failing the document log failed')
      }
    })
  }

  private async flushPending(): Promise<void> {
    if (this.pending.length === 0 || this.failed) return
    const batch = this.pending
    this.pending = []
    const merged = batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((entry) => entry.update))
    let seq: number
    try {
      seq = await this.options.store.appendUpdate(this.options.boardId, merged)
    } catch (error) {
      this.fail(error)
      return
    }
    this.options.cursor.mark(seq)
    this.logLength++
    this.options.onDurable(merged, new Set(batch.map((entry) => entry.origin)), seq)
    if (this.logLength >= this.options.compactAfterUpdates) this.queueCompaction()
  }

  /** Writes a snapshot of the doc after what is queued, replacing the log up to there. */
  queueCompaction(): void {
    if (this.compactionQueued) return
    this.compactionQueued = true
    this.enqueueWrite(async () => {
      this.compactionQueued = false
      if (this.failed || this.stopped) return
      // The snapshot may already hold updates still waiting in `pending` (or other instances'
      // updates past a gap); they keep their rows with higher sequence numbers, and applying them
      // twice on load is harmless in Yjs. It replaces only rows the doc is known to hold: with
      // several instances, an update appended elsewhere and not yet received here stays.
      const snapshot = Y.encodeStateAsUpdateV2(this.options.doc)
      const wireBytes = Y.encodeStateAsUpdate(this.options.doc).length
      const upTo = this.options.cursor.contiguous
      let written: boolean
      try {
        written = await this.options.store.compact(this.options.boardId, snapshot, upTo)
      } catch (error) {
        this.options.log.error({ err: error }, 'compaction failed; the update log is kept')
        return
      }
      if (!written) this.options.log.debug({ upTo }, 'compaction skipped: another instance is compacting or compacted further')
      this.logLength = 0
      this.bytes = wireBytes + this.pending.reduce((sum, entry) => sum + entry.update.length, 0)
      this.options.log.debug({ bytes: snapshot.length, upTo }, 'compacted board')
    })
  }

  /** Resolves once every update applied so far is durable in the store; rejects if it cannot be. */
  async whenPersisted(): Promise<void> {
    for (;;) {
      const chain = this.writeChain
      await chain
      if (this.failed) throw new Error('the board can no longer be stored')
      if (this.pending.length === 0 && chain === this.writeChain) return
      if (this.pending.length > 0) {
        if (this.flushTimer !== undefined) {
          clearImmediate(this.flushTimer)
          this.flushTimer = undefined
        }
        this.enqueueWrite(() => this.flushPending())
      }
    }
  }

  /** Writes a snapshot now if the log has grown since the last one (before unloading). */
  async compactIfNeeded(): Promise<void> {
    if (this.logLength > 0) this.queueCompaction()
    await this.whenPersisted()
  }

  private fail(error: unknown): void {
    if (this.failed) return
    this.failed = true
    this.options.log.error({ err: error }, 'could not store update')
    this.options.onFailed(error)
  }

  /** Stops listening to the doc; pending work is dropped (call whenPersisted first to keep it). */
  stop(): void {
    this.stopped = true
    if (this.flushTimer !== undefined) clearImmediate(this.flushTimer)
    this.flushTimer = undefined
    this.options.doc.off('update', this.onDocUpdate)
  }
}
