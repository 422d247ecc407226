import { describe, expect, it } from 'vitest'
import { versionsToDrop } from './versionThinning.ts'

const MIN = 60_000
const now = Date.UTC(2026, 10, 23, 12)

describe('versionsToDrop', () => {
  it('keeps every version of the last day, one an hour for a week, one a day for 90 days, one a week after', () => {
    const versions = []
    // Every 5 minutes for 200 days of (very long) activity.
    for (let t = now - 200 * 24 * 60 * MIN; t <= now; t += 5 * MIN) versions.push({ id: String(t), createdAt: t, kind: 'auto' as const, label: null })
    const drop = new Set(versionsToDrop(versions, now))
    const kept = versions.filter((v) => !drop.has(v.id))
    const ageDays = (v: { createdAt: number }) => (now - v.createdAt) / (24 * 60 * MIN)
    expect(kept.filter((v) => ageDays(v) < 1)).toHaveLength(versions.filter((v) => ageDays(v) < 1).length)
    expect(kept.filter((v) => ageDays(v) >= 1 && ageDays(v) < 7).length).toBeLessThanOrEqual(6 * 24 + 1)
    expect(kept.filter((v) => ageDays(v) >= 7 && ageDays(v) < 90).length).toBeLessThanOrEqual(84)
    expect(kept.length).toBeLessThan(700)
    expect(kept.length).toBeGreaterThan(400)
  })

  it('never drops saved, named or before-restore versions', () => {
    const old = now - 100 * 24 * 60 * MIN
    const versions = [
      { id: 'a', createdAt: old, kind: 'manual' as const, label: null },
      { id: 'b', createdAt: old + 1, kind: 'restore' as const, label: null },
      { id: 'c', createdAt: old + 2, kind: 'auto' as const, label: 'after the first workshop' },
      { id: 'd', createdAt: old + 3, kind: 'auto' as const, label: null },
      { id: 'e', createdAt: old + 4, kind: 'auto' as const, label: null },
    ]
    expect(versionsToDrop(versions, now)).toEqual(['d'])
  })
})
