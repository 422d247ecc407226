import type { Role } from '../../../shared/roles.ts'
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import { awarenessUserSchema } from '../../../shared/tldrawYjs/awarenessState.ts'

/** Someone on the board, as the participant list shows them. */
export interface Participant {
  clientId: number
  userId: string
  name: string
  group: StakeholderGroup
  isSelf: boolean
  /** The role of the link they opened the board with (undefined from older clients). */
  role?: Role
}

/**
 * Reads a participant from one awareness state. `bindPresence` writes `{ user: { id, name, color,
 * group } }` (shared/tldrawYjs/awarenessState.ts); states from older or foreign clients that do
 * not match are skipped rather than shown as blanks.
 */
export function participantFromAwareness(
  clientId: number,
  state: Record<string, unknown>,
  localClientId: number,
): Participant | undefined {
  const user = awarenessUserSchema.safeParse(state.user)
  if (!user.success) return undefined
  const { id, name, group, role } = user.data
  return { clientId, userId: id, name, group, isSelf: clientId === localClientId, ...(role ? { role } : {}) }
}

/**
 * Groups participants by stakeholder group in the canonical group order, each group sorted by
 * name. One person with two tabs open appears once (same user id).
 */
export function groupParticipants(
  participants: readonly Participant[],
): { group: StakeholderGroup; members: Participant[] }[] {
  const byUser = new Map<string, Participant>()
  for (const participant of participants) {
    const existing = byUser.get(participant.userId)
    if (!existing || participant.isSelf) byUser.set(participant.userId, participant)
  }
  const unique = [...byUser.values()]
  return STAKEHOLDER_GROUPS.map((group) => ({
    group,
    members: unique
      .filter((participant) => participant.group === group)
      .sort((a, b) => (a.isSelf === b.isSelf ? a.name.localeCompare(b.name) : a.isSelf ? -1 : 1)),
  })).filter((entry) => entry.members.length > 0)
}

/**
 * Separates observers (who only watch) from the people taking part: the list shows the latter by
 * group and counts the former. One observer with two tabs counts once; older clients that do not
 * say their role are taken part.
 */
export function withoutObservers(participants: readonly Participant[]): { people: Participant[]; observers: number } {
  const observerIds = new Set(participants.filter((p) => p.role === 'observer').map((p) => p.userId))
  return { people: participants.filter((p) => p.role !== 'observer'), observers: observerIds.size }
}
