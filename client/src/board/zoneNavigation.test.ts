import { describe, expect, it } from 'vitest'
import type { BoardZone } from '../templates/zoneEditing.ts'
import { inReadingOrder, noteZones, openingZone, presentedZones, stepZone, zoneAt } from './zoneNavigation.ts'

const zone = (id: string, kind: BoardZone['kind'], x: number, y: number, w = 100, h = 100): BoardZone => ({
  id,
  shapeId: `shape:t/zone/${id}` as BoardZone['shapeId'],
  kind,
  label: id,
  x,
  y,
  w,
  h,
})

// A 2 × 2 grid with headers, a note zone above it and a reference panel beside it.
const zones = [
  zone('cell-b2', 'cell', 220, 270),
  zone('top', 'zone', 0, 0, 320, 90),
  zone('col-a', 'column-header', 110, 100, 100, 50),
  zone('row-1', 'row-header', 0, 110),
  zone('cell-a1', 'cell', 110, 160),
  zone('cell-b1', 'cell', 220, 160),
  zone('cell-a2', 'cell', 110, 270),
  zone('notes', 'reference', 400, 0, 100, 400),
]

describe('zone navigation', () => {
  it('orders zones for reading: rows top to bottom, each left to right', () => {
    expect(inReadingOrder(zones).map((z) => z.id)).toEqual(['top', 'notes', 'row-1', 'col-a', 'cell-a1', 'cell-b1', 'cell-a2', 'cell-b2'])
  })

  it('lists only zones that hold notes for writing, and skips headers when presenting', () => {
    expect(noteZones(zones).map((z) => z.id)).toEqual(['top', 'cell-a1', 'cell-b1', 'cell-a2', 'cell-b2'])
    expect(presentedZones(zones).map((z) => z.id)).toEqual(['top', 'notes', 'cell-a1', 'cell-b1', 'cell-a2', 'cell-b2'])
  })

  it('finds the innermost zone at a point', () => {
    const band = zone('band', 'band', 0, 0, 1000, 1000)
    expect(zoneAt([band, ...zones], { x: 150, y: 200 })?.id).toBe('cell-a1')
    expect(zoneAt([band, ...zones], { x: 700, y: 700 })?.id).toBe('band')
    expect(zoneAt(zones, { x: 700, y: 700 })).toBeUndefined()
  })

  it('steps to the next and previous zone, wrapping around', () => {
    const ordered = noteZones(zones)
    expect(stepZone(ordered, 'top', 1)?.id).toBe('cell-a1')
    expect(stepZone(ordered, 'top', -1)?.id).toBe('cell-b2')
    expect(stepZone(ordered, 'cell-b2', 1)?.id).toBe('top')
    expect(stepZone(ordered, undefined, 1)?.id).toBe('top')
    expect(stepZone([], undefined, 1)).toBeUndefined()
  })

  it('opens on the remembered zone, else the first zone to write in', () => {
    expect(openingZone(zones, 'cell-b1')?.id).toBe('cell-b1')
    expect(openingZone(zones, 'gone')?.id).toBe('top')
    expect(openingZone(zones, 'row-1')?.id).toBe('top')
    expect(openingZone([], undefined)).toBeUndefined()
  })
})
