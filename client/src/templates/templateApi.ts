import { z } from 'zod'
import { apiErrorBodySchema } from '../../../shared/api/errors.ts'
import {
  boardTemplatesSchema,
  deletedTemplateSchema,
  savedTemplateSchema,
  templateListSchema,
  type BoardTemplates,
  type TemplateCatalogEntry,
} from '../../../shared/api/templates.ts'
import type { Locale } from '../../../shared/locales.ts'
import { parseTemplate, type Template } from '../../../shared/templates/templateSchema.ts'

// Calls to the server's template endpoints (README "HTTP API"), validated at the boundary with
// the schemas the server's routes use (shared/api/templates.ts).

export type { TemplateCatalogEntry, TemplateThumbnailData } from '../../../shared/api/templates.ts'

/** A refusal from a template endpoint, with the server's list of specific problems when it gave one. */
export class TemplateApiError extends Error {
  readonly status: number
  readonly code: string
  readonly errors: string[]

  constructor(status: number, code: string, message: string, errors: string[] = []) {
    super(message)
    this.name = 'TemplateApiError'
    this.status = status
    this.code = code
    this.errors = errors
  }
}

async function readBody<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const error = apiErrorBodySchema.safeParse(body)
    throw error.success
      ? new TemplateApiError(response.status, error.data.error, error.data.message, error.data.errors)
      : new TemplateApiError(response.status, 'http_error', response.statusText || `HTTP ${response.status}`)
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new TemplateApiError(response.status, 'bad_response', 'Unexpected response from the server')
  return parsed.data
}

/** The template catalogue for the lobby, with texts in `locale`. */
export async function fetchTemplateCatalog(locale: Locale, signal?: AbortSignal): Promise<TemplateCatalogEntry[]> {
  const response = await fetch(`/api/templates?locale=${encodeURIComponent(locale)}`, { signal })
  return (await readBody(response, templateListSchema)).templates
}

const templateJsonSchema = z.unknown().transform((json, ctx) => {
  const result = parseTemplate(json)
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.errors.join('; ') })
    return z.NEVER
  }
  return { template: result.template, json }
})

/** A full template (`GET /api/templates/<id>`): validated, plus the JSON exactly as the server sent it. */
export async function fetchTemplate(id: string, signal?: AbortSignal): Promise<{ template: Template; json: unknown }> {
  const response = await fetch(`/api/templates/${encodeURIComponent(id)}`, { signal })
  return readBody(response, templateJsonSchema)
}

/**
 * Adds a template to the catalogue (`POST /api/templates`) with the facilitator link of a board,
 * which then owns it; a 400 carries the specific problems.
 */
export async function importTemplate(options: { boardId: string; token: string; json: unknown }): Promise<{ id: string }> {
  const response = await fetch(`/api/templates?board=${encodeURIComponent(options.boardId)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(options.json),
  })
  return readBody(response, savedTemplateSchema)
}

/** The custom templates saved from a board (facilitator token): the ones its facilitator may delete. */
export async function fetchBoardTemplates(options: { boardId: string; token: string; signal?: AbortSignal }): Promise<BoardTemplates['templates']> {
  const response = await fetch(`/api/boards/${encodeURIComponent(options.boardId)}/templates`, {
    headers: { Authorization: `Bearer ${options.token}` },
    signal: options.signal,
  })
  return (await readBody(response, boardTemplatesSchema)).templates
}

/** Deletes a custom template saved from the facilitator's board (`DELETE /api/templates/<id>`). */
export async function deleteTemplate(options: { id: string; token: string }): Promise<void> {
  const response = await fetch(`/api/templates/${encodeURIComponent(options.id)}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${options.token}` },
  })
  await readBody(response, deletedTemplateSchema)
}

/** Saves the board's current zones as a new template (facilitator token); returns its id and JSON. */
export async function saveBoardAsTemplate(options: {
  boardId: string
  token: string
  title?: string
}): Promise<{ id: string; template?: unknown }> {
  const response = await fetch(`/api/boards/${encodeURIComponent(options.boardId)}/template`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(options.title ? { title: options.title } : {}),
  })
  return readBody(response, savedTemplateSchema)
}
