import type { Editor, TLShape, TLUiOverrides } from 'tldraw'
import type { Role } from '../../../shared/roles.ts'
import { coboardMeta } from '../../../shared/templates/generateTemplateRecords.ts'

/** Whether a shape is part of a zone: its frame or the label/prompt/body text inside it (not an example note). */
export function isZoneShape(shape: TLShape): boolean {
  const meta = coboardMeta(shape)
  if (!meta?.zone || meta.example) return false
  return shape.type === 'frame' || meta.part === 'label' || meta.part === 'prompt' || meta.part === 'body'
}

/** Whether a shape is a zone's frame. */
export function isZoneFrame(shape: TLShape): boolean {
  return shape.type === 'frame' && isZoneShape(shape)
}

// Actions that would let someone unlock a zone. Removed from every menu and shortcut for
// everyone but the facilitator (tldraw's menus skip an item whose action is missing).
const LOCK_ACTIONS = ['toggle-lock', 'unlock-all'] as const

const PARTICIPANT_OVERRIDES: TLUiOverrides = {
  actions(_editor, actions) {
    const kept = { ...actions }
    for (const id of LOCK_ACTIONS) delete kept[id]
    return kept
  },
}
const FACILITATOR_OVERRIDES: TLUiOverrides = {}

/**
 * tldraw UI overrides for a role: only the facilitator sees "Toggle locked" / "Unlock all" (menu
 * items and the Shift+L shortcut). Returns one of two constants, so the prop stays stable.
 */
export function zoneLockOverrides(role: Role): TLUiOverrides {
  return role === 'facilitator' ? FACILITATOR_OVERRIDES : PARTICIPANT_OVERRIDES
}

/**
 * For everyone but the facilitator, refuses local changes to zones (move, resize, unlock, rename)
 * and their deletion, whatever the path (menu, shortcut, API). Remote changes, e.g. a
 * facilitator widening a zone, still come in. The server enforces the same rule; this keeps the
 * local canvas from showing a change the server would revert. Returns a function that removes it.
 */
export function protectZones(editor: Editor, role: Role): () => void {
  if (role === 'facilitator') return () => {}
  const offChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
    source === 'user' && isZoneShape(prev) ? prev : next,
  )
  const offDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
    source === 'user' && isZoneShape(shape) ? false : undefined,
  )
  return () => {
    offChange()
    offDelete()
  }
}
