import type { TLFrameShape, TLShape, TLShapeId, TLShapePartial } from 'tldraw'
import { LOCALES, type Locale, type Localized } from '../../../shared/locales.ts'
import { coboardMeta, generateTemplateRecords } from '../../../shared/templates/generateTemplateRecords.ts'
import { rectsOverlap, ZONE_ACCENTS, type Template, type Zone, type ZoneKind } from '../../../shared/templates/templateSchema.ts'

/** The gutter between zones that templates use (templates/README.md, "Layout rules"). */
export const ZONE_GUTTER = 32

/** A zone as it stands on the board now (its frame's geometry, which may differ from the template). */
export interface BoardZone {
  id: string
  shapeId: TLShapeId
  kind: ZoneKind
  label: string
  row?: string
  column?: string
  accent?: Zone['accent']
  x: number
  y: number
  w: number
  h: number
}

/** The zones on the board, read from their locked frames' `meta.coboard` markers. */
export function boardZones(shapes: readonly TLShape[]): BoardZone[] {
  const zones: BoardZone[] = []
  for (const shape of shapes) {
    const meta = coboardMeta(shape)
    if (shape.type !== 'frame' || !meta?.zone || meta.example) continue
    const props = (shape as TLFrameShape).props
    const accent = ZONE_ACCENTS.find((a) => a === props.color)
    zones.push({
      id: meta.zone,
      shapeId: shape.id,
      kind: meta.kind ?? 'zone',
      label: props.name,
      ...(meta.row ? { row: meta.row } : {}),
      ...(meta.column ? { column: meta.column } : {}),
      ...(accent ? { accent } : {}),
      x: shape.x,
      y: shape.y,
      w: props.w,
      h: props.h,
    })
  }
  return zones
}

/** The texts a new zone gets: the new column's or row's label and an inviting prompt. */
export interface NewZoneTexts {
  label: string
  prompt: string
}

/** What adding a column or row does: new zones, and existing zones moved or widened to make room. */
export interface ZonePlan {
  add: Zone[]
  /** Existing zones (by frame) and their new geometry. */
  change: { shapeId: TLShapeId; x: number; y: number; w: number; h: number }[]
}

type Axis = 'column' | 'row'

function everywhere(text: string): Localized {
  return Object.fromEntries(LOCALES.map((l) => [l, text])) as Localized
}

