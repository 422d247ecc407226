import { z } from 'zod'
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import { awarenessUserSchema } from '../../../shared/tldrawYjs/awarenessState.ts'
import type { ReadyCheck } from '../../../shared/session/sessionState.ts'

/*
 * The ready check's answers travel in presence (awareness): each participant's state carries
 * `ready: { checkId, done }`. Nothing about who answered is stored; the facilitator's screen
 * counts the answers it sees, by stakeholder group.
 */

/** A participant's answer, in their awareness state under `ready`. */
export const readyAnswerSchema = z.object({ checkId: z.string().min(1).max(64), done: z.boolean() })
export type ReadyAnswer = z.infer<typeof readyAnswerSchema>

/** The awareness field the answer is kept in. */
export const READY_FIELD = 'ready'

/** How many participants are done, in all and per stakeholder group. */
export interface ReadyTally {
  done: number
  total: number
  groups: { group: StakeholderGroup; done: number; total: number }[]
}

/**
 * Counts the answers to check `checkId` among awareness states. Only participants count (not
 * facilitators, observers or clients that say no role); one person with two tabs counts once,
 * done if either tab says so.
 */
export function tallyReady(states: Iterable<[number, unknown]>, checkId: string): ReadyTally {
  const people = new Map<string, { group: StakeholderGroup; done: boolean }>()
  for (const [, state] of states) {
    if (!state || typeof state !== 'object') continue
    const user = awarenessUserSchema.safeParse((state as Record<string, unknown>).user)
    if (!user.success || user.data.role !== 'participant') continue
    const answer = readyAnswerSchema.safeParse((state as Record<string, unknown>)[READY_FIELD])
    const done = answer.success && answer.data.checkId === checkId && answer.data.done
    const known = people.get(user.data.id)
    people.set(user.data.id, { group: user.data.group, done: done || (known?.done ?? false) })
  }
  const all = [...people.values()]
  return {
    done: all.filter((person) => person.done).length,
    total: all.length,
    groups: STAKEHOLDER_GROUPS.map((group) => {
      const members = all.filter((person) => person.group === group)
      return { group, done: members.filter((person) => person.done).length, total: members.length }
    }).filter((entry) => entry.total > 0),
  }
}

/** A new, open ready check (its id unique enough: the server time and a random suffix). */
export function openReadyCheck(now: number, random: () => number): ReadyCheck {
  return { id: `${Math.round(now).toString(36)}-${Math.floor(random() * 1e9).toString(36)}`, open: true, startedAt: now }
}

/** Whether this participant has answered "done" to the open check. */
export function isDone(answer: unknown, check: ReadyCheck | null): boolean {
  if (!check?.open) return false
  const parsed = readyAnswerSchema.safeParse(answer)
  return parsed.success && parsed.data.checkId === check.id && parsed.data.done
}
