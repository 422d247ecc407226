import type { Logger } from 'pino'
import * as Y from 'yjs'
import { isFrozen } from '../../shared/session/sessionState.ts'
import { CLOSE, type CloseEventSpec } from '../../shared/closeCodes.ts'
import type { Role } from '../../shared/roles.ts'
import { rewriteUpdate, type DecodedUpdate } from '../../shared/yjsUpdates.ts'
import { BoardSettingsCache } from './BoardSettingsCache.ts'
import type { DocumentPolicy } from './policy/DocumentPolicy.ts'
import { analyzeDecoded, analyzeUpdate, type UpdateAnalysis } from './updateEffects.ts'

/** The sender of an update, as the gate sees it. */
export interface Writer {
  readonly id: string
  readonly role: Role
  /** Pseudonymous author id on this board, when the client sent an author secret. */
  readonly authorId: string | undefined
  /** Who this is across reconnects (author id, else link): the owner of the Yjs client ids it writes. */
  readonly ownerKey: string
  readonly closed: boolean
  close(spec: CloseEventSpec): void
}

export interface UpdateGateOptions {
  doc: Y.Doc
  policy: DocumentPolicy
  log: Logger
  /** Bytes of held updates one connection may have waiting; more closes it. */
  maxHeldBytesPerConnection: number
  /** Bytes of held updates a board may have waiting in all; more closes the connection adding to it. */
  maxHeldBytesPerBoard: number
  /** Whether a connection with this owner key is in the room now. */
  ownerOnline: (ownerKey: string) => boolean
}

interface Held {
  writer: Writer
  decoded: DecodedUpdate
  bytes: number
  needs: { client: number; state: number }
}

/** What happened to a submitted update. */
export type GateOutcome = 'applied' | 'held' | 'refused' | 'empty'

/** How many Yjs client ids a room remembers owners for; beyond, owners not present are forgotten. */
const MAX_OWNED_CLIENTS = 50_000

/** Who writes with a Yjs client id: an owner key, and the instance it writes on when not this one. */
interface Owner {
  key: string
  /** The other instance the owner's updates came from (relayed), if any. */
  instance?: string
}

/** The owner key of the server's own changes (seeding, restores, attendance, votes). */
export const SERVER_OWNER = 'server'

/**
 * Every client update passes through here before it touches the room's doc:
 *   1. analysed against the doc (server/sync/updateEffects.ts): malformed → 4400; depending on
 *      content the doc does not have yet → held aside *here*, per connection and capped, never
 *      inside the doc, and retried whenever the doc changes;
 *   2. its Yjs client ids checked: an id another person is writing with right now cannot be
 *      written by someone else (that would silently swallow their next change);
 *   3. judged by the document policy with the sender's role, whenever it finally applies — so an
 *      effect is always attributed to the connection that sent it;
 *   4. applied with the sender as origin — whole, or with the refused parts voided (their clock
 *      range kept as GC, so the sender's later updates still follow on). A refused part is never
 *      applied, stored or relayed; the sender is then closed with 4409 so it reloads the board.
 */
export class UpdateGate {
  private readonly held: Held[] = []
  private readonly heldBytesBy = new Map<Writer, number>()
  private heldBytes = 0
  private readonly owners = new Map<number, Owner>()
  /** The Yjs client ids each writer has written with (named when its updates are relayed). */
  private readonly clientsBy = new WeakMap<Writer, Set<number>>()
  private retrying = false
  private readonly settings: BoardSettingsCache

  constructor(private readonly options: UpdateGateOptions) {
    this.settings = new BoardSettingsCache(options.doc)
    // The room's own transactions (template seeding, restores) use the doc's client id.
    this.owners.set(options.doc.clientID, { key: SERVER_OWNER })
  }

  /** The Yjs client ids a writer has written with on this board. */
  clientsWrittenBy(writer: Writer): number[] {
    return [...(this.clientsBy.get(writer) ?? [])]
  }

  /**
   * Registers who wrote another instance's update with which client ids: a connection here may
   * not write under them either, unless it is the same person (same owner key — e.g. a client
   * that moved here when its instance died). Never takes a client id from someone writing here now.
   */
  registerRemote(instanceId: string, writers: ReadonlyArray<{ ownerKey: string; clients: readonly number[] }>): void {
    for (const { ownerKey, clients } of writers) {
      for (const client of clients) {
        const current = this.owners.get(client)
        if (current?.key === SERVER_OWNER && client === this.options.doc.clientID) continue
        if (current && current.instance === undefined && current.key !== ownerKey && this.options.ownerOnline(current.key)) continue
        this.owners.set(client, ownerKey === SERVER_OWNER ? { key: SERVER_OWNER } : { key: ownerKey, instance: instanceId })
      }
    }
    this.forgetOwnersIfTooMany()
  }

  /** Forgets the owners that wrote on an instance that died (they reconnect elsewhere). */
  forgetInstance(instanceId: string): void {
    for (const [client, owner] of this.owners) if (owner.instance === instanceId) this.owners.delete(client)
  }

  // An owner blocks others from its client ids while it may still write with them: the server
  // always, someone on another (live) instance, someone here while connected.
  private ownerActive(owner: Owner): boolean {
    return owner.key === SERVER_OWNER || owner.instance !== undefined || this.options.ownerOnline(owner.key)
  }

  /** Bytes of updates held aside in this room. */
  get heldTotal(): number {
    return this.heldBytes
  }

  /** Submits a writer's update (an observer's never gets here). */
  submit(writer: Writer, update: Uint8Array): GateOutcome {
    const outcome = this.process(writer, analyzeUpdate(this.options.doc, update), update.length, update)
    if (outcome === 'applied') this.retryHeld()
    return outcome
  }

