import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import type { IntendedInvolvement } from '../../../shared/session/sessionState.ts'

/** One stakeholder group's row of the participation panel. */
export interface ParticipationRow {
  group: StakeholderGroup
  intended: IntendedInvolvement | undefined
  /** People here now (presence). */
  present: number
  /** People who took part at some point (the server's attendance root). */
  tookPart: number
  notes: number
  /** Voters in the current or last vote (null: fewer than 3, hidden in the results). */
  voters: number | null
  /** Expected (suggested or intended) but nobody has joined. */
  missing: boolean
}

/** The facts the panel is built from. */
export interface ParticipationFacts {
  suggested: readonly StakeholderGroup[]
  intended: Partial<Record<StakeholderGroup, IntendedInvolvement>>
  presentGroups: readonly StakeholderGroup[]
  attendanceGroups: readonly StakeholderGroup[]
  noteGroups: readonly StakeholderGroup[]
  votersByGroup: Partial<Record<StakeholderGroup, number | null>>
  /** Every group, also those nobody expected or saw (so the facilitator can state an intention). */
  allGroups?: boolean
}

function countBy(groups: readonly StakeholderGroup[]): Map<StakeholderGroup, number> {
  const counts = new Map<StakeholderGroup, number>()
  for (const group of groups) counts.set(group, (counts.get(group) ?? 0) + 1)
  return counts
}

/**
 * Intended against actual involvement, per stakeholder group (pure): every group that was
 * suggested, intended, present or active, in the standard order; a group expected but absent is
 * marked missing.
 */
export function participationRows(facts: ParticipationFacts): ParticipationRow[] {
  const present = countBy(facts.presentGroups)
  const tookPart = countBy(facts.attendanceGroups)
  const notes = countBy(facts.noteGroups)
  const expected = new Set<StakeholderGroup>([
    ...facts.suggested,
    ...(Object.entries(facts.intended) as [StakeholderGroup, IntendedInvolvement][]).filter(([, i]) => i.people !== 0).map(([g]) => g),
  ])
  const shown = new Set<StakeholderGroup>([...expected, ...present.keys(), ...tookPart.keys(), ...notes.keys()])
  return STAKEHOLDER_GROUPS.filter((group) => facts.allGroups || shown.has(group)).map((group) => ({
    group,
    intended: facts.intended[group],
    present: present.get(group) ?? 0,
    tookPart: Math.max(tookPart.get(group) ?? 0, present.get(group) ?? 0),
    notes: notes.get(group) ?? 0,
    voters: facts.votersByGroup[group] === undefined ? 0 : (facts.votersByGroup[group] ?? null),
    missing: expected.has(group) && (present.get(group) ?? 0) === 0 && (tookPart.get(group) ?? 0) === 0,
  }))
}

/**
 * The groups present now with only one or two people (pure). On an anonymous board their group
 * label points at them: the facilitator is warned.
 */
export function identifiableGroups(rows: readonly ParticipationRow[]): ParticipationRow[] {
  return rows.filter((row) => row.present > 0 && row.present < 3)
}
