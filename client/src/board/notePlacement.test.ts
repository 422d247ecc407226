import { describe, expect, it } from 'vitest'
import { rectsOverlap } from '../../../shared/templates/templateSchema.ts'
import { freeSpot, keepInside, MIN_FIT_SCALE, readingOrder, tidyPositions, writableArea } from './notePlacement.ts'

const note = (x: number, y: number, h = 200) => ({ x, y, w: 200, h })

describe('writableArea', () => {
  it('is the zone below its text, inside its padding', () => {
    expect(writableArea({ x: 0, y: 0, w: 600, h: 500 }, 100, 24)).toEqual({ x: 24, y: 112, w: 552, h: 364 })
  })
})

describe('freeSpot', () => {
  const area = { x: 0, y: 0, w: 680, h: 680 }

  it('takes the first free slot in reading order', () => {
    expect(freeSpot(area, [], { w: 200, h: 200 })).toEqual({ x: 0, y: 0 })
    expect(freeSpot(area, [note(0, 0)], { w: 200, h: 200 })).toEqual({ x: 216, y: 0 })
  })

  it('given a drop point, takes the free slot nearest to it', () => {
    // Dropped onto the note at (216, 216): the nearest free slot is beside it, not the first one.
    expect(freeSpot(area, [note(0, 0), note(216, 216)], { w: 200, h: 200 }, { near: { x: 320, y: 330 } })).toEqual({ x: 216, y: 432 })
  })

  it('finds room between notes placed by hand, and never overlaps them', () => {
    const occupied = [note(100, 0), note(0, 250), note(400, 300)]
    const spot = freeSpot({ x: 0, y: 0, w: 700, h: 520 }, occupied, { w: 200, h: 200 })
    expect(spot).toBeDefined()
    for (const o of occupied) expect(rectsOverlap({ ...spot!, w: 200, h: 200 }, o)).toBe(false)
  })

  it('says when the area is full', () => {
    expect(freeSpot({ x: 0, y: 0, w: 250, h: 250 }, [note(0, 0)], { w: 200, h: 200 })).toBeUndefined()
  })
})

describe('tidyPositions', () => {
  it('arranges notes in a grid from the top-left, rows as tall as their tallest note', () => {
    const notes = [
      { id: 'a', w: 200, h: 200 },
      { id: 'b', w: 200, h: 320 },
      { id: 'c', w: 200, h: 200 },
      { id: 'd', w: 200, h: 200 },
    ]
    const positions = tidyPositions({ x: 10, y: 20, w: 640, h: 1000 }, notes)
    expect(Object.fromEntries(positions)).toEqual({
      a: { x: 10, y: 20 },
      b: { x: 226, y: 20 },
      c: { x: 442, y: 20 },
      d: { x: 10, y: 20 + 320 + 16 },
    })
  })

  it('keeps one column in a narrow zone', () => {
    const positions = tidyPositions({ x: 0, y: 0, w: 100, h: 1000 }, [{ id: 'a', w: 200, h: 200 }, { id: 'b', w: 200, h: 200 }])
    expect(positions.get('b')).toEqual({ x: 0, y: 216 })
  })
})

describe('readingOrder', () => {
  it('sorts notes by rows, then left to right', () => {
    const sorted = readingOrder([{ ...note(300, 10), id: 'b' }, { ...note(0, 30), id: 'a' }, { ...note(0, 400), id: 'c' }])
    expect(sorted.map((n) => n.id)).toEqual(['a', 'b', 'c'])
  })
})

describe('keepInside', () => {
  const area = { x: 0, y: 100, w: 600, h: 400 }
  it('moves a note that grew below the zone back up', () => {
    expect(keepInside(area, { ...note(0, 300, 320), scale: 1 })).toEqual({ y: 180, scale: 1 })
  })
  it('makes a note taller than the zone smaller, down to a readable minimum', () => {
    expect(keepInside(area, { ...note(0, 300, 500), scale: 1 })).toEqual({ y: 100, scale: 0.8 })
    expect(keepInside(area, { ...note(0, 300, 1000), scale: 1 })).toEqual({ y: 100, scale: MIN_FIT_SCALE })
  })
  it('leaves a note that fits alone', () => {
    expect(keepInside(area, { ...note(0, 120), scale: 1 })).toBeUndefined()
  })
})
