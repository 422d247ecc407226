import { addRowAfter, deleteTable } from '@tiptap/pm/tables'
import type { Editor } from '@tiptap/react'
import { useEffect, useReducer, useState } from 'react'
import type { Editor as BoardEditor, TLNoteShape } from 'tldraw'
import { plainText } from '../../../shared/templates/templateFromBoard.ts'
import { stakeholderGroupSchema } from '../../../shared/stakeholderGroups.ts'
import { useCatalog } from '../i18n/useCatalog.ts'
import { DOCUMENT_MESSAGES } from './documentMessages.ts'
import { newTable } from './documentTables.ts'
import { currentSelection } from './domSelection.ts'

/** The notes selected on the board, as quotes for the document. */
export function selectedNoteQuotes(board: BoardEditor | undefined): Array<{ noteId: string; text: string; group: string | null }> {
  if (!board) return []
  return board
    .getSelectedShapes()
    .filter((shape): shape is TLNoteShape => shape.type === 'note')
    .map((note) => {
      const group = stakeholderGroupSchema.safeParse((note.meta as { group?: unknown }).group)
      return { noteId: note.id, text: plainText(note.props.richText), group: group.success ? group.data : null }
    })
}

/** Inserts a table and puts the caret in its first cell. */
function insertTable(editor: Editor): void {
  editor.chain().focus().insertContent(newTable()).run()
  const { $from } = editor.state.selection
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type.name === 'table') {
      // Before the table: +1 into it, +1 into its first row, +1 into the first cell, +1 into its paragraph.
      editor.commands.setTextSelection($from.before(depth) + 4)
      return
    }
  }
}

/** Formatting, undo of one's own changes, quoting notes from the board and commenting. */
export function DocumentToolbar(props: { editor: Editor; boardEditor: BoardEditor | undefined; onComment: (range: { from: number; to: number }) => void }) {
  const { editor, boardEditor } = props
  const t = useCatalog(DOCUMENT_MESSAGES)
  const [hint, setHint] = useState<string>()
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    editor.on('transaction', rerender)
    return () => {
      editor.off('transaction', rerender)
    }
  }, [editor])
  useEffect(() => {
    if (!hint) return
    const timer = setTimeout(() => setHint(undefined), 6000)
    return () => clearTimeout(timer)
  }, [hint])

  const chain = () => editor.chain().focus()
  const buttons: Array<{ key: string; label: string; icon: string; active?: boolean; run: () => void }> = [
    { key: 'bold', label: t('bold'), icon: 'B', active: editor.isActive('bold'), run: () => chain().toggleBold().run() },
    { key: 'italic', label: t('italic'), icon: 'I', active: editor.isActive('italic'), run: () => chain().toggleItalic().run() },
    { key: 'heading', label: t('heading'), icon: 'H', active: editor.isActive('heading'), run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: 'bullets', label: t('bulletList'), icon: '•', active: editor.isActive('bulletList'), run: () => chain().toggleBulletList().run() },
    { key: 'numbers', label: t('orderedList'), icon: '1.', active: editor.isActive('orderedList'), run: () => chain().toggleOrderedList().run() },
    { key: 'quote', label: t('blockquote'), icon: '❝', active: editor.isActive('blockquote'), run: () => chain().toggleBlockquote().run() },
    { key: 'table', label: t('table'), icon: '▦', run: () => insertTable(editor) },
    { key: 'undo', label: t('undo'), icon: '↶', run: () => chain().undo().run() },
    { key: 'redo', label: t('redo'), icon: '↷', run: () => chain().redo().run() },
  ]
  const quoteNotes = () => {
    const quotes = selectedNoteQuotes(boardEditor)
    if (!quotes.length) return setHint(t('quoteNoteHint'))
    chain()
      .insertContent(quotes.map((attrs) => ({ type: 'boardNote', attrs })))
      .run()
  }
  const comment = () => {
    const { from, to } = currentSelection(editor.view)
    if (from === to) return setHint(t('commentHint'))
    props.onComment({ from, to })
  }
  return (
    <div className="doc-toolbar" role="toolbar" aria-label={t('toolbarLabel')}>
      {buttons.map((b) => (
        <button key={b.key} type="button" className="doc-toolbar__icon" aria-label={b.label} title={b.label} aria-pressed={b.active === undefined ? undefined : b.active} onMouseDown={(e) => e.preventDefault()} onClick={b.run}>
          <span aria-hidden="true" className={`doc-toolbar__glyph doc-toolbar__glyph--${b.key}`}>
            {b.icon}
          </span>
        </button>
      ))}
      {editor.isActive('table') ? (
        <>
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => editor.chain().focus().command(({ state, dispatch }) => addRowAfter(state, dispatch)).run()}>
            {t('addRow')}
          </button>
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => editor.chain().focus().command(({ state, dispatch }) => deleteTable(state, dispatch)).run()}>
            {t('deleteTable')}
          </button>
        </>
      ) : null}
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={quoteNotes} data-testid="quote-note">
        {t('quoteNote')}
      </button>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={comment} title={t('commentShortcut')} aria-keyshortcuts="Control+Alt+M" data-testid="comment-selection">
        {t('comment')}
      </button>
      {hint ? (
        <p className="doc-toolbar__hint" role="status">
          {hint}
        </p>
      ) : null}
    </div>
  )
}
