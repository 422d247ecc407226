import type { VoteConfig, VoteRecord } from '../../../shared/voting/voting.ts'

/*
 * A voter's dots, as pure functions: what one tap does, and how many are left. The server checks
 * the same limits again (shared/voting/voting.ts ballotProblem) — these only keep an honest voter
 * from sending a ballot it would refuse.
 */

export type Dots = Readonly<Record<string, number>>

/** Dots placed in all. */
export function dotsUsed(dots: Dots): number {
  return Object.values(dots).reduce((sum, n) => sum + n, 0)
}

/** Dots still to place. */
export function dotsLeft(dots: Dots, config: Pick<VoteConfig, 'perPerson'>): number {
  return Math.max(0, config.perPerson - dotsUsed(dots))
}

/** Whether one more dot may go on a note. */
export function canPlace(dots: Dots, noteId: string, config: Pick<VoteConfig, 'perPerson' | 'perNote'>): boolean {
  return dotsLeft(dots, config) > 0 && (dots[noteId] ?? 0) < config.perNote
}

/** The ballot after placing one dot on a note (unchanged when not allowed). */
export function placeDot(dots: Dots, noteId: string, config: Pick<VoteConfig, 'perPerson' | 'perNote'>): Dots {
  return canPlace(dots, noteId, config) ? { ...dots, [noteId]: (dots[noteId] ?? 0) + 1 } : dots
}

/** The ballot after taking one dot back from a note. */
export function removeDot(dots: Dots, noteId: string): Dots {
  const current = dots[noteId] ?? 0
  if (current === 0) return dots
  const next = { ...dots }
  if (current === 1) delete next[noteId]
  else next[noteId] = current - 1
  return next
}

/** The vote a board shows: the open one, else the most recently closed one. */
export function currentVote(votes: readonly VoteRecord[]): VoteRecord | undefined {
  const open = votes.find((vote) => vote.status === 'open')
  if (open) return open
  return [...votes].filter((vote) => vote.status === 'closed').sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0))[0]
}
