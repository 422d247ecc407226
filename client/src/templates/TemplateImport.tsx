import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react'
import { importTemplate, TemplateApiError } from './templateApi.ts'
import { useTemplateMessages } from './templateMessages.ts'

type ImportState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; id: string }
  | { status: 'refused'; message: string; errors: string[] }

/**
 * "Import a template file": reads a JSON file and posts it to the catalogue with the board's
 * facilitator link (the board then owns the template). When the server refuses it, every specific
 * problem it names is listed; nothing is added.
 */
export function TemplateImport(props: { boardId: string; token: string; onImported?: () => void }) {
  const t = useTemplateMessages()
  const inputId = useId()
  const hintId = useId()
  const resultId = useId()
  const [state, setState] = useState<ImportState>({ status: 'idle' })
  const resultRef = useRef<HTMLDivElement>(null)
  // The result may be below the fold of a scrolled panel; bring it into view when it arrives.
  useEffect(() => {
    if (state.status === 'refused' || state.status === 'done') resultRef.current?.scrollIntoView({ block: 'nearest' })
  }, [state])

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target
    const file = input.files?.[0]
    if (!file) return
    setState({ status: 'busy' })
    let json: unknown
    try {
      json = JSON.parse(await file.text())
    } catch (error) {
      setState({ status: 'refused', message: t.importNotJson(error instanceof Error ? error.message : ''), errors: [] })
      input.value = ''
      return
    }
    try {
      const { id } = await importTemplate({ boardId: props.boardId, token: props.token, json })
      setState({ status: 'done', id })
      props.onImported?.()
    } catch (error) {
      if (error instanceof TemplateApiError && error.status === 400 && error.errors.length > 0) {
        setState({ status: 'refused', message: t.importInvalid, errors: error.errors })
      } else if (error instanceof TemplateApiError && error.status === 409) {
        setState({ status: 'refused', message: t.importExists, errors: [error.message] })
      } else if (error instanceof TemplateApiError && error.code === 'quota_exceeded') {
        setState({ status: 'refused', message: t.templateQuotaFull, errors: [] })
      } else if (error instanceof TemplateApiError && error.code === 'rate_limited') {
        setState({ status: 'refused', message: t.tooManyTemplateSaves, errors: [] })
      } else {
        setState({ status: 'refused', message: t.importFailed(error instanceof Error ? error.message : ''), errors: [] })
      }
    }
    // Let the same file be chosen again after it has been fixed.
    input.value = ''
  }

  return (
    <div className="template-tool template-import">
      <label htmlFor={inputId}>{t.importTemplate}</label>
      <input
        id={inputId}
        type="file"
        accept="application/json,.json"
        aria-describedby={`${hintId} ${resultId}`}
        disabled={state.status === 'busy'}
        onChange={(event) => void onFile(event)}
      />
      <p id={hintId} className="hint">
        {t.importHint}
      </p>
      <div id={resultId} ref={resultRef}>
        {state.status === 'busy' ? <p role="status">{t.importing}</p> : null}
        {state.status === 'done' ? <p role="status">{t.imported(state.id)}</p> : null}
        {state.status === 'refused' ? (
          <div role="alert" className="template-import__errors">
            <p className="error">{state.message}</p>
            {state.errors.length > 0 ? (
              <ul>
                {state.errors.map((error, i) => (
                  <li key={i}>{error}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  )
}
