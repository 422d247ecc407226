import { useEffect, useId, useState } from 'react'
import { deleteTemplate, fetchBoardTemplates } from './templateApi.ts'
import { useTemplateMessages } from './templateMessages.ts'

type ListState = { status: 'loading' } | { status: 'failed' } | { status: 'loaded'; templates: Array<{ id: string; title: string }> }

/**
 * The templates saved from this board (imported or "saved as template"), each with a delete
 * button: only this board's facilitator may delete them, and the server checks that too.
 */
export function OwnTemplates(props: { boardId: string; token: string; reload: number }) {
  const t = useTemplateMessages()
  const headingId = useId()
  const [list, setList] = useState<ListState>({ status: 'loading' })
  const [busy, setBusy] = useState<string>()
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string }>()
  const [deleted, setDeleted] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    fetchBoardTemplates({ boardId: props.boardId, token: props.token, signal: abort.signal }).then(
      (templates) => setList({ status: 'loaded', templates }),
      () => {
        if (!abort.signal.aborted) setList({ status: 'failed' })
      },
    )
    return () => abort.abort()
  }, [props.boardId, props.token, props.reload, deleted])

  async function remove(template: { id: string; title: string }) {
    if (!window.confirm(t.confirmDeleteTemplate(template.title))) return
    setBusy(template.id)
    setNotice(undefined)
    try {
      await deleteTemplate({ id: template.id, token: props.token })
      setNotice({ kind: 'status', text: t.deletedTemplate(template.title) })
      setDeleted((n) => n + 1)
    } catch (error) {
      setNotice({ kind: 'alert', text: t.deleteFailed(error instanceof Error ? error.message : '') })
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <section className="template-tool own-templates" aria-labelledby={headingId}>
      <h5 id={headingId}>{t.ownTemplatesHeading}</h5>
      <p className="hint">{t.ownTemplatesHint}</p>
      {list.status === 'failed' ? <p role="alert">{t.ownTemplatesFailed}</p> : null}
      {list.status === 'loaded' && list.templates.length === 0 ? <p>{t.ownTemplatesEmpty}</p> : null}
      {list.status === 'loaded' && list.templates.length > 0 ? (
        <ul>
          {list.templates.map((template) => (
            <li key={template.id}>
              <span>{template.title}</span>{' '}
              <button type="button" onClick={() => void remove(template)} disabled={busy !== undefined}>
                {busy === template.id ? t.deletingTemplate : t.deleteTemplate(template.title)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {notice ? (
        <p role={notice.kind} className={notice.kind === 'alert' ? 'error' : undefined}>
          {notice.text}
        </p>
      ) : null}
    </section>
  )
}
