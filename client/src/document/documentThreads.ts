import * as Y from 'yjs'
import { z } from 'zod'
import {
  COMMENTS_ROOT,
  commentReplySchema,
  commentThreadFieldSchemas,
  type CommentAuthor,
  type CommentReply,
} from '../../../shared/document/documentDoc.ts'

/** A comment thread as the pane shows it. */
export interface ThreadView {
  id: string
  quote: string
  resolved: boolean
  createdAt: number
  anchor: z.infer<typeof commentThreadFieldSchemas.anchor> | null
  replies: CommentReply[]
}

/** Starts a thread on some text: its anchor (Yjs relative positions), the text, and the first comment. */
export function startThread(
  doc: Y.Doc,
  input: { id: string; anchor: ThreadView['anchor'] & object; quote: string; author: CommentAuthor; text: string; now: number; replyId: string },
): void {
  const first = commentReplySchema.parse({ id: input.replyId, text: input.text.trim(), createdAt: input.now, author: input.author })
  doc.transact(() => {
    const thread = new Y.Map<unknown>()
    thread.set('anchor', commentThreadFieldSchemas.anchor.parse(input.anchor))
    thread.set('quote', input.quote.slice(0, 2000))
    thread.set('resolved', false)
    thread.set('createdAt', input.now)
    thread.set('author', input.author)
    thread.set('replies', Y.Array.from([first]))
    doc.getMap(COMMENTS_ROOT).set(input.id, thread)
  })
}

/** Adds a reply at the end of a thread (concurrent replies are all kept: it is a Y.Array). */
export function replyTo(doc: Y.Doc, threadId: string, reply: CommentReply): boolean {
  const thread = doc.getMap<unknown>(COMMENTS_ROOT).get(threadId)
  const replies = thread instanceof Y.Map ? thread.get('replies') : undefined
  if (!(replies instanceof Y.Array)) return false
  replies.push([commentReplySchema.parse(reply)])
  return true
}

/** Resolves or reopens a thread. */
export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean): void {
  const thread = doc.getMap<unknown>(COMMENTS_ROOT).get(threadId)
  if (thread instanceof Y.Map && thread.get('resolved') !== resolved) thread.set('resolved', resolved)
}

/** The board's threads, oldest first; malformed ones and replies are left out. */
export function readThreads(doc: Y.Doc): ThreadView[] {
  const threads: ThreadView[] = []
  for (const [id, value] of doc.getMap<unknown>(COMMENTS_ROOT)) {
    if (!(value instanceof Y.Map)) continue
    const anchor = commentThreadFieldSchemas.anchor.safeParse(value.get('anchor'))
    const quote = commentThreadFieldSchemas.quote.safeParse(value.get('quote'))
    const replies = value.get('replies')
    threads.push({
      id,
      quote: quote.success ? quote.data : '',
      resolved: value.get('resolved') === true,
      createdAt: Number(value.get('createdAt')) || 0,
      anchor: anchor.success ? anchor.data : null,
      replies: replies instanceof Y.Array ? replies.toArray().flatMap((r) => (commentReplySchema.safeParse(r).success ? [r as CommentReply] : [])) : [],
    })
  }
  return threads.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}
