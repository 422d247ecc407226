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

  /** Takes one token; false when the bucket is empty (the caller is over its rate). */
  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000
    this.last = now
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.ratePerSecond)
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
