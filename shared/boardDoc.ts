import * as Y from 'yjs'
import { z } from 'zod'
import { localeSchema } from './locales.ts'

/**
 * Names of the shared types at the root of a board's Y.Doc. Integrations (importers, bots, the
 * client) depend on these names: changing one is a breaking change of the board format.
 */
export const BOARD_DOC_KEYS = {
  /** Y.Map<string, unknown>: the board's title, template id, locale and format version. */
  meta: 'meta',
} as const

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
