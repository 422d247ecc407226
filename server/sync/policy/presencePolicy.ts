import type { Role } from '../../../shared/roles.ts'

/**
 * What the server vouches for in a presence state before relaying it: `user.role` is the role of
 * the link the connection opened (a participant cannot show as facilitator, an observer cannot
 * answer a ready check), and every state of one connection names the same `user.id` — the first
 * it announced — so one connection counts as one person (participant list, ready check).
 * States without a `user` object claim nothing and pass unchanged.
 */
export function presenceWithLinkFacts(
  state: Record<string, unknown>,
  facts: { role: Role; userId: string | undefined },
): { state: Record<string, unknown>; userId: string | undefined } {
  const user = state.user
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return { state, userId: facts.userId }
  const claimed = (user as { id?: unknown }).id
  const userId = facts.userId ?? (typeof claimed === 'string' ? claimed : undefined)
  const vouched = { ...(user as Record<string, unknown>), role: facts.role, ...(userId !== undefined && typeof claimed === 'string' ? { id: userId } : {}) }
  return { state: { ...state, user: vouched }, userId }
}
