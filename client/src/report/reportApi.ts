import { z } from 'zod'
import type { ExportFormat } from '../../../shared/api/exports.ts'
import { localeSchema } from '../../../shared/locales.ts'
import { noteOutcomeSchema } from '../../../shared/outcomes/noteOutcome.ts'
import { stakeholderGroupSchema } from '../../../shared/stakeholderGroups.ts'
import { ApiError, bearer, readJson } from '../api/apiClient.ts'
import { fileNameFromDisposition, withDate } from './fileNames.ts'

const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`

const noteSchema = z.object({
  id: z.string(),
  text: z.string(),
  group: stakeholderGroupSchema.nullable(),
  author: z.string().nullable(),
  outcome: noteOutcomeSchema.nullable(),
})

/** What the "What happened to our input" page reads of `GET /api/boards/<id>/report`. */
export const outcomesReportSchema = z.object({
  title: z.string(),
  locale: localeSchema,
  anonymous: z.boolean(),
  zones: z.array(z.object({ id: z.string(), label: z.string(), prompt: z.string(), notes: z.array(noteSchema) })),
  outside: z.array(noteSchema),
})
export type OutcomesReport = z.infer<typeof outcomesReportSchema>
export type ReportNote = z.infer<typeof noteSchema>

const sideSchema = z.object({ text: z.string(), zone: z.string().nullable() })
const changeSchema = z.object({ id: z.string(), text: z.string(), before: sideSchema.optional(), after: sideSchema.optional() })

/** `GET /api/boards/<id>/versions/compare`: notes added, removed, moved and edited, and counts per zone. */
export const comparisonSchema = z.object({
  added: z.array(changeSchema),
  removed: z.array(changeSchema),
  moved: z.array(changeSchema),
  edited: z.array(changeSchema),
  unchanged: z.number(),
  perZone: z.record(
    z.string(),
    z.object({ added: z.number(), removed: z.number(), movedIn: z.number(), movedOut: z.number(), edited: z.number(), before: z.number(), after: z.number() }),
  ),
})
export type Comparison = z.infer<typeof comparisonSchema>

/** The board's notes by zone with what happened to them (any link of the board). */
export async function fetchOutcomesReport(boardId: string, token: string): Promise<OutcomesReport> {
  return readJson(await fetch(`${board(boardId)}/report`, { headers: bearer(token) }), outcomesReportSchema)
}

/** Compares two kept versions, or a version (`from`) and the board now (`to` = 'current'). */
export async function fetchComparison(boardId: string, token: string, from: string, to: string): Promise<Comparison> {
  const query = new URLSearchParams({ from, to })
  return readJson(await fetch(`${board(boardId)}/versions/compare?${query}`, { headers: bearer(token) }), comparisonSchema)
}

/** Throws the server's `{ error, message }` as an ApiError when a binary answer is not OK. */
async function refuseUnlessOk(response: Response): Promise<Response> {
  if (response.ok) return response
  const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string }
  throw new ApiError(response.status, body.error ?? 'http_error', body.message ?? response.statusText)
}

/**
 * A Markdown, CSV or Word export made by the server, with its file name (title and date); of a
 * kept version when `versionId` is given.
 */
export async function fetchServerExport(
  boardId: string,
  token: string,
  format: ExportFormat,
  now: Date,
  versionId?: string,
): Promise<{ blob: Blob; fileName: string }> {
  const query = new URLSearchParams({ format, ...(versionId ? { version: versionId } : {}) })
  const response = await refuseUnlessOk(await fetch(`${board(boardId)}/export?${query}`, { headers: bearer(token) }))
  const given = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? `coboard.${format}`
  return { blob: await response.blob(), fileName: withDate(given, now) }
}

/** A kept version's content as the Yjs (v2) update it was kept as (facilitator link). */
export async function fetchVersionSnapshot(boardId: string, token: string, versionId: string): Promise<Uint8Array> {
  const response = await refuseUnlessOk(await fetch(`${board(boardId)}/versions/${encodeURIComponent(versionId)}/snapshot`, { headers: bearer(token) }))
  return new Uint8Array(await response.arrayBuffer())
}

/** Hands a file to the browser's downloads, then lets the object URL go. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Why the delay: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
