import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { DEFAULT_LOCALE, LOCALES, type Locale, localeSchema } from '../shared/locales.ts'
import { canManageBoard, canUploadAssets, roleSchema } from '../shared/roles.ts'
import { readRecords } from '../shared/tldrawYjs/recordsDoc.ts'
import { templateFromBoard } from '../shared/templates/templateFromBoard.ts'
import { KEBAB_CASE, parseTemplate } from '../shared/templates/templateSchema.ts'
import type { BoardService } from './BoardService.ts'
import { HttpError, bearerToken, readBody, readJson, sendError, sendJson } from './http.ts'
import type { DocStore } from './store/DocStore.ts'
import type { RoomManager } from './RoomManager.ts'
import type { TemplateCatalog } from './TemplateCatalog.ts'
import { newAssetId, newConnectionId } from './tokens.ts'
import { detectImageType, UPLOAD_TYPES } from './uploads.ts'

export interface ApiOptions {
  boards: BoardService
  store: DocStore
  rooms: RoomManager
  templates: TemplateCatalog
  maxUploadBytes: number
  tldrawLicenseKey: string | undefined
  log: import('pino').Logger
}

const JSON_LIMIT = 64 * 1024
const TEMPLATE_LIMIT = 1024 * 1024
const TITLE_MAX = 200

function createBoardSchema(templateIds: string[]) {
  return z.strictObject({
    template: z.string({ error: 'template is required: one of ' + templateIds.join(', ') }),
    title: z
      .string({ error: 'title must be a string' })
      .trim()
      .max(TITLE_MAX, `title must be at most ${TITLE_MAX} characters`)
      .optional(),
    locale: z.enum(LOCALES, { error: (issue) => `locale must be one of ${LOCALES.join(', ')}, got ${JSON.stringify(issue.input)}` }).optional(),
  })
}

const DEFAULT_TITLE: Record<Locale, string> = {
  en: 'Untitled board',
  da: 'Unavngivet tavle',
  sv: 'Namnlös tavla',
  nb: 'Tavle uten navn',
}

/**
 * The REST API under /api, plus /healthz. Every error is JSON `{ error, message }`; handlers
 * validate their input with zod at this boundary and trust types inside.
 */
