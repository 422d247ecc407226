import { useId, useState } from 'react'
import type { Editor } from 'tldraw'
import type { BoardZone } from '../templates/zoneEditing.ts'
import { useBoardMessages } from './boardMessages.ts'
import { ZoneLegend } from './ZoneLegend.tsx'
import { ZONE_STYLES, zoneStyleOf } from './zoneStyle.ts'
import { stepZone } from './zoneNavigation.ts'
import { tidyZone } from './zoneNotes.ts'
import { showWholeBoard } from './zoneViews.ts'

/**
 * The zone switcher: previous / next zone around a button naming the current zone, which opens the
 * list of the board's zones (with the colour legend). Facilitators can tidy the current zone.
 */
export function ZoneNavigator(props: {
  editor: Editor
  zones: readonly BoardZone[]
  allZones: readonly BoardZone[]
  current: BoardZone | undefined
  open: boolean
  onOpenChange: (open: boolean) => void
  onGo: (zone: BoardZone) => void
  canTidy: boolean
}) {
  const t = useBoardMessages()
  const id = useId()
  const [status, setStatus] = useState('')
  const { zones, current, editor } = props
  if (zones.length === 0) return null

  const step = (direction: -1 | 1) => {
    const next = stepZone(zones, current?.id, direction)
    if (next) props.onGo(next)
  }

  return (
    <>
      <div className="zone-nav" role="group" aria-label={t.zoneNavigation}>
        <button type="button" className="zone-nav__step" aria-label={t.previousZone} title={t.previousZone} onClick={() => step(-1)}>
          <span aria-hidden="true">‹</span>
        </button>
        <button
          id={`${id}-toggle`}
          type="button"
          className="zone-nav__current"
          aria-expanded={props.open}
          aria-controls={`${id}-panel`}
          onClick={() => props.onOpenChange(!props.open)}
        >
          <span className="zone-nav__label">
            {current ? (
              <>
                {/* On a phone only the zone's name shows; a screen reader still hears "Zone: …". */}
                <span className="zone-nav__prefix">{t.zonePrefix}: </span>
                {current.label}
              </>
            ) : (
              t.zoneListNone
            )}
          </span>
          <span aria-hidden="true" className="zone-nav__caret">
            ▾
          </span>
        </button>
        <button type="button" className="zone-nav__step" aria-label={t.nextZone} title={t.nextZone} onClick={() => step(1)}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <section
        id={`${id}-panel`}
        className="board-panel zone-list"
        aria-labelledby={`${id}-title`}
        hidden={!props.open}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return
          event.stopPropagation()
          props.onOpenChange(false)
          document.getElementById(`${id}-toggle`)?.focus()
        }}
      >
        <h2 id={`${id}-title`} className="zone-list__title">
          {t.zoneListTitle}
        </h2>
        <button
          type="button"
          className="zone-list__whole"
          onClick={() => {
            props.onOpenChange(false)
            showWholeBoard(editor)
          }}
        >
          {t.wholeBoard}
        </button>
        <ul className="zone-list__items">
          {zones.map((zone) => {
            const style = zoneStyleOf(zone.accent)
            return (
              <li key={zone.id}>
                <button
                  type="button"
                  className="zone-list__item"
                  data-zone={zone.id}
                  aria-current={zone.id === current?.id ? 'location' : undefined}
                  onClick={() => {
                    props.onOpenChange(false)
                    props.onGo(zone)
                  }}
                >
                  <span
                    className="zone-list__swatch"
                    aria-hidden="true"
                    style={{ background: style === ZONE_STYLES.black ? '#ffffff' : style.headerFill, borderColor: style.stroke }}
                  />
                  {zone.label}
                </button>
              </li>
            )
          })}
        </ul>
        {props.canTidy && current ? (
          <div className="zone-list__tools">
            <button
              type="button"
              onClick={() => {
                const count = tidyZone(editor, current)
                setStatus(t.tidiedZone(current.label, count))
              }}
            >
              {t.tidyZone}
            </button>
            <p className="hint" role="status">
              {status}
            </p>
          </div>
        ) : null}
        <ZoneLegend zones={props.allZones} headingLevel={3} />
      </section>
    </>
  )
}
