import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { boardParamsSchema, CREATE_KEY_HEADER, createBoardRequestSchema, type BoardInfo, type CreatedBoard } from '../../shared/api/boards.ts'
import { COMMON_MESSAGES } from '../../shared/i18n/commonMessages.ts'
import { createTranslator } from '../../shared/i18n/translator.ts'
import { DEFAULT_LOCALE, type Locale } from '../../shared/locales.ts'
import type { BoardService } from '../boards/BoardService.ts'
import type { CustomTemplates } from '../boards/CustomTemplates.ts'
import type { TemplateCatalog } from '../boards/TemplateCatalog.ts'
import type { Config } from '../config.ts'
import { requireAccess } from './boardAccess.ts'
import { HttpError } from './HttpError.ts'
import type { AddressLimiter } from './rateLimits.ts'

/** The title of a board created without one, in its language (the client shows the same words). */
const defaultTitle = (locale: Locale) => createTranslator(COMMON_MESSAGES, locale)('untitledBoard')

export interface BoardsRoutesOptions {
  boards: BoardService
  templates: TemplateCatalog
  /** Facilitators' own templates (another instance may have saved or deleted one). */
  customTemplates: CustomTemplates
  createBoards: Config['createBoards']
  /** Per-address limit on board creation. */
  creationLimit: AddressLimiter
  log: import('pino').Logger
}

/** `POST /api/boards` (creation, optionally behind the creation key) and `GET /api/boards/<id>`. */
export async function boardsRoutes(app: FastifyInstance, options: BoardsRoutesOptions): Promise<void> {
  const { boards, templates } = options
  const checkKey = creationKeyCheck(options.createBoards)

  app.post<{ Body: z.output<typeof createBoardRequestSchema> }>(
    '/api/boards',
    {
      schema: { body: createBoardRequestSchema },
      // Before the body is read: the address's quota first (so guessing keys is rate-limited
      // too), then the key.
      onRequest: [options.creationLimit, async (request) => checkKey(request)],
    },
    async (request, reply): Promise<CreatedBoard> => {
      const { template, title, locale = DEFAULT_LOCALE } = request.body
      await options.customTemplates.ensureFresh()
      if (!(await options.customTemplates.find(template))) {
        const ids = templates.ids()
        throw new HttpError(400, 'unknown_template', `Unknown template "${template.slice(0, 100)}". Valid templates: ${ids.join(', ')}.`, {
          validTemplates: ids,
        })
      }
      const anonymous = request.body.anonymous ?? templates.get(template)?.defaultAnonymous ?? false
      const created = await boards.create({ template, locale, title: title || defaultTitle(locale), anonymous })
      options.log.info({ board: created.board.id, template }, 'board created')
      reply.code(201)
      return {
        id: created.board.id,
        title: created.board.title,
        template: created.board.template,
        locale: created.board.locale,
        createdAt: created.board.createdAt,
        anonymous,
        links: created.links,
      }
    },
  )

  app.get<{ Params: z.output<typeof boardParamsSchema> }>(
    '/api/boards/:boardId',
    { schema: { params: boardParamsSchema } },
    async (request): Promise<BoardInfo> => {
      const { board, role } = await requireAccess(boards, request, request.params.boardId)
      // Anonymity lives in the board's document (the facilitator may switch it before anyone writes).
      return { ...board, role, anonymous: (await boards.settingsOf(board.id)).anonymous }
    },
  )
}

/**
 * The creation-key check of CREATE_BOARDS=key: 401 without a key, 403 with a wrong one. Keys are
 * compared as SHA-256 digests in constant time, and never logged.
 */
function creationKeyCheck(createBoards: Config['createBoards']): (request: FastifyRequest) => void {
  if (createBoards.mode === 'open') return () => {}
  const expected = createHash('sha256').update(createBoards.key, 'utf8').digest()
  return (request) => {
    const sent = request.headers[CREATE_KEY_HEADER]
    const key = Array.isArray(sent) ? sent[0] : sent
    if (!key) {
      throw new HttpError(
        401,
        'creation_key_required',
        `This server creates boards only for those who have its creation key. Send it in the ${CREATE_KEY_HEADER} header (the start page asks for it).`,
      )
    }
    const given = createHash('sha256').update(key, 'utf8').digest()
    if (!timingSafeEqual(given, expected)) {
      throw new HttpError(403, 'bad_creation_key', 'The creation key is not right. Ask the people who run this coboard server for the current key.')
    }
  }
}
