import { z } from 'zod'
import { LOCALES, type Locale, type Localized } from '../locales.ts'
import { STAKEHOLDER_GROUPS } from '../stakeholderGroups.ts'

/** Language names used in error messages, so a facilitator sees "Norwegian (nb)", not just "nb". */
const LOCALE_ERROR_NAMES: Record<Locale, string> = {
  en: 'English (en)',
  da: 'Danish (da)',
  sv: 'Swedish (sv)',
  nb: 'Norwegian Bokmål (nb)',
}

/** Lower-case words joined by single hyphens: `stakeholder-map`, `row-2`. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

function localeText(locale: Locale) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `missing ${LOCALE_ERROR_NAMES[locale]} text`
          : `${LOCALE_ERROR_NAMES[locale]} text must be a string`,
    })
    .refine((s) => s.trim().length > 0, { message: `${LOCALE_ERROR_NAMES[locale]} text is empty` })
}

/** A text given in every locale (en, da, sv, nb), none of them empty. */
export const localizedSchema = z.strictObject(
  { en: localeText('en'), da: localeText('da'), sv: localeText('sv'), nb: localeText('nb') },
  { error: (issue) => (issue.input === undefined ? 'missing text (give en, da, sv and nb)' : undefined) },
) satisfies z.ZodType<Localized>

const idSchema = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .regex(KEBAB_CASE, { message: `${what} must be kebab-case (lower-case letters, digits and single hyphens), e.g. "shared-challenge"` })

const coordinate = (name: string) =>
  z.number({ error: `${name} must be a number` }).finite().min(0, { message: `${name} must be 0 or more (board units)` })
const extent = (name: string) =>
  z.number({ error: `${name} must be a number` }).finite().positive({ message: `${name} must be greater than 0 (board units)` })

/**
 * What a zone is for. `zone` and `cell` hold notes; a `band` holds notes and may contain other
 * zones (e.g. an outer band or a scale); headers and reference panels only carry text.
 */
export const ZONE_KINDS = ['zone', 'cell', 'band', 'column-header', 'row-header', 'reference'] as const
export type ZoneKind = (typeof ZONE_KINDS)[number]

/** Zone kinds participants put notes in; exports group notes by these zones. */
export const NOTE_ZONE_KINDS: readonly ZoneKind[] = ['zone', 'cell', 'band']

/** Accent colours a zone may use. Blue/orange/violet stay apart for colour-blind readers; labels are always shown too. */
export const ZONE_ACCENTS = ['black', 'grey', 'blue', 'orange', 'violet', 'green'] as const

/** One labelled area of a template, placed in board units (x right, y down, origin top-left). */
export const zoneSchema = z.strictObject({
  id: idSchema('zone id'),
  kind: z.enum(ZONE_KINDS, { error: `kind must be one of: ${ZONE_KINDS.join(', ')}` }).default('zone'),
  label: localizedSchema,
  prompt: localizedSchema.optional(),
  body: localizedSchema.optional(),
  row: idSchema('row').optional(),
  column: idSchema('column').optional(),
  extension: z.boolean().optional(),
  accent: z.enum(ZONE_ACCENTS, { error: `accent must be one of: ${ZONE_ACCENTS.join(', ')}` }).optional(),
  x: coordinate('x'),
  y: coordinate('y'),
  w: extent('w'),
  h: extent('h'),
})
export type Zone = z.infer<typeof zoneSchema>

/** A sticky note that shows what a good contribution looks like; off until a facilitator shows examples. */
export const exampleNoteSchema = z.strictObject({
  zone: idSchema('zone'),
  text: localizedSchema,
})
export type ExampleNote = z.infer<typeof exampleNoteSchema>

/**
 * What an agenda step asks people to do. Optional in the file format; later features (the live
 * agenda, dot voting, the report back) act on it: `silent-writing` — everyone writes on their own
 * before anything is discussed; `discussion` — talk, place or move notes; `dot-vote` — everyone
 * gets the same number of dots to choose with; `report-back` — plan how participants hear what
 * happened to their input; `other` — anything else.
 */
export const AGENDA_ACTIVITIES = ['silent-writing', 'discussion', 'dot-vote', 'report-back', 'other'] as const
export type AgendaActivity = (typeof AGENDA_ACTIVITIES)[number]

