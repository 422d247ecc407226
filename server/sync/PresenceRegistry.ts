import type { Logger } from 'pino'
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { CLOSE, type CloseEventSpec } from '../../shared/closeCodes.ts'
import type { Role } from '../../shared/roles.ts'
import type { PresenceOwner } from '../cluster/relayCodec.ts'
import { presenceWithLinkFacts } from './policy/presencePolicy.ts'
import { type AwarenessEntry, decodeAwarenessUpdate, encodeAwareness, encodeAwarenessUpdate } from '../../shared/protocol.ts'

/** What the registry needs to know about a connection. */
export interface PresenceHolder {
  readonly id: string
  /** The role of the link the connection opened: its presence shows this role, whatever it claims. */
  readonly role: Role
  /** Who this is across reconnects: the author id when the client sent a secret, else its link. */
  readonly ownerKey: string
}

/** Origin of presence relayed from another instance (never relayed on again). */
class RemoteInstance {
  constructor(readonly id: string) {}
}

/** A client may announce a few awareness ids (one per Y.Doc it syncs); more is abuse. */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4
/** How many ids of people who left are remembered, so that nobody else takes them over. */
const MAX_RETIRED_IDS = 10_000
/** Bytes of an awareness frame around its entries: message type, payload length, entry count. */
const FRAME_OVERHEAD = 1 + 5 + 5
/** Bytes of an entry around its state's JSON: client id, clock, string length (varuints). */
const ENTRY_OVERHEAD = 5 + 5 + 5

/** The bytes a presence state takes on the wire (its JSON, UTF-8 — not its UTF-16 length). */
export function presenceStateBytes(state: Record<string, unknown> | null): number {
  return Buffer.byteLength(JSON.stringify(state))
}

/**
 * The presence (Yjs awareness) of one board: who announced which awareness client id, the size
 * limit of a presence state, and frames for joiners that never exceed what the server accepts.
 *
 * Ownership: a connection may only update or remove the ids it announced. When it leaves, its
 * ids are retired, not freed: only a connection with the same owner key (the same browser's
 * author secret, or for clients without one the same link) may announce them again — so a
 * reconnecting client gets its presence back and nobody else can take it over.
 */
export class PresenceRegistry {
  readonly awareness: awarenessProtocol.Awareness
  private readonly owners = new Map<number, PresenceHolder>()
  private readonly idsByHolder = new Map<PresenceHolder, Set<number>>()
  /** The user id each connection's presence names (the first it announced; see presencePolicy). */
  private readonly userIds = new Map<PresenceHolder, string>()
  private readonly retired = new Map<number, string>()
  /** Awareness ids announced on other instances, by instance: they go when their instance does. */
  private readonly remoteIds = new Map<string, Set<number>>()
  private readonly remotes = new Map<string, RemoteInstance>()

