/** One round trip to the server's clock: when we asked, what it said, when the answer came. */
export interface ClockSample {
  sentAt: number
  serverNow: number
  receivedAt: number
}

/**
 * How far the server's clock is ahead of ours, from a few round trips (pure): the sample with
 * the shortest round trip is the most precise, and the server read its clock about half-way
 * through it. A device whose clock is minutes off still agrees with everyone on the timer.
 */
export function clockOffset(samples: readonly ClockSample[]): number {
  if (samples.length === 0) return 0
  const best = [...samples].sort((a, b) => a.receivedAt - a.sentAt - (b.receivedAt - b.sentAt))[0]
  return best.serverNow - (best.sentAt + (best.receivedAt - best.sentAt) / 2)
}
