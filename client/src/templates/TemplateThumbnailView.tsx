import type { ZoneKind } from '../../../shared/templates/templateSchema.ts'
import type { TemplateThumbnailData } from './templateApi.ts'

const SHADED: ReadonlySet<ZoneKind> = new Set(['column-header', 'row-header', 'reference'])
// Average glyph width of a sans-serif face, as a share of the font size: enough to decide
// whether a label fits its rectangle without measuring text in the DOM.
const GLYPH_WIDTH = 0.56

function fill(kind: ZoneKind): string {
  if (SHADED.has(kind)) return '#e3e3e8'
  return kind === 'band' ? '#f3f3f6' : '#ffffff'
}

/**
 * A template's zones drawn as a small SVG: outlined rectangles (headers and reference panels
 * shaded, reference panels dashed, so kind is never told by colour alone) and the label of every
 * zone wide enough to show it. Built from data as React elements, so no markup is injected.
 */
export function TemplateThumbnailView(props: { thumbnail: TemplateThumbnailData; label: string }) {
  const { width, height, zones } = props.thumbnail
  // Text and strokes are sized in board units relative to the whole board, so they look the same
  // at card size whatever the board's extent.
  const fontSize = Math.max(width, height) / 16
  const stroke = Math.max(width, height) / 300
  const pad = fontSize * 0.4
  return (
    <svg
      className="template-thumbnail"
      viewBox={`${-stroke} ${-stroke} ${width + 2 * stroke} ${height + 2 * stroke}`}
      role="img"
      aria-label={props.label}
      preserveAspectRatio="xMidYMid meet"
    >
      {zones.map((zone) => {
        const maxChars = Math.floor((zone.w - 2 * pad) / (fontSize * GLYPH_WIDTH))
        const showLabel = zone.h > fontSize * 1.6 && maxChars >= Math.min(zone.label.length, 6)
        const text = zone.label.length > maxChars ? `${zone.label.slice(0, Math.max(1, maxChars - 1))}…` : zone.label
        return (
          <g key={zone.id}>
            <rect
              x={zone.x}
              y={zone.y}
              width={zone.w}
              height={zone.h}
              fill={fill(zone.kind)}
              stroke="#3a3a44"
              strokeWidth={stroke}
              strokeDasharray={zone.kind === 'reference' ? `${stroke * 3} ${stroke * 1.5}` : undefined}
            >
              <title>{zone.label}</title>
            </rect>
            {showLabel ? (
              <text x={zone.x + pad} y={zone.y + pad + fontSize * 0.85} fontSize={fontSize} fill="#1b1b1f" aria-hidden="true">
                {text}
              </text>
            ) : null}
          </g>
        )
      })}
    </svg>
  )
}
