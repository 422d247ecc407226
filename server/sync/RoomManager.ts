import type { StoreSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import type { Logger } from 'pino'
import { CLOSE } from '../../shared/closeCodes.ts'
import { Room, type RoomLimits } from './Room.ts'
import type { DocStore } from '../store/DocStore.ts'
import { LocalRelay, type Relay } from '../cluster/Relay.ts'
import type { Role } from '../../shared/roles.ts'

export interface RoomManagerOptions {
  store: DocStore
  log: Logger
  /** The tldraw schema this server runs (records are validated and boards migrated to it). */
  schema: StoreSchema<TLRecord, any>
  limits: RoomLimits
  compactAfterUpdates: number
  /**
   * Called when a room has loaded (returns what to call when it goes), and before a room is
   * unloaded or the server stops (e.g. to keep a version of a board that changed).
   */
  hooks?: {
    loaded(room: Room): () => void
    beforeUnload(room: Room): Promise<void>
    /** Called when a facilitator has just made a board anonymous (to remove the names stored before). */
    madeAnonymous?(room: Room): void
  }
  /** How long an empty room stays in memory before it is unloaded. */
  roomIdleMs: number
  /** Other instances serving the same boards (default: none, one process). */
  relay?: Relay
  /** How long a gap in a board's sequence may stay open before it is read from the store. */
  gapWaitMs?: number
  /**
   * How often every loaded board's last sequence number and links are compared with the store
   * (with other instances only): catches the last updates of a burst whose relayed messages were
   * lost, and closes the sockets of a link rotated on another instance whose message was lost.
   */
  catchUpCheckMs?: number
}

/**
 * The registry of boards in memory. Loads a board on first use (once, however many connections
 * ask at the same moment) and unloads it after it has been empty for a while and all is stored.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Promise<Room>>()
  private readonly loaded = new Map<string, Room>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()
  /** Bumped whenever someone wants a room, so that an unload in progress knows to back off. */
  private readonly demand = new Map<string, number>()
  private readonly disposers = new Map<Room, () => void>()
  private stopped = false
  private readonly relay: Relay
  private readonly unsubscribe: Array<() => void> = []
  private readonly checkTimer: NodeJS.Timeout | undefined
  private checking = false

  constructor(private readonly options: RoomManagerOptions) {
    this.relay = options.relay ?? new LocalRelay()
    if (this.relay.shared) {
      this.unsubscribe.push(
        this.relay.onInstanceGone((instanceId) => {
          for (const room of this.loaded.values()) room.forgetInstance(instanceId)
        }),
        this.relay.onResync(() => {
          for (const room of this.loaded.values()) {
            room.catchUp().catch((error: unknown) => this.options.log.error({ err: error, board: room.boardId }, 'catching up after the relay reconnected failed'))
          }
        }),
      )
      if (options.store.gaplessSequence) {
        this.checkTimer = setInterval(() => {
          this.checkStoreAhead().catch((error: unknown) => this.options.log.error({ err: error }, 'comparing boards with the store failed'))
        }, options.catchUpCheckMs ?? 2000)
        this.checkTimer.unref()
      }
    }
  }

  private async checkStoreAhead(): Promise<void> {
    if (this.checking || this.loaded.size === 0) return
    this.checking = true
    try {
      const boardIds = [...this.loaded.keys()]
      const latest = await this.options.store.latestSeqs(boardIds)
      for (const [boardId, seq] of latest) this.loaded.get(boardId)?.catchUpTo(seq)
      // A rotated link's 'close-role' message may have been lost: the store says which links are current.
      const links = await this.options.store.tokenHashes(boardIds)
      for (const [boardId, current] of links) {
        const closed = this.loaded.get(boardId)?.closeRotatedLinks(current) ?? 0
        if (closed > 0) this.options.log.info({ board: boardId, closed }, 'closed connections of rotated links')
      }
    } catch (error) {
      this.options.log.warn({ err: error }, 'could not compare boards with the store')
    } finally {
      this.checking = false
    }
  }

  /** Closes the connections of a role on a board, on this instance and every other (a rotated link). */
  closeRole(boardId: string, role: Role): void {
    this.loaded.get(boardId)?.closeRole(role)
    this.relay.publish(boardId, { kind: 'close-role', role })
  }

  /** The room of a board, loading it if needed. Concurrent callers share one load. */
  acquire(boardId: string): Promise<Room> {
    if (this.stopped) return Promise.reject(new Error('server is stopping'))
    this.demand.set(boardId, (this.demand.get(boardId) ?? 0) + 1)
    this.cancelIdle(boardId)
    let room = this.rooms.get(boardId)
    if (!room) {
      room = Room.load({
        boardId,
        store: this.options.store,
        log: this.options.log,
        schema: this.options.schema,
        limits: this.options.limits,
        compactAfterUpdates: this.options.compactAfterUpdates,
        relay: this.relay,
        gapWaitMs: this.options.gapWaitMs ?? 100,
        onEmpty: (r) => this.scheduleIdle(r),
        onBroken: (r) => this.evict(r),
        onMadeAnonymous: (r) => this.options.hooks?.madeAnonymous?.(r),
      }).then(
        (loadedRoom) => {
          this.loaded.set(boardId, loadedRoom)
          if (this.options.hooks) this.disposers.set(loadedRoom, this.options.hooks.loaded(loadedRoom))
          return loadedRoom
        },
        (error: unknown) => {
          this.rooms.delete(boardId)
          throw error
        },
      )
      this.rooms.set(boardId, room)
    }
    return room
  }

  /** The room of a board if it is in memory now. */
  get(boardId: string): Room | undefined {
    return this.loaded.get(boardId)
  }

  /** How many boards are in memory. */
  get size(): number {
    return this.rooms.size
  }

  /** For a caller that acquired a room but did not join it: lets the room go idle if empty. */
  releaseIfEmpty(room: Room): void {
    if (room.connectionCount === 0) this.scheduleIdle(room)
  }

  private scheduleIdle(room: Room): void {
    if (this.stopped || this.loaded.get(room.boardId) !== room) return
    this.cancelIdle(room.boardId)
    const demandAtSchedule = this.demand.get(room.boardId) ?? 0
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.boardId)
      this.unload(room, demandAtSchedule).catch((error: unknown) =>
        this.options.log.error({ err: error, board: room.boardId }, 'unloading board failed'),
      )
    }, this.options.roomIdleMs)
    timer.unref()
    this.idleTimers.set(room.boardId, timer)
  }

  private cancelIdle(boardId: string): void {
    const timer = this.idleTimers.get(boardId)
    if (timer) {
      clearTimeout(timer)
      this.idleTimers.delete(boardId)
    }
  }

  private async unload(room: Room, demandAtSchedule: number): Promise<void> {
    const stillWanted = () =>
      room.connectionCount > 0 || (this.demand.get(room.boardId) ?? 0) !== demandAtSchedule || this.loaded.get(room.boardId) !== room
    if (stillWanted()) return
    try {
      await this.options.hooks?.beforeUnload(room)
      await room.compactIfNeeded()
    } catch (error) {
      this.options.log.error({ err: error, board: room.boardId }, 'could not store board before unloading; keeping it')
      return
    }
    // Re-check after the await: a connection may have arrived while we were writing.
    if (stillWanted()) return
    this.rooms.delete(room.boardId)
    this.loaded.delete(room.boardId)
    this.demand.delete(room.boardId)
    this.destroy(room)
    this.options.log.debug({ board: room.boardId }, 'unloaded board')
  }

  private evict(room: Room): void {
    if (this.loaded.get(room.boardId) !== room) return
    this.cancelIdle(room.boardId)
    this.rooms.delete(room.boardId)
    this.loaded.delete(room.boardId)
    this.destroy(room)
  }

  private destroy(room: Room): void {
    this.disposers.get(room)?.()
    this.disposers.delete(room)
    room.destroy()
  }

  /** Stores every board, closes every connection and frees all rooms; no timers remain. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.checkTimer) clearInterval(this.checkTimer)
    for (const off of this.unsubscribe.splice(0)) off()
    for (const timer of this.idleTimers.values()) clearTimeout(timer)
    this.idleTimers.clear()
    const rooms = await Promise.allSettled([...this.rooms.values()])
    for (const result of rooms) {
      if (result.status !== 'fulfilled') continue
      const room = result.value
      room.closeConnections(() => true, CLOSE.goingAway)
      try {
        await this.options.hooks?.beforeUnload(room)
        await room.compactIfNeeded()
      } catch (error) {
        this.options.log.error({ err: error, board: room.boardId }, 'could not store board on shutdown')
      }
      this.destroy(room)
    }
    this.rooms.clear()
    this.loaded.clear()
  }
}