  constructor(
    doc: Y.Doc,
    private readonly options: {
      log: Logger
      /** Largest presence state (its JSON, UTF-8), in bytes. */
      maxStateBytes: number
      /** Largest frame the server sends (and accepts). */
      maxFrameBytes: number
      /** Sends a frame to every connection but `except`. */
      broadcast: (frame: Uint8Array, except: unknown) => void
      /** Called with the state a connection announces (to record who took part, by group). */
      onAnnounced?: (holder: PresenceHolder, state: Record<string, unknown>) => void
      /** Hands this instance's connections' presence changes (awareness updates) to other instances. */
      publish?: (update: Uint8Array, owners: readonly PresenceOwner[]) => void
    },
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server is not a participant: it holds no presence of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onUpdate)
  }

  /** Applies a connection's awareness update; returns a close code when the update is refused. */
  receive(holder: PresenceHolder, update: Uint8Array): CloseEventSpec | undefined {
    let entries: AwarenessEntry[]
    try {
      entries = decodeAwarenessUpdate(update)
    } catch {
      return CLOSE.badMessage
    }
    const mine = this.idsByHolder.get(holder) ?? new Set<number>()
    const allowed: AwarenessEntry[] = []
    for (const entry of entries) {
      let userId: string | undefined
      if (entry.state !== null) ({ state: entry.state, userId } = presenceWithLinkFacts(entry.state, { role: holder.role, userId: this.userIds.get(holder) }))
      if (entry.state !== null && !this.fits(entry.state)) {
        this.options.log.warn({ conn: holder.id, clientId: entry.clientId }, 'closing connection: presence state too large')
        return CLOSE.presenceTooLarge
      }
      const owner = this.owners.get(entry.clientId)
      if ((owner !== undefined && owner !== holder) || this.remoteOwner(entry.clientId) !== undefined) {
        this.options.log.warn({ conn: holder.id, clientId: entry.clientId }, 'dropped awareness for a client id owned by another connection')
        continue
      }
      if (!mine.has(entry.clientId)) {
        if (entry.state === null) continue
        const retiredBy = this.retired.get(entry.clientId)
        if (retiredBy !== undefined && retiredBy !== holder.ownerKey) {
          this.options.log.warn({ conn: holder.id, clientId: entry.clientId }, 'dropped awareness: client id of someone who left')
          continue
        }
        if (mine.size >= MAX_AWARENESS_IDS_PER_CONNECTION) {
          this.options.log.warn({ conn: holder.id }, 'dropped awareness: too many client ids on one connection')
          continue
        }
        this.retired.delete(entry.clientId)
        mine.add(entry.clientId)
        this.owners.set(entry.clientId, holder)
        this.idsByHolder.set(holder, mine)
      }
      allowed.push(entry)
      if (userId !== undefined) this.userIds.set(holder, userId)
    }
    if (allowed.length === 0) return undefined
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(allowed), holder)
    for (const entry of allowed) {
      if (entry.state === null) this.release(holder, entry.clientId)
      else this.options.onAnnounced?.(holder, entry.state)
    }
    return undefined
  }

  // A state must be within the presence limit, and small enough to go out in a frame of its own.
  private fits(state: Record<string, unknown>): boolean {
    const bytes = presenceStateBytes(state)
    return bytes <= this.options.maxStateBytes && FRAME_OVERHEAD + ENTRY_OVERHEAD + bytes <= this.options.maxFrameBytes
  }

  private remoteOwner(clientId: number): string | undefined {
    for (const [instance, ids] of this.remoteIds) if (ids.has(clientId)) return instance
    return undefined
  }

  /**
   * Applies presence another instance relayed: its connections' states, checked there. An id a
   * connection of this instance owns is not taken over.
   */
  receiveRemote(instanceId: string, update: Uint8Array, owners: readonly PresenceOwner[] = []): void {
    let entries: AwarenessEntry[]
    try {
      entries = decodeAwarenessUpdate(update)
    } catch {
      this.options.log.warn({ instance: instanceId }, 'dropped unreadable relayed presence')
      return
    }
    let ids = this.remoteIds.get(instanceId)
    if (!ids) {
      ids = new Set()
      this.remoteIds.set(instanceId, ids)
    }
    const allowed = entries.filter((entry) => !this.owners.has(entry.clientId) && (entry.state === null || this.fits(entry.state)))
    const ownerOf = new Map(owners.map((owner) => [owner.clientId, owner.ownerKey]))
    for (const entry of allowed) {
      const ownerKey = ownerOf.get(entry.clientId)
      if (entry.state === null) {
        ids.delete(entry.clientId)
        // Its owner left on that instance: here too, only the same browser may take the id again.
        if (ownerKey !== undefined) this.retire(entry.clientId, ownerKey)
      } else {
        ids.add(entry.clientId)
        this.retired.delete(entry.clientId)
      }
    }
    if (allowed.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(allowed), this.remote(instanceId))
  }

  /** Removes the presence of an instance that died (its connections are gone with it). */
  removeInstance(instanceId: string): void {
    const ids = [...(this.remoteIds.get(instanceId) ?? [])]
    this.remoteIds.delete(instanceId)
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, this.remote(instanceId))
    this.remotes.delete(instanceId)
  }

  /** This instance's connections' presence as one awareness update (for a newcomer instance), if any. */
  localUpdate(): { update: Uint8Array; owners: PresenceOwner[] } | undefined {
    const ids = [...this.owners.keys()].filter((id) => this.awareness.getStates().has(id))
    if (ids.length === 0) return undefined
    return { update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids), owners: this.ownersOf(ids) }
  }

  // Who announced each id: its connection, or (just released) the owner it is retired for.
  private ownersOf(ids: number[]): PresenceOwner[] {
    return ids.flatMap((clientId) => {
      const ownerKey = this.owners.get(clientId)?.ownerKey ?? this.retired.get(clientId)
      return ownerKey === undefined ? [] : [{ clientId, ownerKey }]
    })
  }

  private remote(instanceId: string): RemoteInstance {
    let remote = this.remotes.get(instanceId)
    if (!remote) {
      remote = new RemoteInstance(instanceId)
      this.remotes.set(instanceId, remote)
    }
    return remote
  }

  private release(holder: PresenceHolder, clientId: number): void {
    this.idsByHolder.get(holder)?.delete(clientId)
    if (this.owners.get(clientId) === holder) this.owners.delete(clientId)
    this.retire(clientId, holder.ownerKey)
  }

  private retire(clientId: number, ownerKey: string): void {
    this.retired.delete(clientId)
    this.retired.set(clientId, ownerKey)
    if (this.retired.size > MAX_RETIRED_IDS) this.retired.delete(this.retired.keys().next().value as number)
  }

  /** Removes a connection's presence (it left). */
  remove(holder: PresenceHolder): void {
    const ids = [...(this.idsByHolder.get(holder) ?? [])]
    this.idsByHolder.delete(holder)
    this.userIds.delete(holder)
    for (const id of ids) this.release(holder, id)
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, holder)
  }

  /** Everyone's presence as frames of at most maxFrameBytes each (for a joiner or a query). */
  snapshotFrames(): Uint8Array[] {
    return this.framesFor([...this.awareness.getStates().keys()])
  }

  // Frames of whole entries, each at most maxFrameBytes by construction: entry sizes are counted
  // in bytes with the largest possible varuints, and every state fits a frame alone (see fits).
  private framesFor(clientIds: number[]): Uint8Array[] {
    const frames: Uint8Array[] = []
    const budget = this.options.maxFrameBytes
    let batch: AwarenessEntry[] = []
    let size = FRAME_OVERHEAD
    for (const clientId of clientIds) {
      const meta = this.awareness.meta.get(clientId)
      if (!meta) continue
      const entry = { clientId, clock: meta.clock, state: (this.awareness.getStates().get(clientId) as Record<string, unknown> | undefined) ?? null }
      const bytes = ENTRY_OVERHEAD + presenceStateBytes(entry.state)
      if (FRAME_OVERHEAD + bytes > budget) {
        this.options.log.error({ clientId, bytes }, 'presence state too large to send; left out')
        continue
      }
      if (batch.length > 0 && size + bytes > budget) {
        frames.push(encodeAwareness(encodeAwarenessUpdate(batch)))
        batch = []
        size = FRAME_OVERHEAD
      }
      batch.push(entry)
      size += bytes
    }
    if (batch.length > 0) frames.push(encodeAwareness(encodeAwarenessUpdate(batch)))
    return frames
  }

  private readonly onUpdate = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const ids = [...change.added, ...change.updated, ...change.removed]
    for (const frame of this.framesFor(ids)) {
      this.options.broadcast(frame, origin)
    }
    // Only what this instance's connections did travels on: not relayed presence, and not the
    // awareness timeout, which every instance applies by itself.
    if (this.options.publish && !(origin instanceof RemoteInstance) && origin !== 'timeout' && ids.length > 0) {
      this.options.publish(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids), this.ownersOf(ids))
    }
  }

  /** How many people are present. */
  get size(): number {
    return this.awareness.getStates().size
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
  }
}
