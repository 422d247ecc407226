import { useEffect, useId } from 'react'
import { useBoardMessages } from '../board/boardMessages.ts'
import { stepZone } from '../board/zoneNavigation.ts'
import type { BoardZone } from '../templates/zoneEditing.ts'
import type { PresenterTarget } from './presenterLayout.ts'

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))
}

/**
 * The presenter's navigation: the whole board, the previous and next zone, and a list of every
 * zone. Also from the keyboard (a presenter's clicker sends these keys): arrows and Page Up/Down
 * step through the zones, Home shows the whole board.
 */
export function PresenterControls(props: { zones: readonly BoardZone[]; target: PresenterTarget; onTarget: (target: PresenterTarget) => void }) {
  const t = useBoardMessages()
  const selectId = useId()
  const { zones, target, onTarget } = props
  const currentId = target.kind === 'zone' ? target.zoneId : undefined

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return
      const step = ['ArrowRight', 'ArrowDown', 'PageDown'].includes(event.key) ? 1 : ['ArrowLeft', 'ArrowUp', 'PageUp'].includes(event.key) ? -1 : 0
      if (step !== 0) {
        const next = stepZone(zones, currentId, step)
        if (next) onTarget({ kind: 'zone', zoneId: next.id })
      } else if (event.key === 'Home' || event.key === 'Escape') {
        onTarget({ kind: 'board' })
      } else {
        return
      }
      event.preventDefault()
      event.stopPropagation()
    }
    // Capture phase: before tldraw's own shortcuts, which would nudge or pan.
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [zones, currentId, onTarget])

  const go = (step: -1 | 1) => {
    const next = stepZone(zones, currentId, step)
    if (next) onTarget({ kind: 'zone', zoneId: next.id })
  }

  return (
    <nav className="presenter-controls" aria-label={t.zoneNavigation}>
      <button type="button" aria-pressed={target.kind === 'board'} onClick={() => onTarget({ kind: 'board' })}>
        {t.wholeBoard}
      </button>
      <button type="button" onClick={() => go(-1)} disabled={zones.length === 0}>
        <span aria-hidden="true">‹ </span>
        {t.previousZone}
      </button>
      <label htmlFor={selectId} className="visually-hidden">
        {t.presenterZoneSelect}
      </label>
      <select
        id={selectId}
        value={currentId ?? ''}
        onChange={(event) => onTarget(event.target.value ? { kind: 'zone', zoneId: event.target.value } : { kind: 'board' })}
      >
        <option value="">{t.wholeBoard}</option>
        {zones.map((zone) => (
          <option key={zone.id} value={zone.id}>
            {zone.label}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => go(1)} disabled={zones.length === 0}>
        {t.nextZone}
        <span aria-hidden="true"> ›</span>
      </button>
    </nav>
  )
}
