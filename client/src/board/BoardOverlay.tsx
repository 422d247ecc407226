import { useCallback, useId, useMemo, useState } from 'react'
import { useEditor, useValue, type Editor } from 'tldraw'
import { useCatalog } from '../i18n/useCatalog.ts'
import { SESSION_MESSAGES } from '../session/sessionMessages.ts'
import { useSessionState } from '../session/useSessionState.ts'
import { BoardTemplatePanel } from '../templates/BoardTemplatePanel.tsx'
import type { BoardZone } from '../templates/zoneEditing.ts'
import { addNote, finishEditing } from './addNote.ts'
import { useBoard } from './BoardContext.tsx'
import { useBoardMessages } from './boardMessages.ts'
import { rememberZone } from './rememberedZone.ts'
import { useBoardZones } from './useBoardZones.ts'
import { useEditedNoteInView } from './useEditedNoteInView.ts'
import { noteZones, zoneAt } from './zoneNavigation.ts'
import { ZoneNavigator } from './ZoneNavigator.tsx'
import { showZone } from './zoneViews.ts'

type OpenPanel = 'agenda' | 'zones' | undefined

/** The zone in the middle of the screen: where "Add note" writes, and what the zone switcher names. */
function useCurrentZone(editor: Editor, zones: readonly BoardZone[]): BoardZone | undefined {
  const id = useValue('current zone', () => zoneAt(zones, editor.getViewportPageBounds().center)?.id, [editor, zones])
  return zones.find((zone) => zone.id === id)
}

/**
 * coboard's controls over the canvas, under tldraw's menu: the agenda panel, the zone switcher,
 * and "Add note" (at the thumb on a phone), which becomes "Done" while a note is being written.
 */
export function BoardOverlay() {
  const editor = useEditor()
  const t = useBoardMessages()
  const sessionText = useCatalog(SESSION_MESSAGES)
  const { info, readOnly, session } = useBoard()
  // On a frozen board the server refuses participants' changes: say so instead of offering the button.
  const frozen = useSessionState(session.doc).frozen && info.role !== 'facilitator'
  const frozenReasonId = useId()
  const allZones = useBoardZones(editor)
  const zones = useMemo(() => noteZones(allZones), [allZones])
  const current = useCurrentZone(editor, zones)
  const [panel, setPanel] = useState<OpenPanel>()
  const editing = useValue('editing a note', () => editor.getEditingShapeId() !== null, [editor])
  useEditedNoteInView(editor)

  const go = useCallback(
    (zone: BoardZone) => {
      showZone(editor, zone)
      rememberZone(window.localStorage, info.id, zone.id)
    },
    [editor, info.id],
  )

  return (
    <div className="board-nav">
      <div className="board-nav__bar">
        <BoardTemplatePanel open={panel === 'agenda'} onOpenChange={(open) => setPanel(open ? 'agenda' : undefined)} />
        <ZoneNavigator
          editor={editor}
          zones={zones}
          allZones={allZones}
          current={current}
          open={panel === 'zones'}
          onOpenChange={(open) => setPanel(open ? 'zones' : undefined)}
          onGo={go}
          canTidy={info.role === 'facilitator'}
        />
        {readOnly ? null : frozen ? (
          <>
            <button type="button" className="board-add-note" aria-disabled="true" aria-describedby={frozenReasonId} title={sessionText('addNoteFrozen')}>
              <span aria-hidden="true" className="board-add-note__plus">
                +
              </span>
              {t.addNote}
            </button>
            <span id={frozenReasonId} className="visually-hidden">
              {sessionText('addNoteFrozen')}
            </span>
          </>
        ) : editing ? (
          <button type="button" className="board-add-note board-add-note--done" title={t.doneEditingHint} onClick={() => finishEditing(editor)}>
            {t.doneEditing}
          </button>
        ) : (
          <button
            type="button"
            className="board-add-note"
            title={current ? t.addNoteTo(current.label) : t.addNoteNoZone}
            onClick={() => {
              setPanel(undefined)
              addNote(editor, current)
              if (current) rememberZone(window.localStorage, info.id, current.id)
            }}
          >
            <span aria-hidden="true" className="board-add-note__plus">
              +
            </span>
            {t.addNote}
          </button>
        )}
      </div>
    </div>
  )
}
