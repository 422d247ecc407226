import * as Y from 'yjs'
import { z } from 'zod'
import { localeSchema } from './locales.ts'
import type { Role } from './roles.ts'

/**
 * Names of the shared types at the root of a board's Y.Doc. Integrations (importers, bots, the
 * client) depend on these names: changing one is a breaking change of the board format.
 */
export const BOARD_DOC_KEYS = {
  /** Y.Map<string, unknown>: the board's title, template id, locale and format version. */
  meta: 'meta',
  /** Y.Map<string, unknown>: the board's rules, set by the facilitator (see boardSettingsSchema). */
  settings: 'settings',
  /** Y.Map<recordId, Y.Map>: tldraw document records, field-level (shared/tldrawYjs/recordsDoc.ts). */
  tldraw: 'tldraw',
  /** Y.Map: `schema`, the tldraw SerializedSchema the records follow. */
  tldrawMeta: 'tldrawMeta',
  /** Y.Map: the live session — agenda, timer, focus, ready check, freeze (shared/session/sessionState.ts). */
  session: 'session',
  /** Y.Map<voteId, VoteRecord>: dot votes and, once closed, their results (shared/voting/voting.ts). */
  votes: 'votes',
  /** Y.Map<noteShapeId, NoteOutcome>: what happened to each note (shared/outcomes/noteOutcome.ts). */
  outcomes: 'outcomes',
  /**
   * Y.Map<attendeeId, { group, role, firstSeen }>: who took part, by stakeholder group,
   * written by the server when someone's presence announces their group. Attendee ids are
   * pseudonymous (never a name), so exports can count participation by group.
   */
  attendance: 'attendance',
  /** Y.XmlFragment: the collective-author document (shared/document/documentDoc.ts). */
  document: 'document',
  /** Y.Map<sectionId, { lockedAt }>: sections of the document marked final. */
  sectionLocks: 'sectionLocks',
  /** Y.Map<threadId, Y.Map>: comment threads on the document. */
  comments: 'comments',
  /** Y.Map<sectionId, Y.Map<authorId, Contribution>>: who wrote in each section of the document. */
  authorship: 'authorship',
} as const

/** A root of the board's Y.Doc. */
export type BoardRoot = (typeof BOARD_DOC_KEYS)[keyof typeof BOARD_DOC_KEYS]

/**
 * Who may write each root. The list of roots is closed: a change under any other root name is
 * refused for everyone, facilitators included. The server checks every update's effect against
 * this table (and the finer rules of server/sync/policy/) before it applies, stores or relays it.
 */
export const ROOT_WRITERS: Record<BoardRoot, readonly Role[]> = {
  meta: ['facilitator'],
  settings: ['facilitator'],
  // Finer rules per record: zones, pages, other people's notes (server/sync/policy/tldrawRoot.ts).
  tldraw: ['facilitator', 'participant'],
  // Only ever the schema the server itself runs (anything newer would lock every client out).
  tldrawMeta: ['facilitator', 'participant'],
  // Running the session is the facilitator's; participants answer a ready check in their presence.
  session: ['facilitator'],
  // Written by the server alone: votes are started, tallied and closed through the HTTP API, so
  // that ballots stay on the server until the vote closes.
  votes: [],
  // Participants only when the facilitator allows it (settings.participantsMayMarkOutcomes).
  outcomes: ['facilitator', 'participant'],
  attendance: [],
  // Sections the facilitator marked final stay the facilitator's (server/sync/policy/documentRoots.ts).
  document: ['facilitator', 'participant'],
  sectionLocks: ['facilitator'],
  comments: ['facilitator', 'participant'],
  authorship: ['facilitator', 'participant'],
}

/** Version of the Y.Doc layout described in the README ("The Y.Doc of a board"). */
export const BOARD_DOC_FORMAT = 1

export const boardMetaSchema = z.object({
  title: z.string(),
  template: z.string(),
  locale: localeSchema,
  createdAt: z.number(),
  format: z.number().int(),
})
/** The part of a board's state that lives in the `meta` map. */
export type BoardMeta = z.infer<typeof boardMetaSchema>

/** Meta fields the facilitator may change after creation, with their value rules. */
export const EDITABLE_META = {
  title: z.string().trim().min(1).max(200),
  locale: localeSchema,
} as const

