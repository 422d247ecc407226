import { renderPlaintextFromRichText, useEditor, useValue, type Editor, type TLShapeId, type TLTextShape } from 'tldraw'
import { FONT_SIZE, type TextSize } from '../../../shared/templates/textLayout.ts'
import { isHeaderKind, PATTERN_STRIP, zoneStyleOf } from '../board/zoneStyle.ts'
import { useBoardZones } from '../board/useBoardZones.ts'
import type { BoardZone } from '../templates/zoneEditing.ts'
import { usePresenterTarget } from './PresenterContext.tsx'
import { fittedFontPx, labelOverlay, PRESENTER_LABEL_PX, PRESENTER_PROMPT_PX, type PresenterTarget } from './presenterLayout.ts'

interface Overlay {
  zoneId: string
  label: string
  prompt: string | undefined
  left: number
  top: number
  width: number
  maxHeight: number
  minHeight: number
  labelPx: number
  promptPx: number
  background: string
}

function textPx(editor: Editor, shape: TLTextShape | undefined): number | undefined {
  if (!shape) return undefined
  return (FONT_SIZE[shape.props.size as TextSize] ?? 24) * shape.props.scale * editor.getZoomLevel()
}

function overlaysFor(editor: Editor, zones: readonly BoardZone[], target: PresenterTarget): Overlay[] {
  const overlays: Overlay[] = []
  const zoom = editor.getZoomLevel()
  const screen = editor.getViewportScreenBounds()
  for (const zone of zones) {
    const labelShape = editor.getShape<TLTextShape>(`${zone.shapeId}/label` as TLShapeId)
    const promptShape = editor.getShape<TLTextShape>(`${zone.shapeId}/prompt` as TLShapeId)
    const labelPx = textPx(editor, labelShape) ?? 0
    const promptPx = textPx(editor, promptShape)
    const focused = target.kind === 'zone' && target.zoneId === zone.id
    const overlay = labelOverlay({ kind: zone.kind, focused, labelPx, promptPx })
    if (overlay === 'none') continue
    const topLeft = editor.pageToViewport({ x: zone.x, y: zone.y })
    const width = zone.w * zoom
    const height = zone.h * zoom
    // Off screen: nothing to draw.
    if (topLeft.x > screen.w || topLeft.y > screen.h || topLeft.x + width < 0 || topLeft.y + height < 0) continue
    const style = zoneStyleOf(zone.accent)
    // Inside the zone's border, left of where the canvas text starts (so it covers it whole), and
    // below the zone's patterned strip, so the pattern stays visible beside the colour.
    const inset = Math.max(3, 12 * zoom)
    const top = Math.max(inset, style.pattern ? PATTERN_STRIP * zoom + 3 : 0)
    // On the whole board, as large as fits the zone (up to 28 px), and only if larger than the canvas draws it.
    const fitted = focused
      ? Math.max(PRESENTER_LABEL_PX, labelPx)
      : fittedFontPx(zone.label, width - 2 * inset - 8, height - top - inset, Math.max(12, Math.ceil(labelPx)), PRESENTER_LABEL_PX)
    if (fitted === undefined) continue
    // Cover the zone's texts on the canvas (label, prompt, body), which the overlay replaces.
    let textBottom = zone.y
    for (const part of ['label', 'prompt', 'body']) {
      const bounds = editor.getShapePageBounds(`${zone.shapeId}/${part}` as TLShapeId)
      if (bounds) textBottom = Math.max(textBottom, bounds.maxY)
    }
    overlays.push({
      zoneId: zone.id,
      label: zone.label,
      prompt: overlay === 'label-and-prompt' && promptShape ? renderPlaintextFromRichText(editor, promptShape.props.richText) : undefined,
      left: topLeft.x + inset,
      top: topLeft.y + top,
      width: Math.max(40, width - 2 * inset),
      maxHeight: Math.max(PRESENTER_LABEL_PX * 1.3, height - top - inset),
      minHeight: Math.min(height - top - inset, (textBottom - zone.y) * zoom - top),
      labelPx: fitted,
      promptPx: Math.max(PRESENTER_PROMPT_PX, promptPx ?? 0),
      background: isHeaderKind(zone.kind) ? style.headerFill : style.fill,
    })
  }
  return overlays
}

/**
 * Zone labels (and, for the zone on show, its prompt) drawn over the canvas at a size that reads
 * from the back of a room, wherever the canvas draws them smaller than that: on the whole board
 * as large as fits each zone (up to 28 px; the prompts, unreadable at that scale, are covered),
 * for a zone on its own at least 28 px with its prompt at 16 px. Each covers the canvas texts it
 * replaces, on the zone's own colour.
 */
export function PresenterZoneLabels() {
  const editor = useEditor()
  const zones = useBoardZones(editor)
  const target = usePresenterTarget()
  const overlays = useValue('presenter labels', () => overlaysFor(editor, zones, target), [editor, zones, target])
  return (
    <div className="presenter-labels" aria-hidden="true">
      {overlays.map((o) => (
        <div
          key={o.zoneId}
          className="presenter-label"
          data-zone={o.zoneId}
          style={{ left: o.left, top: o.top, width: o.width, minHeight: o.minHeight, maxHeight: o.maxHeight, background: o.background }}
        >
          <span className="presenter-label__label" style={{ fontSize: o.labelPx }}>
            {o.label}
          </span>
          {o.prompt ? (
            <span className="presenter-label__prompt" style={{ fontSize: o.promptPx }}>
              {o.prompt}
            </span>
          ) : null}
        </div>
      ))}
    </div>
  )
}
