import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import type { z } from 'zod'
import {
  boardParamsSchema,
  compareQuerySchema,
  renameVersionRequestSchema,
  restoreRequestSchema,
  saveVersionRequestSchema,
  versionParamsSchema,
  type RestoreResult,
  type VersionSummary,
} from '../../shared/api/versions.ts'
import { compareVersions, type VersionComparison } from '../../shared/history/compareVersions.ts'
import { canManageBoard } from '../../shared/roles.ts'
import { readRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import type { RoomManager } from '../sync/RoomManager.ts'
import { type BoardHistory, VersionNotFoundError } from '../boards/BoardHistory.ts'
import type { BoardService } from '../boards/BoardService.ts'
import { requireAccess } from './boardAccess.ts'
import { HttpError } from './HttpError.ts'

const FACILITATOR_ONLY = { roles: canManageBoard, refusal: 'Only the facilitator link can see and restore the board history.' }

/**
 * A board's history, for its facilitator: `GET /api/boards/<id>/versions` lists the kept versions,
 * `POST …/versions` keeps one now (optionally named), `POST …/versions/<v>/restore` restores it
 * (`all`) or brings back what was deleted since (`deleted`) — as a change every client receives.
 */
export async function versionsRoutes(
  app: FastifyInstance,
  options: { boards: BoardService; history: BoardHistory; rooms: RoomManager; log: Logger },
): Promise<void> {
  const { boards, history, rooms } = options
  const notFound = async <T>(work: () => Promise<T>, versionId: string): Promise<T> => {
    try {
      return await work()
    } catch (error) {
      if (error instanceof VersionNotFoundError) throw new HttpError(404, 'not_found', `No version "${versionId.slice(0, 64)}" on this board.`)
      throw error
    }
  }

  app.get<{ Params: z.output<typeof boardParamsSchema> }>(
    '/api/boards/:boardId/versions',
    { schema: { params: boardParamsSchema } },
    async (request): Promise<{ versions: VersionSummary[] }> => {
      await requireAccess(boards, request, request.params.boardId, FACILITATOR_ONLY)
      return { versions: await history.list(request.params.boardId) }
    },
  )

  app.post<{ Params: z.output<typeof boardParamsSchema>; Body: z.output<typeof saveVersionRequestSchema> }>(
    '/api/boards/:boardId/versions',
    { schema: { params: boardParamsSchema, body: saveVersionRequestSchema } },
    async (request, reply): Promise<VersionSummary> => {
      await requireAccess(boards, request, request.params.boardId, FACILITATOR_ONLY)
      const version = await history.save(request.params.boardId, request.body?.label || null)
      reply.code(201)
      return version
    },
  )

  app.post<{ Params: z.output<typeof versionParamsSchema>; Body: z.output<typeof restoreRequestSchema> }>(
    '/api/boards/:boardId/versions/:versionId/restore',
    { schema: { params: versionParamsSchema, body: restoreRequestSchema } },
    async (request): Promise<RestoreResult> => {
      const { boardId, versionId } = request.params
      await requireAccess(boards, request, boardId, FACILITATOR_ONLY)
      return notFound(() => history.restore(boardId, versionId, request.body.mode), versionId)
    },
  )

  app.patch<{ Params: z.output<typeof versionParamsSchema>; Body: z.output<typeof renameVersionRequestSchema> }>(
    '/api/boards/:boardId/versions/:versionId',
    { schema: { params: versionParamsSchema, body: renameVersionRequestSchema } },
    async (request): Promise<{ id: string; label: string | null }> => {
      const { boardId, versionId } = request.params
      await requireAccess(boards, request, boardId, FACILITATOR_ONLY)
      const label = request.body.label || null
      await notFound(() => history.rename(boardId, versionId, label), versionId)
      return { id: versionId, label }
    },
  )

  // A version's content as a Yjs (v2) snapshot, for the read-only view of the board as it was then.
  app.get<{ Params: z.output<typeof versionParamsSchema> }>(
    '/api/boards/:boardId/versions/:versionId/snapshot',
    { schema: { params: versionParamsSchema } },
    async (request, reply) => {
      const { boardId, versionId } = request.params
      await requireAccess(boards, request, boardId, FACILITATOR_ONLY)
      const snapshot = await notFound(() => history.versionSnapshot(boardId, versionId), versionId)
      return reply.header('Content-Type', 'application/octet-stream').header('Cache-Control', 'private, max-age=31536000, immutable').send(Buffer.from(snapshot))
    },
  )

  app.get<{ Params: z.output<typeof boardParamsSchema>; Querystring: z.output<typeof compareQuerySchema> }>(
    '/api/boards/:boardId/versions/compare',
    { schema: { params: boardParamsSchema, querystring: compareQuerySchema } },
    async (request): Promise<VersionComparison> => {
      const { boardId } = request.params
      await requireAccess(boards, request, boardId, FACILITATOR_ONLY)
      const recordsOf = async (id: string) => {
        if (id === 'current') {
          const room = await rooms.acquire(boardId)
          try {
            return readRecords(room.doc)
          } finally {
            rooms.releaseIfEmpty(room)
          }
        }
        const { records, doc } = await notFound(() => history.records(boardId, id), id)
        doc.destroy()
        return records
      }
      return compareVersions(await recordsOf(request.query.from), await recordsOf(request.query.to))
    },
  )
}
