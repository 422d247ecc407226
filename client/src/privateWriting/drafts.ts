import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { AUTHOR_NAME_META_KEY } from '../../../shared/policy/boardRules.ts'
import type { StakeholderGroup } from '../../../shared/stakeholderGroups.ts'

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

/**
 * The same shape without its draft marker: what goes onto the board. On a board made anonymous
 * since the draft was written, without the author's name too (the server would refuse it).
 */
export function published<T extends TLShape>(shape: T, anonymous = false): T {
  const meta: Record<string, unknown> = { ...(shape.meta as Record<string, unknown>) }
  delete meta[DRAFT_META_KEY]
  if (anonymous) delete meta[AUTHOR_NAME_META_KEY]
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

/** Drafts per stakeholder group, from everyone's presence (counts only: the text never leaves a device). */
export function draftCountsByGroup(states: Iterable<unknown>): Partial<Record<StakeholderGroup, { drafts: number; people: number }>> {
  const counts: Partial<Record<StakeholderGroup, { drafts: number; people: number }>> = {}
  for (const state of states) {
    const s = state as { drafts?: unknown; user?: { group?: StakeholderGroup } } | null
    const n = typeof s?.drafts === 'number' && Number.isFinite(s.drafts) ? Math.max(0, Math.floor(s.drafts)) : 0
    const group = s?.user?.group
    if (!group || n === 0) continue
    const entry = (counts[group] ??= { drafts: 0, people: 0 })
    entry.drafts += n
    entry.people += 1
  }
  return counts
}
