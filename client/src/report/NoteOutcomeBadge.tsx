import { useCallback, useContext, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { REPORT_MESSAGES } from '../../../shared/i18n/reportMessages.ts'
import { noteOutcomeSchema, OUTCOMES_ROOT } from '../../../shared/outcomes/noteOutcome.ts'
import { BoardContext } from '../board/BoardContext.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import './report.css'

const NO_DOC_SUBSCRIBE = () => () => {}

/** The raw outcome value of one note, re-rendering only when that value changes. */
function useRawOutcome(doc: Y.Doc | undefined, noteId: string): unknown {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {}
      const map = doc.getMap(OUTCOMES_ROOT)
      const observer = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has(noteId)) onChange()
      }
      map.observe(observer)
      return () => map.unobserve(observer)
    },
    [doc, noteId],
  )
  return useSyncExternalStore(doc ? subscribe : NO_DOC_SUBSCRIBE, () => doc?.getMap(OUTCOMES_ROOT).get(noteId))
}

/**
 * A small badge on a note saying what happened to it (discussed, taken forward…). Rendered inside
 * the note's shape; outside a board (the presenter view has no BoardContext) it shows nothing.
 */
export function NoteOutcomeBadge(props: { noteId: string }) {
  const board = useContext(BoardContext)
  const r = useCatalog(REPORT_MESSAGES)
  const raw = useRawOutcome(board?.session.doc, props.noteId)
  const outcome = noteOutcomeSchema.safeParse(raw)
  if (!outcome.success) return null
  const label = r(`status_${outcome.data.status}`)
  return (
    <span className={`outcome-badge outcome-badge--${outcome.data.status} outcome-badge--on-note`} title={outcome.data.reason || label} data-outcome={outcome.data.status}>
      {label}
    </span>
  )
}
