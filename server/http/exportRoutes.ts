import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import type * as Y from 'yjs'
import type { z } from 'zod'
import { EXPORT_FORMATS, EXPORT_TYPES, exportFileName, exportQuerySchema, reportQuerySchema, type ExportFormat } from '../../shared/api/exports.ts'
import { boardParamsSchema } from '../../shared/api/versions.ts'
import { readBoardMeta, readBoardSettings } from '../../shared/boardDoc.ts'
import { buildBoardReport, type BoardReport } from '../../shared/export/boardReport.ts'
import { type BoardHistory, VersionNotFoundError } from '../boards/BoardHistory.ts'
import type { BoardService } from '../boards/BoardService.ts'
import type { TemplateCatalog } from '../boards/TemplateCatalog.ts'
import { csvExport } from '../export/csvExport.ts'
import { docxExport } from '../export/docxExport.ts'
import { markdownExport } from '../export/markdownExport.ts'
import type { RoomManager } from '../sync/RoomManager.ts'
import { requireAccess } from './boardAccess.ts'
import { documentExportRoutes } from './documentExportRoutes.ts'
import { HttpError } from './HttpError.ts'

/** `Content-Disposition` with an ASCII fallback and the real (UTF-8) name, as RFC 6266 has it. */
function attachment(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'")
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

/**
 * Reports of a board's content: `GET /api/boards/<id>/export?format=md|csv|docx[&version=<id>]`
 * (a file; the facilitator always, participants and observers unless the facilitator turned
 * exports off) and `GET /api/boards/<id>/report[?version=<id>]` (the same content as JSON, for the
 * "What happened to our input" page; every link). Both read the board's document with the same
 * zone membership as the client.
 */
export async function exportRoutes(
  app: FastifyInstance,
  options: { boards: BoardService; rooms: RoomManager; history: BoardHistory; catalog: TemplateCatalog; log: Logger },
): Promise<void> {
  const { boards, rooms, history, catalog } = options
  // The collective document's own export (issue 13).
  await documentExportRoutes(app, options)

  async function report(boardId: string, versionId: string | undefined): Promise<BoardReport> {
    const build = (doc: Y.Doc, version?: { label: string | null; createdAt: number }) =>
      buildBoardReport(doc, catalog.get(readBoardMeta(doc)?.template ?? ''), { version })
    if (versionId) {
      try {
        const { version, doc } = await history.records(boardId, versionId)
        try {
          return build(doc, { label: version.label, createdAt: version.createdAt })
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
      if (access.role !== 'facilitator' && !(await boards.settingsOf(boardId)).exportsAllowed) {
        throw new HttpError(403, 'forbidden', 'The facilitator has turned exports off for this link.')
      }
      const content = await report(boardId, request.query.version)
      const now = Date.now()
      const body = format === 'md' ? markdownExport(content, now) : format === 'csv' ? csvExport(content, now) : await docxExport(content, now)
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
      await requireAccess(boards, request, request.params.boardId)
      return report(request.params.boardId, request.query.version)
    },
  )
}
