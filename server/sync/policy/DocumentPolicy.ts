import type { StoreSchema } from '@tldraw/store'
import { BOARD_DOC_KEYS, ROOT_WRITERS, type BoardRoot } from '../../../shared/boardDoc.ts'
import type { Effect } from '../effects.ts'
import { AuthorshipRootRule, CommentsRootRule, DocumentRootRule, sectionLocksRule, unlessFrozen } from './documentRoots.ts'
import { metaRule, outcomesRule, sessionRule, settingsRule, tldrawMetaRule } from './mapRoots.ts'
import { TldrawRootRule } from './tldrawRoot.ts'
import { Verdict, type PolicyContext, type RootRule } from './verdict.ts'

/** A root only the server writes (never reached: ROOT_WRITERS gives it no client role). */
function serverOnly(name: string): RootRule {
  return { judge: (effects, _context, verdict) => verdict.refuse(effects, `only the server writes ${name}`) }
}

/**
 * The policy of a board's Y.Doc: one rule per root (the closed list in shared/boardDoc.ts), each
 * judging the effects an update would have under it. Effects under any other root are refused.
 * Pure with respect to the doc: it reads, never writes.
 */
export class DocumentPolicy {
  private readonly rules: Record<BoardRoot, RootRule>

  constructor(options: { schema: StoreSchema<any, any>; maxRecordBytes: number; validateRecords: () => boolean }) {
    this.rules = {
      [BOARD_DOC_KEYS.meta]: metaRule(),
      [BOARD_DOC_KEYS.settings]: settingsRule(),
      [BOARD_DOC_KEYS.tldraw]: new TldrawRootRule({
        schema: options.schema,
        maxRecordBytes: options.maxRecordBytes,
        validate: options.validateRecords,
      }),
      [BOARD_DOC_KEYS.tldrawMeta]: tldrawMetaRule(options.schema.serialize()),
      [BOARD_DOC_KEYS.session]: sessionRule(),
      // Never reached: no client role may write votes (ROOT_WRITERS), only the server itself.
      [BOARD_DOC_KEYS.votes]: serverOnly('votes'),
      [BOARD_DOC_KEYS.attendance]: serverOnly('attendance'),
      [BOARD_DOC_KEYS.outcomes]: outcomesRule(),
      [BOARD_DOC_KEYS.document]: unlessFrozen(new DocumentRootRule()),
      [BOARD_DOC_KEYS.sectionLocks]: sectionLocksRule(),
      [BOARD_DOC_KEYS.comments]: unlessFrozen(new CommentsRootRule()),
      [BOARD_DOC_KEYS.authorship]: unlessFrozen(new AuthorshipRootRule()),
    }
  }

  /** Judges an update's effects for a sender; the verdict names what to void and why. */
  judge(effects: readonly Effect[], context: PolicyContext): Verdict {
    const verdict = new Verdict()
    const byRoot = new Map<string, Effect[]>()
    for (const effect of effects) {
      const root = effect.parent?.[0]
      if (root === undefined) continue
      const list = byRoot.get(root) ?? []
      list.push(effect)
      byRoot.set(root, list)
    }
    for (const [root, list] of byRoot) {
      const rule = (this.rules as Record<string, RootRule | undefined>)[root]
      if (!rule) {
        verdict.refuse(list, `"${root.slice(0, 40)}" is not part of a board`)
        continue
      }
      if (!ROOT_WRITERS[root as BoardRoot].includes(context.role)) {
        verdict.refuse(list, ROOT_WRITERS[root as BoardRoot].length === 0 ? `only the server writes ${root}` : `a ${context.role} link cannot change ${root}`)
        continue
      }
      rule.judge(list, context, verdict)
    }
    return verdict
  }
}
