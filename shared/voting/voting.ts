import { z } from 'zod'
import { STAKEHOLDER_GROUPS, stakeholderGroupSchema, type StakeholderGroup } from '../stakeholderGroups.ts'

/*
 * Dot voting, as pure rules. The server holds the ballots while a vote runs (they are in no
 * shared document and reach no other client); when the facilitator closes it, the server tallies
 * them and writes only the results into the board's `votes` root, which no client may write.
 */

/** A group's figures are hidden when fewer than this many of its members voted. */
export const MIN_GROUP_VOTERS = 3

/** How a vote runs, as the facilitator sets it up. */
export const voteConfigSchema = z.strictObject({
  /** Zones whose notes can be voted on; empty: every note on the board. */
  zones: z.array(z.string().max(200)).max(100).default([]),
  perPerson: z.number().int().min(1).max(50).default(5),
  perNote: z.number().int().min(1).max(50).default(3),
  /** Minutes until the vote closes by itself; null: when the facilitator closes it. */
  minutes: z.number().int().min(1).max(24 * 60).nullable().default(null),
  /** Whether the results show each stakeholder group's dots. */
  byGroup: z.boolean().default(true),
})
export type VoteConfig = z.output<typeof voteConfigSchema>

/** One person's dots: note id -> how many. */
export const ballotSchema = z.strictObject({
  dots: z.record(z.string().max(200), z.number().int().min(1).max(50)),
  group: stakeholderGroupSchema,
})
export type Ballot = z.infer<typeof ballotSchema>

/** Why a ballot cannot be accepted, or undefined when it can. */
export function ballotProblem(ballot: Ballot, config: VoteConfig, eligibleNotes: ReadonlySet<string>): string | undefined {
  let total = 0
  for (const [noteId, count] of Object.entries(ballot.dots)) {
    if (!eligibleNotes.has(noteId)) return `note "${noteId.slice(0, 80)}" is not part of this vote`
    if (count > config.perNote) return `at most ${config.perNote} dots per note`
    total += count
  }
  if (total > config.perPerson) return `at most ${config.perPerson} dots per person; this ballot has ${total}`
  return undefined
}

/** A vote as the board shows it (the server writes it into the `votes` root). */
export const voteRecordSchema = z.object({
  id: z.string(),
  status: z.enum(['open', 'closed']),
  config: voteConfigSchema,
  startedAt: z.number(),
  /** Server time at which the vote closes by itself, or null. */
  endsAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  results: z
    .object({
      voters: z.number(),
      dots: z.number(),
      /** Voters per group; null where fewer than MIN_GROUP_VOTERS voted (their figures hidden). */
      votersByGroup: z.record(z.string(), z.number().nullable()),
      /** Per note: its total, and when shown, its dots per group (suppressed groups left out). */
      notes: z.record(z.string(), z.object({ total: z.number(), byGroup: z.record(z.string(), z.number()).optional() })),
      /** Per zone ('' for notes outside every zone): note ids, most dots first. */
      ranked: z.record(z.string(), z.array(z.string())),
    })
    .nullable(),
})
export type VoteRecord = z.infer<typeof voteRecordSchema>
export type VoteResults = NonNullable<VoteRecord['results']>

/**
 * Tallies the ballots of a vote (pure). Groups with fewer than MIN_GROUP_VOTERS voters keep their
 * dots in the totals but have their own figures hidden, so that nobody's vote can be inferred.
 */
export function tally(
  config: VoteConfig,
  ballots: ReadonlyArray<Pick<Ballot, 'dots' | 'group'>>,
  zoneOfNote: ReadonlyMap<string, string | null>,
): VoteResults {
  const votersByGroup = new Map<StakeholderGroup, number>()
  for (const ballot of ballots) {
    if (Object.keys(ballot.dots).length === 0) continue
    votersByGroup.set(ballot.group, (votersByGroup.get(ballot.group) ?? 0) + 1)
  }
  const shownGroups = new Set([...votersByGroup].filter(([, n]) => n >= MIN_GROUP_VOTERS).map(([g]) => g))
  const notes: VoteResults['notes'] = {}
  let dots = 0
  for (const ballot of ballots) {
    for (const [noteId, count] of Object.entries(ballot.dots)) {
      if (!zoneOfNote.has(noteId)) continue // a note deleted since the dot was placed
      const entry = (notes[noteId] ??= config.byGroup ? { total: 0, byGroup: {} } : { total: 0 })
      entry.total += count
      dots += count
      if (entry.byGroup && shownGroups.has(ballot.group)) entry.byGroup[ballot.group] = (entry.byGroup[ballot.group] ?? 0) + count
    }
  }
  const ranked: VoteResults['ranked'] = {}
  for (const [noteId, zone] of zoneOfNote) {
    if (!notes[noteId]) continue
    ;(ranked[zone ?? ''] ??= []).push(noteId)
  }
  for (const list of Object.values(ranked)) list.sort((a, b) => notes[b].total - notes[a].total || (a < b ? -1 : 1))
  const voters = [...votersByGroup.values()].reduce((sum, n) => sum + n, 0)
  const byGroup: Record<string, number | null> = {}
  for (const group of STAKEHOLDER_GROUPS) {
    const n = votersByGroup.get(group)
    if (n !== undefined) byGroup[group] = config.byGroup && n >= MIN_GROUP_VOTERS ? n : null
  }
  return { voters, dots, votersByGroup: byGroup, notes, ranked }
}
