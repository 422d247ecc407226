import { describe, expect, it } from 'vitest'
import { nextFocus, shouldFollow, steppedAway } from './focus.ts'

describe('summon and spotlight requests', () => {
  it('are numbered one after another and never have an empty size', () => {
    const first = nextFocus(null, 'summon', { x: 1, y: 2, w: 0, h: 40 }, 500)
    expect(first).toEqual({ seq: 1, kind: 'summon', bounds: { x: 1, y: 2, w: 1, h: 40 }, at: 500 })
    expect(nextFocus(first, 'spotlight', { x: 0, y: 0, w: 10, h: 10 }, 600, 'ideas')).toMatchObject({ seq: 2, zoneId: 'ideas' })
  })

  it('move a participant once per number', () => {
    const focus = nextFocus(null, 'summon', { x: 0, y: 0, w: 10, h: 10 }, 1_000)
    expect(shouldFollow(focus, 0, 2_000)).toBe(true)
    expect(shouldFollow(focus, 1, 2_000)).toBe(false)
    expect(shouldFollow(null, 0, 2_000)).toBe(false)
  })

  it('on opening the page, follow only a recent request', () => {
    const focus = nextFocus(null, 'spotlight', { x: 0, y: 0, w: 10, h: 10 }, 1_000)
    expect(shouldFollow(focus, undefined, 1_000 + 60_000)).toBe(true)
    expect(shouldFollow(focus, undefined, 1_000 + 60 * 60_000)).toBe(false)
  })

  it('count a participant as away once the middle of their screen leaves the request’s bounds', () => {
    const focus = nextFocus(null, 'spotlight', { x: 100, y: 100, w: 400, h: 300 }, 1_000, 'ideas')
    expect(steppedAway(focus, { x: 300, y: 250 })).toBe(false)
    expect(steppedAway(focus, { x: 100, y: 400 })).toBe(false)
    expect(steppedAway(focus, { x: 99, y: 250 })).toBe(true)
    expect(steppedAway(focus, { x: 300, y: 401 })).toBe(true)
    expect(steppedAway(undefined, { x: 0, y: 0 })).toBe(false)
  })
})
