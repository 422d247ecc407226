import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { boardParamsSchema } from '../../shared/api/boards.ts'
import {
  boardAsTemplateRequestSchema,
  deletedTemplateSchema,
  templateListQuerySchema,
  templateParamsSchema,
  type BoardTemplates,
  type SavedTemplate,
  type templateListSchema,
} from '../../shared/api/templates.ts'
import { canManageBoard } from '../../shared/roles.ts'
import { readRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import { templateFromBoard } from '../../shared/templates/templateFromBoard.ts'
import type { BoardService } from '../boards/BoardService.ts'
import type { CustomTemplates, SaveTemplateResult } from '../boards/CustomTemplates.ts'
import type { TemplateCatalog } from '../boards/TemplateCatalog.ts'
import { newConnectionId } from '../boards/tokens.ts'
import type { RoomManager } from '../sync/RoomManager.ts'
import { requireAccess } from './boardAccess.ts'
import { HttpError } from './HttpError.ts'
import type { AddressLimiter } from './rateLimits.ts'

export interface TemplatesRoutesOptions {
  boards: BoardService
  rooms: RoomManager
  catalog: TemplateCatalog
  customTemplates: CustomTemplates
  maxTemplateBytes: number
  /** Per-address limit on template saves (import and "save board as template" together). */
  saveLimit: AddressLimiter
}

const facilitatorOnly = (action: string) => ({ roles: canManageBoard, refusal: `Only the facilitator link can ${action}.` })

const importQuerySchema = z.object({
  board: z.string({ error: 'say which board the facilitator link belongs to: POST /api/templates?board=<board id>' }),
})

/**
 * The template catalogue: the lobby's list, export, import and deletion of facilitators' own
 * templates, and saving a board's zones as a new template.
 */
export async function templatesRoutes(app: FastifyInstance, options: TemplatesRoutesOptions): Promise<void> {
  const { boards, catalog, customTemplates } = options

  app.get<{ Querystring: z.output<typeof templateListQuerySchema> }>(
    '/api/templates',
    { schema: { querystring: templateListQuerySchema } },
    async (request): Promise<z.input<typeof templateListSchema>> => {
      await customTemplates.ensureFresh()
      return { templates: catalog.list(request.query.locale) }
    },
  )

  app.get<{ Params: z.output<typeof templateParamsSchema> }>(
    '/api/templates/:templateId',
    { schema: { params: templateParamsSchema } },
    async (request, reply) => {
      const template = await customTemplates.find(request.params.templateId)
      if (!template) throw new HttpError(404, 'not_found', `No template "${request.params.templateId.slice(0, 100)}". Valid templates: ${catalog.ids().join(', ')}.`)
      reply.header('Content-Disposition', `inline; filename="${template.id}.json"`)
      return template
    },
  )

  app.post<{ Querystring: z.output<typeof importQuerySchema>; Body: unknown }>(
    '/api/templates',
    {
      schema: { querystring: importQuerySchema },
      // Exported files are pretty-printed; the limit that counts is checked on the compact JSON.
      bodyLimit: options.maxTemplateBytes * 4,
      onRequest: [
        options.saveLimit,
        async (request) => {
          const board = (request.query as { board?: unknown }).board
          if (typeof board !== 'string') throw new HttpError(400, 'bad_request', 'Say which board the facilitator link belongs to: POST /api/templates?board=<board id>.')
          await requireAccess(boards, request, board, facilitatorOnly('import templates'))
        },
      ],
    },
    async (request, reply): Promise<SavedTemplate> => {
      const template = saved(await customTemplates.save(request.body, request.query.board))
      reply.code(201)
      return { id: template.id, template }
    },
  )

  app.delete<{ Params: z.output<typeof templateParamsSchema> }>(
    '/api/templates/:templateId',
    { schema: { params: templateParamsSchema } },
    async (request) => {
      const { templateId } = request.params
      if (!(await customTemplates.find(templateId))) throw new HttpError(404, 'not_found', `No template "${templateId.slice(0, 100)}".`)
      if (!catalog.isCustom(templateId)) throw new HttpError(403, 'forbidden', 'The templates that come with coboard cannot be deleted.')
      const owner = customTemplates.ownerOf(templateId)
      if (!owner) throw new HttpError(403, 'forbidden', 'This template was saved before templates had owners; only the people who run this server can remove it.')
      // The token must be a facilitator link of the board that saved the template.
      await requireAccess(boards, request, owner, facilitatorOnly('delete the templates saved from its board'))
      const result = await customTemplates.delete(templateId, owner)
      // Only a delete that raced another one gets here.
      if (result !== 'deleted') throw new HttpError(404, 'not_found', `No template "${templateId}".`)
      return { id: templateId, deleted: true } satisfies z.input<typeof deletedTemplateSchema>
    },
  )

  app.get<{ Params: z.output<typeof boardParamsSchema> }>(
    '/api/boards/:boardId/templates',
    { schema: { params: boardParamsSchema } },
    async (request): Promise<BoardTemplates> => {
      const { board } = await requireAccess(boards, request, request.params.boardId, facilitatorOnly("list the board's templates"))
      await customTemplates.ensureFresh()
      const locale = board.locale
      return {
        templates: customTemplates.ownedBy(request.params.boardId).map((id) => ({ id, title: catalog.get(id)?.title[locale] ?? id })),
      }
    },
  )

  app.post<{ Params: z.output<typeof boardParamsSchema>; Body: z.output<typeof boardAsTemplateRequestSchema> }>(
    '/api/boards/:boardId/template',
    {
      schema: { params: boardParamsSchema, body: boardAsTemplateRequestSchema },
      onRequest: [options.saveLimit],
    },
    async (request, reply): Promise<SavedTemplate> => {
      const { boardId } = request.params
      const caller = await requireAccess(boards, request, boardId, facilitatorOnly('save a board as a template'))
      const base = catalog.get(caller.board.template) ?? catalog.get('blank')
      if (!base) throw new HttpError(500, 'server_error', 'The blank template is missing.')
      const room = await options.rooms.acquire(boardId)
      let records
      try {
        records = readRecords(room.doc)
      } finally {
        options.rooms.releaseIfEmpty(room)
      }
      const id = request.body.id ?? `${caller.board.template}-${newConnectionId().toLowerCase().replace(/[^a-z0-9]/g, '')}`
      const template = saved(
        await customTemplates.save(templateFromBoard(records, base, caller.board.locale, { id, title: request.body.title ?? caller.board.title }), boardId),
      )
      reply.code(201)
      return { id: template.id, template }
    },
  )
}

/** A saved template, or the refusal in words: what was wrong, and which limit was reached. */
function saved(result: SaveTemplateResult) {
  if (result.ok) return result.template
  switch (result.reason) {
    case 'invalid':
      throw new HttpError(400, 'invalid_template', `The template is not valid: ${result.errors[0]}`, { errors: result.errors })
    case 'taken':
      throw new HttpError(409, 'template_exists', `A template with id "${result.id}" already exists; choose another id.`)
    case 'too-large':
      throw new HttpError(413, 'too_large', `The template is larger than ${result.limit} bytes (as compact JSON), the most this server keeps (MAX_TEMPLATE_BYTES).`)
    case 'board-quota':
      throw new HttpError(
        507,
        'quota_exceeded',
        `This board already has ${result.limit} templates of its own, the most one board may keep (MAX_TEMPLATES_PER_BOARD). Delete one of them first.`,
      )
    case 'total-quota':
      throw new HttpError(
        507,
        'quota_exceeded',
        `This server already keeps ${result.limit} custom templates, the most it keeps (MAX_CUSTOM_TEMPLATES). Ask the people who run it to make room.`,
      )
  }
}
