import { useId } from 'react'
import { legendEntries } from '../../../shared/templates/zoneLegend.ts'
import type { BoardZone } from '../templates/zoneEditing.ts'
import { useBoardMessages } from './boardMessages.ts'
import { ZonePatternDef } from './ZonePatterns.tsx'
import { ZONE_STYLES } from './zoneStyle.ts'

/**
 * The board's colour legend: each colour as drawn on the board (fill, border and pattern), its
 * name and pattern in words, and the zones that carry it. Nothing when the board uses no colours.
 */
export function ZoneLegend(props: { zones: readonly BoardZone[]; headingLevel?: 2 | 3 }) {
  const t = useBoardMessages()
  const id = useId()
  const entries = legendEntries(props.zones)
  if (entries.length === 0) return null
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2'
  return (
    <section className="zone-legend" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className="zone-legend__title">
        {t.legendTitle}
      </Heading>
      <ul className="zone-legend__list">
        {entries.map((entry) => {
          const style = ZONE_STYLES[entry.accent]
          const patternId = `${id}-${entry.accent}`
          return (
            <li key={entry.accent} className="zone-legend__entry" data-accent={entry.accent}>
              <svg className="zone-legend__swatch" viewBox="0 0 48 32" aria-hidden="true">
                <defs>
                  <ZonePatternDef id={patternId} pattern={style.pattern!} color={style.stroke} size={10} />
                </defs>
                <rect x="1.5" y="1.5" width="45" height="29" fill={style.headerFill} stroke={style.stroke} strokeWidth="3" />
                <rect x="1.5" y="1.5" width="45" height="29" fill={`url(#${patternId})`} opacity="0.55" />
              </svg>
              <span className="zone-legend__text">
                <span className="zone-legend__colour">{t.legendColour[entry.accent]}</span>
                <span className="zone-legend__zones">{entry.labels.join(', ')}</span>
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
