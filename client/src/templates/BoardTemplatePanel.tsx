import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import { readBoardSettings } from '../../../shared/boardDoc.ts'
import { BoardRules } from '../protection/BoardRules.tsx'
import { DeleteRefusedNotice } from '../protection/ProtectionNotices.tsx'
import { HistoryPanel } from '../protection/HistoryPanel.tsx'
import { protectNotes } from '../protection/noteProtection.ts'
import { useProtectionMessages } from '../protection/protectionMessages.ts'
import { TldrawUiInFrontOfTheCanvas, useEditor } from 'tldraw'
import { useBoard } from '../board/BoardContext.tsx'
import { useBoardMessages } from '../board/boardMessages.ts'
import { BoardOverlay } from '../board/BoardOverlay.tsx'
import { SessionLayer } from '../session/SessionLayer.tsx'
import { parseRoute } from '../routes.ts'
import { PresenterLink } from '../session/PresenterLink.tsx'
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
 * toolbars), the zone protection for non-facilitators, and coboard's controls (agenda panel, zone
 * switcher, "Add note": BoardOverlay).
 */
export function BoardTemplateLayer() {
  const editor = useEditor()
  const { info, session, authorId, readOnly, identity } = useBoard()
  const [deleteRefused, setDeleteRefused] = useState(false)
  useEffect(() => protectZones(editor, info.role), [editor, info.role])
  useEffect(
    () =>
      protectNotes(editor, {
        role: info.role,
        authorId: readOnly ? undefined : authorId,
        settings: () => readBoardSettings(session.doc),
        onDeleteRefused: () => setDeleteRefused(true),
        writer: () => ({ group: identity.group, name: readBoardSettings(session.doc).anonymous ? undefined : identity.name }),
      }),
    [editor, info.role, authorId, readOnly, session, identity],
  )
  return (
    <>
      <TldrawUiInFrontOfTheCanvas />
      <BoardOverlay />
      <SessionLayer />
      {deleteRefused ? <DeleteRefusedNotice onDismiss={() => setDeleteRefused(false)} /> : null}
    </>
  )
}

/**
 * The side panel with the board's agenda, purpose and sources, opened and closed with a labelled
 * button (Escape closes it too); facilitators also get the example switch, zone tools, files and
 * the link to the presenter view. Open or closed as the caller says (one panel at a time).
 */
export function BoardTemplatePanel(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTemplateMessages()
  const p = useProtectionMessages()
  const b = useBoardMessages()
  const editor = useEditor()
  const { info } = useBoard()
  const { open } = props
  const setOpen = props.onOpenChange
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
            <h4>{p.rulesHeading}</h4>
            <BoardRules />
            <h4>{p.historyHeading}</h4>
            <HistoryPanel />
            <h4>{t.zonesHeading}</h4>
            <ZoneTools editor={editor} templateId={info.template} locale={info.locale} />
            <div className="board-template__presenter">
              <PresenterLink label={b.presenterOpen} />
            </div>
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
