import { z } from 'zod'

/** The longest name of a version, in characters. */
export const VERSION_LABEL_MAX = 120

export const versionSummarySchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  label: z.string().nullable(),
  kind: z.enum(['auto', 'manual', 'restore']),
  noteCount: z.number(),
  bytes: z.number(),
})
/** One kept version of a board, as `GET /api/boards/<id>/versions` lists it. */
export type VersionSummary = z.infer<typeof versionSummarySchema>

export const versionListSchema = z.object({ versions: z.array(versionSummarySchema) })

/** The body of `POST /api/boards/<id>/versions` (save a version now, optionally named). */
export const saveVersionRequestSchema = z.strictObject({
  label: z.string().trim().max(VERSION_LABEL_MAX, `label must be at most ${VERSION_LABEL_MAX} characters`).optional(),
})

/** The body of `POST /api/boards/<id>/versions/<versionId>/restore`. */
export const restoreRequestSchema = z.strictObject({
  mode: z.enum(['all', 'deleted'], { error: 'mode must be "all" (the whole board) or "deleted" (only what was deleted since)' }),
})

export const restoreResultSchema = z.object({
  mode: z.enum(['all', 'deleted']),
  created: z.number(),
  changed: z.number(),
  removed: z.number(),
  shapes: z.number(),
  before: versionSummarySchema,
})
/** What a restore answers: what changed, and the version kept just before it. */
export type RestoreResult = z.infer<typeof restoreResultSchema>

export const versionParamsSchema = z.object({ boardId: z.string(), versionId: z.string().max(64) })
export const boardParamsSchema = z.object({ boardId: z.string() })

/** The body of `PATCH /api/boards/<id>/versions/<versionId>`: name (or unname) a version. */
export const renameVersionRequestSchema = z.strictObject({
  label: z.string().trim().max(VERSION_LABEL_MAX, `label must be at most ${VERSION_LABEL_MAX} characters`).nullable(),
})

/** `GET /api/boards/<id>/versions/compare?from=<v>&to=<v|current>`. */
export const compareQuerySchema = z.object({
  from: z.string({ error: 'from is required: a version id' }).max(64),
  to: z.string().max(64).default('current'),
})
