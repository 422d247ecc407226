import * as Y from 'yjs'
import { decodeUpdate, structsByClient, type DecodedUpdate, type Struct } from '../../shared/yjsUpdates.ts'
import { DEAD, DocPaths, type Located, topOfDocItem } from './DocPaths.ts'
import { contentKind, MAX_PATH_DEPTH, valuesOf, type DeleteEffect, type Effect, type InsertEffect, type TopRef } from './effects.ts'

/*
 * What an update would do to a document, worked out *before* it is applied and attributed to the
 * update alone. Yjs itself integrates an update's items wherever their parents are; items whose
 * dependencies are missing are held aside inside the doc and integrated later, inside whatever
 * transaction happens to supply the dependency — possibly another connection's. That is why the
 * server never lets Yjs hold anything aside: an update whose dependencies are not all in the doc
 * is reported as `waiting` and kept by the caller, outside the doc, until they are.
 *
 * The result lists every effect: an item inserted under a parent (a root, a map key or a
 * sequence), or an existing item deleted. Paths are the root's name followed by the map keys
 * below it ('#' for a position in a sequence). Nothing here mutates the doc.
 */

export type { Effect } from './effects.ts'

/** The outcome of analysing an update against a doc. */
export type UpdateAnalysis =
  | {
      status: 'ready'
      decoded: DecodedUpdate
      effects: Effect[]
      /** Clients whose clock the update advances (it writes new structs under these ids). */
      writesClients: Set<number>
      /** True when the update adds nothing the doc does not already have. */
      empty: boolean
    }
  /** A dependency is missing: retry once getState(doc, client) >= state. */
  | { status: 'waiting'; decoded: DecodedUpdate; needs: { client: number; state: number } }
  | { status: 'malformed'; reason: string }

/** Where an item (already in the doc or earlier in this update) sits: parent path and key. */
interface Place {
  parent: Located
  key: string | null
  /** For types: the type's own path. */
  path?: Located
  /** The parent type was created by this update. */
  parentFresh: boolean
  /** This item is a type created by this update. */
  freshType: boolean
  /** The top-level item this item falls under (itself when it is one). */
  top: TopRef | null
}

/**
 * Works out what `update` would do to `doc`, or why it cannot be applied yet. Throws nothing:
 * malformed input is reported as such.
 */
export function analyzeUpdate(doc: Y.Doc, update: Uint8Array): UpdateAnalysis {
  let decoded: DecodedUpdate
  try {
    decoded = decodeUpdate(update)
  } catch (error) {
    return { status: 'malformed', reason: `unreadable update: ${(error as Error).message}` }
  }
  try {
    return analyzeDecoded(doc, decoded)
  } catch (error) {
    return { status: 'malformed', reason: `inconsistent update: ${(error as Error).message}` }
  }
}

/** As analyzeUpdate, for an update that is already decoded (a held update being retried). */
export function analyzeDecoded(doc: Y.Doc, decoded: DecodedUpdate): UpdateAnalysis {
  return new UpdateAnalyzer(doc, decoded).run()
}

type OwnPlace = { clock: number; len: number; place: Place | typeof DEAD }
type Needs = { client: number; state: number }

/**
 * One analysis of one update against one doc (used once, then dropped). A class rather than
 * closures inside analyzeDecoded: every update the server receives is analysed, and closures
 * would be created (and, under tsx, named with defineProperty) on every call.
 */
class UpdateAnalyzer {
  private readonly store: Y.Doc['store']
  private readonly paths = new DocPaths()
  /** The state each client reaches as the update's structs are taken in order. */
  private readonly reached = new Map<number, number>()
  /** Places of the update's own new items, per client, sorted by clock, for id lookups. */
  private readonly ownPlaces = new Map<number, OwnPlace[]>()
  private readonly effects: Effect[] = []
  private readonly writesClients = new Set<number>()

  constructor(
    doc: Y.Doc,
    private readonly decoded: DecodedUpdate,
  ) {
    this.store = doc.store
  }

