import { z } from 'zod'
import { roleSchema } from '../../../shared/roles.ts'

/*
 * The boards this browser created or opened, kept in its localStorage only (never sent anywhere),
 * so the lobby can list them: title, role, when last opened, the link to open, and "forget". The
 * link holds the token, as the address bar did; forgetting removes it from this browser only.
 */

/** One board this browser has opened, with one role (the same board may appear once per role). */
export const recentBoardSchema = z.strictObject({
  id: z.string().min(1).max(128),
  title: z.string().max(200),
  role: roleSchema,
  link: z.string().max(2000),
  lastOpened: z.number().finite(),
})
export type RecentBoard = z.infer<typeof recentBoardSchema>

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>

/** The storage key of the list. */
export const RECENT_BOARDS_KEY = 'coboard:recent-boards'
/** How many boards the list keeps (the oldest go first). */
export const MAX_RECENT_BOARDS = 30

/** The list with `visit` first (replacing an older entry of the same board and role), newest first, capped. */
export function withVisit(list: readonly RecentBoard[], visit: RecentBoard): RecentBoard[] {
  const others = list.filter((entry) => !(entry.id === visit.id && entry.role === visit.role))
  return [visit, ...others].sort((a, b) => b.lastOpened - a.lastOpened).slice(0, MAX_RECENT_BOARDS)
}

/** The list without one board and role. */
export function without(list: readonly RecentBoard[], id: string, role: RecentBoard['role']): RecentBoard[] {
  return list.filter((entry) => !(entry.id === id && entry.role === role))
}

/** The remembered boards, newest first; entries that do not parse are dropped. */
export function readRecentBoards(storage: KeyValueStore): RecentBoard[] {
  try {
    const raw: unknown = JSON.parse(storage.getItem(RECENT_BOARDS_KEY) ?? '[]')
    if (!Array.isArray(raw)) return []
    const entries = raw.flatMap((item) => {
      const parsed = recentBoardSchema.safeParse(item)
      return parsed.success ? [parsed.data] : []
    })
    return entries.sort((a, b) => b.lastOpened - a.lastOpened).slice(0, MAX_RECENT_BOARDS)
  } catch {
    return []
  }
}

function write(storage: KeyValueStore, list: readonly RecentBoard[]): void {
  try {
    storage.setItem(RECENT_BOARDS_KEY, JSON.stringify(list))
  } catch {
    // Private browsing or a full storage: the lobby then just lists nothing new.
  }
}

/** Records that this browser opened (or created) a board with a role (best effort). */
export function recordBoardVisit(storage: KeyValueStore, visit: RecentBoard): void {
  write(storage, withVisit(readRecentBoards(storage), visit))
}

/** Forgets one board and role in this browser (the board itself and its links are untouched). */
export function forgetRecentBoard(storage: KeyValueStore, id: string, role: RecentBoard['role']): RecentBoard[] {
  const list = without(readRecentBoards(storage), id, role)
  write(storage, list)
  return list
}