export function createApi(options: ApiOptions) {
  const { boards, store, templates } = options

  async function access(req: IncomingMessage, boardId: string) {
    const token = bearerToken(req)
    if (!token) throw new HttpError(401, 'unauthorized', 'Send the link token as "Authorization: Bearer <token>".')
    const result = await boards.authenticate(boardId, token)
    if (!result.ok) {
      if (result.reason === 'not-found') throw new HttpError(404, 'not_found', `No board with id "${boardId}".`)
      throw new HttpError(403, 'forbidden', 'This link is not valid for this board (wrong, or rotated by the facilitator).')
    }
    return result
  }

  async function createBoard(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req, JSON_LIMIT)
    const ids = templates.ids()
    const parsed = createBoardSchema(ids).safeParse(body)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
      const message =
        issue.code === 'unrecognized_keys'
          ? `Unknown field(s): ${issue.keys.join(', ')}. Allowed: template, title, locale.`
          : `${where}${issue.message}`
      throw new HttpError(400, 'bad_request', message)
    }
    const { template, title, locale = DEFAULT_LOCALE } = parsed.data
    if (!ids.includes(template)) {
      throw new HttpError(400, 'unknown_template', `Unknown template "${template}". Valid templates: ${ids.join(', ')}.`, {
        validTemplates: ids,
      })
    }
    const created = await boards.create({ template, locale, title: title || DEFAULT_TITLE[locale] })
    options.log.info({ board: created.board.id, template }, 'board created')
    sendJson(res, 201, {
      id: created.board.id,
      title: created.board.title,
      template: created.board.template,
      locale: created.board.locale,
      createdAt: created.board.createdAt,
      links: created.links,
    })
  }

  async function getBoard(req: IncomingMessage, res: ServerResponse, boardId: string): Promise<void> {
    const { board, role } = await access(req, boardId)
    sendJson(res, 200, { ...board, role })
  }

  async function rotate(req: IncomingMessage, res: ServerResponse, boardId: string, roleText: string): Promise<void> {
    const role = roleSchema.safeParse(roleText)
    if (!role.success) throw new HttpError(404, 'not_found', `No link role "${roleText}"; roles are facilitator, participant, observer.`)
    const caller = await access(req, boardId)
    if (!canManageBoard(caller.role)) throw new HttpError(403, 'forbidden', 'Only the facilitator link can rotate links.')
    const link = await boards.rotate(boardId, role.data)
    options.log.info({ board: boardId, role: role.data }, 'link rotated')
    sendJson(res, 200, { role: role.data, link })
  }

  async function upload(req: IncomingMessage, res: ServerResponse, boardId: string): Promise<void> {
    const caller = await access(req, boardId)
    if (!canUploadAssets(caller.role)) throw new HttpError(403, 'forbidden', 'Observer links cannot upload images.')
    const declaredType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    if (!UPLOAD_TYPES.includes(declaredType)) {
      req.resume()
      throw new HttpError(415, 'unsupported_type', `Images must be one of ${UPLOAD_TYPES.join(', ')}; got "${declaredType || 'no Content-Type'}".`)
    }
    const data = await readBody(req, options.maxUploadBytes)
    if (data.length === 0) throw new HttpError(400, 'bad_request', 'The upload is empty.')
    const actualType = detectImageType(data)
    if (actualType !== declaredType) {
      throw new HttpError(415, 'unsupported_type', `The file is not really ${declaredType}: its content looks like ${actualType ?? "something else"}.`)
    }
    const id = newAssetId()
    await store.putAsset({ boardId, id, mimeType: actualType, data, createdAt: Date.now() })
    sendJson(res, 201, { id, url: `/api/boards/${boardId}/assets/${id}`, mimeType: actualType, size: data.length })
  }

  async function saveTemplate(template: unknown, res: ServerResponse, status: number, extra: Record<string, unknown> = {}): Promise<void> {
    const parsed = parseTemplate(template)
    if (!parsed.ok) {
      throw new HttpError(400, 'invalid_template', `The template is not valid: ${parsed.errors[0]}`, { errors: parsed.errors })
    }
    if (templates.get(parsed.template.id)) {
      throw new HttpError(409, 'template_exists', `A template with id "${parsed.template.id}" already exists; choose another id.`)
    }
    // Store first, then list: a template in the lobby is always one that survives a restart.
    if (!(await store.putCustomTemplate(parsed.template.id, JSON.stringify(parsed.template)))) {
      throw new HttpError(409, 'template_exists', `A template with id "${parsed.template.id}" already exists; choose another id.`)
    }
    templates.addCustom(parsed.template)
    options.log.info({ template: parsed.template.id }, 'template added')
    sendJson(res, status, { id: parsed.template.id, template: parsed.template, ...extra })
  }

  async function importTemplate(req: IncomingMessage, res: ServerResponse): Promise<void> {
    await saveTemplate(await readJson(req, TEMPLATE_LIMIT), res, 201)
  }

  async function boardAsTemplate(req: IncomingMessage, res: ServerResponse, boardId: string): Promise<void> {
    const caller = await access(req, boardId)
    if (!canManageBoard(caller.role)) throw new HttpError(403, 'forbidden', 'Only the facilitator link can save a board as a template.')
    const body = z
      .strictObject({
        id: z.string().regex(KEBAB_CASE, 'id must be lower-case words joined by hyphens, e.g. "our-stakeholder-map"').max(64).optional(),
        title: z.string().trim().min(1).max(TITLE_MAX).optional(),
      })
      .safeParse(await readJson(req, JSON_LIMIT))
    if (!body.success) throw new HttpError(400, 'bad_request', body.error.issues[0].message)
    const base = templates.get(caller.board.template) ?? templates.get('blank')
    if (!base) throw new HttpError(500, 'server_error', 'The blank template is missing.')
    const room = await options.rooms.acquire(boardId)
    let records
    try {
      records = readRecords(room.doc)
    } finally {
      options.rooms.releaseIfEmpty(room)
    }
    const id = body.data.id ?? `${caller.board.template}-${newConnectionId().toLowerCase().replace(/[^a-z0-9]/g, '')}`
    const template = templateFromBoard(records, base, caller.board.locale, { id, title: body.data.title ?? caller.board.title })
    await saveTemplate(template, res, 201)
  }

  async function getAsset(res: ServerResponse, boardId: string, assetId: string): Promise<void> {
    const asset = /^[A-Za-z0-9_-]{10,64}$/.test(assetId) ? await store.getAsset(boardId, assetId) : undefined
    if (!asset) throw new HttpError(404, 'not_found', 'No such image.')
    res.writeHead(200, {
      'Content-Type': asset.mimeType,
      'Content-Length': asset.data.length,
      'Cache-Control': 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    })
    res.end(Buffer.from(asset.data))
  }

  /** Handles the request if it is an API route; false otherwise. */
  return async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://x')
    const path = url.pathname
    const method = req.method ?? 'GET'
    if (path !== '/healthz' && !path.startsWith('/api/')) return false
    try {
      let m: RegExpExecArray | null
      if (path === '/healthz' && (method === 'GET' || method === 'HEAD')) {
        sendJson(res, 200, { ok: true })
      } else if (path === '/api/config' && method === 'GET') {
        sendJson(res, 200, {
          tldrawLicenseKey: options.tldrawLicenseKey ?? null,
          maxUploadBytes: options.maxUploadBytes,
          uploadTypes: UPLOAD_TYPES,
        })
      } else if (path === '/api/templates' && method === 'GET') {
        const locale = localeSchema.safeParse(url.searchParams.get('locale') ?? DEFAULT_LOCALE)
        if (!locale.success) throw new HttpError(400, 'bad_request', `locale must be one of ${LOCALES.join(', ')}.`)
        sendJson(res, 200, { templates: templates.list(locale.data) })
      } else if (path === '/api/templates' && method === 'POST') {
        await importTemplate(req, res)
      } else if ((m = /^\/api\/templates\/([^/]+)$/.exec(path)) && method === 'GET') {
        const template = templates.get(m[1])
        if (!template) throw new HttpError(404, 'not_found', `No template "${m[1]}". Valid templates: ${templates.ids().join(', ')}.`)
        sendJson(res, 200, template, { 'Content-Disposition': `inline; filename="${template.id}.json"` })
      } else if ((m = /^\/api\/boards\/([^/]+)\/template$/.exec(path)) && method === 'POST') {
        await boardAsTemplate(req, res, m[1])
      } else if (path === '/api/boards' && method === 'POST') {
        await createBoard(req, res)
      } else if ((m = /^\/api\/boards\/([^/]+)$/.exec(path)) && method === 'GET') {
        await getBoard(req, res, m[1])
      } else if ((m = /^\/api\/boards\/([^/]+)\/links\/([^/]+)\/rotate$/.exec(path)) && method === 'POST') {
        await rotate(req, res, m[1], m[2])
      } else if ((m = /^\/api\/boards\/([^/]+)\/assets$/.exec(path)) && method === 'POST') {
        await upload(req, res, m[1])
      } else if ((m = /^\/api\/boards\/([^/]+)\/assets\/([^/]+)$/.exec(path)) && method === 'GET') {
        await getAsset(res, m[1], m[2])
      } else {
        throw new HttpError(404, 'not_found', `No API route ${method} ${path}.`)
      }
    } catch (error) {
      if (error instanceof HttpError) {
        sendError(res, error)
      } else {
        options.log.error({ err: error, method, path }, 'API request failed')
        sendError(res, new HttpError(500, 'server_error', 'Something went wrong on the server; nothing was changed.'))
      }
    }
    return true
  }
}
