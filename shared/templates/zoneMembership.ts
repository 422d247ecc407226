import type { TLNoteShape, TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema'
import { coboardMeta, NOTE_SIZE } from './generateTemplateRecords.ts'
import type { Rect } from './templateSchema.ts'

// Which zone a note belongs to. A note parented (directly or through a group) to a zone frame
// belongs to that zone. Otherwise its centre decides: the smallest zone frame that contains it
// wins, so a note in a cell of inside-outside belongs to the cell, not to the outer band.
// Rotation is ignored: zones are locked, axis-aligned frames.

/** A zone frame found on a board, with its bounds in page space. */
export interface ZoneFrame {
  zoneId: string
  shapeId: TLShapeId
  bounds: Rect
  holdsNotes: boolean
}

function shapesById(records: Iterable<TLRecord>): Map<string, TLShape> {
  const map = new Map<string, TLShape>()
  for (const r of records) if (r.typeName === 'shape') map.set(r.id, r)
  return map
}

// Page position of a shape: its x/y plus those of its shape ancestors (cycles are cut short).
function pagePosition(shape: TLShape, shapes: Map<string, TLShape>): { x: number; y: number } {
  let x = shape.x
  let y = shape.y
  let parent = shapes.get(shape.parentId)
  const seen = new Set<string>([shape.id])
  while (parent && !seen.has(parent.id)) {
    seen.add(parent.id)
    x += parent.x
    y += parent.y
    parent = shapes.get(parent.parentId)
  }
  return { x, y }
}

function zoneIdOf(shape: TLShape): string | undefined {
  if (shape.type !== 'frame') return undefined
  const zone = coboardMeta(shape)?.zone
  return typeof zone === 'string' ? zone : undefined
}

/** All zone frames on a board (frames whose `meta.coboard.zone` names a zone). */
export function findZoneFrames(records: Iterable<TLRecord>): ZoneFrame[] {
  const shapes = shapesById(records)
  const frames: ZoneFrame[] = []
  for (const shape of shapes.values()) {
    const zoneId = zoneIdOf(shape)
    if (!zoneId || shape.type !== 'frame') continue
    const { x, y } = pagePosition(shape, shapes)
    frames.push({ zoneId, shapeId: shape.id, bounds: { x, y, w: shape.props.w, h: shape.props.h }, holdsNotes: coboardMeta(shape)?.holdsNotes !== false })
  }
  return frames
}

/** Centre of a note in page space (a note is NOTE_SIZE wide and NOTE_SIZE + growY tall, times scale). */
export function noteCentre(note: TLNoteShape, records: Iterable<TLRecord> | Map<string, TLShape>): { x: number; y: number } {
  const shapes = records instanceof Map ? records : shapesById(records)
  const { x, y } = pagePosition(note, shapes)
  const scale = note.props.scale
  return { x: x + (NOTE_SIZE * scale) / 2, y: y + ((NOTE_SIZE + note.props.growY) * scale) / 2 }
}

function contains(r: Rect, p: { x: number; y: number }): boolean {
  return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h
}

/** Maps every note on the board to the id of the zone it belongs to, or null when it is in none. */
export function assignNotesToZones(records: Iterable<TLRecord>): Map<TLShapeId, string | null> {
  const list = [...records]
  const shapes = shapesById(list)
  const frames = findZoneFrames(list)
    .filter((f) => f.holdsNotes)
    .sort((a, b) => a.bounds.w * a.bounds.h - b.bounds.w * b.bounds.h || (a.zoneId < b.zoneId ? -1 : 1))
  const result = new Map<TLShapeId, string | null>()
  for (const shape of shapes.values()) {
    if (shape.type !== 'note') continue
    result.set(shape.id, zoneOfNote(shape, shapes, frames))
  }
  return result
}

function zoneOfNote(note: TLNoteShape, shapes: Map<string, TLShape>, framesSmallestFirst: ZoneFrame[]): string | null {
  // Parenting first: the nearest ancestor that is a zone frame.
  let parent = shapes.get(note.parentId)
  const seen = new Set<string>()
  while (parent && !seen.has(parent.id)) {
    seen.add(parent.id)
    const zoneId = zoneIdOf(parent)
    if (zoneId && coboardMeta(parent)?.holdsNotes !== false) return zoneId
    parent = shapes.get(parent.parentId)
  }
  const centre = noteCentre(note, shapes)
  return framesSmallestFirst.find((f) => contains(f.bounds, centre))?.zoneId ?? null
}

/** Notes grouped by zone id (null = outside every zone), for exports. */
export function groupNotesByZone(records: Iterable<TLRecord>): Map<string | null, TLNoteShape[]> {
  const list = [...records]
  const shapes = shapesById(list)
  const groups = new Map<string | null, TLNoteShape[]>()
  for (const [noteId, zoneId] of assignNotesToZones(list)) {
    const note = shapes.get(noteId) as TLNoteShape
    const group = groups.get(zoneId) ?? []
    group.push(note)
    groups.set(zoneId, group)
  }
  return groups
}
