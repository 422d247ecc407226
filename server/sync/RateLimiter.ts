/**
 * A token bucket: `ratePerSecond` messages per second on average, bursts up to `burst`.
 * Time is passed in so the limiter stays a pure, testable object.
 */
export class RateLimiter {
  private tokens: number
  private last: number

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst
    this.last = now
  }

  /** Takes `count` tokens (one by default); false when there are not enough (the caller is over its rate). */
  take(now: number, count = 1): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000
    this.last = now
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.ratePerSecond)
    if (this.tokens < count) return false
    this.tokens -= count
    return true
  }
}