/** One step of the facilitation agenda. */
export const agendaStepSchema = z.strictObject({
  id: idSchema('agenda step id'),
  minutes: z
    .number({ error: 'minutes must be a number' })
    .int({ message: 'minutes must be a whole number' })
    .positive({ message: 'minutes must be greater than 0' }),
  title: localizedSchema,
  instructions: localizedSchema,
  zones: z.array(idSchema('zone')).optional(),
  activity: z.enum(AGENDA_ACTIVITIES, { error: `activity must be one of: ${AGENDA_ACTIVITIES.join(', ')}` }).optional(),
})
export type AgendaStep = z.infer<typeof agendaStepSchema>

/** A source the template is grounded in: a short form for the board, a full one for exports. */
export const sourceSchema = z.strictObject({
  short: z.string().trim().min(1, { message: 'short citation is empty' }),
  full: z.string().trim().min(1, { message: 'full citation is empty' }),
})
export type TemplateSource = z.infer<typeof sourceSchema>

/** A section the template's collective document starts with: a heading, under an id of its own. */
export const documentSectionSchema = z.strictObject({
  id: idSchema('document section id'),
  title: localizedSchema,
})
export type TemplateDocumentSection = z.infer<typeof documentSectionSchema>

/** The template's outline for the board's collective document, offered when the document is empty. */
export const templateDocumentSchema = z.strictObject({
  sections: z.array(documentSectionSchema).min(1, { message: 'document sections: give at least one section, or leave "document" out' }).max(40, { message: 'document sections: 40 at the most' }),
})
export type TemplateDocument = z.infer<typeof templateDocumentSchema>

const templateShape = z.strictObject({
  id: idSchema('template id'),
  version: z.number().int().positive().default(1),
  order: z.number({ error: 'order must be a number' }).int().min(0).default(100),
  title: localizedSchema,
  summary: localizedSchema,
  purpose: localizedSchema,
  notice: localizedSchema.optional(),
  // Boards made from this template start anonymous (names not shown) once anonymity exists.
  defaultAnonymous: z.boolean({ error: 'defaultAnonymous must be true or false' }).optional(),
  sources: z.array(sourceSchema),
  suggestedGroups: z.array(
    z.enum(STAKEHOLDER_GROUPS, { error: `unknown stakeholder group; use one of: ${STAKEHOLDER_GROUPS.join(', ')}` }),
  ),
  durationMinutes: z.number().int().min(0, { message: 'durationMinutes must be 0 or more' }),
  agenda: z.array(agendaStepSchema),
  zones: z.array(zoneSchema),
  examples: z.array(exampleNoteSchema).default([]),
  document: templateDocumentSchema.optional(),
})

/** Bounds of a zone in board units. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** Whether two rectangles share any area (touching edges do not count). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/** Whether `inner` lies entirely within `outer`. */
export function rectContains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h
}

type TemplateInput = z.infer<typeof templateShape>

