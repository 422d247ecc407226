import { digest } from 'lib0/hash/sha256'
import type { BoardSettings } from '../boardDoc.ts'
import type { Role } from '../roles.ts'

/*
 * The rules about who may change which shapes, as pure functions: the server enforces them on
 * every update (server/sync/policy/tldrawRoot.ts) and the client applies the same ones before a
 * change leaves the device, so that an honest user never makes a change the server refuses.
 */

/** Key in a shape's `meta` holding its author's pseudonymous, per-board id. */
export const AUTHOR_META_KEY = 'author'

/** Key in a shape's `meta` holding its author's stakeholder group (for counts by group). */
export const GROUP_META_KEY = 'group'

/** Key in a shape's `meta` holding its author's display name — never on anonymous boards. */
export const AUTHOR_NAME_META_KEY = 'authorName'

/** Key in a shape's `meta` holding what a template says about it (zone, label, example...). */
export const TEMPLATE_META_KEY = 'coboard'

/**
 * A participant's pseudonymous author id on one board: derived from a random secret that only
 * their browser holds (sent on the websocket URL as `a`), so nobody else can claim their notes,
 * and salted with the board id, so ids cannot be linked across boards. It never contains a name.
 */
export function authorIdFor(boardId: string, authorSecret: string): string {
  const bytes = digest(new TextEncoder().encode(`coboard-author:${boardId}:${authorSecret}`))
  let binary = ''
  for (const byte of bytes.subarray(0, 12)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** What the rules need to know about a shape record. */
export interface ShapeFacts {
  type?: unknown
  isLocked?: unknown
  meta?: unknown
}

function metaOf(shape: ShapeFacts): Record<string, unknown> {
  return shape.meta !== null && typeof shape.meta === 'object' ? (shape.meta as Record<string, unknown>) : {}
}

/** The author id stored on a shape, if any. */
export function authorOf(shape: ShapeFacts): string | undefined {
  const author = metaOf(shape)[AUTHOR_META_KEY]
  return typeof author === 'string' ? author : undefined
}

/** Whether a shape was placed by a template (zones, labels, prompts, header), not an example note. */
export function isTemplateShape(shape: ShapeFacts): boolean {
  const marker = metaOf(shape)[TEMPLATE_META_KEY]
  if (marker === null || typeof marker !== 'object') return false
  return (marker as { example?: unknown }).example !== true
}

/** Whether a shape carries any template marker (a template shape or an example note). */
export function hasTemplateMarker(shape: ShapeFacts): boolean {
  return metaOf(shape)[TEMPLATE_META_KEY] !== undefined
}

/** Shapes anyone may delete whoever made them: containers with no content of their own. */
const CONTAINER_TYPES: ReadonlySet<string> = new Set(['group'])

/**
 * Whether someone may delete a shape: facilitators may delete anything; participants never the
 * template's shapes, and — when the board protects notes — only shapes they authored themselves.
 */
export function mayDeleteShape(input: {
  role: Role
  settings: BoardSettings
  shape: ShapeFacts
  authorId: string | undefined
}): boolean {
  const { role, settings, shape, authorId } = input
  if (role === 'facilitator') return true
  if (role !== 'participant') return false
  if (isTemplateShape(shape)) return false
  if (!settings.deleteOwnNotesOnly) return true
  if (typeof shape.type === 'string' && CONTAINER_TYPES.has(shape.type)) return true
  return authorId !== undefined && authorOf(shape) === authorId
}

/** Whether a participant may change a template shape: only once the facilitator has unlocked it. */
export function mayEditTemplateShape(role: Role, shape: ShapeFacts): boolean {
  if (role === 'facilitator') return true
  return role === 'participant' && shape.isLocked === false
}
