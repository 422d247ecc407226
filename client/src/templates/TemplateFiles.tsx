import { useState } from 'react'
import { downloadJson } from './downloadJson.ts'
import { OwnTemplates } from './OwnTemplates.tsx'
import { saveBoardAsTemplate, TemplateApiError } from './templateApi.ts'
import { useTemplateMessages } from './templateMessages.ts'
import { TemplateImport } from './TemplateImport.tsx'

type SaveState = { status: 'idle' } | { status: 'busy' } | { status: 'saved'; id: string; json: unknown } | { status: 'failed'; message: string }

/**
 * The facilitator's template files: save the board's current zones as a new template (kept in the
 * catalogue and downloaded), export the board's template as JSON, import a template file, and
 * delete the templates saved from this board.
 */
export function TemplateFiles(props: { boardId: string; token: string; templateId: string; templateJson: unknown | undefined }) {
  const t = useTemplateMessages()
  const [save, setSave] = useState<SaveState>({ status: 'idle' })
  // Bumped whenever this board gains a template, so the list of its own templates reloads.
  const [saved, setSaved] = useState(0)

  async function saveAsTemplate() {
    setSave({ status: 'busy' })
    try {
      const { id, template } = await saveBoardAsTemplate({ boardId: props.boardId, token: props.token })
      downloadJson(`${id}.json`, template)
      setSave({ status: 'saved', id, json: template })
      setSaved((n) => n + 1)
    } catch (error) {
      const message =
        error instanceof TemplateApiError && error.code === 'quota_exceeded'
          ? t.templateQuotaFull
          : error instanceof TemplateApiError && error.code === 'rate_limited'
            ? t.tooManyTemplateSaves
            : t.saveFailed(error instanceof Error ? error.message : '')
      setSave({ status: 'failed', message })
    }
  }

  return (
    <div className="template-tool">
      <div className="template-tool__buttons">
        <button type="button" onClick={() => void saveAsTemplate()} disabled={save.status === 'busy'}>
          {save.status === 'busy' ? t.savingAsTemplate : t.saveAsTemplate}
        </button>
        {props.templateJson !== undefined ? (
          <button type="button" onClick={() => downloadJson(`${props.templateId}.json`, props.templateJson)}>
            {t.exportTemplate}
          </button>
        ) : null}
      </div>
      {save.status === 'saved' ? (
        <p role="status">
          {t.savedAsTemplate(save.id)}{' '}
          <button type="button" className="template-link-button" onClick={() => downloadJson(`${save.id}.json`, save.json)}>
            {t.downloadAgain(`${save.id}.json`)}
          </button>
        </p>
      ) : null}
      {save.status === 'failed' ? (
        <p role="alert" className="error">
          {save.message}
        </p>
      ) : null}
      <TemplateImport boardId={props.boardId} token={props.token} onImported={() => setSaved((n) => n + 1)} />
      <OwnTemplates boardId={props.boardId} token={props.token} reload={saved} />
    </div>
  )
}
