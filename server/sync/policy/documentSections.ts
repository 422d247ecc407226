import * as Y from 'yjs'
import { DOCUMENT_ROOT, SECTION_ID, SECTION_ID_ATTRIBUTE } from '../../../shared/document/documentDoc.ts'
import type { Effect, InsertEffect, TopRef } from '../effects.ts'

/** A section of the document: its heading's id, or null for the blocks before the first heading. */
type Section = string | null

// Deeper chains of new blocks than this are judged as if they could land anywhere.
const MAX_CHAIN = 10_000

/** The heading's section id, if this item is a live top-level heading that opens a section. */
export function sectionOfHeading(item: Y.Item): string | null {
  if (item.deleted || !(item.content instanceof Y.ContentType)) return null
  const type = item.content.type
  if (!(type instanceof Y.XmlElement) || type.nodeName !== 'heading') return null
  const id = type.getAttribute(SECTION_ID_ATTRIBUTE)
  return typeof id === 'string' ? id : null
}

/** Where a new top-level block can land: after `after` (null: the start), before `before` (null: the end). */
interface Landing {
  after: Y.Item | null
  before: Y.Item | null
}

/**
 * The sections an update's changes fall in, as the server reckons them: a section runs from its
 * heading to the next heading; a change inside a block falls in that block's section.
 *
 * A new top-level block is the subtle case. Yjs places it after its left origin and before its
 * right origin, and when other blocks lie between the two (a crafted item can name any two) it
 * may land after any of them. So a new block falls in every section it could land in: the
 * section of the slot after its left origin and of the slot after each block up to its right
 * origin. An honest editor names two neighbours, and that is one slot.
 */
export class SectionFinder {
  private readonly memo = new Map<Y.Item, Section>()
  private readonly landings = new Map<Y.Item, Landing>()
  private readonly spans = new Map<Y.Item | null, Map<Y.Item | null, Section[]>>()
  private readonly own = new Map<number, InsertEffect[]>()

  constructor(
    effects: readonly Effect[],
    private readonly doc: Y.Doc,
  ) {
    for (const effect of effects) {
      if (effect.kind !== 'insert') continue
      const list = this.own.get(effect.item.id.client) ?? []
      list.push(effect)
      this.own.set(effect.item.id.client, list)
    }
    for (const list of this.own.values()) list.sort((a, b) => a.item.id.clock - b.item.id.clock)
  }

  /** The sections a change under `top` may fall in (one, except for a new block placed loosely). */
  sectionsOf(top: TopRef | null): readonly Section[] {
    if (!top) return []
    if (top.kind === 'doc') return [this.ofDocItem(top.item)]
    const landing = this.landingOf(top.item, top.origin, top.rightOrigin, 0)
    return this.sectionsBetween(landing)
  }

  /** The section of an existing block: walks left to the nearest live heading, memoised. */
  private ofDocItem(start: Y.Item): Section {
    const walked: Y.Item[] = []
    let section: Section = null
    for (let item: Y.Item | null = start; item; item = item.left) {
      const known = this.memo.get(item)
      if (known !== undefined) {
        section = known
        break
      }
      walked.push(item)
      const heading = sectionOfHeading(item)
      if (heading !== null) {
        section = heading
        break
      }
    }
    for (const item of walked) this.memo.set(item, section)
    return section
  }

  private sectionsBetween({ after, before }: Landing): readonly Section[] {
    const cached = this.spans.get(after)?.get(before)
    if (cached) return cached
    // The slot right after `after` (at the start: before any heading), then after each block up to `before`.
    const sections = new Set<Section>([after ? this.ofDocItem(after) : null])
    const first = after ? after.right : this.doc.getXmlFragment(DOCUMENT_ROOT)._start
    // Memoised walks: each block's section costs one step once its left neighbour's is known.
    for (let item = first; item && item !== before; item = item.right) sections.add(this.ofDocItem(item))
    const list = [...sections]
    const byBefore = this.spans.get(after) ?? new Map<Y.Item | null, Section[]>()
    byBefore.set(before, list)
    this.spans.set(after, byBefore)
    return list
  }

  private landingOf(item: Y.Item, origin: Y.ID | null, rightOrigin: Y.ID | null, depth: number): Landing {
    const known = this.landings.get(item)
    if (known) return known
    const landing: Landing =
      depth > MAX_CHAIN
        ? { after: null, before: null }
        : { after: this.bound(origin, 'after', depth), before: this.bound(rightOrigin, 'before', depth) }
    this.landings.set(item, landing)
    return landing
  }

