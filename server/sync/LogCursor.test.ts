import { describe, expect, it } from 'vitest'
import { LogCursor } from './LogCursor.ts'

describe('LogCursor', () => {
  it('with a gapless sequence, sees a gap and closes it when the missing update arrives', () => {
    const cursor = new LogCursor(3, true)
    cursor.mark(5)
    expect(cursor).toMatchObject({ contiguous: 3, hasGap: true })
    expect(cursor.has(5)).toBe(true)
    expect(cursor.has(4)).toBe(false)
    cursor.mark(4)
    expect(cursor).toMatchObject({ contiguous: 5, hasGap: false })
    cursor.mark(2)
    expect(cursor.contiguous).toBe(5)
  })

  it('advances over what was read back from the store, keeping what lies beyond', () => {
    const cursor = new LogCursor(0, true)
    cursor.mark(3)
    cursor.mark(7)
    cursor.advanceTo(5)
    expect(cursor).toMatchObject({ contiguous: 5, hasGap: true })
    cursor.mark(6)
    expect(cursor).toMatchObject({ contiguous: 7, hasGap: false })
  })

  it('with a shared sequence (SQLite), takes every number as contiguous', () => {
    const cursor = new LogCursor(10, false)
    cursor.mark(40)
    expect(cursor).toMatchObject({ contiguous: 40, hasGap: false })
  })
})
