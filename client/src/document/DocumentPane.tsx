import { isChangeOrigin } from '@tiptap/extension-collaboration'
import type { Transaction } from '@tiptap/pm/state'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { useEffect, useMemo, useReducer, useRef, useState } from 'react'
import type { Editor as BoardEditor, TLNoteShape } from 'tldraw'
import { readBoardMeta, readBoardSettings } from '../../../shared/boardDoc.ts'
import { isFrozen, SESSION_ROOT } from '../../../shared/session/sessionState.ts'
import { AUTHORSHIP_ROOT, COMMENTS_ROOT, DOCUMENT_ROOT, SECTION_LOCKS_ROOT } from '../../../shared/document/documentDoc.ts'
import { STAKEHOLDER_GROUP_LABELS, stakeholderGroupSchema } from '../../../shared/stakeholderGroups.ts'
import { plainText } from '../../../shared/templates/templateFromBoard.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { rangeOf } from './documentAnchors.ts'
import { recordContribution } from './documentAuthorship.ts'
import { commentMarksKey, documentExtensions, sectionLocksKey, type NoteBridge } from './documentExtensions.ts'
import { DOCUMENT_MESSAGES } from './documentMessages.ts'
import { currentSelection } from './domSelection.ts'
import { sectionAt, sectionsOf } from './documentSections.ts'
import { readThreads } from './documentThreads.ts'
import { AuthorshipPanel, CommentsPanel, ExportPanel, SectionsPanel } from './DocumentPanels.tsx'
import { DocumentToolbar } from './DocumentToolbar.tsx'
import { useBoardTemplate } from '../templates/useBoardTemplate.ts'
import { OutlineChoices } from './OutlineChoices.tsx'
import { useNoteDrop } from './useNoteDrop.ts'
import { useYRoot } from './useYRoot.ts'
import './documentPane.css'

const newId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 16)
const PHONE = '(max-width: 700px)'

/**
 * The board's collective document: a TipTap editor bound to the `document` root of the board's
 * Y.Doc (so it syncs, caches offline and merges like the board), with comments, sections the
 * facilitator marks final, who wrote what, and downloads. Loaded only when opened.
 */
