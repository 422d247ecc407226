import type { TLRecord, TLShape } from '@tldraw/tlschema'

/*
 * Private writing, as pure rules. While the facilitator's silent-writing phase runs, a note
 * written here carries `meta.draft = <revealSeq when it was written>` and stays on this device
 * (the store binding never writes such records to the board's Y.Doc; DraftStore keeps them in
 * IndexedDB). Publishing removes the marker, and the note goes to the board like any other.
 * "Reveal all" raises the session's `revealSeq`: every device then publishes the drafts written
 * before it — also a device that was offline or closed then, as soon as it opens the board again.
 */

/** Key in a shape's `meta` marking a private draft; its value is the revealSeq it was written under. */
export const DRAFT_META_KEY = 'draft'

/** Whether a record is a private draft (kept on this device). */
export function isDraft(record: TLRecord): boolean {
  return record.typeName === 'shape' && typeof (record.meta as Record<string, unknown>)[DRAFT_META_KEY] === 'number'
}

/** The revealSeq a draft was written under. */
export function draftSeq(record: TLShape): number {
  return (record.meta as Record<string, unknown>)[DRAFT_META_KEY] as number
}

/** A shape marked as a draft written under `revealSeq`. */
export function asDraft<T extends TLShape>(shape: T, revealSeq: number): T {
  return { ...shape, meta: { ...shape.meta, [DRAFT_META_KEY]: revealSeq } }
}

/** The same shape without its draft marker: what goes onto the board. */
export function published<T extends TLShape>(shape: T): T {
  const meta: Record<string, unknown> = { ...(shape.meta as Record<string, unknown>) }
  delete meta[DRAFT_META_KEY]
  return { ...shape, meta } as T
}

/** The drafts a "reveal all" numbered `revealSeq` publishes: those written before it. */
export function revealedBy<T extends TLShape>(drafts: readonly T[], revealSeq: number): T[] {
  return drafts.filter((draft) => draftSeq(draft) < revealSeq)
}

/** Whether a newly created shape becomes a draft: notes, while the private phase runs, for editors. */
export function becomesDraft(shape: TLShape, phase: { active: boolean }, canEdit: boolean): boolean {
  return canEdit && phase.active && shape.type === 'note'
}
