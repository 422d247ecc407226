import { createContext, lazy, Suspense, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useEditor as useBoardEditor, type Editor as BoardEditor } from 'tldraw'
import { DOCUMENT_ROOT } from '../../../shared/document/documentDoc.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { DOCUMENT_MESSAGES } from './documentMessages.ts'
import { QuotedNotesLayer } from './QuotedNotesLayer.tsx'
import './documentDock.css'

// The editor (TipTap, ProseMirror, y-tiptap) is a chunk of its own: a board whose document is
// never opened does not download, parse or bind it.
const DocumentPane = lazy(() => import('./DocumentPane.tsx'))

interface DockValue {
  open: boolean
  setOpen: (open: boolean) => void
  boardEditor: BoardEditor | undefined
  setBoardEditor: (editor: BoardEditor | undefined) => void
}

const DockContext = createContext<DockValue | null>(null)

/**
 * The board with its collective document: the document opens beside the canvas on wide screens
 * and over it on phones. The open/closed state is shared with the button on the board (in
 * tldraw's UI) through context.
 */
export function DocumentDock(props: { token: string; children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const [boardEditor, setBoardEditor] = useState<BoardEditor>()
  const value = useMemo(() => ({ open, setOpen, boardEditor, setBoardEditor }), [open, boardEditor])
  const t = useCatalog(DOCUMENT_MESSAGES)
  const { session } = useBoard()
  const fragment = useMemo(() => session.doc.getXmlFragment(DOCUMENT_ROOT), [session])
  return (
    <DockContext.Provider value={value}>
      <div className={open ? 'doc-split doc-split--open' : 'doc-split'}>
        {props.children}
        {boardEditor ? <QuotedNotesLayer board={boardEditor} fragment={fragment} /> : null}
        {open ? (
          <Suspense
            fallback={
              <section className="doc-pane" aria-busy="true">
                <p role="status">{t('opening')}</p>
              </section>
            }
          >
            <DocumentPane token={props.token} boardEditor={boardEditor} onClose={() => setOpen(false)} />
          </Suspense>
        ) : null}
      </div>
    </DockContext.Provider>
  )
}

/** The "Document" button among the board's controls; also tells the dock which canvas is open. */
export function DocumentToggle() {
  const dock = useContext(DockContext)
  const editor = useBoardEditor()
  const t = useCatalog(DOCUMENT_MESSAGES)
  const setBoardEditor = dock?.setBoardEditor
  useEffect(() => {
    if (!setBoardEditor) return
    setBoardEditor(editor)
    return () => setBoardEditor(undefined)
  }, [editor, setBoardEditor])
  if (!dock) return null
  return (
    <button
      type="button"
      className="doc-toggle"
      aria-pressed={dock.open}
      aria-label={t('openDocument')}
      title={t('openDocument')}
      onClick={() => dock.setOpen(!dock.open)}
      data-testid="document-toggle"
    >
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 2h9l5 5v15H6z" />
        <path d="M14 2v6h6M9 13h8M9 17h8" />
      </svg>
      <span className="doc-toggle__label">{t('openDocument')}</span>
    </button>
  )
}
