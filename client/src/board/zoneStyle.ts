import type { ZoneKind } from '../../../shared/templates/templateSchema.ts'

/** A fill pattern that tells accents apart without colour. */
export type ZonePattern = 'diagonal' | 'dots' | 'crosshatch' | 'horizontal'

/** How a zone of one accent is drawn: a light fill, a darker header fill, its border and pattern. */
export interface ZoneStyle {
  /** Fill of zones that hold notes: light, so notes and text stay readable on it. */
  fill: string
  /** Fill of headers (which hold no notes): a step stronger. */
  headerFill: string
  /** Border; at least 3:1 against white (WCAG non-text contrast). */
  stroke: string
  strokeWidth: number
  pattern: ZonePattern | undefined
}

const PLAIN: ZoneStyle = { fill: '#ffffff', headerFill: '#f6f6f8', stroke: '#5c5c66', strokeWidth: 2, pattern: undefined }

/**
 * Zone styles by accent (templates' `accent`, stored as the frame's colour). Blue, orange and
 * violet stay apart for colour-blind readers; each also has its own pattern, and every zone its
 * label, so colour never carries meaning alone.
 */
export const ZONE_STYLES: Record<string, ZoneStyle> = {
  black: PLAIN,
  grey: { fill: '#f3f3f5', headerFill: '#e8e8ec', stroke: '#6b6b76', strokeWidth: 2, pattern: undefined },
  blue: { fill: '#eaf2fb', headerFill: '#cfe2f6', stroke: '#1f5fa8', strokeWidth: 4, pattern: 'diagonal' },
  orange: { fill: '#fdf1e4', headerFill: '#f9dcbc', stroke: '#a94f00', strokeWidth: 4, pattern: 'dots' },
  violet: { fill: '#f3edfa', headerFill: '#e1d4f2', stroke: '#6a3d9a', strokeWidth: 4, pattern: 'crosshatch' },
  green: { fill: '#e9f6ee', headerFill: '#cbe9d6', stroke: '#1b7a3e', strokeWidth: 4, pattern: 'horizontal' },
}

/** Whether zones of this kind are headers (they name a row or column and hold no notes). */
export function isHeaderKind(kind: ZoneKind | undefined): boolean {
  return kind === 'column-header' || kind === 'row-header'
}

/** The style of a zone from its frame colour (the template's accent) and kind. */
export function zoneStyleOf(color: string | undefined): ZoneStyle {
  return ZONE_STYLES[color ?? 'black'] ?? PLAIN
}

/** Board units of the patterned strip along the top of a zone with an accent. */
export const PATTERN_STRIP = 28

/** The SVG pattern id of a zone pattern (defined once per canvas by the zone frame util). */
export function patternId(pattern: ZonePattern): string {
  return `coboard-zone-pattern-${pattern}`
}
