import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  toRichText,
  type TLFrameShape,
  type TLNoteShape,
  type TLPage,
  type TLPageId,
  type TLParentId,
  type TLRecord,
  type TLShape,
  type TLShapeId,
  type TLTextShape,
} from '@tldraw/tlschema'
import { getIndices, type IndexKey, type JsonObject } from '@tldraw/utils'
import type { Locale } from '../locales.ts'
import { activeZones, rectContains, rectsOverlap, zoneHoldsNotes, type Rect, type Template, type Zone } from './templateSchema.ts'
import { estimateTextHeight, longestWordFits, type TextSize } from './textLayout.ts'

// Layout of generated boards
// --------------------------
// Every zone becomes a locked tldraw *frame* (its `name` is the zone label, so tldraw's own frame
// heading and navigation show it) plus locked *text* children: a large label, a smaller prompt and,
// for reference panels, a body. Text shapes are used because a frame heading stays small on a
// projector. Frames are locked so nobody moves a zone by accident. tldraw never parents new or
// dropped shapes to a locked frame (BaseFrameLikeShapeUtil.canReceiveNewChildrenOfType returns
// !isLocked) — which is also why example notes are not children of their frame: a locked
// ancestor would lock them too. Participants' notes therefore stay on the page and belong to a
// zone by geometry (see zoneMembership.ts). A header above the zones (negative y) shows title, purpose, notice
// and the short source. All ids derive from template id + zone id: same input, same records.

/** tldraw's default page id (`getDefaultPages()` in @tldraw/tlschema's TLStore). */
export const DEFAULT_PAGE_ID = 'page:page' as TLPageId

/** Padding in board units between a zone's edge and its text. */
export const ZONE_PADDING = 24
/** Space in board units between a zone's text and the first example note. */
export const TEXT_GAP = 12
/** Side of a tldraw note at scale 1 (tldraw's NOTE_SIZE). */
export const NOTE_SIZE = 200

/** What the `meta.coboard` field of a generated shape says about it. */
export interface CoboardShapeMeta {
  template: string
  zone?: string
  kind?: Zone['kind']
  holdsNotes?: boolean
  row?: string
  column?: string
  extension?: boolean
  part?: 'label' | 'prompt' | 'body' | 'title' | 'purpose' | 'notice' | 'source'
  example?: boolean
}

/** Options for generating a board from a template. */
export interface GenerateOptions {
  /** Add the example notes (a facilitator can also toggle them later). Default false. */
  includeExamples?: boolean
  /** Add zones marked `extension` (off by default). Default false. */
  includeExtensions?: boolean
}

const SOURCE_WORD: Record<Locale, [string, string]> = {
  en: ['Source', 'Sources'],
  da: ['Kilde', 'Kilder'],
  sv: ['Källa', 'Källor'],
  nb: ['Kilde', 'Kilder'],
}

const HEADER_MIN_WIDTH = 1200
const HEADER_MAX_WIDTH = 2000
const TITLE_SCALE = 1.5
const HEADER_GAP = 64

/** Shape id of a zone's frame. */
export function zoneShapeId(templateId: string, zoneId: string): TLShapeId {
  return `shape:${templateId}/zone/${zoneId}` as TLShapeId
}

/** Shape id of the n-th example note (0-based) of a zone. */
export function exampleNoteShapeId(templateId: string, zoneId: string, n: number): TLShapeId {
  return `shape:${templateId}/example/${zoneId}/${n}` as TLShapeId
}

/** Text sizes of a zone's label and prompt: grid cells are secondary to their headers. */
export function zoneTextSizes(zone: Pick<Zone, 'kind'>): { label: TextSize; prompt: TextSize } {
  return zone.kind === 'cell' ? { label: 'm', prompt: 's' } : { label: 'xl', prompt: 'm' }
}

const SIZES_LARGEST_FIRST: TextSize[] = ['xl', 'l', 'm', 's']

/** The largest size, at most `preferred`, at which no word of `text` has to be split (long compounds in da/sv/nb). */
export function fitTextSize(text: string, width: number, preferred: TextSize): TextSize {
  const candidates = SIZES_LARGEST_FIRST.slice(SIZES_LARGEST_FIRST.indexOf(preferred))
  return candidates.find((size) => longestWordFits(text, width, size)) ?? 's'
}

/** Where a zone's label, prompt and body sit, relative to the zone, and the height they take. */
export function zoneTextLayout(zone: Zone, locale: Locale) {
  const sizes = zoneTextSizes(zone)
  const width = zone.w - 2 * ZONE_PADDING
  let y = ZONE_PADDING
  const place = (text: string | undefined, preferred: TextSize) => {
    if (!text) return undefined
    const size = fitTextSize(text, width, preferred)
    const box = { text, size, x: ZONE_PADDING, y, w: width, h: estimateTextHeight(text, width, size) }
    y += box.h + TEXT_GAP
    return box
  }
  const label = place(zone.label[locale], sizes.label)!
  const prompt = place(zone.prompt?.[locale], sizes.prompt)
  const body = place(zone.body?.[locale], sizes.prompt)
  return { label, prompt, body, height: y - TEXT_GAP + ZONE_PADDING / 2 }
}

