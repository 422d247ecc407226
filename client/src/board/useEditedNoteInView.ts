import { useEffect } from 'react'
import { react, type Editor } from 'tldraw'
import type { Rect } from '../../../shared/templates/templateSchema.ts'
import { measureUiInsets } from './uiInsets.ts'
import { isPhoneViewport, revealNote } from './zoneViews.ts'

/**
 * The part of the canvas a note being edited may use: inside the UI, and above the on-screen
 * keyboard (the visual viewport ends where the keyboard starts; the layout viewport, and with it
 * the canvas, may not shrink: iOS never resizes it, Android only with `interactive-widget`).
 */
export function freeAreaAboveKeyboard(
  container: Rect,
  insets: { top: number; bottom: number; left: number; right: number },
  visual: { offsetTop: number; offsetLeft: number; width: number; height: number } | null,
): Rect {
  const top = insets.top
  let bottom = container.h - insets.bottom
  let left = insets.left
  let right = container.w - insets.right
  if (visual) {
    const visualBottom = visual.offsetTop + visual.height - container.y
    // The keyboard covers the bottom UI too: the free area then ends at the keyboard.
    if (visualBottom < bottom) bottom = visualBottom
    left = Math.max(left, visual.offsetLeft - container.x)
    right = Math.min(right, visual.offsetLeft + visual.width - container.x)
  }
  return { x: left, y: top, w: Math.max(1, right - left), h: Math.max(1, bottom - top) }
}

/**
 * Keeps the note being edited on screen and readable: when editing starts (on a phone, zoomed in
 * to a readable size) and whenever the visual viewport changes (the on-screen keyboard opens, the
 * page is scrolled under it).
 */
export function useEditedNoteInView(editor: Editor): void {
  useEffect(() => {
    const visual = editor.getContainer().ownerDocument.defaultView?.visualViewport ?? null
    const reveal = () => {
      const id = editor.getEditingShapeId()
      if (!id || editor.getShape(id)?.type !== 'note') return
      const container = editor.getContainer()
      const box = container.getBoundingClientRect()
      const free = freeAreaAboveKeyboard({ x: box.x, y: box.y, w: box.width, h: box.height }, measureUiInsets(container), visual)
      const phone = isPhoneViewport({ w: box.width, h: box.height })
      revealNote(editor, id, free, { zoomIn: phone })
    }
    let frame = 0
    const later = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(reveal)
    }
    const stop = react('reveal the edited note', () => {
      if (editor.getEditingShapeId()) later()
    })
    visual?.addEventListener('resize', later)
    visual?.addEventListener('scroll', later)
    return () => {
      stop()
      cancelAnimationFrame(frame)
      visual?.removeEventListener('resize', later)
      visual?.removeEventListener('scroll', later)
    }
  }, [editor])
}
