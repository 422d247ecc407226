import { ZONE_STYLES, type ZonePattern } from './zoneStyle.ts'

/**
 * One SVG <pattern> of a zone accent: lines, dots or hatching in the accent's border colour.
 * Used on the canvas (defined once, see ZoneFrameShapeUtil) and in the legend's swatches.
 */
export function ZonePatternDef(props: { id: string; pattern: ZonePattern; color: string; size?: number }) {
  const size = props.size ?? 14
  const stroke = { stroke: props.color, strokeWidth: size / 5 }
  switch (props.pattern) {
    case 'diagonal':
      return (
        <pattern id={props.id} patternUnits="userSpaceOnUse" width={size} height={size} patternTransform="rotate(45)">
          <line x1={size / 2} y1={0} x2={size / 2} y2={size} {...stroke} />
        </pattern>
      )
    case 'crosshatch':
      return (
        <pattern id={props.id} patternUnits="userSpaceOnUse" width={size} height={size} patternTransform="rotate(45)">
          <line x1={size / 2} y1={0} x2={size / 2} y2={size} {...stroke} />
          <line x1={0} y1={size / 2} x2={size} y2={size / 2} {...stroke} />
        </pattern>
      )
    case 'horizontal':
      return (
        <pattern id={props.id} patternUnits="userSpaceOnUse" width={size} height={size}>
          <line x1={0} y1={size / 2} x2={size} y2={size / 2} {...stroke} />
        </pattern>
      )
    case 'dots':
      return (
        <pattern id={props.id} patternUnits="userSpaceOnUse" width={size} height={size}>
          <circle cx={size / 2} cy={size / 2} r={size / 6} fill={props.color} />
        </pattern>
      )
  }
}

/** Every accent's pattern, with the ids zone frames refer to (see patternId). */
export function ZonePatternDefs(props: { idOf: (pattern: ZonePattern) => string }) {
  return (
    <>
      {Object.values(ZONE_STYLES)
        .filter((style) => style.pattern)
        .map((style) => (
          <ZonePatternDef key={style.pattern} id={props.idOf(style.pattern!)} pattern={style.pattern!} color={style.stroke} />
        ))}
    </>
  )
}
