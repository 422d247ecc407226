import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/*
 * Surgery on Yjs updates (update encoding v1, as on the wire), without a Y.Doc:
 *   - rewriteUpdate: replace chosen items by GC structs of the same id and length (the clock
 *     range stays filled, so the sender's later updates still follow on, but the content has no
 *     effect anywhere) and drop chosen delete ranges;
 *   - splitUpdate: cut one update into several valid updates of at most a given size, so that no
 *     frame exceeds what the other side accepts (large offline work, large boards).
 * Pure functions over bytes; used by the server's document policy and by the client.
 */

/** One decoded struct: an Item (content), a GC (a clock range with nothing in it) or a Skip (a gap). */
export type Struct = Y.Item | Y.GC | Y.Skip

/** A decoded update: structs in update order and the delete set, client -> [clock, len] ranges. */
export interface DecodedUpdate {
  structs: Struct[]
  deletes: Map<number, Array<{ clock: number; len: number }>>
}

/** Decodes a v1 update; throws on malformed input (callers turn that into a close code). */
export function decodeUpdate(update: Uint8Array): DecodedUpdate {
  const { structs, ds } = Y.decodeUpdate(update)
  const deletes = new Map<number, Array<{ clock: number; len: number }>>()
  for (const [client, items] of ds.clients) {
    deletes.set(client, items.map((item) => ({ clock: item.clock, len: item.len })))
  }
  return { structs: structs as Struct[], deletes }
}

/** Structs grouped by client, each run sorted by clock. */
export function structsByClient(structs: readonly Struct[]): Map<number, Struct[]> {
  const byClient = new Map<number, Struct[]>()
  for (const struct of structs) {
    let run = byClient.get(struct.id.client)
    if (!run) byClient.set(struct.id.client, (run = []))
    run.push(struct)
  }
  for (const run of byClient.values()) run.sort((a, b) => a.id.clock - b.id.clock)
  return byClient
}

/**
 * Encodes structs and deletes as one v1 update. Each client's structs must be contiguous in clock
 * order (a gap is written as a Skip, which Yjs treats as "not known yet").
 */
export function encodeUpdateFromParts(
  byClient: ReadonlyMap<number, readonly Struct[]>,
  deletes: ReadonlyMap<number, ReadonlyArray<{ clock: number; len: number }>>,
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  const clients = [...byClient.entries()].filter(([, run]) => run.length > 0)
  encoding.writeVarUint(encoder.restEncoder, clients.length)
  for (const [client, run] of clients) {
    const withGaps: Struct[] = []
    let next = run[0].id.clock
    for (const struct of run) {
      if (struct.id.clock > next) withGaps.push(new Y.Skip(Y.createID(client, next), struct.id.clock - next))
      withGaps.push(struct)
      next = struct.id.clock + struct.length
    }
    encoding.writeVarUint(encoder.restEncoder, withGaps.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, run[0].id.clock)
    for (const struct of withGaps) struct.write(encoder, 0)
  }
  const dsClients = [...deletes.entries()].filter(([, ranges]) => ranges.length > 0)
  encoding.writeVarUint(encoder.restEncoder, dsClients.length)
  for (const [client, ranges] of dsClients) {
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, ranges.length)
    for (const range of ranges) {
      encoder.writeDsClock(range.clock)
      encoder.writeDsLen(range.len)
    }
  }
  return encoder.toUint8Array()
}

/** Removes `[clock, clock+len)` from a list of delete ranges. */
export function subtractRange(
  ranges: ReadonlyArray<{ clock: number; len: number }>,
  cut: { clock: number; len: number },
): Array<{ clock: number; len: number }> {
  const out: Array<{ clock: number; len: number }> = []
  const cutEnd = cut.clock + cut.len
  for (const range of ranges) {
    const end = range.clock + range.len
    if (end <= cut.clock || range.clock >= cutEnd) {
      out.push(range)
      continue
    }
    if (range.clock < cut.clock) out.push({ clock: range.clock, len: cut.clock - range.clock })
    if (end > cutEnd) out.push({ clock: cutEnd, len: end - cutEnd })
  }
  return out
}

/**
 * Rewrites an update: every struct whose id is in `voidItems` ("client:clock") becomes a GC struct
 * of the same id and length, and the delete ranges in `keepUndeleted` are removed from the delete
 * set. Everything else is written as it came.
 */
export function rewriteUpdate(
  decoded: DecodedUpdate,
  voidItems: ReadonlySet<string>,
  keepUndeleted: ReadonlyArray<{ client: number; clock: number; len: number }>,
): Uint8Array {
  const byClient = structsByClient(
    decoded.structs.map((struct) =>
      struct instanceof Y.Item && voidItems.has(structKey(struct)) ? new Y.GC(struct.id, struct.length) : struct,
    ),
  )
  const deletes = new Map<number, Array<{ clock: number; len: number }>>()
  for (const [client, ranges] of decoded.deletes) {
    let kept = ranges
    for (const cut of keepUndeleted) if (cut.client === client) kept = subtractRange(kept, cut)
    deletes.set(client, kept)
  }
  return encodeUpdateFromParts(byClient, deletes)
}

/** The key rewriteUpdate uses for a struct: "client:clock" of its first id. */
export function structKey(struct: { id: { client: number; clock: number } }): string {
  return `${struct.id.client}:${struct.id.clock}`
}