// Cross-field rules that zod's per-field schemas cannot express. Each issue names the zone or
// step by id so that a facilitator importing a file can find it.
function checkConsistency(t: TemplateInput, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
  const byId = new Map<string, Zone>()
  t.zones.forEach((zone, i) => {
    if (byId.has(zone.id)) issue(['zones', i, 'id'], `duplicate zone id "${zone.id}"; zone ids must be unique`)
    else byId.set(zone.id, zone)
  })
  t.zones.forEach((zone, i) => {
    if (NOTE_ZONE_KINDS.includes(zone.kind) && !zone.prompt) {
      issue(['zones', i, 'prompt'], `zone "${zone.id}" holds notes and needs a guiding prompt`)
    }
    if (zone.kind === 'reference' && !zone.body && !zone.prompt) {
      issue(['zones', i, 'body'], `reference panel "${zone.id}" needs a body (or prompt) text`)
    }
    for (const key of ['row', 'column'] as const) {
      const ref = zone[key]
      if (ref === undefined) continue
      const target = byId.get(ref)
      if (!target) issue(['zones', i, key], `zone "${zone.id}" refers to unknown ${key} "${ref}"`)
      else if (target.kind !== `${key}-header`) {
        issue(['zones', i, key], `zone "${zone.id}": ${key} "${ref}" must be a zone of kind "${key}-header", not "${target.kind}"`)
      }
    }
  })
  // Zones must not overlap, except a band and a zone wholly inside it.
  for (let i = 0; i < t.zones.length; i++) {
    for (let j = i + 1; j < t.zones.length; j++) {
      const a = t.zones[i]
      const b = t.zones[j]
      if (!rectsOverlap(a, b)) continue
      const nested = (a.kind === 'band' && rectContains(a, b)) || (b.kind === 'band' && rectContains(b, a))
      if (!nested) {
        issue(['zones', j], `zone "${b.id}" overlaps zone "${a.id}"; move one of them, or make the outer one a "band" that wholly contains the other`)
      }
    }
  }
  t.examples.forEach((example, i) => {
    const zone = byId.get(example.zone)
    if (!zone) issue(['examples', i, 'zone'], `example note refers to unknown zone "${example.zone}"`)
    else if (!NOTE_ZONE_KINDS.includes(zone.kind)) {
      issue(['examples', i, 'zone'], `example note is placed in "${example.zone}", a ${zone.kind} that does not hold notes`)
    }
  })
  const stepIds = new Set<string>()
  t.agenda.forEach((step, i) => {
    if (stepIds.has(step.id)) issue(['agenda', i, 'id'], `duplicate agenda step id "${step.id}"`)
    stepIds.add(step.id)
    step.zones?.forEach((ref, k) => {
      if (!byId.has(ref)) issue(['agenda', i, 'zones', k], `agenda step "${step.id}" refers to unknown zone "${ref}"`)
    })
  })
  const sectionIds = new Set<string>()
  t.document?.sections.forEach((section, i) => {
    if (sectionIds.has(section.id)) issue(['document', 'sections', i, 'id'], `duplicate document section id "${section.id}"`)
    sectionIds.add(section.id)
  })
  const total = t.agenda.reduce((sum, step) => sum + step.minutes, 0)
  if (t.agenda.length > 0 && total !== t.durationMinutes) {
    issue(['durationMinutes'], `durationMinutes is ${t.durationMinutes} but the agenda steps add up to ${total}`)
  }
}

/** The schema of one template data file (templates/<id>.json), including cross-field rules. */
export const templateSchema = templateShape.superRefine(checkConsistency)
/** A validated template. */
export type Template = z.infer<typeof templateSchema>

// Turns a zod path into something a facilitator can read: zones[3] "shared-challenge" › prompt › nb
function describePath(path: readonly PropertyKey[], input: unknown): string {
  if (path.length === 0) return '(template)'
  const parts: string[] = []
  let node: unknown = input
  for (const key of path) {
    const child = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined
    if (typeof key === 'number') {
      const id = child !== null && typeof child === 'object' ? (child as { id?: unknown }).id : undefined
      parts[parts.length - 1] += typeof id === 'string' ? `[${key}] "${id}"` : `[${key}]`
    } else {
      parts.push(String(key))
    }
    node = child
  }
  return parts.join(' › ')
}

/** Formats zod issues as "path: problem" lines, naming zones and steps by id. */
export function formatTemplateIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.map((issue) => {
    let message = issue.message
    if (issue.code === 'unrecognized_keys') message = `unknown field(s): ${issue.keys.join(', ')}`
    return `${describePath(issue.path, input)}: ${message}`
  })
}

/** Result of parsing a template file. */
export type ParseTemplateResult = { ok: true; template: Template } | { ok: false; errors: string[] }

/** Validates parsed JSON as a template; errors are specific lines for a facilitator to fix. */
export function parseTemplate(json: unknown): ParseTemplateResult {
  const result = templateSchema.safeParse(json)
  if (result.success) return { ok: true, template: result.data }
  return { ok: false, errors: formatTemplateIssues(result.error.issues, json) }
}

/** Whether notes belong in zones of this kind (not headers or reference panels). */
export function zoneHoldsNotes(zone: Pick<Zone, 'kind'>): boolean {
  return NOTE_ZONE_KINDS.includes(zone.kind)
}

/** The zones that appear on a board: extension zones only when switched on. */
export function activeZones(template: Template, includeExtensions = false): Zone[] {
  return template.zones.filter((zone) => includeExtensions || !zone.extension)
}
