import type { ReactElement } from 'react'
import { FrameShapeUtil, SVGContainer, type SvgExportContext, type TLFrameShape, type TLShapeUtilCanvasSvgDef } from 'tldraw'
import { coboardMeta } from '../../../shared/templates/generateTemplateRecords.ts'
import { ZonePatternDefs } from './ZonePatterns.tsx'
import { isHeaderKind, PATTERN_STRIP, patternId, zoneStyleOf, type ZonePattern } from './zoneStyle.ts'

function ZoneBody(props: { shape: TLFrameShape; idOf: (pattern: ZonePattern) => string }) {
  const { w, h, color } = props.shape.props
  const meta = coboardMeta(props.shape)
  const style = zoneStyleOf(color)
  const header = isHeaderKind(meta?.kind)
  return (
    <>
      <rect
        className="coboard-zone__body"
        data-accent={color}
        width={w}
        height={h}
        fill={header ? style.headerFill : style.fill}
        stroke={style.stroke}
        strokeWidth={style.strokeWidth}
        // On the canvas the border keeps a constant width on screen (styles.css): 1.5 px, 3 px with an accent.
        style={{ ['--coboard-zone-stroke' as string]: `${style.strokeWidth * 0.75}px` }}
      />
      {style.pattern ? (
        <rect className="coboard-zone__pattern" width={w} height={Math.min(h, PATTERN_STRIP)} fill={`url(#${props.idOf(style.pattern)})`} />
      ) : null}
    </>
  )
}

/**
 * Template zones drawn in the template's colours: a light fill (stronger for row and column
 * headers), a border and — so that colour never carries meaning alone — the accent's pattern in a
 * strip along the top (not behind the text, where it would hinder reading). No tldraw frame heading: the zone's label already sits inside it in
 * large type, and the heading (drawn at a constant screen size) covered the prompt of an enclosing
 * band when zoomed out. Frames that are not zones stay tldraw's.
 */
export class ZoneFrameShapeUtil extends FrameShapeUtil {
  override component(shape: TLFrameShape): ReactElement {
    if (!coboardMeta(shape)?.zone) return super.component(shape)
    return (
      <SVGContainer>
        <ZoneBody shape={shape} idOf={patternId} />
      </SVGContainer>
    )
  }

  override getCanvasSvgDefs(): TLShapeUtilCanvasSvgDef[] {
    return [...super.getCanvasSvgDefs(), { key: 'coboard-zone-patterns', component: CanvasPatterns }]
  }

  override toSvg(shape: TLFrameShape, ctx: SvgExportContext): ReactElement {
    if (!coboardMeta(shape)?.zone) return super.toSvg(shape, ctx) as ReactElement
    const idOf = (pattern: ZonePattern) => `${patternId(pattern)}-export`
    ctx.addExportDef({ key: 'coboard-zone-patterns', getElement: () => <ZonePatternDefs idOf={idOf} /> })
    return <ZoneBody shape={shape} idOf={idOf} />
  }
}

function CanvasPatterns() {
  return <ZonePatternDefs idOf={patternId} />
}