/** Board-space rectangle of the text block at the top of a zone. */
export function zoneTextRect(zone: Zone, locale: Locale): Rect {
  return { x: zone.x, y: zone.y, w: zone.w, h: zoneTextLayout(zone, locale).height }
}

/**
 * Positions (board units) and scale of a zone's example notes: slots in reading order under the
 * zone's text, skipping `obstacles` (zones inside a band), shrinking the notes if they do not fit.
 */
export function exampleNotePlacements(zone: Zone, count: number, locale: Locale, obstacles: readonly Rect[] = []): { x: number; y: number; scale: number }[] {
  const top = zone.y + zoneTextLayout(zone, locale).height
  for (const scale of [1, 0.8, 0.6, 0.5]) {
    const size = NOTE_SIZE * scale
    const gap = 16 * scale
    const placed: { x: number; y: number; scale: number }[] = []
    for (let y = top; y + size + ZONE_PADDING <= zone.y + zone.h && placed.length < count; y += size + gap) {
      for (let x = zone.x + ZONE_PADDING; x + size + ZONE_PADDING <= zone.x + zone.w && placed.length < count; x += size + gap) {
        const slot = { x, y, w: size, h: size }
        if (!obstacles.some((o) => rectsOverlap(slot, o))) placed.push({ x, y, scale })
      }
    }
    if (placed.length === count) return placed
  }
  // Too many examples for the zone: stack them at the smallest size rather than drop any.
  return Array.from({ length: count }, (_, i) => ({ x: zone.x + ZONE_PADDING + i * 16, y: top + i * 16, scale: 0.5 }))
}

function baseShape(id: TLShapeId, parentId: TLParentId, index: IndexKey, x: number, y: number, meta: CoboardShapeMeta) {
  return { id, typeName: 'shape' as const, parentId, index, x, y, rotation: 0, opacity: 1, meta: { coboard: { ...meta } } as unknown as JsonObject }
}

function textShape(
  id: TLShapeId,
  parentId: TLParentId,
  index: IndexKey,
  box: { text: string; size: TextSize; x: number; y: number; w: number },
  meta: CoboardShapeMeta,
): TLTextShape {
  return {
    ...baseShape(id, parentId, index, box.x, box.y, meta),
    type: 'text',
    isLocked: true,
    props: { color: 'black', size: box.size, font: 'sans', textAlign: 'start', w: box.w, richText: toRichText(box.text), scale: 1, autoSize: false },
  }
}

function zoneRecords(template: Template, zone: Zone, locale: Locale, index: IndexKey): TLShape[] {
  const frameId = zoneShapeId(template.id, zone.id)
  const meta: CoboardShapeMeta = {
    template: template.id,
    zone: zone.id,
    kind: zone.kind,
    holdsNotes: zoneHoldsNotes(zone),
    ...(zone.row ? { row: zone.row } : {}),
    ...(zone.column ? { column: zone.column } : {}),
    ...(zone.extension ? { extension: true } : {}),
  }
  const frame: TLFrameShape = {
    ...baseShape(frameId, DEFAULT_PAGE_ID, index, zone.x, zone.y, meta),
    type: 'frame',
    isLocked: true,
    props: { w: zone.w, h: zone.h, name: zone.label[locale], color: zone.accent ?? (zone.kind === 'reference' ? 'grey' : 'black') },
  }
  const layout = zoneTextLayout(zone, locale)
  const parts = (['label', 'prompt', 'body'] as const).filter((part) => layout[part] !== undefined)
  const childIndices = getIndices(parts.length + 1).slice(1)
  const texts = parts.map((part, i) =>
    textShape(`${frameId}/${part}` as TLShapeId, frameId, childIndices[i], layout[part]!, { template: template.id, zone: zone.id, part }),
  )
  return [frame, ...texts]
}

function headerRecords(template: Template, locale: Locale, zones: Zone[], indices: IndexKey[]): TLTextShape[] {
  const left = zones.length ? Math.min(...zones.map((z) => z.x)) : 0
  const right = zones.length ? Math.max(...zones.map((z) => z.x + z.w)) : HEADER_MIN_WIDTH
  // Lines longer than ~100 characters are hard to read, so the purpose does not span a wide board.
  const width = Math.min(HEADER_MAX_WIDTH, Math.max(HEADER_MIN_WIDTH, right - left))
  const top = zones.length ? Math.min(...zones.map((z) => z.y)) : 0
  const sources = template.sources.map((s) => s.short).join('; ')
  const sourceWord = SOURCE_WORD[locale][template.sources.length > 1 ? 1 : 0]
  const parts: { part: NonNullable<CoboardShapeMeta['part']>; text: string | undefined; size: TextSize; scale: number }[] = [
    { part: 'title', text: template.title[locale], size: 'xl', scale: TITLE_SCALE },
    { part: 'purpose', text: template.purpose[locale], size: 'm', scale: 1 },
    { part: 'notice', text: template.notice?.[locale], size: 'm', scale: 1 },
    { part: 'source', text: sources ? `${sourceWord}: ${sources}` : undefined, size: 's', scale: 1 },
  ]
  const present = parts.filter((p): p is typeof p & { text: string } => Boolean(p.text))
  // A scaled text shape is `w * scale` wide on the board, so its unscaled width is width / scale.
  const heights = present.map((p) => Math.ceil(estimateTextHeight(p.text, width / p.scale, p.size) * p.scale) + TEXT_GAP)
  let y = top - HEADER_GAP - heights.reduce((a, b) => a + b, 0)
  return present.map((p, i) => {
    const box = { text: p.text, size: p.size, x: left, y, w: width / p.scale }
    const shape = textShape(`shape:${template.id}/header/${p.part}` as TLShapeId, DEFAULT_PAGE_ID, indices[i], box, { template: template.id, part: p.part })
    y += heights[i]
    return { ...shape, props: { ...shape.props, scale: p.scale } }
  })
}

