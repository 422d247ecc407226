import type { StoredVersion } from '../store/VersionStore.ts'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

/**
 * Automatic versions to drop so that a board's history stays small for years while keeping what
 * matters (pure): every version of the last day; one per hour for a week; one per day for 90
 * days; one per week after that. Versions a facilitator saved or named, and those kept before a
 * restore, are never dropped. Within a bucket the newest version stays.
 */
export function versionsToDrop(versions: readonly Pick<StoredVersion, 'id' | 'createdAt' | 'kind' | 'label'>[], now: number): string[] {
  const kept = new Set<string>()
  const drop: string[] = []
  for (const version of [...versions].sort((a, b) => b.createdAt - a.createdAt)) {
    if (version.kind !== 'auto' || version.label) continue
    const age = now - version.createdAt
    if (age < DAY) continue
    const bucket = age < 7 * DAY ? 'h' + Math.floor(version.createdAt / HOUR) : age < 90 * DAY ? 'd' + Math.floor(version.createdAt / DAY) : 'w' + Math.floor(version.createdAt / (7 * DAY))
    if (kept.has(bucket)) drop.push(version.id)
    else kept.add(bucket)
  }
  return drop
}
