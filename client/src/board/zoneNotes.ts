import type { Editor, TLNoteShape, TLShape, TLShapeId } from 'tldraw'
import { ZONE_PADDING } from '../../../shared/templates/generateTemplateRecords.ts'
import { rectContains, rectsOverlap, type Rect } from '../../../shared/templates/templateSchema.ts'
import {
  noteHoldingFrames,
  zoneFrameAt,
  zoneFrameOf,
  zoneFrameOfNote,
  type ShapeLookup,
  type ZoneFrame,
} from '../../../shared/templates/zoneMembership.ts'
import { boardZones, type BoardZone } from '../templates/zoneEditing.ts'
import { freeSpot, keepInside, NOTE_GAP, overlapsAny, readingOrder, tidyPositions, writableArea, type Point } from './notePlacement.ts'

// The editor side of note placement: reads zones, texts and notes from the board and moves notes
// with the pure functions of notePlacement.ts. Which zone a note is in is decided by the same code
// as the server's exports and votes (shared/templates/zoneMembership.ts).

/** The board's zones, read from their frames (ids `shape:<template>/zone/<zone>`). */
export function readZones(editor: Editor): BoardZone[] {
  const frames: TLShape[] = []
  for (const id of editor.getCurrentPageShapeIds()) {
    if (!id.includes('/zone/')) continue
    const shape = editor.getShape(id)
    if (shape?.type === 'frame') frames.push(shape)
  }
  return boardZones(frames)
}

/** The part of a zone notes go in: below its label, prompt and body texts. */
export function zoneWritableArea(editor: Editor, zone: BoardZone): Rect {
  let textBottom = zone.y
  for (const part of ['label', 'prompt', 'body']) {
    const bounds = editor.getShapePageBounds(`${zone.shapeId}/${part}` as TLShapeId)
    if (bounds) textBottom = Math.max(textBottom, bounds.maxY)
  }
  return writableArea(zone, textBottom, ZONE_PADDING)
}

/** What a note placed in `area` must not cover: other notes there, and zones nested inside `zone` (a band's). */
function obstacles(editor: Editor, zone: BoardZone, area: Rect, except: ReadonlySet<TLShapeId>): Rect[] {
  const rects: Rect[] = []
  for (const id of editor.getCurrentPageShapeIds()) {
    if (except.has(id)) continue
    const shape = editor.getShape(id)
    if (shape?.type !== 'note') continue
    const bounds = editor.getShapePageBounds(id)
    if (bounds && rectsOverlap(bounds, area)) rects.push(bounds)
  }
  for (const other of readZones(editor)) {
    if (other.id !== zone.id && rectContains(zone, other)) rects.push(other)
  }
  return rects
}

const lookupIn = (editor: Editor): ShapeLookup => (id) => editor.getShape(id as TLShapeId)

// The zones' frames that hold notes, in the order zone membership tries them.
function membershipFrames(editor: Editor, zones: readonly BoardZone[]): ZoneFrame[] {
  const lookup = lookupIn(editor)
  return noteHoldingFrames(zones.flatMap((zone) => {
    const shape = editor.getShape(zone.shapeId)
    const frame = shape && zoneFrameOf(shape, lookup)
    return frame ? [frame] : []
  }))
}

const zoneOfFrame = (zones: readonly BoardZone[], frame: ZoneFrame | undefined) => (frame ? zones.find((zone) => zone.shapeId === frame.shapeId) : undefined)

/**
 * The zone (one that holds notes) a note belongs to: as exports, votes and version comparisons
 * decide it (its parent zone frame, else the smallest zone around its centre).
 */
export function zoneOfNote(editor: Editor, noteId: TLShapeId, zones: readonly BoardZone[] = readZones(editor)): BoardZone | undefined {
  const note = editor.getShape<TLNoteShape>(noteId)
  if (note?.type !== 'note') return undefined
  return zoneOfFrame(zones, zoneFrameOfNote(note, lookupIn(editor), membershipFrames(editor, zones)))
}

