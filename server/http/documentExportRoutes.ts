import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import type { z } from 'zod'
import { documentExportQuerySchema } from '../../shared/api/documentExport.ts'
import { EXPORT_TYPES, exportFileName } from '../../shared/api/exports.ts'
import { boardParamsSchema } from '../../shared/api/versions.ts'
import { readBoardMeta, readBoardSettings } from '../../shared/boardDoc.ts'
import { commentThreads, documentAuthors, documentBlocks } from '../../shared/document/documentModel.ts'
import type { BoardService } from '../boards/BoardService.ts'
import { documentMarkdown, type DocumentExportInput } from '../export/documentExport.ts'
import type { RoomManager } from '../sync/RoomManager.ts'
import { attachment } from './attachment.ts'
import { requireAccess } from './boardAccess.ts'
import { HttpError } from './HttpError.ts'

/**
 * The board's collective document as a file:
 * `GET /api/boards/<id>/document/export?format=md|docx[&comments=true]` — the same access rules
 * as the board export (the facilitator always; participants and observers unless the facilitator
 * turned exports off). Title and language come from the board, names only when it keeps names.
 */
export async function documentExportRoutes(app: FastifyInstance, options: { boards: BoardService; rooms: RoomManager; log: Logger }): Promise<void> {
  const { boards, rooms } = options
  app.get<{ Params: z.output<typeof boardParamsSchema>; Querystring: z.output<typeof documentExportQuerySchema> }>(
    '/api/boards/:boardId/document/export',
    { schema: { params: boardParamsSchema, querystring: documentExportQuerySchema } },
    async (request, reply) => {
      const { boardId } = request.params
      const access = await requireAccess(boards, request, boardId)
      if (access.role !== 'facilitator' && !(await boards.settingsOf(boardId)).exportsAllowed) {
        throw new HttpError(403, 'forbidden', 'The facilitator has turned exports off for this link.')
      }
      const { format } = request.query
      const room = await rooms.acquire(boardId)
      let input: DocumentExportInput
      try {
        const meta = readBoardMeta(room.doc)
        const { anonymous } = readBoardSettings(room.doc)
        input = {
          title: meta?.title ?? '',
          locale: meta?.locale ?? 'en',
          blocks: documentBlocks(room.doc),
          authors: documentAuthors(room.doc, anonymous),
          ...(request.query.comments === 'true' ? { comments: commentThreads(room.doc) } : {}),
        }
      } finally {
        rooms.releaseIfEmpty(room)
      }
      // The docx library is loaded on the first Word export, not by every server that never makes one.
      const body = format === 'md' ? documentMarkdown(input) : await (await import('../export/documentDocx.ts')).documentDocx(input)
      const { contentType, extension } = EXPORT_TYPES[format]
      options.log.info({ board: boardId, format, comments: request.query.comments }, 'document exported')
      return reply
        .header('Content-Type', contentType)
        .header('Content-Disposition', attachment(exportFileName(input.title, extension)))
        .header('Cache-Control', 'no-store')
        .send(body)
    },
  )
}
