import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import { parseLinkRole, rotateLinkParamsSchema, type RotatedLink } from '../../shared/api/links.ts'
import { canManageBoard } from '../../shared/roles.ts'
import type { BoardService } from '../boards/BoardService.ts'
import { requireAccess } from './boardAccess.ts'
import { HttpError } from './HttpError.ts'

/** `POST /api/boards/<id>/links/<role>/rotate`: the facilitator replaces a link; the old one stops at once. */
export async function linksRoutes(app: FastifyInstance, options: { boards: BoardService; log: import('pino').Logger }): Promise<void> {
  app.post<{ Params: z.output<typeof rotateLinkParamsSchema> }>(
    '/api/boards/:boardId/links/:role/rotate',
    { schema: { params: rotateLinkParamsSchema } },
    async (request): Promise<RotatedLink> => {
      const { boardId } = request.params
      const role = parseLinkRole(request.params.role)
      if (!role.ok) throw new HttpError(404, 'not_found', role.message)
      await requireAccess(options.boards, request, boardId, { roles: canManageBoard, refusal: 'Only the facilitator link can rotate links.' })
      const link = await options.boards.rotate(boardId, role.role)
      options.log.info({ board: boardId, role: role.role }, 'link rotated')
      return { role: role.role, link }
    },
  )
}
