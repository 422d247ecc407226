import type { EditorView } from '@tiptap/pm/view'

/**
 * The editor's selection as the reader sees it now, in ProseMirror positions. A selection made
 * with the keyboard (Shift+Home) changes the page at once, but ProseMirror takes it over only on
 * the browser's next `selectionchange` event, which can come after the keydown of a shortcut
 * pressed right after it (Ctrl+Alt+M): reading the page's selection does not race.
 */
export function currentSelection(view: EditorView): { from: number; to: number } {
  const { from, to } = view.state.selection
  const dom = view.dom.ownerDocument.getSelection()
  if (!dom || dom.rangeCount === 0 || dom.isCollapsed || !dom.anchorNode || !dom.focusNode) return { from, to }
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return { from, to }
  try {
    const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset)
    const head = view.posAtDOM(dom.focusNode, dom.focusOffset)
    return { from: Math.min(anchor, head), to: Math.max(anchor, head) }
  } catch {
    // Inside something ProseMirror does not draw itself (a quoted note's buttons): its own view holds.
    return { from, to }
  }
}
