import { z } from 'zod'
import { stakeholderGroupSchema } from '../stakeholderGroups.ts'

/*
 * The collective-author document of a board (y-prosemirror layout, written through TipTap):
 *
 *   document      Y.XmlFragment: the document itself. Blocks are XmlElements named after
 *                 ProseMirror nodes (below), text is XmlText with marks as formatting attributes.
 *                 A heading carries a `sectionId` attribute: the section it opens runs to the next
 *                 heading.
 *   sectionLocks  Y.Map<sectionId, { lockedAt }>: sections the facilitator marked final; only
 *                 facilitators change them (the server enforces it).
 *   comments      Y.Map<threadId, Y.Map>: comment threads anchored to text by Yjs relative
 *                 positions, with replies (a Y.Array, so concurrent replies are all kept).
 *   authorship    Y.Map<sectionId, Y.Map<authorId, Contribution>>: who wrote in each section —
 *                 each client records its own writer (never someone else), for the authorship
 *                 panel and the suggested author line.
 */

export const DOCUMENT_ROOT = 'document'
export const SECTION_LOCKS_ROOT = 'sectionLocks'
export const COMMENTS_ROOT = 'comments'

/** The attribute of a heading that names its section. */
export const SECTION_ID_ATTRIBUTE = 'sectionId'

/** ProseMirror nodes the document may hold (TipTap StarterKit, tables, and quoted board notes). */
export const DOCUMENT_NODES: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'horizontalRule',
  'hardBreak',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'boardNote',
])

/** Marks the document's text may carry. */
export const DOCUMENT_MARKS: ReadonlySet<string> = new Set(['bold', 'italic', 'strike', 'code', 'underline', 'link'])

/** Deeper than this, a node is refused (tables in lists in quotes stay well inside it). */
export const MAX_DOCUMENT_DEPTH = 16

/** A section id, as the client makes them. */
export const SECTION_ID = /^[A-Za-z0-9_-]{1,64}$/

export const sectionLockSchema = z.strictObject({ lockedAt: z.number() })

/** Who wrote a comment: their pseudonymous author id, their group, and — not on anonymous boards — their name. */
export const commentAuthorSchema = z.strictObject({
  id: z.string().min(1).max(64),
  group: stakeholderGroupSchema,
  name: z.string().max(60).optional(),
})
export type CommentAuthor = z.infer<typeof commentAuthorSchema>

/** A reply in a thread (the first one is the comment itself). */
export const commentReplySchema = z.strictObject({
  id: z.string().min(1).max(64),
  text: z.string().min(1).max(4000),
  createdAt: z.number(),
  author: commentAuthorSchema,
})
export type CommentReply = z.infer<typeof commentReplySchema>

/** The plain fields of a thread's map; `replies` is its Y.Array of CommentReply. */
export const commentThreadFieldSchemas = {
  /** Yjs relative positions (JSON) of the commented text's start and end. */
  anchor: z.strictObject({ start: z.record(z.string(), z.unknown()), end: z.record(z.string(), z.unknown()) }),
  /** The commented text when the thread started. */
  quote: z.string().max(2000),
  resolved: z.boolean(),
  createdAt: z.number(),
  author: commentAuthorSchema,
} as const

export const THREAD_ID = /^[A-Za-z0-9_-]{1,64}$/

export const AUTHORSHIP_ROOT = 'authorship'

/** One writer's part in a section: who (group; name unless the board is anonymous), and when last. */
export const contributionSchema = z.strictObject({
  group: stakeholderGroupSchema,
  name: z.string().max(60).optional(),
  lastEdited: z.number(),
})
export type Contribution = z.infer<typeof contributionSchema>

/** The section key used before the first heading. */
export const PREAMBLE_SECTION = '_preamble'
