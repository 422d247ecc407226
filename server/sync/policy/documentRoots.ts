import * as Y from 'yjs'
import {
  commentReplySchema,
  contributionSchema,
  commentThreadFieldSchemas,
  DOCUMENT_MARKS,
  DOCUMENT_NODES,
  MAX_DOCUMENT_DEPTH,
  SECTION_ID,
  SECTION_LOCKS_ROOT,
  sectionLockSchema,
  THREAD_ID,
} from '../../../shared/document/documentDoc.ts'
import type { Effect } from '../effects.ts'
import { claimedSectionIds, SectionFinder } from './documentSections.ts'
import { checkWith, FlatMapRule } from './mapRoots.ts'
import type { PolicyContext, RootRule, Verdict } from './verdict.ts'

/**
 * The `document` root (a Y.XmlFragment written by TipTap through y-prosemirror):
 *   - structure: only ProseMirror nodes of the app's schema, text with the app's marks, node
 *     attributes as plain values, nothing deeper than MAX_DOCUMENT_DEPTH;
 *   - sections a facilitator locked ("final", in `sectionLocks`) change only by a facilitator:
 *     a change falls in the section of the top-level block it touches — for a new block, every
 *     section it could land in (documentSections.ts) — and a section runs from its heading to the next;
 *   - a participant cannot give a heading the id of a final section or of another heading.
 */
export class DocumentRootRule implements RootRule {
  judge(effects: readonly Effect[], context: PolicyContext, verdict: Verdict): void {
    for (const effect of effects) {
      const problem = structureProblem(effect)
      if (problem) verdict.refuse([effect], problem)
    }
    if (context.role === 'facilitator') return
    const locks = context.doc.getMap(SECTION_LOCKS_ROOT)
    for (const claim of claimedSectionIds(effects, context.doc, (id) => locks.has(id))) verdict.refuse(claim.effects, claim.reason)
    if (locks.size === 0) return
    const sections = new SectionFinder(effects, context.doc)
    const locked = effects.filter((effect) => sections.sectionsOf(effect.top).some((section) => section !== null && locks.has(section)))
    if (locked.length > 0) verdict.refuse(locked, 'this section is marked final by the facilitator')
  }
}

function structureProblem(effect: Effect): string | undefined {
  const depth = effect.parent?.length ?? 0
  if (depth > MAX_DOCUMENT_DEPTH) return 'the document is nested too deeply'
  if (effect.kind === 'delete') return undefined
  if (effect.key !== null) {
    // A node attribute: a plain, small value.
    if (effect.content === 'deleted') return undefined
    if (effect.content !== 'value') return `a ${effect.content} cannot be a node attribute`
    if (JSON.stringify(effect.values ?? null).length > 4000) return 'a node attribute is too long'
    return undefined
  }
  switch (effect.content) {
    case 'xml-element': {
      const name = ((effect.item.content as Y.ContentType).type as Y.XmlElement).nodeName
      return DOCUMENT_NODES.has(name) ? undefined : `"${name.slice(0, 40)}" is not a node of the document`
    }
    case 'xml-text':
    case 'string':
    case 'deleted':
      return undefined
    case 'format': {
      const key = (effect.item.content as Y.ContentFormat).key
      return DOCUMENT_MARKS.has(key) ? undefined : `"${key.slice(0, 40)}" is not a mark of the document`
    }
    default:
      return `a ${effect.content} cannot be part of the document`
  }
}

/**
 * While the facilitator has frozen the board, participants change neither the document nor its
 * comments nor who wrote what: a frozen board is one to read (README, "The collective document").
 */
export function unlessFrozen(rule: RootRule): RootRule {
  return {
    judge(effects, context, verdict) {
      if (context.frozen && context.role !== 'facilitator') verdict.refuse(effects, 'the facilitator has frozen the board')
      else rule.judge(effects, context, verdict)
    },
  }
}

/** `sectionLocks`: the facilitator marks sections final (and unmarks them). */
export function sectionLocksRule(): RootRule {
  return new FlatMapRule({
    name: 'sectionLocks',
    writers: ['facilitator'],
    values: {},
    otherKeys: { pattern: SECTION_ID, check: checkWith(sectionLockSchema) },
  })
}

/**
 * `comments`: threads (a Y.Map each: anchor, quote, resolved, createdAt, author, and a Y.Array of
 * replies). Whoever may write may comment, reply and resolve; comments and replies carry their
 * writer's own author id (never a name on anonymous boards); a thread is removed only by the
 * facilitator or its author; what a thread says and where it points do not change afterwards.
 */
