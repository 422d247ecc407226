import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import type { Editor as BoardEditor } from 'tldraw'
import { selectedNoteQuotes } from './DocumentToolbar.tsx'

/**
 * Dragging notes from the board onto the document quotes them where they are dropped. tldraw
 * keeps the pointer while it moves shapes, so we watch the pointer's place on the page: over the
 * document's text, the drop inserts the quotes there and the board takes the move back (the notes
 * stay where they were). Returns whether notes are being dragged over the text (for a drop hint).
 */
export function useNoteDrop(editor: Editor | null, board: BoardEditor | undefined, enabled: boolean): boolean {
  const [over, setOver] = useState(false)
  useEffect(() => {
    if (!editor || !board || !enabled) return
    const textAt = (x: number, y: number) => {
      const element = document.elementFromPoint(x, y)
      return element instanceof Element && editor.view.dom.contains(element) ? element : null
    }
    const dragging = () => board.isIn('select.translating') && selectedNoteQuotes(board).length > 0
    const onMove = (event: PointerEvent) => setOver(dragging() && textAt(event.clientX, event.clientY) !== null)
    const onUp = (event: PointerEvent) => {
      setOver(false)
      if (!dragging() || !textAt(event.clientX, event.clientY)) return
      const quotes = selectedNoteQuotes(board)
      const hit = editor.view.posAtCoords({ left: event.clientX, top: event.clientY })
      // After tldraw has finished the move: take it back, then quote.
      setTimeout(() => {
        board.undo()
        const doc = editor.state.doc
        const $pos = doc.resolve(Math.min(hit?.pos ?? doc.content.size, doc.content.size))
        const at = $pos.depth > 0 ? $pos.after(1) : $pos.pos
        editor.chain().focus().insertContentAt(at, quotes.map((attrs) => ({ type: 'boardNote', attrs }))).run()
      }, 0)
    }
    window.addEventListener('pointermove', onMove, { capture: true })
    window.addEventListener('pointerup', onUp, { capture: true })
    return () => {
      window.removeEventListener('pointermove', onMove, { capture: true })
      window.removeEventListener('pointerup', onUp, { capture: true })
    }
  }, [editor, board, enabled])
  return over
}
