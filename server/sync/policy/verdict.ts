import type * as Y from 'yjs'
import type { BoardSettings } from '../../../shared/boardDoc.ts'
import type { Role } from '../../../shared/roles.ts'
import { structKey } from '../../../shared/yjsUpdates.ts'
import type { Effect } from '../effects.ts'

/** Who is changing the board, and the board as it is before the change. */
export interface PolicyContext {
  role: Role
  /** The sender's pseudonymous author id on this board, when its client sent an author secret. */
  authorId: string | undefined
  doc: Y.Doc
  settings: BoardSettings
  /** The facilitator froze the board: participants may look but not change it. */
  frozen: boolean
}

/** One refused change, for the log: what, where and why. */
export interface Refusal {
  path: string
  reason: string
}

/**
 * What the policy decided about an update: the items to void (become GC: the clock range stays,
 * the content has no effect) and the delete ranges to drop, each with the reason.
 */
export class Verdict {
  readonly voidItems = new Set<string>()
  readonly keepUndeleted: Array<{ client: number; clock: number; len: number }> = []
  readonly refusals: Refusal[] = []

  /** Refuses these effects for one reason. */
  refuse(effects: readonly Effect[], reason: string): void {
    if (effects.length === 0) return
    for (const effect of effects) {
      if (effect.kind === 'insert') this.voidItems.add(structKey(effect.item))
      else this.keepUndeleted.push(effect.range)
    }
    const where = effects[0].parent ? [...effects[0].parent, effects[0].key ?? '#'].join('/') : '?'
    this.refusals.push({ path: where, reason })
  }

  /** Whether anything was refused. */
  get refusedAny(): boolean {
    return this.refusals.length > 0
  }
}

/** A rule for the effects under one root of the board's Y.Doc. */
export interface RootRule {
  /** Judges all of an update's effects under this root; refuses what is not allowed. */
  judge(effects: readonly Effect[], context: PolicyContext, verdict: Verdict): void
}