export class CommentsRootRule implements RootRule {
  judge(effects: readonly Effect[], context: PolicyContext, verdict: Verdict): void {
    const byThread = new Map<string, Effect[]>()
    for (const effect of effects) {
      const id = effect.parent?.length === 1 ? effect.key : effect.parent?.[1]
      if (!id || !THREAD_ID.test(id)) {
        verdict.refuse([effect], 'comments are threads under an id')
        continue
      }
      byThread.set(id, [...(byThread.get(id) ?? []), effect])
    }
    const threads = context.doc.getMap<Y.Map<unknown>>('comments')
    for (const [id, list] of byThread) {
      const problem = this.threadProblem(threads.get(id), list, context)
      if (problem) verdict.refuse(list, problem)
    }
  }

  private threadProblem(existing: Y.Map<unknown> | undefined, effects: Effect[], context: PolicyContext): string | undefined {
    const own = (author: unknown) => {
      const a = author as { id?: unknown; name?: unknown } | undefined
      if (context.settings.anonymous && a?.name !== undefined) return 'an anonymous board keeps no names'
      if (context.role === 'facilitator' && !context.authorId) return undefined
      return a?.id === context.authorId ? undefined : 'comments carry their writer’s own id'
    }
    for (const effect of effects) {
      const depth = effect.parent?.length ?? 0
      if (depth === 1) {
        if (effect.kind === 'insert' && effect.content !== 'map' && effect.content !== 'deleted') return 'a thread is a map'
        const removes = effect.kind === 'delete' || effect.content === 'deleted'
        if (removes && existing && context.role !== 'facilitator' && (existing.get('author') as { id?: string } | undefined)?.id !== context.authorId) {
          return 'only the facilitator or the thread’s author may remove it'
        }
        continue
      }
      if (depth === 2) {
        const field = effect.key
        if (field === 'replies') {
          if (effect.kind === 'insert' && effect.content !== 'array') return 'replies are a list'
          if (existing?.get('replies') instanceof Y.Array && effect.kind === 'insert') return 'replies cannot be replaced'
          continue
        }
        const schema = field ? (commentThreadFieldSchemas as Record<string, { safeParse(v: unknown): { success: boolean } }>)[field] : undefined
        if (!schema) return `a thread has no field "${String(field).slice(0, 40)}"`
        if (effect.kind === 'delete' && field !== 'resolved') {
          if (existing && context.role !== 'facilitator') return 'a thread’s text and place do not change'
          continue
        }
        if (effect.kind === 'insert') {
          if (effect.content !== 'value' || !schema.safeParse(effect.values?.[0]).success) return `thread field ${field} is not valid`
          if (existing && field !== 'resolved' && context.role !== 'facilitator') return 'a thread’s text and place do not change'
          if (field === 'author') {
            const problem = own(effect.values?.[0])
            if (problem) return problem
          }
        }
        continue
      }
      if (depth === 3 && effect.parent?.[2] === 'replies' && effect.key === null) {
        if (effect.kind === 'delete') {
          if (context.role !== 'facilitator') return 'replies are removed only by the facilitator'
          continue
        }
        if (effect.content === 'deleted') continue
        if (effect.content !== 'value' || !(effect.values ?? []).every((v) => commentReplySchema.safeParse(v).success)) return 'a reply is not valid'
        for (const reply of effect.values ?? []) {
          const problem = own((reply as { author?: unknown }).author)
          if (problem) return problem
        }
        continue
      }
      return 'a comment thread holds nothing deeper'
    }
    return undefined
  }
}

/**
 * `authorship`: per section, one entry per writer. A client records only its own writer (its
 * author id as the key; a facilitator may also tidy up), with no name on anonymous boards.
 */
export class AuthorshipRootRule implements RootRule {
  judge(effects: readonly Effect[], context: PolicyContext, verdict: Verdict): void {
    for (const effect of effects) {
      const depth = effect.parent?.length ?? 0
      const problem =
        depth === 1
          ? effect.key && SECTION_ID.test(effect.key) && (effect.kind === 'delete' || effect.content === 'map')
            ? undefined
            : 'authorship is kept per section'
          : depth === 2
            ? this.entryProblem(effect, context)
            : 'authorship holds nothing deeper'
      if (problem) verdict.refuse([effect], problem)
    }
  }

  private entryProblem(effect: Effect, context: PolicyContext): string | undefined {
    if (context.role !== 'facilitator' && effect.key !== context.authorId) return 'a writer records only their own part'
    if (effect.kind === 'delete' || effect.content === 'deleted') return undefined
    const parsed = contributionSchema.safeParse(effect.values?.[0])
    if (effect.content !== 'value' || !parsed.success) return 'not a valid contribution'
    if (context.settings.anonymous && parsed.data.name !== undefined) return 'an anonymous board keeps no names'
    return undefined
  }
}
