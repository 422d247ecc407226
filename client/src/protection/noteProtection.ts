import type { Editor, TLShape } from 'tldraw'
import type { BoardSettings } from '../../../shared/boardDoc.ts'
import { AUTHOR_META_KEY, AUTHOR_NAME_META_KEY, GROUP_META_KEY, mayDeleteShape, TEMPLATE_META_KEY } from '../../../shared/policy/boardRules.ts'
import type { Role } from '../../../shared/roles.ts'

/** What protectNotes needs to know. */
export interface NoteProtectionOptions {
  role: Role
  /** This browser's author id on the board (see authorKey.ts); undefined for observers. */
  authorId: string | undefined
  /** The board's rules right now (they can change during a session). */
  settings: () => BoardSettings
  /** Called when a delete was held back (once per user action, with how many shapes). */
  onDeleteRefused: (count: number) => void
  /** What new shapes carry about their writer: group, and the name unless the board is anonymous. */
  writer: () => { group: string; name?: string }
}

/**
 * The client's half of the server's note rules (shared/policy/boardRules.ts), applied before a
 * change leaves the device so that the server never has to refuse an honest user:
 *   - every shape this user creates carries their author id and group (and their name, unless the
 *     board is anonymous), and — unless they facilitate — no
 *     template marker (a pasted copy of a zone label becomes a plain text);
 *   - a shape's author and template marker never change by a participant's hand;
 *   - a delete the rules do not allow (someone else's note on a protected board) is held back,
 *     and the user is told once.
 * Remote changes are never touched. Returns a function that removes the handlers.
 */
export function protectNotes(editor: Editor, options: NoteProtectionOptions): () => void {
  const { role, authorId } = options
  let refusedThisTick = 0
  const withAuthor = (shape: TLShape): TLShape => {
    const meta: Record<string, unknown> = { ...(shape.meta as Record<string, unknown>) }
    if (authorId) meta[AUTHOR_META_KEY] = authorId
    const writer = options.writer()
    meta[GROUP_META_KEY] = writer.group
    if (writer.name) meta[AUTHOR_NAME_META_KEY] = writer.name
    else delete meta[AUTHOR_NAME_META_KEY]
    if (role !== 'facilitator') delete meta[TEMPLATE_META_KEY]
    return { ...shape, meta } as TLShape
  }
  const offCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) =>
    source === 'user' ? withAuthor(shape) : shape,
  )
  const offChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || role === 'facilitator') return next
    const before = prev.meta as Record<string, unknown>
    const after = next.meta as Record<string, unknown>
    const fixed = [AUTHOR_META_KEY, TEMPLATE_META_KEY, GROUP_META_KEY, AUTHOR_NAME_META_KEY]
    // Dropping one's name is allowed (a private draft published on a board made anonymous since).
    const kept = (key: string) => before[key] === after[key] || (key === AUTHOR_NAME_META_KEY && after[key] === undefined)
    if (fixed.every(kept)) return next
    const meta: Record<string, unknown> = { ...after }
    for (const key of fixed) {
      if (kept(key)) continue
      if (before[key] === undefined) delete meta[key]
      else meta[key] = before[key]
    }
    return { ...next, meta } as TLShape
  })
  const offDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source !== 'user') return
    if (mayDeleteShape({ role, settings: options.settings(), shape, authorId })) return
    if (refusedThisTick++ === 0) queueMicrotask(() => {
      options.onDeleteRefused(refusedThisTick)
      refusedThisTick = 0
    })
    return false
  })
  return () => {
    offCreate()
    offChange()
    offDelete()
  }
}