  /**
   * The existing block a neighbour stands for: itself, or — for a block of this same update —
   * that block's own bound on the same side. Unknown neighbours widen the range to the edge.
   */
  private bound(id: Y.ID | null, side: keyof Landing, depth: number): Y.Item | null {
    if (!id) return null
    const own = this.ownAt(id)
    if (own) {
      const top = own.top
      if (top?.kind !== 'own' || top.item !== own.item) return null
      return this.landingOf(own.item, top.origin, top.rightOrigin, depth + 1)[side]
    }
    return topLevelItem(this.doc, id)
  }

  private ownAt(id: Y.ID): InsertEffect | undefined {
    const list = this.own.get(id.client)
    if (!list) return undefined
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const item = list[mid].item
      if (id.clock < item.id.clock) high = mid - 1
      else if (id.clock >= item.id.clock + item.length) low = mid + 1
      else return list[mid]
    }
    return undefined
  }
}

/** The top-level block of the document an existing item lies in, or null. */
function topLevelItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  try {
    const struct = Y.getItem(doc.store, id)
    if (!(struct instanceof Y.Item)) return null
    let item: Y.Item = struct
    while (item.parent instanceof Y.AbstractType && item.parent._item !== null) item = item.parent._item
    return item
  } catch {
    return null
  }
}

/**
 * Section ids a non-facilitator may not give a heading: a final section's id (which would make
 * the text after it final for everyone, and — before clients kept the older heading's id — let
 * the real final section be renamed and so unlocked), or an id another heading already has.
 * Returns, per refused `sectionId` write, the effects to refuse with it — the old value's removal
 * (so the heading keeps its id), or the whole block when the heading is new — and the reason.
 */
export function claimedSectionIds(effects: readonly Effect[], doc: Y.Doc, isLocked: (id: string) => boolean): Array<{ effects: Effect[]; reason: string }> {
  const claims = effects.filter((e): e is InsertEffect => e.kind === 'insert' && e.key === SECTION_ID_ATTRIBUTE && e.content === 'value')
  if (claims.length === 0) return []
  // Headings this update deletes give their id up (y-prosemirror moves a block by deleting it and writing it anew).
  const removed = new Set<Y.Item>()
  for (const effect of effects) if (effect.kind === 'delete' && effect.parent.length === 1 && effect.top?.kind === 'doc') removed.add(effect.top.item)
  const holders = new Map<string, Y.Item[]>()
  for (let item = doc.getXmlFragment(DOCUMENT_ROOT)._start; item; item = item.right) {
    const id = removed.has(item) ? null : sectionOfHeading(item)
    if (id !== null) holders.set(id, [...(holders.get(id) ?? []), item])
  }
  const claimedHere = new Map<string, number>()
  for (const claim of claims) {
    const value = claim.values?.[0]
    if (typeof value === 'string') claimedHere.set(value, (claimedHere.get(value) ?? 0) + 1)
  }
  const refused: Array<{ effects: Effect[]; reason: string }> = []
  for (const claim of claims) {
    const value = claim.values?.[0]
    const reason =
      typeof value !== 'string' || !SECTION_ID.test(value)
        ? 'a section id is a short word of letters, digits, - and _'
        : isLocked(value)
          ? 'that section id belongs to a section marked final'
          : (holders.get(value) ?? []).some((holder) => holder !== headingOf(claim)) || (claimedHere.get(value) ?? 0) > 1
            ? 'another heading already has that section id'
            : undefined
    if (reason) refused.push({ effects: withClaim(claim, effects), reason })
  }
  return refused
}

/** The top-level heading an attribute write is on (its parent path is ['document', '#']), or null for one deeper down. */
function headingOf(attribute: Effect): Y.Item | null {
  return attribute.parent?.length === 2 ? (attribute.top?.item ?? null) : null
}

/** What goes with a refused claim: the whole block if it is new, else the removal of the heading's current id. */
function withClaim(claim: InsertEffect, effects: readonly Effect[]): Effect[] {
  const top = claim.top
  if (top?.kind === 'own') return effects.filter((effect) => effect.top?.item === top.item)
  const path = claim.parent?.join('/')
  return [claim, ...effects.filter((e) => e.kind === 'delete' && e.key === SECTION_ID_ATTRIBUTE && e.top?.item === top?.item && e.parent.join('/') === path)]
}