/** A free spot for a new note in a zone (page coordinates), near `near` if given; undefined when the zone is full. */
export function freeSpotInZone(editor: Editor, zone: BoardZone, size: { w: number; h: number }, near?: Point, except: ReadonlySet<TLShapeId> = new Set()): Point | undefined {
  const area = zoneWritableArea(editor, zone)
  return freeSpot(area, obstacles(editor, zone, area, except), size, { near })
}

/**
 * Where a note that lies on top of another note in its zone (or on the zone's texts) should go:
 * the nearest free spot there. Undefined when it is fine where it is, is in no zone, or the zone
 * is full.
 */
export function freeSpotForNote(editor: Editor, noteId: TLShapeId, at?: Rect): Point | undefined {
  const note = editor.getShape<TLNoteShape>(noteId)
  const bounds = at ?? editor.getShapePageBounds(noteId)
  if (!note || !bounds || note.parentId !== editor.getCurrentPageId()) return undefined
  const zones = readZones(editor)
  const zone = zoneOfFrame(zones, zoneFrameAt(membershipFrames(editor, zones), { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 }))
  if (!zone) return undefined
  const area = zoneWritableArea(editor, zone)
  const others = obstacles(editor, zone, area, new Set([noteId]))
  const onText = bounds.y < area.y - 1
  if (!onText && !overlapsAny(bounds, others)) return undefined
  return freeSpot(area, others, { w: bounds.w, h: bounds.h }, { near: { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 } })
}

/** Moves a note created by this user onto a free spot of its zone when it landed on another note. */
export function placeOnFreeSpot(editor: Editor, noteId: TLShapeId): void {
  const spot = freeSpotForNote(editor, noteId)
  if (spot) editor.updateShape({ id: noteId, type: 'note', x: spot.x, y: spot.y })
}

/**
 * Places new notes on a free spot of their zone, and keeps notes that grow with their text inside
 * it. Only this user's own changes (a remote note is placed by its author). Returns a function
 * that removes the handlers.
 */
export function registerNotePlacement(editor: Editor): () => void {
  const offCreate = editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source === 'user' && shape.type === 'note') placeOnFreeSpot(editor, shape.id)
  })
  const offChange = editor.sideEffects.registerAfterChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || next.type !== 'note' || prev.type !== 'note') return
    if (next.props.growY > prev.props.growY) keepNoteInZone(editor, next.id)
  })
  return () => {
    offCreate()
    offChange()
  }
}

/**
 * Keeps a note that grew with its text inside its zone, so it does not spill over the next zone's
 * label: it moves up by as much as it sticks out below (never above the zone's texts), and one
 * taller than the zone's room also gets smaller (see keepInside).
 */
export function keepNoteInZone(editor: Editor, noteId: TLShapeId): void {
  const note = editor.getShape<TLNoteShape>(noteId)
  const bounds = editor.getShapePageBounds(noteId)
  if (!note || !bounds || note.parentId !== editor.getCurrentPageId()) return
  const zone = zoneOfNote(editor, noteId)
  if (!zone) return
  const moved = keepInside(zoneWritableArea(editor, zone), { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h, scale: note.props.scale })
  if (moved) editor.updateShape({ id: noteId, type: 'note', y: moved.y, props: { scale: moved.scale } })
}

/** Arranges the notes of a zone in a grid below its texts (reading order of where they were). Returns how many. */
export function tidyZone(editor: Editor, zone: BoardZone): number {
  const zones = readZones(editor)
  const area = zoneWritableArea(editor, zone)
  const notes: Array<Rect & { id: TLShapeId; w: number; h: number }> = []
  for (const id of editor.getCurrentPageShapeIds()) {
    const shape = editor.getShape(id)
    if (shape?.type !== 'note' || shape.parentId !== editor.getCurrentPageId()) continue
    if (zoneOfNote(editor, id, zones)?.id !== zone.id) continue
    const bounds = editor.getShapePageBounds(id)
    if (bounds) notes.push({ id, x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h })
  }
  const positions = tidyPositions(area, readingOrder(notes), NOTE_GAP)
  editor.run(() => {
    editor.markHistoryStoppingPoint('tidy zone')
    editor.updateShapes(notes.map((n) => ({ id: n.id, type: 'note' as const, ...positions.get(n.id)! })))
  })
  return notes.length
}
