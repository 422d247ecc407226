import { rectsOverlap, type Rect } from '../../../shared/templates/templateSchema.ts'

/** Board units between notes placed or tidied by coboard. */
export const NOTE_GAP = 16

/** A point in board units. */
export interface Point {
  x: number
  y: number
}

/** The part of a zone notes go in: below its label and prompt, inside its padding. */
export function writableArea(zone: Rect, textBottom: number, padding: number): Rect {
  const top = Math.max(zone.y + padding, textBottom + padding / 2)
  return { x: zone.x + padding, y: top, w: Math.max(0, zone.w - 2 * padding), h: Math.max(0, zone.y + zone.h - padding - top) }
}

function isFree(candidate: Rect, occupied: readonly Rect[], gap: number): boolean {
  const padded = { x: candidate.x - gap / 2, y: candidate.y - gap / 2, w: candidate.w + gap, h: candidate.h + gap }
  return !occupied.some((o) => rectsOverlap(padded, o))
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y)
}

/**
 * A free spot for a note of `size` in `area`, clear of `occupied` by `gap`: the first free slot
 * of a grid anchored at the area's top-left (reading order), or, given `near`, the free slot
 * closest to that point. When the grid has no free slot (notes placed by hand block it), a finer
 * search looks for any free place. Undefined when the area is full.
 */
export function freeSpot(area: Rect, occupied: readonly Rect[], size: { w: number; h: number }, options: { gap?: number; near?: Point } = {}): Point | undefined {
  const gap = options.gap ?? NOTE_GAP
  for (const step of [{ x: size.w + gap, y: size.h + gap }, { x: 20, y: 20 }]) {
    let best: Point | undefined
    for (let y = area.y; y + size.h <= area.y + area.h + 0.5; y += step.y) {
      for (let x = area.x; x + size.w <= area.x + area.w + 0.5; x += step.x) {
        if (!isFree({ x, y, w: size.w, h: size.h }, occupied, gap)) continue
        if (!options.near) return { x, y }
        const centre = { x: x + size.w / 2, y: y + size.h / 2 }
        if (!best || distance(centre, options.near) < distance({ x: best.x + size.w / 2, y: best.y + size.h / 2 }, options.near)) best = { x, y }
      }
    }
    if (best) return best
  }
  return undefined
}

/** Whether `rect` overlaps any of `others`. */
export function overlapsAny(rect: Rect, others: readonly Rect[]): boolean {
  return others.some((other) => rectsOverlap(rect, other))
}

/**
 * Positions that arrange notes in a grid filling `area` from its top-left, in the order given
 * (reading order of where they were). Columns fit the widest note; each row is as tall as its
 * tallest note, so notes grown by long text do not overlap the next row.
 */
export function tidyPositions<T extends { id: string; w: number; h: number }>(area: Rect, notes: readonly T[], gap = NOTE_GAP): Map<string, Point> {
  const positions = new Map<string, Point>()
  if (notes.length === 0) return positions
  const cellW = Math.max(...notes.map((n) => n.w))
  const columns = Math.max(1, Math.floor((area.w + gap) / (cellW + gap)))
  let y = area.y
  for (let row = 0; row * columns < notes.length; row++) {
    const inRow = notes.slice(row * columns, (row + 1) * columns)
    inRow.forEach((note, column) => positions.set(note.id, { x: area.x + column * (cellW + gap), y }))
    y += Math.max(...inRow.map((n) => n.h)) + gap
  }
  return positions
}

/** Notes in reading order of their current positions (rows of similar top, then left to right). */
export function readingOrder<T extends Rect>(notes: readonly T[], rowTolerance = 40): T[] {
  return [...notes].sort((a, b) => (Math.abs(a.y - b.y) > rowTolerance ? a.y - b.y : a.x - b.x))
}

/** Notes never shrink below this scale to stay inside their zone (text stays readable). */
export const MIN_FIT_SCALE = 0.7

/**
 * Where a note that has grown (long text) should go so that it stays inside `area` instead of
 * spilling over the next zone: up by as much as it sticks out below (never above the area's top),
 * and, when it is taller than the whole area, also smaller (down to MIN_FIT_SCALE). Undefined
 * when it already fits.
 */
export function keepInside(area: Rect, note: Rect & { scale: number }): { y: number; scale: number } | undefined {
  const bottom = area.y + area.h
  if (note.y + note.h <= bottom + 0.5) return undefined
  let { scale } = note
  let h = note.h
  if (h > area.h) {
    scale = Math.max(MIN_FIT_SCALE, Math.floor((note.scale * area.h) / note.h * 100) / 100)
    h = (note.h * scale) / note.scale
  }
  const y = Math.max(area.y, Math.min(note.y, bottom - h))
  return y !== note.y || scale !== note.scale ? { y, scale } : undefined
}
