import { describe, expect, it } from 'vitest'
import { RateLimiter } from './RateLimiter.ts'

describe('RateLimiter', () => {
  it('allows a burst, then the sustained rate, and refills over time', () => {
    const limiter = new RateLimiter(10, 20, 0)
    let allowed = 0
    for (let i = 0; i < 100; i++) if (limiter.take(0)) allowed++
    expect(allowed).toBe(20)
    expect(limiter.take(50)).toBe(false)
    expect(limiter.take(100)).toBe(true) // 0.1 s later: one token back
    // One second of 10 messages, evenly spread, is always fine.
    const steady = new RateLimiter(10, 20, 0)
    for (let t = 0; t < 10_000; t += 100) expect(steady.take(t)).toBe(true)
  })
})
