import { z } from 'zod'
import { localeSchema } from '../../../shared/locales.ts'
import { roleSchema } from '../../../shared/roles.ts'

// Responses of the coboard server (see README "HTTP API"), validated at the boundary so that the
// UI can trust their types.

export const boardLinksSchema = z.object({
  facilitator: z.string(),
  participant: z.string(),
  observer: z.string(),
})

export const createdBoardSchema = z.object({
  id: z.string(),
  title: z.string(),
  template: z.string(),
  locale: localeSchema,
  links: boardLinksSchema,
})
/** What POST /api/boards returns: the new board and its three secret links. */
export type CreatedBoard = z.infer<typeof createdBoardSchema>

export const boardInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  template: z.string(),
  locale: localeSchema,
  createdAt: z.union([z.number(), z.string()]),
  role: roleSchema,
})
/** What GET /api/boards/<id> returns for a token: the board and the role the token grants. */
export type BoardInfo = z.infer<typeof boardInfoSchema>

export const clientConfigSchema = z.object({
  tldrawLicenseKey: z.string().nullable(),
  maxUploadBytes: z.number(),
  uploadTypes: z.array(z.string()),
})
/** What GET /api/config returns: run-time settings the browser needs. */
export type ClientConfig = z.infer<typeof clientConfigSchema>

export const uploadedAssetSchema = z.object({
  id: z.string(),
  url: z.string(),
  mimeType: z.string(),
  size: z.number(),
})
/** What POST /api/boards/<id>/assets returns. */
export type UploadedAsset = z.infer<typeof uploadedAssetSchema>

export const apiErrorBodySchema = z.object({ error: z.string(), message: z.string() })