function exampleRecords(template: Template, locale: Locale, zones: Zone[], indices: IndexKey[]): TLNoteShape[] {
  const notes: TLNoteShape[] = []
  for (const zone of zones) {
    const texts = template.examples.filter((e) => e.zone === zone.id).map((e) => e.text[locale])
    const inside = zones.filter((z) => z !== zone && rectContains(zone, z))
    const places = exampleNotePlacements(zone, texts.length, locale, inside)
    texts.forEach((text, n) => {
      const { x, y, scale } = places[n]
      notes.push({
        ...baseShape(exampleNoteShapeId(template.id, zone.id, n), DEFAULT_PAGE_ID, indices[notes.length], x, y, { template: template.id, zone: zone.id, example: true }),
        type: 'note',
        isLocked: false,
        props: {
          color: 'yellow', labelColor: 'black', size: 'm', font: 'sans', fontSizeAdjustment: 1,
          align: 'middle', verticalAlign: 'middle', growY: 0, url: '', richText: toRichText(text), scale, textLastEditedBy: null,
        },
      })
    })
  }
  return notes
}

// Page-level order: bands (containers) first so the zones inside draw above them, then the other
// zones, the header, and the example notes on top. One index sequence covers all of them, so the
// example notes get the same indices whether generated with the board or toggled on later.
function generateAll(template: Template, locale: Locale, includeExtensions: boolean) {
  const zones = activeZones(template, includeExtensions)
  const ordered = [...zones.filter((z) => z.kind === 'band'), ...zones.filter((z) => z.kind !== 'band')]
  const exampleCount = template.examples.filter((e) => zones.some((z) => z.id === e.zone)).length
  const indices = getIndices(ordered.length + 4 + exampleCount + 1).slice(1)
  const zoneShapes = ordered.flatMap((zone, i) => zoneRecords(template, zone, locale, indices[i]))
  const header = headerRecords(template, locale, zones, indices.slice(ordered.length, ordered.length + 4))
  const examples = exampleRecords(template, locale, zones, indices.slice(ordered.length + 4))
  return { zoneShapes, header, examples }
}

/** The board's shapes for a template in one locale: zones, labels, header and optionally examples. */
export function generateTemplateRecords(template: Template, locale: Locale, options: GenerateOptions = {}): TLRecord[] {
  const { zoneShapes, header, examples } = generateAll(template, locale, options.includeExtensions ?? false)
  return [...zoneShapes, ...header, ...(options.includeExamples ? examples : [])]
}

/** Only the example notes, for a facilitator's "show examples" toggle (same ids as in the board). */
export function generateExampleNoteRecords(template: Template, locale: Locale, options: Pick<GenerateOptions, 'includeExtensions'> = {}): TLNoteShape[] {
  return generateAll(template, locale, options.includeExtensions ?? false).examples
}

/** The default page record (`page:page`), named after the template, for seeding an empty board. */
export function generatePageRecord(template: Template, locale: Locale): TLPage {
  return PageRecordType.create({ id: DEFAULT_PAGE_ID, name: template.title[locale], index: 'a1' as IndexKey, meta: {} })
}

/**
 * Everything a new board's Y.Doc needs from the template, in one call: tldraw's document record,
 * the default page and the template's shapes. Deterministic, so seeding twice writes the same.
 */
export function generateBoardSeedRecords(template: Template, locale: Locale, options: GenerateOptions = {}): TLRecord[] {
  const document = DocumentRecordType.create({ id: TLDOCUMENT_ID, name: template.title[locale] })
  return [document, generatePageRecord(template, locale), ...generateTemplateRecords(template, locale, options)]
}

/** Whether a record is one of the generated example notes. */
export function isExampleNote(record: TLRecord): boolean {
  return record.typeName === 'shape' && record.type === 'note' && coboardMeta(record)?.example === true
}

/** The `meta.coboard` marker of a shape, if it has one. */
export function coboardMeta(shape: TLShape): Partial<CoboardShapeMeta> | undefined {
  const value = (shape.meta as { coboard?: unknown }).coboard
  return value !== null && typeof value === 'object' ? (value as Partial<CoboardShapeMeta>) : undefined
}
