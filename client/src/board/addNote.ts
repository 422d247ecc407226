import { createShapeId, startEditingShapeWithRichText, type Editor, type TLShapeId } from 'tldraw'
import { NOTE_SIZE } from '../../../shared/templates/generateTemplateRecords.ts'
import type { BoardZone } from '../templates/zoneEditing.ts'
import { freeSpotInZone } from './zoneNotes.ts'
import { revealNote } from './zoneViews.ts'

/**
 * Adds a note to a zone (on its first free spot) or, without a zone, in the middle of the screen,
 * and starts editing it, shown at a readable size: the one-tap way to write on a phone.
 */
export function addNote(editor: Editor, zone: BoardZone | undefined): TLShapeId {
  const id = createShapeId()
  const size = { w: NOTE_SIZE, h: NOTE_SIZE }
  const centre = editor.getViewportPageBounds().center
  const spot = (zone ? freeSpotInZone(editor, zone, size) : undefined) ?? { x: centre.x - size.w / 2, y: centre.y - size.h / 2 }
  editor.run(() => {
    editor.markHistoryStoppingPoint('add note')
    editor.createShape({ id, type: 'note', x: spot.x, y: spot.y })
    editor.select(id)
  })
  startEditingShapeWithRichText(editor, id)
  revealNote(editor, id)
  return id
}

/** Ends editing a note (the "Done" button: on a phone there is no Escape key). */
export function finishEditing(editor: Editor): void {
  editor.setEditingShape(null)
  editor.setCurrentTool('select.idle')
}
