import { z } from 'zod'

/** Formats `GET /api/boards/<id>/document/export` produces. */
export const DOCUMENT_EXPORT_FORMATS = ['md', 'docx'] as const
export type DocumentExportFormat = (typeof DOCUMENT_EXPORT_FORMATS)[number]

/** `?format=md|docx&comments=true|false` (comments go into an appendix; off unless asked for). */
export const documentExportQuerySchema = z.object({
  format: z.enum(DOCUMENT_EXPORT_FORMATS, { error: `format is required: one of ${DOCUMENT_EXPORT_FORMATS.join(', ')}` }),
  comments: z.enum(['true', 'false']).default('false'),
})

/** The path of a board's document export (the client's download button builds it with this). */
export function documentExportPath(boardId: string, format: DocumentExportFormat, comments: boolean): string {
  return `/api/boards/${encodeURIComponent(boardId)}/document/export?format=${format}&comments=${comments}`
}
