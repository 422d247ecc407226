import { useEffect, useMemo, useState } from 'react'
import { useValue, type Editor as BoardEditor, type TLShapeId } from 'tldraw'
import type * as Y from 'yjs'
import { useCatalog } from '../i18n/useCatalog.ts'
import { DOCUMENT_MESSAGES } from './documentMessages.ts'
import { quotedNoteIds } from './quotedNotes.ts'

/** The quoted notes' ids, kept up to date (at most once a frame) as the document changes. */
function useQuotedNoteIds(fragment: Y.XmlFragment): Set<string> {
  const [ids, setIds] = useState(() => quotedNoteIds(fragment))
  useEffect(() => {
    let frame = 0
    const update = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        const next = quotedNoteIds(fragment)
        setIds((previous) => (previous.size === next.size && [...next].every((id) => previous.has(id)) ? previous : next))
      })
    }
    fragment.observeDeep(update)
    return () => {
      cancelAnimationFrame(frame)
      fragment.unobserveDeep(update)
    }
  }, [fragment])
  return ids
}

/** A small quotation mark at the corner of every note the document quotes, on the board. */
export function QuotedNotesLayer(props: { board: BoardEditor; fragment: Y.XmlFragment }) {
  const ids = useQuotedNoteIds(props.fragment)
  const t = useCatalog(DOCUMENT_MESSAGES)
  const list = useMemo(() => [...ids] as TLShapeId[], [ids])
  const badges = useValue(
    'quoted note badges',
    () =>
      list.flatMap((id) => {
        const bounds = props.board.getShapePageBounds(id)
        if (!bounds) return []
        const at = props.board.pageToScreen({ x: bounds.maxX, y: bounds.minY })
        return [{ id, x: at.x, y: at.y }]
      }),
    [props.board, list],
  )
  if (!badges.length) return null
  return (
    <div className="doc-quoted-layer" aria-hidden="true">
      {badges.map((badge) => (
        <span key={badge.id} className="doc-quoted-badge" title={t('quotedInDocument')} style={{ transform: `translate(${badge.x - 12}px, ${badge.y - 12}px)` }}>
          ❝
        </span>
      ))}
    </div>
  )
}
