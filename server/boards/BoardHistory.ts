import type { StoreSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import { planRestore, type RestoreMode } from '../../shared/history/restorePlan.ts'
import { migrateDoc } from '../../shared/tldrawYjs/migrateDoc.ts'
import { deleteRecords, getRecordsMap, readRecords, upsertRecord } from '../../shared/tldrawYjs/recordsDoc.ts'
import { isExampleNote } from '../../shared/templates/generateTemplateRecords.ts'
import type { StoredVersion, VersionKind, VersionStore } from '../store/VersionStore.ts'
import { FROM_STORE } from '../sync/DocumentLog.ts'
import type { Room } from '../sync/Room.ts'
import type { RoomManager } from '../sync/RoomManager.ts'
import { newAssetId } from './tokens.ts'
import { versionsToDrop } from './versionThinning.ts'

/** A version as the API lists it. */
export type VersionSummary = Omit<StoredVersion, 'boardId'>

/** What a restore did. */
export interface RestoreResult {
  mode: RestoreMode
  created: number
  changed: number
  removed: number
  shapes: number
  /** The version kept just before the restore (so the restore itself can be undone). */
  before: VersionSummary
}

/** Raised when a version does not exist on a board. */
export class VersionNotFoundError extends Error {
  override readonly name = 'VersionNotFoundError'
}

export interface BoardHistoryOptions {
  store: VersionStore
  rooms: RoomManager
  log: Logger
  /** The tldraw schema the server runs: old versions are migrated to it before a restore. */
  schema: StoreSchema<TLRecord, any>
  /** A board with activity gets an automatic version at least this often (5 minutes). */
  autoIntervalMs: number
  now?: () => number
}

/**
 * The history of boards: an automatic version at least every `autoIntervalMs` while people work
 * (and when a board is unloaded after changes), versions on demand, thinning of old automatic
 * ones, and restores — which are new changes that every client receives, never a rewrite of the
 * update log. Timers are cleared by `stop()`.
 */
export class BoardHistory {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private readonly dirty = new Set<string>()
  private readonly now: () => number
  private stopped = false

  constructor(private readonly options: BoardHistoryOptions) {
    this.now = options.now ?? Date.now
  }

  /** Watches a loaded room for changes; returns a function that stops watching. */
  track(room: Room): () => void {
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === FROM_STORE || this.stopped) return
      this.dirty.add(room.boardId)
      this.arm(room, this.options.autoIntervalMs)
    }
    room.doc.on('update', onUpdate)
    return () => {
      room.doc.off('update', onUpdate)
      const timer = this.timers.get(room.boardId)
      if (timer) clearTimeout(timer)
      this.timers.delete(room.boardId)
    }
  }

  private arm(room: Room, delayMs: number): void {
    if (this.timers.has(room.boardId) || this.stopped) return
    const timer = setTimeout(() => {
      this.timers.delete(room.boardId)
      this.keepTimedVersion(room).catch((error: unknown) => this.options.log.error({ err: error, board: room.boardId }, 'automatic version failed'))
    }, delayMs)
    timer.unref()
    this.timers.set(room.boardId, timer)
  }

  /** Keeps an automatic version if the board changed since the last one (before unloading). */
  async saveIfChanged(room: Room): Promise<void> {
    if (!this.dirty.has(room.boardId)) return
    await this.snapshot(room, 'auto', null)
  }

  /**
   * The timer's automatic version. With several instances every one of them holds the board and
   * runs this timer: a version kept by another instance (or a facilitator's) within the interval
   * makes this one unnecessary, and the board is looked at again an interval after that version.
   */
  private async keepTimedVersion(room: Room): Promise<void> {
    if (!this.dirty.has(room.boardId)) return
    const interval = this.options.autoIntervalMs
    // 0.9: timers of instances that saw the same first change fire a few milliseconds apart.
    const keptAt = await this.snapshot(room, 'auto', null, this.now() - interval * 0.9)
    if (typeof keptAt !== 'number') return
    this.dirty.add(room.boardId)
    this.arm(room, Math.max(keptAt + interval - this.now(), interval / 10))
  }

  /** Keeps a version of a board now (a facilitator's "save a version", optionally named). */
  async save(boardId: string, label: string | null): Promise<VersionSummary> {
    return this.withRoom(boardId, (room) => this.snapshot(room, 'manual', label))
  }

  /** A board's versions, newest first. */
  async list(boardId: string): Promise<VersionSummary[]> {
    return (await this.options.store.listVersions(boardId)).map(summary)
  }

  /**
   * Deletes a board's versions kept up to `time` (when it was made anonymous: they may hold names).
   * Returns how many went.
   */
  async forgetVersionsUntil(boardId: string, time: number): Promise<number> {
    const old = (await this.options.store.listVersions(boardId)).filter((v) => v.createdAt <= time).map((v) => v.id)
    if (old.length > 0) await this.options.store.deleteVersions(boardId, old)
    return old.length
  }

  /** Names (or unnames) a version. */
  async rename(boardId: string, versionId: string, label: string | null): Promise<void> {
    if (!(await this.options.store.renameVersion(boardId, versionId, label))) throw new VersionNotFoundError(versionId)
  }

  /** A version's content as the Yjs v2 snapshot it was kept as. */
  async versionSnapshot(boardId: string, versionId: string): Promise<Uint8Array> {
    const found = await this.options.store.getVersion(boardId, versionId)
    if (!found) throw new VersionNotFoundError(versionId)
    return found.snapshot
  }

  /** A version's records, migrated to the server's schema (for restores, views and comparisons). */
  async records(boardId: string, versionId: string): Promise<{ version: VersionSummary; records: TLRecord[]; doc: Y.Doc }> {
    const found = await this.options.store.getVersion(boardId, versionId)
    if (!found) throw new VersionNotFoundError(versionId)
    const doc = new Y.Doc()
    Y.applyUpdateV2(doc, found.snapshot)
    const migration = migrateDoc(doc, this.options.schema, { write: false })
    const records = migration.kind === 'current' || migration.kind === 'migrated' ? migration.records : readRecords(doc)
    return { version: summary(found.version), records, doc }
  }

  /**
   * Restores a board to a version (`all`) or brings back what was deleted since (`deleted`). The
   * board as it is just before is kept as a version first.
   */
  async restore(boardId: string, versionId: string, mode: RestoreMode): Promise<RestoreResult> {
    const { records: then, doc: versionDoc } = await this.records(boardId, versionId)
    versionDoc.destroy()
    return this.withRoom(boardId, async (room) => {
      const before = await this.snapshot(room, 'restore', null)
      const plan = planRestore(readRecords(room.doc), then, mode)
      room.applyServerChange((doc) => {
        const root = getRecordsMap(doc)
        for (const record of plan.put) upsertRecord(root, record)
        deleteRecords(doc, plan.remove)
      })
      await room.whenPersisted()
      this.options.log.info({ board: boardId, version: versionId, mode, ...plan.counts }, 'restored board version')
      return { mode, ...plan.counts, before }
    })
  }

  private async snapshot(room: Room, kind: VersionKind, label: string | null): Promise<VersionSummary>
  /** With `unlessKeptSince`: the time of a newer version, kept meanwhile, instead of keeping one. */
  private async snapshot(room: Room, kind: VersionKind, label: string | null, unlessKeptSince: number): Promise<VersionSummary | number>
  private async snapshot(room: Room, kind: VersionKind, label: string | null, unlessKeptSince?: number): Promise<VersionSummary | number> {
    // What a version holds has been stored first, like everything the server hands out.
    await room.whenPersisted()
    this.dirty.delete(room.boardId)
    const snapshot = Y.encodeStateAsUpdateV2(room.doc)
    const noteCount = readRecords(room.doc).filter((r) => r.typeName === 'shape' && r.type === 'note' && !isExampleNote(r)).length
    const version: StoredVersion = {
      id: newAssetId(),
      boardId: room.boardId,
      createdAt: this.now(),
      label,
      kind,
      noteCount,
      bytes: snapshot.length,
    }
    if (unlessKeptSince === undefined) await this.options.store.addVersion(version, snapshot)
    else {
      const keptAt = await this.options.store.addVersionUnlessKeptSince(version, snapshot, unlessKeptSince)
      if (keptAt !== null) return keptAt
    }
    const drop = versionsToDrop(await this.options.store.listVersions(room.boardId), this.now())
    if (drop.length > 0) await this.options.store.deleteVersions(room.boardId, drop)
    return summary(version)
  }

  private async withRoom<T>(boardId: string, use: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.options.rooms.acquire(boardId)
    try {
      return await use(room)
    } finally {
      this.options.rooms.releaseIfEmpty(room)
    }
  }

  /** Clears every timer (versions not yet due are not taken; unloading rooms take theirs). */
  stop(): void {
    this.stopped = true
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }
}

function summary(version: StoredVersion): VersionSummary {
  const { boardId: _boardId, ...rest } = version
  return rest
}
