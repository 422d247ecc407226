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
      /** All dots cast; null when the figures are withheld (fewer than MIN_GROUP_VOTERS people voted). */
      dots: z.number().nullable(),
      /** Voters per group; null where fewer than MIN_GROUP_VOTERS voted (their figures hidden). */
      votersByGroup: z.record(z.string(), z.number().nullable()),
      /**
       * Groups of MIN_GROUP_VOTERS or more whose dots are counted with the small groups' under
       * "other groups": shown on their own, they would let the small groups' dots be worked out.
       */
      mergedGroups: z.array(z.string()).optional(),
      /**
       * Per note: its total, and when shown, its dots per group (suppressed groups left out) and
       * the dots of the small and merged groups together (`otherGroups`, from MIN_GROUP_VOTERS or more people).
       */
      notes: z.record(z.string(), z.object({ total: z.number(), byGroup: z.record(z.string(), z.number()).optional(), otherGroups: z.number().optional() })),
      /** Per zone ('' for notes outside every zone): note ids, most dots first. */
      ranked: z.record(z.string(), z.array(z.string())),
      /** 'too-few-voters': fewer than MIN_GROUP_VOTERS people voted, so no per-note figure is published. */
      withheld: z.literal('too-few-voters').optional(),
    })
    .nullable(),
})
export type VoteRecord = z.infer<typeof voteRecordSchema>
export type VoteResults = NonNullable<VoteRecord['results']>

/**
 * Which groups' dots a tally shows on their own (pure). A group with fewer than MIN_GROUP_VOTERS
 * voters is hidden; and since a note's total minus the shown groups' dots is the hidden voters'
 * dots, the hidden groups together must hold MIN_GROUP_VOTERS voters or more (secondary
 * suppression): while they hold 1 or 2, the smallest shown group is hidden too.
 */
export function shownGroups(votersByGroup: ReadonlyMap<StakeholderGroup, number>): { shown: Set<StakeholderGroup>; merged: StakeholderGroup[] } {
  const shown = new Set([...votersByGroup].filter(([, n]) => n >= MIN_GROUP_VOTERS).map(([g]) => g))
  const merged: StakeholderGroup[] = []
  let hidden = [...votersByGroup].filter(([g]) => !shown.has(g)).reduce((sum, [, n]) => sum + n, 0)
  while (hidden > 0 && hidden < MIN_GROUP_VOTERS && shown.size > 0) {
    // The smallest shown group (the later one in the standard order on a tie) joins the hidden ones.
    const smallest = [...shown].sort((a, b) => votersByGroup.get(a)! - votersByGroup.get(b)! || STAKEHOLDER_GROUPS.indexOf(b) - STAKEHOLDER_GROUPS.indexOf(a))[0]
    shown.delete(smallest)
    merged.push(smallest)
    hidden += votersByGroup.get(smallest)!
  }
  return { shown, merged }
}

/**
 * Tallies the ballots of a vote (pure). No published figure lets anyone work out the dots of
 * fewer than MIN_GROUP_VOTERS people: when fewer voted, only how many did is published; groups
 * with fewer voters keep their dots in the totals but have their own figures hidden, and the
 * hidden groups together always hold MIN_GROUP_VOTERS voters or more (see shownGroups).
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
  const voters = [...votersByGroup.values()].reduce((sum, n) => sum + n, 0)
  const { shown, merged } = config.byGroup ? shownGroups(votersByGroup) : { shown: new Set<StakeholderGroup>(), merged: [] }
  const byGroup: Record<string, number | null> = {}
  for (const group of STAKEHOLDER_GROUPS) {
    const n = votersByGroup.get(group)
    if (n !== undefined) byGroup[group] = config.byGroup && n >= MIN_GROUP_VOTERS ? n : null
  }
  if (voters < MIN_GROUP_VOTERS) {
    return { voters, dots: null, votersByGroup: byGroup, notes: {}, ranked: {}, ...(voters > 0 ? { withheld: 'too-few-voters' as const } : {}) }
  }
  const someHidden = config.byGroup && [...votersByGroup.keys()].some((g) => !shown.has(g))
  const notes: VoteResults['notes'] = {}
  let dots = 0
  for (const ballot of ballots) {
    for (const [noteId, count] of Object.entries(ballot.dots)) {
      if (!zoneOfNote.has(noteId)) continue // a note deleted since the dot was placed
      const entry = (notes[noteId] ??= config.byGroup ? { total: 0, byGroup: {}, ...(someHidden ? { otherGroups: 0 } : {}) } : { total: 0 })
      entry.total += count
      dots += count
      if (!entry.byGroup) continue
      if (shown.has(ballot.group)) entry.byGroup[ballot.group] = (entry.byGroup[ballot.group] ?? 0) + count
      else entry.otherGroups = (entry.otherGroups ?? 0) + count
    }
  }
  const ranked: VoteResults['ranked'] = {}
  for (const [noteId, zone] of zoneOfNote) {
    if (!notes[noteId]) continue
    ;(ranked[zone ?? ''] ??= []).push(noteId)
  }
  for (const list of Object.values(ranked)) list.sort((a, b) => notes[b].total - notes[a].total || (a < b ? -1 : 1))
  return { voters, dots, votersByGroup: byGroup, ...(merged.length > 0 ? { mergedGroups: merged } : {}), notes, ranked }
}
