import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Logger } from 'pino'
import type { z } from 'zod'
import { boardParamsSchema } from '../../shared/api/versions.ts'
import {
  AUTHOR_HEADER,
  ballotRequestSchema,
  ownBallotQuerySchema,
  startVoteRequestSchema,
  voteParamsSchema,
  type OwnBallot,
  type VoteProgress,
} from '../../shared/api/votes.ts'
import { authorIdFor } from '../../shared/policy/boardRules.ts'
import { canEditDocument, canManageBoard } from '../../shared/roles.ts'
import type { VoteRecord } from '../../shared/voting/voting.ts'
import type { BoardService } from '../boards/BoardService.ts'
import { VoteError, type VoteService } from '../boards/VoteService.ts'
import { requireAccess } from './boardAccess.ts'
import { HttpError } from './HttpError.ts'

const FACILITATOR = { roles: canManageBoard, refusal: 'Only the facilitator link can start, follow or close a vote.' }
const VOTERS = { roles: canEditDocument, refusal: 'Observer links cannot vote.' }
const SECRET = /^[A-Za-z0-9_-]{16,128}$/

/** The voter's pseudonymous id on the board, from the author secret header. */
function voterId(request: FastifyRequest, boardId: string): string {
  const secret = request.headers[AUTHOR_HEADER]
  if (typeof secret !== 'string' || !SECRET.test(secret)) {
    throw new HttpError(400, 'bad_request', `Send this browser's author secret as the ${AUTHOR_HEADER} header (16–128 base64url characters).`)
  }
  return authorIdFor(boardId, secret)
}

async function answer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof VoteError) throw new HttpError(error.status, error.code, error.message)
    throw error
  }
}

/**
 * Dot votes: `POST /api/boards/<id>/votes` (facilitator) starts one; participants read and
 * replace their ballot with `GET`/`PUT …/votes/<v>/ballot` (counted for the group they joined the
 * board as); the facilitator follows `GET …/progress` (counts only) and `POST …/close`, which
 * writes the results into the board (and, after a close that could not write them, again).
 */
export async function votesRoutes(app: FastifyInstance, options: { boards: BoardService; votes: VoteService; log: Logger }): Promise<void> {
  const { boards, votes } = options

  app.post<{ Params: z.output<typeof boardParamsSchema>; Body: z.output<typeof startVoteRequestSchema> }>(
    '/api/boards/:boardId/votes',
    { schema: { params: boardParamsSchema, body: startVoteRequestSchema } },
    async (request, reply): Promise<VoteRecord> => {
      await requireAccess(boards, request, request.params.boardId, FACILITATOR)
      const { perNote, perPerson } = request.body
      if (perNote > perPerson) throw new HttpError(400, 'bad_request', `perNote (${perNote}) cannot be more than perPerson (${perPerson}).`)
      const vote = await answer(() => votes.start(request.params.boardId, request.body))
      reply.code(201)
      return vote
    },
  )

  app.get<{ Params: z.output<typeof voteParamsSchema>; Querystring: z.output<typeof ownBallotQuerySchema> }>(
    '/api/boards/:boardId/votes/:voteId/ballot',
    { schema: { params: voteParamsSchema, querystring: ownBallotQuerySchema } },
    async (request): Promise<OwnBallot> => {
      const { boardId, voteId } = request.params
      await requireAccess(boards, request, boardId, VOTERS)
      return answer(() => votes.ballotOf(boardId, voteId, voterId(request, boardId), request.query.group))
    },
  )

  app.put<{ Params: z.output<typeof voteParamsSchema>; Body: z.output<typeof ballotRequestSchema> }>(
    '/api/boards/:boardId/votes/:voteId/ballot',
    { schema: { params: voteParamsSchema, body: ballotRequestSchema } },
    async (request): Promise<OwnBallot> => {
      const { boardId, voteId } = request.params
      await requireAccess(boards, request, boardId, VOTERS)
      return answer(() => votes.cast(boardId, voteId, voterId(request, boardId), request.body))
    },
  )

  app.get<{ Params: z.output<typeof voteParamsSchema> }>(
    '/api/boards/:boardId/votes/:voteId/progress',
    { schema: { params: voteParamsSchema } },
    async (request): Promise<VoteProgress> => {
      await requireAccess(boards, request, request.params.boardId, FACILITATOR)
      return answer(() => votes.progress(request.params.boardId, request.params.voteId))
    },
  )

  app.post<{ Params: z.output<typeof voteParamsSchema> }>(
    '/api/boards/:boardId/votes/:voteId/close',
    { schema: { params: voteParamsSchema } },
    async (request): Promise<VoteRecord> => {
      await requireAccess(boards, request, request.params.boardId, FACILITATOR)
      return answer(() => votes.close(request.params.boardId, request.params.voteId))
    },
  )
}
