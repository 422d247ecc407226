import { z } from 'zod'

/** Formats `GET /api/boards/<id>/export` produces. */
export const EXPORT_FORMATS = ['md', 'csv', 'docx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const exportQuerySchema = z.object({
  format: z.string({ error: `format is required: one of ${EXPORT_FORMATS.join(', ')}` }),
  /** A kept version's id: export the board as it was then. */
  version: z.string().max(64).optional(),
})
export const reportQuerySchema = z.object({ version: z.string().max(64).optional() })

/** Content type and file extension of each format. */
export const EXPORT_TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
}

/** A file name from a board's title: letters of any language kept, the rest made safe. */
export function exportFileName(title: string, extension: string): string {
  const base = title.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'coboard'
  return `${base}.${extension}`
}