  run(): UpdateAnalysis {
    const { decoded } = this
    // Clients are independent except through ids; take them in an order that lets dependencies
    // inside the update resolve: repeat passes until no client makes progress.
    const cursors = new Map<number, { run: Struct[]; next: number }>()
    for (const [client, run] of structsByClient(decoded.structs)) cursors.set(client, { run, next: 0 })
    let progress = true
    let waiting: Needs | undefined
    while (cursors.size > 0 && progress) {
      progress = false
      waiting = undefined
      for (const [client, cursor] of cursors) {
        const before = cursor.next
        const needs = this.takeRun(client, cursor)
        if (cursor.next > before) progress = true
        if (needs === undefined) cursors.delete(client)
        else waiting ??= needs
      }
    }
    if (cursors.size > 0) return { status: 'waiting', decoded, needs: waiting! }
    const needs = this.takeDeletes()
    if (needs) return { status: 'waiting', decoded, needs }
    const { effects, writesClients } = this
    return { status: 'ready', decoded, effects, writesClients, empty: effects.length === 0 && writesClients.size === 0 }
  }

  private stateOf(client: number): number {
    return this.reached.get(client) ?? Y.getState(this.store, client)
  }

  private known(id: Y.ID): boolean {
    return id.clock < this.stateOf(id.client)
  }

