import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import { TldrawUiInFrontOfTheCanvas, useEditor } from 'tldraw'
import { useBoard } from '../board/BoardContext.tsx'
import { parseRoute } from '../routes.ts'
import { AgendaPanel } from './AgendaPanel.tsx'
import { ExampleNotesToggle } from './ExampleNotesToggle.tsx'
import { TemplateFiles } from './TemplateFiles.tsx'
import { useTemplateMessages } from './templateMessages.ts'
import { useBoardTemplate } from './useBoardTemplate.ts'
import { protectZones } from './zoneProtection.ts'
import { ZoneTools } from './ZoneTools.tsx'
import './templates.css'

/**
 * tldraw's `InFrontOfTheCanvas` slot for a board: tldraw's own in-front UI (text and image
 * toolbars), the zone protection for non-facilitators, and the agenda panel.
 */
export function BoardTemplateLayer() {
  const editor = useEditor()
  const { info } = useBoard()
  useEffect(() => protectZones(editor, info.role), [editor, info.role])
  return (
    <>
      <TldrawUiInFrontOfTheCanvas />
      <BoardTemplatePanel />
    </>
  )
}

/**
 * The side panel with the board's agenda, purpose and sources, opened and closed with a labelled
 * button (Escape closes it too); facilitators also get the example switch, zone tools and files.
 */
export function BoardTemplatePanel() {
  const t = useTemplateMessages()
  const editor = useEditor()
  const { info } = useBoard()
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const titleId = useId()
  const facilitatorId = useId()
  const state = useBoardTemplate(info.template)
  const facilitator = info.role === 'facilitator'

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation()
      setOpen(false)
      document.getElementById(`${panelId}-toggle`)?.focus()
    }
  }

  return (
    <div className="board-template" data-open={open}>
      <button
        id={`${panelId}-toggle`}
        type="button"
        className="board-template__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {open ? t.panelToggleClose : t.panelToggleOpen}
      </button>
      <section id={panelId} className="board-template__panel" aria-labelledby={titleId} hidden={!open} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="visually-hidden">
          {t.panelTitle}
        </h2>
        {state.status === 'loading' ? <p role="status">{t.templateLoading}</p> : null}
        {state.status === 'failed' ? <p role="alert">{t.templateUnavailable}</p> : null}
        {state.status === 'loaded' ? <AgendaPanel template={state.template} locale={info.locale} /> : null}
        {facilitator ? (
          <section className="board-template__facilitator" aria-labelledby={facilitatorId}>
            <h3 id={facilitatorId}>{t.facilitatorHeading}</h3>
            {state.status === 'loaded' ? <ExampleNotesToggle editor={editor} template={state.template} locale={info.locale} /> : null}
            <h4>{t.zonesHeading}</h4>
            <ZoneTools editor={editor} templateId={info.template} locale={info.locale} />
            <h4>{t.templateFilesHeading}</h4>
            <TemplateFiles
              boardId={info.id}
              token={facilitatorToken()}
              templateId={info.template}
              templateJson={state.status === 'loaded' ? state.json : undefined}
            />
          </section>
        ) : null}
      </section>
    </div>
  )
}

// The link's token, from the fragment of the address the board was opened with.
function facilitatorToken(): string {
  const route = parseRoute(window.location)
  return route.page === 'board' ? (route.token ?? '') : ''
}