export default function DocumentPane(props: { token: string; boardEditor: BoardEditor | undefined; onClose: () => void }) {
  const { session, info, identity, readOnly, authorId } = useBoard()
  const { locale } = useI18n()
  const t = useCatalog(DOCUMENT_MESSAGES)
  const doc = session.doc
  const fragment = useMemo(() => doc.getXmlFragment(DOCUMENT_ROOT), [doc])
  const locks = useMemo(() => doc.getMap<unknown>(SECTION_LOCKS_ROOT), [doc])
  const threads = useYRoot(doc.getMap(COMMENTS_ROOT), () => readThreads(doc))
  // Re-render when anyone's authorship entry changes (the panel reads the root itself).
  useYRoot(doc.getMap(AUTHORSHIP_ROOT), () => JSON.stringify(doc.getMap(AUTHORSHIP_ROOT).toJSON()))
  const lockCount = useYRoot(locks, () => [...locks.keys()].sort().join(','))
  // A frozen board holds the document too: participants read, and the server refuses their changes.
  const frozen = useYRoot(doc.getMap(SESSION_ROOT), () => isFrozen(doc)) && info.role !== 'facilitator'
  const writable = !readOnly && !frozen

  const [pendingComment, setPendingComment] = useState<{ from: number; to: number }>()
  const [lockedNotice, setLockedNotice] = useState(0)
  useEffect(() => {
    if (!lockedNotice) return
    const timer = setTimeout(() => setLockedNotice(0), 6000)
    return () => clearTimeout(timer)
  }, [lockedNotice])
  // Live values the editor's plugins read without being rebuilt.
  const live = useRef({ t, boardEditor: props.boardEditor, threads, locale, onClose: props.onClose, writable })
  live.current = { t, boardEditor: props.boardEditor, threads, locale, onClose: props.onClose, writable }
  const listeners = useRef(new Set<() => void>())

  const bridge = useMemo<NoteBridge>(
    () => ({
      noteText: (noteId) => {
        const shape = live.current.boardEditor?.getShape(noteId as TLNoteShape['id'])
        return shape && shape.type === 'note' ? plainText((shape as TLNoteShape).props.richText) : undefined
      },
      showNote: (noteId) => {
        const board = live.current.boardEditor
        if (!board?.getShape(noteId as TLNoteShape['id'])) return
        if (window.matchMedia(PHONE).matches) live.current.onClose()
        board.select(noteId as TLNoteShape['id'])
        board.zoomToSelection({ animation: { duration: 250 } })
      },
      subscribe: (listener) => {
        listeners.current.add(listener)
        return () => listeners.current.delete(listener)
      },
      label: (key) => live.current.t(key),
      groupLabel: (group) => {
        const parsed = stakeholderGroupSchema.safeParse(group)
        return parsed.success ? STAKEHOLDER_GROUP_LABELS[parsed.data][live.current.locale] : undefined
      },
    }),
    [],
  )

  // Quoted notes follow the board: their views re-read the note when the board's notes change.
  useEffect(() => {
    const board = props.boardEditor
    const notify = () => listeners.current.forEach((listener) => listener())
    notify()
    if (!board) return
    let frame = 0
    const stop = board.store.listen(
      () => {
        cancelAnimationFrame(frame)
        frame = requestAnimationFrame(notify)
      },
      { scope: 'document' },
    )
    return () => {
      cancelAnimationFrame(frame)
      stop()
    }
  }, [props.boardEditor])

  const editor = useEditor(
    {
      editable: writable,
      extensions: documentExtensions({
        fragment,
        awareness: session.awareness,
        bridge,
        editable: () => live.current.writable,
        newId,
        isLocked: (id) => locks.has(id),
        mayChangeLocked: info.role === 'facilitator',
        lockedTitle: () => live.current.t('lockedHint'),
        onRefused: () => setLockedNotice(Date.now()),
        emptyText: () => live.current.t(live.current.writable ? 'emptyWritable' : 'emptyReadOnly'),
        commentRanges: (state) =>
          live.current.threads.flatMap((thread) => {
            if (thread.resolved || !thread.anchor) return []
            const range = rangeOf(state, fragment, thread.anchor)
            return range ? [{ id: thread.id, ...range }] : []
          }),
      }),
      editorProps: {
        attributes: {
          class: 'doc-editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': t('editorLabel'),
          'data-testid': 'document-editor',
        },
      },
    },
    // A new language relabels the editor (its label is set when it is made).
    [fragment, session.awareness, readOnly, info.role, locale],
  )

  // Freezing and thawing the board switches the editor, without rebuilding it (and without an
  // 'update' event, which would record a contribution the server would refuse).
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== writable) editor.setEditable(writable, false)
  }, [editor, writable])

  // Locks and comments changed elsewhere: redraw their decorations.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(sectionLocksKey, true))
  }, [editor, lockCount])
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(commentMarksKey, true))
  }, [editor, threads])

  // Who wrote where: this writer's own entry in the section they typed in.
  useEffect(() => {
    if (!editor || !writable) return
    const onUpdate = ({ editor: e, transaction }: { editor: Editor; transaction: Transaction }) => {
      if (isChangeOrigin(transaction)) return
      const section = sectionAt(sectionsOf(e.state.doc), e.state.selection.from)
      if (!section) return
      const anonymous = readBoardSettings(doc).anonymous
      recordContribution(doc, section.id, authorId, { group: identity.group, ...(anonymous ? {} : { name: identity.name }), lastEdited: Date.now() })
    }
    editor.on('update', onUpdate)
    return () => {
      editor.off('update', onUpdate)
    }
  }, [editor, writable, doc, authorId, identity])

  const [, rerender] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    if (!editor) return
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => transaction.docChanged && rerender()
    editor.on('transaction', onTransaction)
    return () => {
      editor.off('transaction', onTransaction)
    }
  }, [editor])

  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  const dropping = useNoteDrop(editor, props.boardEditor, writable)
  const sections = editor ? sectionsOf(editor.state.doc) : []
  const anonymous = readBoardSettings(doc).anonymous
  const template = useBoardTemplate(info.template)
  const boardLocale = readBoardMeta(doc)?.locale ?? info.locale
  const templateSections = template.status === 'loaded' ? template.template.document?.sections.map((s) => ({ id: s.id, title: s.title[boardLocale] })) : undefined

  return (
    <section className={dropping ? 'doc-pane doc-pane--drop' : 'doc-pane'} aria-labelledby="doc-pane-title" data-testid="document-pane">
      <header className="doc-pane__header">
        <h2 id="doc-pane-title" ref={headingRef} tabIndex={-1}>
          {t('documentTitle')}
        </h2>
        <button type="button" className="doc-pane__close" onClick={props.onClose} aria-label={t('closeDocument')} title={t('closeDocument')}>
          <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5">
            <path d="M5 5l14 14M19 5L5 19" />
          </svg>
        </button>
      </header>
      {frozen && !readOnly ? (
        // In the toolbar's place, outside the scrolling text, so that it shows however far one has read.
        <p className="doc-pane__frozen" role="status" data-testid="document-frozen">
          {t('frozen')}
        </p>
      ) : null}
      {editor && writable ? <DocumentToolbar editor={editor} boardEditor={props.boardEditor} onComment={setPendingComment} /> : null}
      <div
        className="doc-pane__body"
        onKeyDown={(event) => {
          // Ctrl/Cmd+Alt+M on selected text: comment on it (by key position, so any layout works).
          if (!editor || !writable || !(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyM') return
          event.preventDefault()
          // Read from the page: a selection just made with the keyboard may not have reached the editor yet.
          const { from, to } = currentSelection(editor.view)
          if (from < to) setPendingComment({ from, to })
        }}
      >
        <div className="doc-pane__main">
          {readOnly ? <p className="doc-pane__note">{t('readOnly')}</p> : null}
          {editor && writable && editor.isEmpty ? <OutlineChoices editor={editor} boardEditor={props.boardEditor} sections={templateSections} /> : null}
          <p className="doc-pane__locked" role="status" data-testid="locked-notice">
            {lockedNotice ? t('lockedHint') : ''}
          </p>
          <EditorContent editor={editor} className="doc-editor" />
        </div>
        <aside className="doc-pane__side">
          {editor ? <CommentsPanel editor={editor} fragment={fragment} threads={threads} readOnly={!writable} anonymous={anonymous} pending={pendingComment} onPendingDone={() => setPendingComment(undefined)} /> : null}
          <SectionsPanel sections={sections} locks={locks} facilitator={info.role === 'facilitator'} />
          <AuthorshipPanel doc={doc} sections={sections} anonymous={anonymous} />
          <ExportPanel boardId={info.id} token={props.token} title={info.title} />
        </aside>
      </div>
    </section>
  )
}
