import type { Editor } from '@tiptap/react'
import { useEffect, useId, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { documentExportPath, type DocumentExportFormat } from '../../../shared/api/documentExport.ts'
import { exportFileName } from '../../../shared/api/exports.ts'
import { PREAMBLE_SECTION, type CommentAuthor, type CommentReply } from '../../../shared/document/documentDoc.ts'
import type { Locale } from '../../../shared/locales.ts'
import { STAKEHOLDER_GROUP_LABELS, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { anchorOf, rangeOf } from './documentAnchors.ts'
import { authorsBySection } from './documentAuthorship.ts'
import { DOCUMENT_MESSAGES } from './documentMessages.ts'
import type { DocSection } from './documentSections.ts'
import { replyTo, setResolved, startThread, type ThreadView } from './documentThreads.ts'

const newId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 16)
const intlLocale = (locale: Locale) => (locale === 'nb' ? 'nb-NO' : locale)
const groupLabel = (group: StakeholderGroup, locale: Locale) => STAKEHOLDER_GROUP_LABELS[group][locale]

/** This writer as comments carry them: never a name on an anonymous board. */
function useCommentAuthor(anonymous: boolean): CommentAuthor {
  const { identity, authorId } = useBoard()
  return { id: authorId, group: identity.group, ...(anonymous ? {} : { name: identity.name }) }
}

/** Comment threads on the document: start one on the selection, reply, resolve, reopen. */
export function CommentsPanel(props: {
  editor: Editor
  fragment: Y.XmlFragment
  threads: ThreadView[]
  readOnly: boolean
  anonymous: boolean
  pending: { from: number; to: number } | undefined
  onPendingDone: () => void
}) {
  const t = useCatalog(DOCUMENT_MESSAGES)
  const { session } = useBoard()
  const author = useCommentAuthor(props.anonymous)
  const open = props.threads.filter((thread) => !thread.resolved)
  const resolved = props.threads.filter((thread) => thread.resolved)
  const [text, setText] = useState('')
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const pendingQuote = props.pending ? props.editor.state.doc.textBetween(props.pending.from, props.pending.to, ' ').slice(0, 2000) : ''
  useEffect(() => {
    if (props.pending) inputRef.current?.focus()
  }, [props.pending])

  const submit = () => {
    const range = props.pending
    if (!range || !text.trim()) return
    const anchor = anchorOf(props.editor.state, props.fragment, range.from, range.to)
    if (!anchor) return
    startThread(session.doc, { id: newId(), anchor, quote: pendingQuote, author, text, now: Date.now(), replyId: newId() })
    setText('')
    props.onPendingDone()
  }
  return (
    <section className="doc-panel" aria-labelledby="doc-comments-title">
      <h3 id="doc-comments-title">{t('commentsHeading')}</h3>
      {props.pending && !props.readOnly ? (
        <form
          className="doc-comment-form"
          onSubmit={(event) => {
            event.preventDefault()
            submit()
          }}
        >
          <label htmlFor="doc-new-comment">{t('commentLabel', { quote: pendingQuote.length > 60 ? pendingQuote.slice(0, 60) + '…' : pendingQuote })}</label>
          <textarea id="doc-new-comment" ref={inputRef} value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={4000} data-testid="new-comment" />
          <div className="doc-row">
            <button type="submit" className="button--primary">
              {t('addComment')}
            </button>
            <button type="button" onClick={props.onPendingDone}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {open.length === 0 && !props.pending ? <p className="doc-muted">{t('noComments')}</p> : null}
      <ul className="doc-threads">
        {open.map((thread) => (
          <Thread key={thread.id} thread={thread} {...props} author={author} />
        ))}
      </ul>
      {resolved.length ? (
        <details className="doc-resolved">
          <summary>{t('resolvedThreads', { count: resolved.length })}</summary>
          <ul className="doc-threads">
            {resolved.map((thread) => (
              <Thread key={thread.id} thread={thread} {...props} author={author} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}

function Thread(props: { thread: ThreadView; editor: Editor; fragment: Y.XmlFragment; readOnly: boolean; author: CommentAuthor }) {
  const { thread, editor } = props
  const t = useCatalog(DOCUMENT_MESSAGES)
  const { locale } = useI18n()
  const { session } = useBoard()
  const [reply, setReply] = useState('')
  const replyId = useId()
  const showText = () => {
    const range = thread.anchor ? rangeOf(editor.state, props.fragment, thread.anchor) : null
    if (range) editor.chain().focus().setTextSelection(range).scrollIntoView().run()
  }
  const who = (r: CommentReply) => r.author.name ?? groupLabel(r.author.group, locale)
  return (
    <li className="doc-thread" data-thread={thread.id} data-testid="comment-thread">
      <button type="button" className="doc-thread__quote" onClick={showText}>
        “{thread.quote}”
      </button>
      <ol className="doc-thread__replies">
        {thread.replies.map((r) => (
          <li key={r.id}>
            <strong>{who(r)}</strong> <span className="doc-muted">{new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short' }).format(r.createdAt)}</span>
            <p>{r.text}</p>
          </li>
        ))}
      </ol>
      {props.readOnly ? null : (
        <form
          className="doc-comment-form"
          onSubmit={(event) => {
            event.preventDefault()
            if (!reply.trim()) return
            replyTo(session.doc, thread.id, { id: newId(), text: reply.trim(), createdAt: Date.now(), author: props.author })
            setReply('')
          }}
        >
          <label htmlFor={replyId}>{t('replyLabel')}</label>
          <textarea id={replyId} value={reply} onChange={(e) => setReply(e.target.value)} rows={2} maxLength={4000} />
          <div className="doc-row">
            <button type="submit">{t('reply')}</button>
            <button type="button" onClick={() => setResolved(session.doc, thread.id, !thread.resolved)}>
              {thread.resolved ? t('reopen') : t('resolve')}
            </button>
          </div>
        </form>
      )}
    </li>
  )
}

/** The document's sections; the facilitator marks them final (and reopens them). */
export function SectionsPanel(props: { sections: DocSection[]; locks: Y.Map<unknown>; facilitator: boolean }) {
  const t = useCatalog(DOCUMENT_MESSAGES)
  const sections = props.sections.filter((s) => s.id !== PREAMBLE_SECTION)
  if (!sections.length) return null
  return (
    <section className="doc-panel" aria-labelledby="doc-sections-title">
      <h3 id="doc-sections-title">{t('sectionsHeading')}</h3>
      <ul className="doc-sections">
        {sections.map((section) => {
          const title = section.title || t('untitledSection')
          const locked = props.locks.has(section.id)
          return (
            <li key={section.id} className="doc-row">
              <span className="doc-sections__title">{title}</span>
              {locked ? <span className="badge doc-final">{t('sectionFinal')}</span> : null}
              {props.facilitator ? (
                <button
                  type="button"
                  aria-pressed={locked}
                  onClick={() => (locked ? props.locks.delete(section.id) : props.locks.set(section.id, { lockedAt: Date.now() }))}
                  data-testid={`lock-${section.id}`}
                >
                  {locked ? t('unlockSection', { title }) : t('lockSection', { title })}
                </button>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** Who wrote in each section, and the suggested author line for the finished text. */
export function AuthorshipPanel(props: { doc: Y.Doc; sections: DocSection[]; anonymous: boolean }) {
  const t = useCatalog(DOCUMENT_MESSAGES)
  const { locale } = useI18n()
  const bySection = authorsBySection(props.doc, props.anonymous)
  const list = (items: string[]) => new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(items)
  const names = [...new Set([...bySection.values()].flatMap((s) => s.names))].sort((a, b) => a.localeCompare(b))
  const groups = [...new Set([...bySection.values()].flatMap((s) => s.groups))]
  const titleOf = (id: string) => (id === PREAMBLE_SECTION ? t('preamble') : props.sections.find((s) => s.id === id)?.title || t('untitledSection'))
  // Sections in document order; sections since removed from the text still count.
  const order = [...props.sections.map((s) => s.id), ...[...bySection.keys()].filter((id) => !props.sections.some((s) => s.id === id))]
  return (
    <section className="doc-panel" aria-labelledby="doc-authors-title" data-testid="authorship">
      <h3 id="doc-authors-title">{t('authorshipHeading')}</h3>
      {bySection.size === 0 ? (
        <p className="doc-muted">{t('authorshipNone')}</p>
      ) : (
        <>
          <p className="doc-author-line">
            {names.length && !props.anonymous ? t('authorshipNames', { names: list(names) }) : t('authorshipGroups', { groups: list(groups.map((g) => groupLabel(g, locale).toLowerCase())) })}
          </p>
          <dl className="doc-authors">
            {order
              .filter((id) => bySection.has(id))
              .map((id) => {
                const entry = bySection.get(id)!
                const who = props.anonymous || !entry.names.length ? entry.groups.map((g) => groupLabel(g, locale)) : entry.names
                return (
                  <div key={id}>
                    <dt>{titleOf(id)}</dt>
                    <dd>
                      {t('sectionWriters', { count: entry.writers })}: {list(who)}
                    </dd>
                  </div>
                )
              })}
          </dl>
        </>
      )}
    </section>
  )
}

/** Downloads of the document as Markdown or Word, with or without the comments. */
export function ExportPanel(props: { boardId: string; token: string; title: string }) {
  const t = useCatalog(DOCUMENT_MESSAGES)
  const [comments, setComments] = useState(false)
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)
  const download = async (format: DocumentExportFormat) => {
    setBusy(true)
    setFailed(false)
    try {
      const response = await fetch(documentExportPath(props.boardId, format, comments), { headers: { Authorization: `Bearer ${props.token}` } })
      if (!response.ok) throw new Error(String(response.status))
      const url = URL.createObjectURL(await response.blob())
      const link = document.createElement('a')
      link.href = url
      link.download = exportFileName(props.title, format)
      link.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="doc-panel" aria-labelledby="doc-export-title">
      <h3 id="doc-export-title">{t('exportHeading')}</h3>
      <label className="doc-check">
        <input type="checkbox" checked={comments} onChange={(e) => setComments(e.target.checked)} />
        {t('includeComments')}
      </label>
      <div className="doc-row">
        <button type="button" disabled={busy} onClick={() => void download('md')} data-testid="export-md">
          {t('exportMarkdown')}
        </button>
        <button type="button" disabled={busy} onClick={() => void download('docx')} data-testid="export-docx">
          {t('exportWord')}
        </button>
      </div>
      {failed ? (
        <p className="error" role="alert">
          {t('exportFailed')}
        </p>
      ) : null}
    </section>
  )
}
