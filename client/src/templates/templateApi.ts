import { z } from 'zod'
import type { Locale } from '../../../shared/locales.ts'
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import { parseTemplate, ZONE_KINDS, type Template } from '../../../shared/templates/templateSchema.ts'

// Calls to the server's template endpoints (README "HTTP API"), validated at the boundary.

const thumbnailSchema = z.object({
  width: z.number().positive(),
  height: z.number().positive(),
  zones: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(ZONE_KINDS),
      label: z.string(),
      x: z.number(),
      y: z.number(),
      w: z.number(),
      h: z.number(),
    }),
  ),
})

const knownGroups = new Set<string>(STAKEHOLDER_GROUPS)

const catalogEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  purpose: z.string().optional(),
  // A newer server may know more groups than this client; those are left out rather than failing the list.
  suggestedGroups: z
    .array(z.string())
    .transform((groups) => groups.filter((g): g is StakeholderGroup => knownGroups.has(g))),
  durationMinutes: z.number(),
  sources: z.array(z.string()),
  zoneCount: z.number().optional(),
  thumbnail: thumbnailSchema,
  custom: z.boolean().optional(),
})
/** One template as the lobby lists it (`GET /api/templates?locale=`), in one locale. */
export type TemplateCatalogEntry = z.infer<typeof catalogEntrySchema>
/** The zones preview of a catalogue entry, in board units. */
export type TemplateThumbnailData = z.infer<typeof thumbnailSchema>

const errorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  errors: z.array(z.string()).optional(),
})

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
    const error = errorBodySchema.safeParse(body)
    throw error.success
      ? new TemplateApiError(response.status, error.data.error, error.data.message, error.data.errors)
      : new TemplateApiError(response.status, 'http_error', response.statusText || `HTTP ${response.status}`)
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new TemplateApiError(response.status, 'bad_response', 'Unexpected response from the server')
  return parsed.data
}

const catalogSchema = z.object({ templates: z.array(catalogEntrySchema) })

/** The template catalogue for the lobby, with texts in `locale`. */
export async function fetchTemplateCatalog(locale: Locale, signal?: AbortSignal): Promise<TemplateCatalogEntry[]> {
  const response = await fetch(`/api/templates?locale=${encodeURIComponent(locale)}`, { signal })
  return (await readBody(response, catalogSchema)).templates
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

const createdSchema = z.object({ id: z.string(), template: z.unknown().optional() })

/** Adds a template to the catalogue (`POST /api/templates`); a 400 carries the specific problems. */
export async function importTemplate(json: unknown): Promise<{ id: string }> {
  const response = await fetch('/api/templates', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(json),
  })
  return readBody(response, createdSchema)
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
  return readBody(response, createdSchema)
}
