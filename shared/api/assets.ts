import { z } from 'zod'

/** Image types a board accepts. SVG is left out: it can carry scripts. */
export const UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const

export const assetParamsSchema = z.object({ boardId: z.string(), assetId: z.string() })

export const uploadedAssetSchema = z.object({
  id: z.string(),
  url: z.string(),
  mimeType: z.string(),
  size: z.number(),
})
/** What `POST /api/boards/<id>/assets` answers: where the image can be fetched from. */
export type UploadedAsset = z.infer<typeof uploadedAssetSchema>
