import { describe, expect, it } from 'vitest'
import { EarlyUpdates } from './EarlyUpdates.ts'

const bytes = (n: number) => new Uint8Array(n)

describe('EarlyUpdates', () => {
  it('hands back an update by its sequence number once, and forgets those the doc has', () => {
    const early = new EarlyUpdates(100)
    early.add(5, bytes(10))
    early.add(7, bytes(10))
    expect(early.take(6)).toBeUndefined()
    expect(early.take(5)).toHaveLength(10)
    expect(early.take(5)).toBeUndefined()
    early.dropUpTo(7)
    expect(early.size).toBe(0)
  })

  it('drops everything past its cap (the store still has it all)', () => {
    const early = new EarlyUpdates(25)
    expect(early.add(2, bytes(10))).toBe(true)
    expect(early.add(3, bytes(10))).toBe(true)
    expect(early.add(4, bytes(10))).toBe(false)
    expect(early.size).toBe(0)
    expect(early.add(4, bytes(10))).toBe(true)
  })
})
