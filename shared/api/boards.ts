import { z } from 'zod'
import { LOCALES, localeSchema } from '../locales.ts'
import { roleSchema } from '../roles.ts'

/** The longest board title, in characters. */
export const BOARD_TITLE_MAX = 200

/** The header that carries the creation key when the server has CREATE_BOARDS=key. */
export const CREATE_KEY_HEADER = 'x-coboard-create-key'

/** The body of `POST /api/boards`. Which template ids exist is checked by the server (unknown_template). */
export const createBoardRequestSchema = z.strictObject({
  template: z.string({ error: 'template is required: the id of a template from GET /api/templates' }),
  title: z
    .string({ error: 'title must be a string' })
    .trim()
    .max(BOARD_TITLE_MAX, `title must be at most ${BOARD_TITLE_MAX} characters`)
    .optional(),
  locale: z.enum(LOCALES, { error: (issue) => `locale must be one of ${LOCALES.join(', ')}, got ${JSON.stringify(issue.input)}` }).optional(),
  /** No names kept on the board; default: what the template suggests (compelling-repelling: yes). */
  anonymous: z.boolean({ error: 'anonymous must be true or false' }).optional(),
})
export type CreateBoardRequest = z.input<typeof createBoardRequestSchema>

export const boardLinksSchema = z.object({
  facilitator: z.string(),
  participant: z.string(),
  observer: z.string(),
})

export const createdBoardSchema = z.object({
  id: z.string(),
  title: z.string(),
  template: z.string(),
  locale: localeSchema,
  createdAt: z.number(),
  anonymous: z.boolean().default(false),
  links: boardLinksSchema,
})
/** What `POST /api/boards` answers: the new board and its three secret links. */
export type CreatedBoard = z.infer<typeof createdBoardSchema>

export const boardInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  template: z.string(),
  locale: localeSchema,
  createdAt: z.number(),
  role: roleSchema,
  /** The board keeps no names (older servers omit it: not anonymous). */
  anonymous: z.boolean().default(false),
})
/** What `GET /api/boards/<id>` answers for a token: the board and the role the token grants. */
export type BoardInfo = z.infer<typeof boardInfoSchema>

/** The `<id>` of `/api/boards/<id>/…`. Any string: the token check refuses ids that cannot exist. */
export const boardParamsSchema = z.object({ boardId: z.string() })