/** The board's rules, kept in the `settings` root. Missing keys take the defaults below. */
export const boardSettingsSchema = z.object({
  /** Participants may move and edit any note but delete only their own (the facilitator any). */
  deleteOwnNotesOnly: z.boolean(),
  /**
   * No participant's name is kept: not in the document (tldraw's own user records, which carry
   * names, are refused), not in the store; cursors and notes show the stakeholder group only.
   * Set at creation, or switched by the facilitator before anyone has written.
   */
  anonymous: z.boolean(),
  /** Participants and observers may export the board's content (the facilitator always may). */
  exportsAllowed: z.boolean(),
  /** Participants may mark what happened to notes (the facilitator always may). */
  participantsMayMarkOutcomes: z.boolean(),
})
export type BoardSettings = z.infer<typeof boardSettingsSchema>

/** Settings of a board whose `settings` root says nothing (boards from before settings existed). */
export const DEFAULT_BOARD_SETTINGS: BoardSettings = { deleteOwnNotesOnly: false, anonymous: false, exportsAllowed: true, participantsMayMarkOutcomes: false }

/** Settings a new board starts with: templates protect notes by default. */
export const NEW_BOARD_SETTINGS: BoardSettings = { ...DEFAULT_BOARD_SETTINGS, deleteOwnNotesOnly: true }

/** Writes the board's meta fields into its Y.Doc in one transaction. */
export function writeBoardMeta(doc: Y.Doc, meta: BoardMeta, origin?: unknown): void {
  const map = doc.getMap<unknown>(BOARD_DOC_KEYS.meta)
  doc.transact(() => {
    for (const [key, value] of Object.entries(meta)) map.set(key, value)
  }, origin)
}

/** Reads the board's meta fields; undefined when the map is missing or malformed. */
export function readBoardMeta(doc: Y.Doc): BoardMeta | undefined {
  const parsed = boardMetaSchema.safeParse(doc.getMap<unknown>(BOARD_DOC_KEYS.meta).toJSON())
  return parsed.success ? parsed.data : undefined
}

/** Writes settings (all or some keys) in one transaction. */
export function writeBoardSettings(doc: Y.Doc, settings: Partial<BoardSettings>, origin?: unknown): void {
  const map = doc.getMap<unknown>(BOARD_DOC_KEYS.settings)
  doc.transact(() => {
    for (const [key, value] of Object.entries(settings)) if (map.get(key) !== value) map.set(key, value)
  }, origin)
}

/** The board's settings, each key falling back to its default when missing or malformed. */
export function readBoardSettings(doc: Y.Doc): BoardSettings {
  const map = doc.getMap<unknown>(BOARD_DOC_KEYS.settings)
  const settings = { ...DEFAULT_BOARD_SETTINGS }
  for (const [key, schema] of Object.entries(boardSettingsSchema.shape)) {
    const parsed = schema.safeParse(map.get(key))
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.data
  }
  return settings
}

/**
 * Whether anyone has written on the board (anonymity can be switched only before): shapes other
 * than the template's, text in the collective document, comment threads, authorship records
 * (which may carry names) and outcomes. An empty paragraph an editor leaves in the document is
 * not writing.
 */
export function boardHasContent(doc: Y.Doc): boolean {
  for (const record of doc.getMap<Y.Map<unknown>>(BOARD_DOC_KEYS.tldraw).values()) {
    if (!(record instanceof Y.Map) || record.get('typeName') !== 'shape') continue
    const meta = record.get('meta')
    if (!(meta instanceof Y.Map) || meta.get('coboard') === undefined) return true
  }
  if (hasWriting(doc.getXmlFragment(BOARD_DOC_KEYS.document))) return true
  return [BOARD_DOC_KEYS.comments, BOARD_DOC_KEYS.authorship, BOARD_DOC_KEYS.outcomes].some((key) => doc.getMap(key).size > 0)
}

function hasWriting(node: Y.XmlFragment | Y.XmlElement): boolean {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText ? child.toString().trim() !== '' : child instanceof Y.XmlElement && (child.nodeName !== 'paragraph' || hasWriting(child))) return true
  }
  return false
}