  private ownLookup(id: Y.ID): OwnPlace | undefined {
    const list = this.ownPlaces.get(id.client)
    if (!list) return undefined
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const entry = list[mid]
      if (id.clock < entry.clock) hi = mid - 1
      else if (id.clock >= entry.clock + entry.len) lo = mid + 1
      else return entry
    }
    return undefined
  }

  // The place of the item containing `id`: from this update, else from the doc.
  private placeOf(id: Y.ID): Place | typeof DEAD {
    const own = this.ownLookup(id)
    if (own) return own.place
    const struct = Y.getItem(this.store, id) as Y.Item | Y.GC
    if (!(struct instanceof Y.Item)) return DEAD
    if (!(struct.parent instanceof Y.AbstractType)) return DEAD
    const parent = this.paths.of(struct.parent)
    const topItem = topOfDocItem(struct)
    const place: Place = { parent, key: struct.parentSub, parentFresh: false, freshType: false, top: topItem ? { kind: 'doc', item: topItem } : null }
    if (struct.content instanceof Y.ContentType) place.path = this.paths.of(struct.content.type)
    return place
  }

  // Takes a client's structs in clock order from the cursor on; returns what blocks it, if anything.
  private takeRun(client: number, cursor: { run: Struct[]; next: number }): Needs | undefined {
    let places = this.ownPlaces.get(client)
    if (!places) this.ownPlaces.set(client, (places = []))
    for (; cursor.next < cursor.run.length; cursor.next++) {
      const struct = cursor.run[cursor.next]
      const state = this.stateOf(client)
      const end = struct.id.clock + struct.length
      if (struct instanceof Y.Skip || end <= state) continue // a gap marker, or already known
      if (struct.id.clock > state) return { client, state: struct.id.clock }
      const offset = state - struct.id.clock
      if (struct instanceof Y.GC) {
        places.push({ clock: struct.id.clock, len: struct.length, place: DEAD })
      } else {
        const item = struct as Y.Item
        const origin = offset > 0 ? Y.createID(client, item.id.clock + offset - 1) : item.origin
        for (const dep of [origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
          if (!dep) continue
          // Yjs assumes an item's own-client references point backwards; one that does not
          // would make it throw half-way through integrating, leaving the doc half-changed.
          if (dep.client === client && dep.clock >= item.id.clock && !(dep === origin && offset > 0)) {
            throw new Error(`item ${client}:${item.id.clock} refers forward to its own client`)
          }
          if (!this.known(dep)) return { client: dep.client, state: dep.clock + 1 }
        }
        const place = this.placeItem(item, origin)
        places.push({ clock: item.id.clock, len: item.length, place })
        if (place !== DEAD) {
          const effect: InsertEffect = {
            kind: 'insert',
            item,
            parent: place.parent === DEAD ? undefined : place.parent,
            key: place.key,
            content: contentKind(item.content),
            parentFresh: place.parentFresh,
            top: place.top,
          }
          const values = valuesOf(item.content)
          if (values) effect.values = values
          if (item.content instanceof Y.ContentString) effect.text = item.content.str
          if (place.path && place.path !== DEAD) effect.path = place.path
          this.effects.push(effect)
        }
      }
      this.writesClients.add(client)
      this.reached.set(client, end)
    }
    return undefined
  }

  private placeItem(item: Y.Item, origin: Y.ID | null): Place | typeof DEAD {
    let parent: Located
    let key: string | null
    let parentFresh = false
    // The top-level item a child falls under is its holder's (for the holder's children, the
    // holder's own top); a sibling's neighbour shares it.
    let inheritedTop: TopRef | null = null
    if (typeof item.parent === 'string') {
      parent = [item.parent]
      key = item.parentSub
    } else if (item.parent instanceof Y.ID) {
      const holder = this.placeOf(item.parent)
      if (holder === DEAD) return DEAD
      if (holder.path === undefined) throw new Error(`parent ${item.parent.client}:${item.parent.clock} is not a type`)
      parent = holder.path
      key = item.parentSub
      parentFresh = holder.freshType
      inheritedTop = holder.top
    } else {
      const neighbour = origin ?? item.rightOrigin
      if (!neighbour) throw new Error(`item ${item.id.client}:${item.id.clock} has no parent`)
      const place = this.placeOf(neighbour)
      if (place === DEAD) return DEAD
      parent = place.parent
      key = place.key
      parentFresh = place.parentFresh
      inheritedTop = place.top
    }
    if (parent === DEAD) return DEAD
    const top: TopRef | null =
      parent.length === 1 ? { kind: 'own', item, origin, rightOrigin: item.rightOrigin } : inheritedTop
    const place: Place = { parent, key, parentFresh, freshType: item.content instanceof Y.ContentType, top }
    if (item.content instanceof Y.ContentType) {
      place.path = parent.length >= MAX_PATH_DEPTH ? DEAD : [...parent, key ?? '#']
    }
    return place
  }

  // Deletes: every range must lie within what the doc plus this update know. Returns what a range
  // waits for, if anything.
  private takeDeletes(): Needs | undefined {
    const { store } = this
    for (const [client, ranges] of this.decoded.deletes) {
      for (const range of ranges) {
        const state = this.stateOf(client)
        if (range.clock + range.len > state) return { client, state: range.clock + range.len }
        const docState = Y.getState(store, client)
        if (range.clock >= docState) continue // deletes only items of this update: no lasting effect
        const end = Math.min(range.clock + range.len, docState)
        const structs = store.clients.get(client)
        if (!structs) continue
        for (let i = Y.findIndexSS(structs, range.clock); i < structs.length; i++) {
          const struct = structs[i]
          if (struct.id.clock >= end) break
          if (!(struct instanceof Y.Item) || struct.deleted || !(struct.parent instanceof Y.AbstractType)) continue
          const parent = this.paths.of(struct.parent)
          if (parent === DEAD) continue
          const from = Math.max(range.clock, struct.id.clock)
          const to = Math.min(end, struct.id.clock + struct.length)
          const topItem = topOfDocItem(struct)
          const effect: DeleteEffect = {
            kind: 'delete',
            range: { client, clock: from, len: to - from },
            parent,
            key: struct.parentSub,
            content: contentKind(struct.content),
            top: topItem ? { kind: 'doc', item: topItem } : null,
          }
          const values = valuesOf(struct.content)
          if (values) effect.values = values
          this.effects.push(effect)
        }
      }
    }
    return undefined
  }
}
