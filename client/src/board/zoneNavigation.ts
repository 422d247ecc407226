import type { ZoneKind } from '../../../shared/templates/templateSchema.ts'
import type { BoardZone } from '../templates/zoneEditing.ts'

/** Zone kinds people write notes into, and go to from the zone list. */
const NOTE_KINDS: readonly ZoneKind[] = ['zone', 'cell', 'band']

/** Zone kinds the presenter steps through: everything but row and column headers. */
const PRESENTED_KINDS: readonly ZoneKind[] = ['zone', 'cell', 'band', 'reference']

/** Font size of a note's text in board units (tldraw 5: 16 × 1.375 for size "m"). */
export const NOTE_FONT_UNITS = 22

/** Smallest on-screen size (CSS px) a note's text is shown at when the board opens on a zone. */
export const READABLE_NOTE_PX = 16

/** The zoom at which a note's text is READABLE_NOTE_PX tall. */
export const READABLE_ZOOM = READABLE_NOTE_PX / NOTE_FONT_UNITS

// Zones whose tops are this close count as one row when ordering for reading.
const ROW_TOLERANCE = 24

/** Zones in reading order: top to bottom, then left to right (a band before the zones inside it). */
export function inReadingOrder<T extends BoardZone>(zones: readonly T[]): T[] {
  return [...zones].sort((a, b) => {
    if (Math.abs(a.y - b.y) > ROW_TOLERANCE) return a.y - b.y
    if (a.x !== b.x) return a.x - b.x
    return b.w * b.h - a.w * a.h
  })
}

/** The zones a participant can go to and write in, in reading order. */
export function noteZones<T extends BoardZone>(zones: readonly T[]): T[] {
  return inReadingOrder(zones.filter((zone) => NOTE_KINDS.includes(zone.kind)))
}

/** The zones the presenter view steps through, in reading order. */
export function presentedZones<T extends BoardZone>(zones: readonly T[]): T[] {
  return inReadingOrder(zones.filter((zone) => PRESENTED_KINDS.includes(zone.kind)))
}

/** The smallest zone of `zones` that contains the point, or undefined. */
export function zoneAt<T extends BoardZone>(zones: readonly T[], point: { x: number; y: number }): T | undefined {
  let best: T | undefined
  for (const zone of zones) {
    const inside = point.x >= zone.x && point.x <= zone.x + zone.w && point.y >= zone.y && point.y <= zone.y + zone.h
    if (inside && (!best || zone.w * zone.h < best.w * best.h)) best = zone
  }
  return best
}

/** The zone before (-1) or after (+1) `currentId` in `ordered`, wrapping around; the first when none is current. */
export function stepZone<T extends BoardZone>(ordered: readonly T[], currentId: string | undefined, step: -1 | 1): T | undefined {
  if (ordered.length === 0) return undefined
  const index = ordered.findIndex((zone) => zone.id === currentId)
  if (index < 0) return step === 1 ? ordered[0] : ordered[ordered.length - 1]
  return ordered[(index + step + ordered.length) % ordered.length]
}

/**
 * The zone a board opens on when the whole board would be too small to read: the one remembered
 * from this person's last visit if it still exists, else the first zone to write in.
 */
export function openingZone<T extends BoardZone>(zones: readonly T[], remembered: string | undefined): T | undefined {
  const candidates = noteZones(zones)
  return candidates.find((zone) => zone.id === remembered) ?? candidates[0]
}
