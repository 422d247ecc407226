import type * as Y from 'yjs'
import { BOARD_DOC_KEYS, readBoardSettings } from '../../shared/boardDoc.ts'
import type { Role } from '../../shared/roles.ts'
import { stakeholderGroupSchema } from '../../shared/stakeholderGroups.ts'
import { forgetNames, recordsHoldNames } from './forgetNames.ts'

/*
 * Changes the server makes to a board in answer to what people do (applied by the Room as its
 * own changes: stored and relayed like any other).
 */

/**
 * Who took part, by stakeholder group (for participation counts and exports): the first time a
 * person's presence names their group, an entry in the board's `attendance` root under a
 * pseudonymous id (the author id, or the connection's id for clients without one). Never a name.
 * Undefined when there is nothing to record.
 */
export function attendanceChange(doc: Y.Doc, who: { id: string; role: Role }, state: Record<string, unknown>): ((doc: Y.Doc) => void) | undefined {
  const parsed = stakeholderGroupSchema.safeParse((state.user as { group?: unknown } | undefined)?.group)
  if (!parsed.success) return undefined
  const current = doc.getMap<{ group: string; role: string; firstSeen: number }>(BOARD_DOC_KEYS.attendance).get(who.id)
  if (current && current.group === parsed.data && current.role === who.role) return undefined
  const entry = { group: parsed.data, role: who.role, firstSeen: current?.firstSeen ?? Date.now() }
  return (target) => target.getMap(BOARD_DOC_KEYS.attendance).set(who.id, entry)
}

/** On an anonymous board no names are kept: the change that removes tldraw's user records and shapes' author names, if any. */
export function forgetNamesChange(doc: Y.Doc): ((doc: Y.Doc) => void) | undefined {
  if (!readBoardSettings(doc).anonymous) return undefined
  return recordsHoldNames(doc) ? forgetNames : undefined
}
