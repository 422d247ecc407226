import { useEffect, useMemo, useState } from 'react'
import { serverTimeSchema } from '../../../shared/api/config.ts'
import { clockOffset, type ClockSample } from '../../../shared/session/serverClock.ts'

/** The server's clock as this device sees it: `now()` in server milliseconds since the epoch. */
export interface ServerClock {
  now: () => number
  /** Whether the offset has been measured (before that, the device's own clock is used). */
  measured: boolean
}

const SAMPLES = 4

async function sample(): Promise<ClockSample> {
  const sentAt = Date.now()
  const response = await fetch('/api/time', { cache: 'no-store' })
  const body = serverTimeSchema.parse(await response.json())
  return { sentAt, serverNow: body.now, receivedAt: Date.now() }
}

/**
 * Measures how far the server's clock is from this device's (a few GET /api/time round trips, the
 * shortest wins; again every 10 minutes), so every timer computation uses server time. A device
 * whose clock is wrong still shows the same remaining time as everyone else.
 */
export function useServerClock(): ServerClock {
  const [offset, setOffset] = useState<number>()
  useEffect(() => {
    let current = true
    const measure = async () => {
      const samples: ClockSample[] = []
      for (let i = 0; i < SAMPLES; i++) {
        try {
          samples.push(await sample())
        } catch {
          // Offline or a hiccup: the samples we have are enough.
        }
      }
      if (current && samples.length > 0) setOffset(clockOffset(samples))
    }
    void measure()
    const again = setInterval(() => void measure(), 10 * 60_000)
    return () => {
      current = false
      clearInterval(again)
    }
  }, [])
  return useMemo(() => ({ now: () => Date.now() + (offset ?? 0), measured: offset !== undefined }), [offset])
}
