import type { TLNoteShape, TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema'
import { coboardMeta, NOTE_SIZE } from './generateTemplateRecords.ts'
import { NOTE_ZONE_KINDS, type Rect } from './templateSchema.ts'

// Which zone a note belongs to — the one rule that exports, votes, version comparisons and the
// client (vote eligibility, the zone switcher's "tidy", note placement) all follow. A note
// parented (directly or through a group) to a zone frame belongs to that zone. Otherwise its
// centre decides: the smallest zone frame that contains it wins (equal areas: the smaller zone
// id), so a note in a cell of inside-outside belongs to the cell, not to the outer band. Rotation
// is ignored: zones are locked, axis-aligned frames.

/** Finds a shape by id: over a board's records (shapesById) or a live tldraw editor (`editor.getShape`). */
export type ShapeLookup = (id: string) => TLShape | undefined

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

const lookupIn = (shapes: Map<string, TLShape>): ShapeLookup => (id) => shapes.get(id)

// Page position of a shape: its x/y plus those of its shape ancestors (cycles are cut short).
function pagePosition(shape: TLShape, lookup: ShapeLookup): { x: number; y: number } {
  let x = shape.x
  let y = shape.y
  let parent = lookup(shape.parentId)
  const seen = new Set<string>([shape.id])
  while (parent && !seen.has(parent.id)) {
    seen.add(parent.id)
    x += parent.x
    y += parent.y
    parent = lookup(parent.parentId)
  }
  return { x, y }
}

function zoneIdOf(shape: TLShape): string | undefined {
  if (shape.type !== 'frame') return undefined
  const meta = coboardMeta(shape)
  return typeof meta?.zone === 'string' && !meta.example ? meta.zone : undefined
}

// Whether notes belong in a zone frame: as its marker says; a frame marked before markers said
// so (or added by hand) by its kind, as the template schema has it.
function frameHoldsNotes(shape: TLShape): boolean {
  const meta = coboardMeta(shape)
  return meta?.holdsNotes ?? (meta?.kind === undefined || NOTE_ZONE_KINDS.includes(meta.kind))
}

/** The zone frame a shape is, with its page bounds; undefined for any other shape. */
export function zoneFrameOf(shape: TLShape, lookup: ShapeLookup): ZoneFrame | undefined {
  const zoneId = zoneIdOf(shape)
  if (!zoneId || shape.type !== 'frame') return undefined
  const { x, y } = pagePosition(shape, lookup)
  return { zoneId, shapeId: shape.id, bounds: { x, y, w: shape.props.w, h: shape.props.h }, holdsNotes: frameHoldsNotes(shape) }
}

/** All zone frames on a board (frames whose `meta.coboard.zone` names a zone). */
export function findZoneFrames(records: Iterable<TLRecord>): ZoneFrame[] {
  const shapes = shapesById(records)
  const frames: ZoneFrame[] = []
  for (const shape of shapes.values()) {
    const frame = zoneFrameOf(shape, lookupIn(shapes))
    if (frame) frames.push(frame)
  }
  return frames
}

/** The frames notes can belong to, in the order membership tries them: smallest first, then by zone id. */
export function noteHoldingFrames(frames: readonly ZoneFrame[]): ZoneFrame[] {
  return frames.filter((f) => f.holdsNotes).sort((a, b) => a.bounds.w * a.bounds.h - b.bounds.w * b.bounds.h || (a.zoneId < b.zoneId ? -1 : 1))
}

/** Centre of a note in page space (a note is NOTE_SIZE wide and NOTE_SIZE + growY tall, times scale). */
export function noteCentre(note: TLNoteShape, records: Iterable<TLRecord> | Map<string, TLShape> | ShapeLookup): { x: number; y: number } {
  const lookup = typeof records === 'function' ? records : lookupIn(records instanceof Map ? records : shapesById(records))
  const { x, y } = pagePosition(note, lookup)
  const scale = note.props.scale
  return { x: x + (NOTE_SIZE * scale) / 2, y: y + ((NOTE_SIZE + note.props.growY) * scale) / 2 }
}

function contains(r: Rect, p: { x: number; y: number }): boolean {
  return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h
}

/** The first of `framesSmallestFirst` (see noteHoldingFrames) that contains a point in page space. */
export function zoneFrameAt(framesSmallestFirst: readonly ZoneFrame[], point: { x: number; y: number }): ZoneFrame | undefined {
  return framesSmallestFirst.find((f) => contains(f.bounds, point))
}

/**
 * The zone frame a note belongs to: its nearest ancestor that is a zone holding notes, else the
 * smallest such frame around its centre. `framesSmallestFirst` comes from noteHoldingFrames.
 */
export function zoneFrameOfNote(note: TLNoteShape, lookup: ShapeLookup, framesSmallestFirst: readonly ZoneFrame[]): ZoneFrame | undefined {
  let parent = lookup(note.parentId)
  const seen = new Set<string>()
  while (parent && !seen.has(parent.id)) {
    seen.add(parent.id)
    const frame = zoneFrameOf(parent, lookup)
    if (frame?.holdsNotes) return frame
    parent = lookup(parent.parentId)
  }
  return zoneFrameAt(framesSmallestFirst, noteCentre(note, lookup))
}

/** Maps every note on the board to the id of the zone it belongs to, or null when it is in none. */
export function assignNotesToZones(records: Iterable<TLRecord>): Map<TLShapeId, string | null> {
  const list = [...records]
  const shapes = shapesById(list)
  const lookup = lookupIn(shapes)
  const frames = noteHoldingFrames(findZoneFrames(list))
  const result = new Map<TLShapeId, string | null>()
  for (const shape of shapes.values()) {
    if (shape.type !== 'note') continue
    result.set(shape.id, zoneFrameOfNote(shape, lookup, frames)?.zoneId ?? null)
  }
  return result
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