/** Rough encoded size of a struct, for splitting (an upper bound is good enough). */
function encodedSize(struct: Struct): number {
  const encoder = new Y.UpdateEncoderV1()
  struct.write(encoder, 0)
  return encoder.toUint8Array().length
}

// Content that Yjs can cut in two at an offset (Item.content.splice), as it does when it splits an item.
function splittable(item: Y.Item): boolean {
  return (
    item.content instanceof Y.ContentString ||
    item.content instanceof Y.ContentAny ||
    item.content instanceof Y.ContentJSON ||
    item.content instanceof Y.ContentDeleted
  )
}

// Cuts an item into parts of at most `maxBytes` encoded, exactly as Yjs splits items: each part
// after the first has the previous part's last id as its origin, and keeps the right origin.
function cutItem(item: Y.Item, maxBytes: number): Struct[] {
  const parts: Struct[] = []
  let rest = item
  while (rest.length > 1 && encodedSize(rest) > maxBytes) {
    // Guess the share of the item that fits, then halve until it does.
    let take = Math.max(1, Math.floor((rest.length * maxBytes) / encodedSize(rest) / 1.1))
    let head: Y.Item
    let tail: Y.Item
    for (;;) {
      take = safeCut(rest, take)
      if (take >= rest.length) break
      const content = rest.content.copy()
      const tailContent = content.splice(take)
      head = new Y.Item(rest.id, null, rest.origin, null, rest.rightOrigin, rest.parent, rest.parentSub, content)
      tail = new Y.Item(
        Y.createID(rest.id.client, rest.id.clock + take),
        null,
        Y.createID(rest.id.client, rest.id.clock + take - 1),
        null,
        rest.rightOrigin,
        null,
        null,
        tailContent,
      )
      // A tail with an origin inherits its parent from it, like Yjs's own split items.
      tail.parent = rest.parent
      tail.parentSub = rest.parentSub
      if (take === 1 || encodedSize(head) <= maxBytes) break
      take = Math.max(1, Math.floor(take / 2))
    }
    if (take >= rest.length) break
    parts.push(head!)
    rest = tail!
  }
  parts.push(rest)
  return parts
}

// Never cut a string between the two halves of a surrogate pair: Yjs would replace both with U+FFFD.
function safeCut(item: Y.Item, take: number): number {
  if (!(item.content instanceof Y.ContentString)) return take
  const code = item.content.str.charCodeAt(take - 1)
  if (code >= 0xd800 && code <= 0xdbff) return take > 1 ? take - 1 : take + 1
  return take
}

/**
 * Splits an update into updates of at most about `maxBytes` each (a single item that cannot be cut,
 * such as one big map value, stays whole). The parts, applied in order, have the effect of the
 * whole; the delete set travels in the last part. An update already small enough is returned as is.
 *
 * Parts are cut, where possible, just before an item inserted at the root of the doc (for a
 * board: a new record with all its fields after it), so that a record arrives whole: the server
 * validates each record after each part, and half a record is not a valid one.
 */
export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
  if (update.length <= maxBytes) return [update]
  const decoded = decodeUpdate(update)
  // Leave room for the per-client header and the delete set of a part.
  const budget = Math.max(64, maxBytes - 64)
  const pieces: Array<{ client: number; struct: Struct; size: number; boundary: boolean }> = []
  for (const [client, run] of structsByClient(decoded.structs)) {
    run.forEach((struct, index) => {
      const cut = struct instanceof Y.Item && splittable(struct) ? cutItem(struct, budget) : [struct]
      cut.forEach((piece, k) => {
        const startsRecord = k === 0 && piece instanceof Y.Item && typeof piece.parent === 'string'
        pieces.push({ client, struct: piece, size: encodedSize(piece), boundary: index === 0 || startsRecord })
      })
    })
  }
  const parts: Uint8Array[] = []
  const encodePart = (from: number, to: number, deletes: DecodedUpdate['deletes']) => {
    const byClient = new Map<number, Struct[]>()
    for (let i = from; i < to; i++) {
      const list = byClient.get(pieces[i].client) ?? []
      list.push(pieces[i].struct)
      byClient.set(pieces[i].client, list)
    }
    return encodeUpdateFromParts(byClient, deletes)
  }
  let start = 0
  let size = 0
  let lastBoundary = -1
  for (let i = 0; i < pieces.length; i++) {
    if (i > start && size + pieces[i].size > budget) {
      // Cut at the last record boundary of this part when there is one after its start.
      const cut = lastBoundary > start ? lastBoundary : i
      parts.push(encodePart(start, cut, new Map()))
      start = cut
      size = 0
      lastBoundary = -1
      for (let k = cut; k < i; k++) {
        size += pieces[k].size
        if (k > cut && pieces[k].boundary) lastBoundary = k
      }
    }
    if (pieces[i].boundary) lastBoundary = i
    size += pieces[i].size
  }
  const dsSize = [...decoded.deletes.values()].reduce((sum, ranges) => sum + ranges.length * 10 + 10, 0)
  if (size > 0 && size + dsSize > budget) {
    parts.push(encodePart(start, pieces.length, new Map()))
    start = pieces.length
  }
  parts.push(encodePart(start, pieces.length, decoded.deletes))
  return parts
}