  private process(writer: Writer, analysis: UpdateAnalysis, bytes: number, original: Uint8Array | undefined): GateOutcome {
    const { log } = this.options
    if (analysis.status === 'malformed') {
      log.warn({ conn: writer.id, reason: analysis.reason }, 'closing connection: malformed update')
      writer.close(CLOSE.badMessage)
      return 'refused'
    }
    if (analysis.status === 'waiting') return this.hold(writer, analysis.decoded, bytes, analysis.needs)
    if (analysis.empty) return 'empty'

    for (const client of analysis.writesClients) {
      const owner = this.owners.get(client)
      if (owner !== undefined && owner.key !== writer.ownerKey && this.ownerActive(owner)) {
        log.warn({ conn: writer.id, client }, 'closing connection: it wrote under a Yjs client id someone else is using')
        writer.close(CLOSE.forbidden)
        return 'refused'
      }
    }
    const verdict = this.options.policy.judge(analysis.effects, {
      role: writer.role,
      authorId: writer.authorId,
      doc: this.options.doc,
      settings: this.settings.current,
      frozen: isFrozen(this.options.doc),
    })
    let written = this.clientsBy.get(writer)
    if (!written) this.clientsBy.set(writer, (written = new Set()))
    for (const client of analysis.writesClients) {
      this.owners.set(client, { key: writer.ownerKey })
      written.add(client)
    }
    this.forgetOwnersIfTooMany()

    const toApply =
      verdict.refusedAny || original === undefined
        ? rewriteUpdate(analysis.decoded, verdict.voidItems, verdict.keepUndeleted)
        : original
    const store = this.options.doc.store
    const heldBefore = store.pendingStructs !== null || store.pendingDs !== null
    try {
      Y.applyUpdate(this.options.doc, toApply, writer)
    } catch (error) {
      // Cannot happen for an update the analysis accepted; if it does, say so loudly.
      log.error({ err: error, conn: writer.id }, 'closing connection: update failed to apply after analysis')
      writer.close(CLOSE.badMessage)
      return 'refused'
    }
    if (!heldBefore) this.clearYjsPending(writer)
    if (verdict.refusedAny) {
      log.warn({ conn: writer.id, role: writer.role, refused: verdict.refusals.slice(0, 10) }, 'refused part of an update')
      writer.close(CLOSE.changeRefused)
    }
    return 'applied'
  }

  // Yjs must never hold a client's update aside in the room doc: held parts would later be
  // integrated in someone else's transaction. The analysis makes this impossible; this is the belt
  // to its braces. It runs only when Yjs held nothing before this update: what it held before is
  // not this writer's but committed content of the board (see RoomReplica), which must be kept.
  private clearYjsPending(writer: Writer): void {
    const store = this.options.doc.store
    if (store.pendingStructs === null && store.pendingDs === null) return
    this.options.log.error({ conn: writer.id }, 'Yjs held part of an analysed update aside; dropped it')
    store.pendingStructs = null
    store.pendingDs = null
  }

  private hold(writer: Writer, decoded: DecodedUpdate, bytes: number, needs: Held['needs']): GateOutcome {
    const mine = (this.heldBytesBy.get(writer) ?? 0) + bytes
    if (mine > this.options.maxHeldBytesPerConnection || this.heldBytes + bytes > this.options.maxHeldBytesPerBoard) {
      this.options.log.warn({ conn: writer.id, held: mine, board: this.heldBytes }, 'closing connection: too many updates waiting for content the board lacks')
      writer.close(CLOSE.unresolvedUpdates)
      return 'refused'
    }
    this.held.push({ writer, decoded, bytes, needs })
    this.heldBytesBy.set(writer, mine)
    this.heldBytes += bytes
    this.options.log.debug({ conn: writer.id, needs }, 'holding an update until what it builds on arrives')
    return 'held'
  }

  /** Retries held updates whose dependencies may have arrived; call after the doc changed. */
  retryHeld(): void {
    if (this.retrying || this.held.length === 0) return
    this.retrying = true
    try {
      let progress = true
      while (progress) {
        progress = false
        for (let i = 0; i < this.held.length; i++) {
          const entry = this.held[i]
          if (entry.writer.closed) {
            this.removeHeld(i--)
            continue
          }
          if (Y.getState(this.options.doc.store, entry.needs.client) < entry.needs.state) continue
          const analysis = analyzeDecoded(this.options.doc, entry.decoded)
          if (analysis.status === 'waiting') {
            entry.needs = analysis.needs
            continue
          }
          this.removeHeld(i--)
          if (this.process(entry.writer, analysis, entry.bytes, undefined) === 'applied') progress = true
        }
      }
    } finally {
      this.retrying = false
    }
  }

  private removeHeld(index: number): void {
    const [entry] = this.held.splice(index, 1)
    this.heldBytes -= entry.bytes
    const left = (this.heldBytesBy.get(entry.writer) ?? 0) - entry.bytes
    if (left > 0) this.heldBytesBy.set(entry.writer, left)
    else this.heldBytesBy.delete(entry.writer)
  }

  /** Drops what a connection had waiting (it left: its client will send it again on reconnect). */
  drop(writer: Writer): void {
    for (let i = this.held.length - 1; i >= 0; i--) if (this.held[i].writer === writer) this.removeHeld(i)
  }

  private forgetOwnersIfTooMany(): void {
    if (this.owners.size <= MAX_OWNED_CLIENTS) return
    for (const [client, owner] of this.owners) {
      if (owner.key !== SERVER_OWNER && owner.instance === undefined && !this.options.ownerOnline(owner.key)) this.owners.delete(client)
    }
  }
}
