import { boardLinksSchema } from '../../../shared/api/boards.ts'
import type { Role } from '../../../shared/roles.ts'

/*
 * The links of boards created in this browser, kept in its localStorage (never sent anywhere), so
 * that the facilitator can open the participant and observer links again on the board after the
 * creation page is gone. The server keeps only hashes of tokens and cannot hand them out again.
 */

type Links = Record<Role, string>
type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

const key = (boardId: string) => `coboard:links:${boardId}`

/** Remembers a new board's links (best effort: a full or blocked storage just forgets). */
export function rememberBoardLinks(storage: KeyValueStore, boardId: string, links: Links): void {
  try {
    storage.setItem(key(boardId), JSON.stringify(links))
  } catch {
    // Private browsing or a full storage: the share panel then offers new links instead.
  }
}

/** Replaces one remembered link (after the facilitator made a new one). */
export function rememberLink(storage: KeyValueStore, boardId: string, role: Role, link: string): void {
  const known = readBoardLinks(storage, boardId)
  rememberBoardLinks(storage, boardId, { facilitator: '', participant: '', observer: '', ...known, [role]: link })
}

/** The remembered links of a board, if this browser has them. */
export function readBoardLinks(storage: KeyValueStore, boardId: string): Partial<Links> | undefined {
  try {
    const raw = storage.getItem(key(boardId))
    if (!raw) return undefined
    const parsed = boardLinksSchema.safeParse(JSON.parse(raw))
    if (!parsed.success) return undefined
    return Object.fromEntries(Object.entries(parsed.data).filter(([, link]) => link !== '')) as Partial<Links>
  } catch {
    return undefined
  }
}
