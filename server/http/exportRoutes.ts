import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import type * as Y from 'yjs'
import type { z } from 'zod'
import { EXPORT_FORMATS, EXPORT_TYPES, exportFileName, exportQuerySchema, reportQuerySchema, type ExportFormat } from '../../shared/api/exports.ts'
import { boardParamsSchema } from '../../shared/api/versions.ts'
import { readBoardMeta, readBoardSettings } from '../../shared/boardDoc.ts'
import { buildBoardReport, type BoardReport, type NoteReport } from '../../shared/export/boardReport.ts'
import type { Role } from '../../shared/roles.ts'
import { type BoardHistory, VersionNotFoundError } from '../boards/BoardHistory.ts'
import type { BoardService } from '../boards/BoardService.ts'
import type { TemplateCatalog } from '../boards/TemplateCatalog.ts'
import { csvExport } from '../export/csvExport.ts'
import { markdownExport } from '../export/markdownExport.ts'
import type { RoomManager } from '../sync/RoomManager.ts'
import { attachment } from './attachment.ts'
import { requireAccess } from './boardAccess.ts'
import { documentExportRoutes } from './documentExportRoutes.ts'
import { HttpError } from './HttpError.ts'

/**
 * What the "What happened to our input" page may show to a link that may not export: every note's
 * text, group and status — not names, votes or the participation appendix, which only an export
 * would give. Why not refuse the page too: it is how people hear what became of their input,
 * which the export switch is not meant to stop.
 */
export function withoutExportOnlyContent(report: BoardReport): BoardReport {
  const strip = (note: NoteReport): NoteReport => ({ ...note, author: null, votes: null })
  return {
    ...report,
    zones: report.zones.map((zone) => ({ ...zone, notes: zone.notes.map(strip) })),
    outside: report.outside.map(strip),
    participation: [],
    lastVoteClosedAt: null,
    closedVotes: 0,
  }
}

/**
 * Reports of a board's content: `GET /api/boards/<id>/export?format=md|csv|docx[&version=<id>]`
 * (a file; the facilitator always, participants and observers unless the facilitator turned
 * exports off) and `GET /api/boards/<id>/report[?version=<id>]` (the same content as JSON, for the
 * "What happened to our input" page; every link, trimmed by withoutExportOnlyContent when the
 * link may not export). Both read the board's document with the same zone membership as the
 * client; a kept version's records are first migrated to the running tldraw schema.
 */
export async function exportRoutes(
  app: FastifyInstance,
  options: { boards: BoardService; rooms: RoomManager; history: BoardHistory; catalog: TemplateCatalog; log: Logger },
): Promise<void> {
  const { boards, rooms, history, catalog } = options
  // The collective document's own export (issue 13).
  await documentExportRoutes(app, options)

  // The facilitator always may; participants and observers while settings.exportsAllowed holds.
  const mayExport = async (boardId: string, role: Role) => role === 'facilitator' || (await boards.settingsOf(boardId)).exportsAllowed

  async function report(boardId: string, versionId: string | undefined): Promise<BoardReport> {
    const build = (doc: Y.Doc, options?: Parameters<typeof buildBoardReport>[2]) =>
      buildBoardReport(doc, catalog.get(readBoardMeta(doc)?.template ?? ''), options)
    if (versionId) {
      try {
        const { version, records, doc } = await history.records(boardId, versionId)
        try {
          return build(doc, { version: { label: version.label, createdAt: version.createdAt }, records })
        } finally {
          doc.destroy()
        }
      } catch (error) {
        if (error instanceof VersionNotFoundError) throw new HttpError(404, 'not_found', `No version "${versionId}" on this board.`)
        throw error
      }
    }
    const room = await rooms.acquire(boardId)
    try {
      return build(room.doc)
    } finally {
      rooms.releaseIfEmpty(room)
    }
  }

  app.get<{ Params: z.output<typeof boardParamsSchema>; Querystring: z.output<typeof exportQuerySchema> }>(
    '/api/boards/:boardId/export',
    { schema: { params: boardParamsSchema, querystring: exportQuerySchema } },
    async (request, reply) => {
      const { boardId } = request.params
      const access = await requireAccess(boards, request, boardId)
      const format = request.query.format as ExportFormat
      if (!EXPORT_FORMATS.includes(format)) {
        throw new HttpError(400, 'bad_request', `Unknown format "${String(format).slice(0, 20)}". Valid formats: ${EXPORT_FORMATS.join(', ')}.`)
      }
      if (!(await mayExport(boardId, access.role))) {
        throw new HttpError(403, 'forbidden', 'The facilitator has turned exports off for this link.')
      }
      const content = await report(boardId, request.query.version)
      const now = Date.now()
      // The docx library is loaded on the first Word export, not by every server that never makes one.
      const body =
        format === 'md' ? markdownExport(content, now) : format === 'csv' ? csvExport(content, now) : await (await import('../export/docxExport.ts')).docxExport(content, now)
      const { contentType, extension } = EXPORT_TYPES[format]
      options.log.info({ board: boardId, format, version: request.query.version }, 'board exported')
      return reply
        .header('Content-Type', contentType)
        .header('Content-Disposition', attachment(exportFileName(content.title, extension)))
        .header('Cache-Control', 'no-store')
        .send(body)
    },
  )

  app.get<{ Params: z.output<typeof boardParamsSchema>; Querystring: z.output<typeof reportQuerySchema> }>(
    '/api/boards/:boardId/report',
    { schema: { params: boardParamsSchema, querystring: reportQuerySchema } },
    async (request): Promise<BoardReport> => {
      const { boardId } = request.params
      const access = await requireAccess(boards, request, boardId)
      const content = await report(boardId, request.query.version)
      return (await mayExport(boardId, access.role)) ? content : withoutExportOnlyContent(content)
    },
  )
}
