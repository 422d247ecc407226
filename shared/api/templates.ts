import { z } from 'zod'
import { DEFAULT_LOCALE, LOCALES } from '../locales.ts'
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../stakeholderGroups.ts'
import { KEBAB_CASE, ZONE_KINDS } from '../templates/templateSchema.ts'
import { BOARD_TITLE_MAX } from './boards.ts'

export const templateThumbnailSchema = z.object({
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
/** The zones preview of a catalogue entry, in board units. */
export type TemplateThumbnailData = z.infer<typeof templateThumbnailSchema>

const knownGroups = new Set<string>(STAKEHOLDER_GROUPS)

export const templateCatalogEntrySchema = z.object({
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
  thumbnail: templateThumbnailSchema,
  thumbnailSvg: z.string().optional(),
  custom: z.boolean().optional(),
  /** Boards from this template keep no names unless the creator says otherwise (the lobby's box starts ticked). */
  defaultAnonymous: z.boolean().optional(),
})
/** One template as the lobby lists it (`GET /api/templates?locale=`), in one locale. */
export type TemplateCatalogEntry = z.infer<typeof templateCatalogEntrySchema>

export const templateListQuerySchema = z.object({
  locale: z.enum(LOCALES, { error: `locale must be one of ${LOCALES.join(', ')}.` }).default(DEFAULT_LOCALE),
})
export const templateListSchema = z.object({ templates: z.array(templateCatalogEntrySchema) })

export const templateParamsSchema = z.object({ templateId: z.string() })

/** The body of `POST /api/boards/<id>/template`: the board's zones saved as a new template. */
export const boardAsTemplateRequestSchema = z.strictObject({
  id: z.string().regex(KEBAB_CASE, 'id must be lower-case words joined by hyphens, e.g. "our-stakeholder-map"').max(64, 'id must be at most 64 characters').optional(),
  title: z.string().trim().min(1, 'title must not be empty').max(BOARD_TITLE_MAX, `title must be at most ${BOARD_TITLE_MAX} characters`).optional(),
})

export const savedTemplateSchema = z.object({ id: z.string(), template: z.unknown().optional() })
/** What saving a template answers: its id and the stored template JSON. */
export type SavedTemplate = z.infer<typeof savedTemplateSchema>

export const deletedTemplateSchema = z.object({ id: z.string(), deleted: z.literal(true) })


export const boardTemplatesSchema = z.object({ templates: z.array(z.object({ id: z.string(), title: z.string() })) })
/** What `GET /api/boards/<id>/templates` answers the facilitator: the templates saved from this board, which they may delete. */
export type BoardTemplates = z.infer<typeof boardTemplatesSchema>
