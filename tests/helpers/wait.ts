/** Polls `condition` until it returns a truthy value or `timeoutMs` passes; no fixed sleeps. */
export async function waitFor<T>(condition: () => T | Promise<T>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await condition()
      if (value) return value
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** JSON with object keys sorted: Y.Map iteration order differs between replicas, content does not. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/**
 * Waits until `measure()` reaches `target`, for as long as it keeps growing: fails only when it
 * made no progress for `stallMs`. For waits whose length depends on how loaded the machine is
 * (a burst of thousands of updates), where a fixed deadline is a guess that a busy CI loses.
 */
export async function waitForProgress(measure: () => number, target: number, options: { stallMs?: number; what?: string } = {}): Promise<number> {
  const stallMs = options.stallMs ?? 15_000
  let best = measure()
  let lastProgress = Date.now()
  while (best < target) {
    if (Date.now() - lastProgress > stallMs) {
      throw new Error(`no progress for ${stallMs} ms waiting for ${options.what ?? 'progress'}: at ${best} of ${target}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
    const now = measure()
    if (now > best) {
      best = now
      lastProgress = Date.now()
    }
  }
  return best
}
