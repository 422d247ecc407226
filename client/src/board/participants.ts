import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import { awarenessUserSchema } from '../../../shared/tldrawYjs/awarenessState.ts'

/** Someone on the board, as the participant list shows them. */
export interface Participant {
  clientId: number
  userId: string
  name: string
  group: StakeholderGroup
  isSelf: boolean
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
  const { id, name, group } = user.data
  return { clientId, userId: id, name, group, isSelf: clientId === localClientId }
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