function uniqueId(taken: ReadonlySet<string>, base: string): string {
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`
    if (!taken.has(id)) return id
  }
}

const HOLDS_NOTES: readonly ZoneKind[] = ['zone', 'cell']

/**
 * Plans a new column (axis 'column') or row (axis 'row'). In a grid (column-header/row-header
 * zones) the new header copies the last header's size and is placed one gutter after it, with a
 * cell for every row (column) copying the last column's (row's) cells. Without a grid, the last
 * zone that holds notes is copied. Zones further along the axis move over by the new width
 * (height) plus a gutter, and zones spanning the end of the grid (bands, strips) grow by as much,
 * so nothing overlaps. Returns undefined when there is nothing to copy.
 */
export function planAddition(zones: readonly BoardZone[], axis: Axis, texts: NewZoneTexts): ZonePlan | undefined {
  const pos = axis === 'column' ? 'x' : 'y'
  const size = axis === 'column' ? 'w' : 'h'
  const headerKind: ZoneKind = `${axis}-header`
  const crossKind: ZoneKind = axis === 'column' ? 'row-header' : 'column-header'
  const crossKey = axis === 'column' ? 'row' : 'column'
  const end = (z: BoardZone) => z[pos] + z[size]
  const last = <T extends BoardZone>(list: readonly T[]) => list.reduce<T | undefined>((a, z) => (!a || end(z) > end(a) ? z : a), undefined)
  const taken = new Set(zones.map((z) => z.id))

  const headers = zones.filter((z) => z.kind === headerKind)
  const source = last(headers) ?? last(zones.filter((z) => HOLDS_NOTES.includes(z.kind)))
  if (!source) return undefined
  const shift = source[size] + ZONE_GUTTER
  const newStart = end(source) + ZONE_GUTTER

  const add: Zone[] = []
  const copy = (from: BoardZone, id: string, kind: ZoneKind, label: string, extra: Partial<Zone>): Zone => ({
    id,
    kind,
    label: everywhere(label),
    prompt: everywhere(texts.prompt),
    ...(from.accent ? { accent: from.accent } : {}),
    x: from.x,
    y: from.y,
    w: from.w,
    h: from.h,
    [pos]: from[pos] + shift,
    ...extra,
  })
  const copied = new Set<string>([source.id])
  const newId = uniqueId(taken, source.kind === headerKind ? `${axis}-added` : `${source.id}-copy`)
  add.push(copy(source, newId, source.kind === headerKind ? headerKind : source.kind, texts.label, {}))
  if (source.kind === headerKind) {
    // One new cell per row (column), copying the cell of the last column (row) in that row (column).
    for (const cross of zones.filter((z) => z.kind === crossKind)) {
      const cell = zones.find((z) => z.kind === 'cell' && z[axis] === source.id && z[crossKey] === cross.id)
      if (!cell) continue
      copied.add(cell.id)
      const id = uniqueId(new Set([...taken, ...add.map((z) => z.id)]), `${newId}-${cross.id}`)
      const label = axis === 'column' ? `${texts.label} · ${cross.label}` : `${cross.label} · ${texts.label}`
      add.push(copy(cell, id, 'cell', label, { [axis]: newId, [crossKey]: cross.id }))
    }
  }

  // Make room: anything starting at or beyond the new zones moves along. Anything ending where the
  // copied zones end (a strip above or beside the grid) or reaching past it into the new zones'
  // place (a band around the grid) grows by as much.
  const sourceEnd = Math.max(...zones.filter((z) => copied.has(z.id)).map(end))
  const change: ZonePlan['change'] = []
  for (const zone of zones) {
    if (copied.has(zone.id)) continue
    if (zone[pos] >= newStart - ZONE_GUTTER / 2) {
      change.push({ shapeId: zone.shapeId, x: zone.x, y: zone.y, w: zone.w, h: zone.h, [pos]: zone[pos] + shift })
    } else if (
      Math.abs(end(zone) - sourceEnd) <= ZONE_GUTTER / 2 ||
      (end(zone) > sourceEnd && add.some((a) => rectsOverlap(a, { ...zone, [size]: zone[size] + shift })))
    ) {
      change.push({ shapeId: zone.shapeId, x: zone.x, y: zone.y, w: zone.w, h: zone.h, [size]: zone[size] + shift })
    }
  }
  return { add, change }
}

/**
 * tldraw shapes for new zones, made by the same generator as a template's own zones (a locked
 * frame with locked label and prompt texts), so they look alike and "save as template" reads them
 * back. The frames carry no index, so tldraw puts them above the existing shapes; their texts stay locked.
 */
export function newZoneShapes(templateId: string, zones: readonly Zone[], locale: Locale, options: { locked: boolean }): TLShapePartial[] {
  const template: Template = {
    id: templateId,
    version: 1,
    order: 100,
    title: everywhere(templateId),
    summary: everywhere(templateId),
    purpose: everywhere(templateId),
    sources: [],
    suggestedGroups: [],
    durationMinutes: 0,
    agenda: [],
    zones: [...zones],
    examples: [],
  }
  const prefix = `shape:${templateId}/zone/`
  return generateTemplateRecords(template, locale)
    .filter((r): r is TLShape => r.typeName === 'shape' && r.id.startsWith(prefix))
    .map((shape) => {
      const { typeName: _typeName, index, ...rest } = shape
      return shape.type === 'frame' ? { ...rest, isLocked: options.locked } : { ...rest, index }
    }) as TLShapePartial[]
}

/** The frame updates that move or widen existing zones, as tldraw partials. */
export function zoneChanges(plan: ZonePlan): TLShapePartial<TLFrameShape>[] {
  return plan.change.map((c) => ({
    id: c.shapeId,
    type: 'frame',
    x: c.x,
    y: c.y,
    props: { w: c.w, h: c.h },
  }))
}
