import { describe, expect, it } from 'vitest'
import { timerJustEnded } from './timerSound.ts'

describe('the end of the timer', () => {
  it('is noticed once, when time left reaches zero for the same end time', () => {
    expect(timerJustEnded({ endsAt: 10, remainingMs: 200 }, { endsAt: 10, remainingMs: 0 })).toBe(true)
    expect(timerJustEnded({ endsAt: 10, remainingMs: 0 }, { endsAt: 10, remainingMs: 0 })).toBe(false)
    expect(timerJustEnded({ endsAt: 10, remainingMs: 200 }, { endsAt: 70, remainingMs: 0 })).toBe(false)
    expect(timerJustEnded(undefined, { endsAt: 10, remainingMs: 0 })).toBe(false)
  })
})
