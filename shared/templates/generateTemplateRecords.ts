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
import { estimateTextHeight, FONT_SIZE, longestWordFits, type TextSize } from './textLayout.ts'

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

/**
 * The part of a 1920 × 1080 projector the presenter view shows a zone in (board area beside its
 * side column, less margins), in CSS pixels. Zone texts are sized so that, with the zone fitted
 * into it, labels are at least PROJECTED_LABEL_PX and prompts PROJECTED_PROMPT_PX tall.
 */
export const PROJECTOR_STAGE = { w: 1480, h: 950 }
/** Smallest on-screen size (CSS px) of a zone label on a projector, the zone fitted to the screen. */
export const PROJECTED_LABEL_PX = 28
/** Smallest on-screen size (CSS px) of a zone prompt on a projector, the zone fitted to the screen. */
export const PROJECTED_PROMPT_PX = 16
/** Zone texts are never drawn larger than this many times their size. */
const MAX_TEXT_SCALE = 2.5

/** The zoom at which a zone fills the projector stage. */
export function projectedZoom(zone: Pick<Zone, 'w' | 'h'>): number {
  return Math.min(PROJECTOR_STAGE.w / zone.w, PROJECTOR_STAGE.h / zone.h)
}

/**
 * How much a zone's texts are scaled so that they read on a projector when the zone is shown on
 * its own: 1 for most zones; more for very wide or tall ones, which a screen shows small.
 * Rounded up to twentieths, so the layout does not depend on floating-point noise.
 */
export function zoneTextScale(zone: Zone, locale: Locale): number {
  const zoom = projectedZoom(zone)
  const width = zone.w - 2 * ZONE_PADDING
  const preferred = zoneTextSizes(zone)
  const needed = (scale: number) => {
    const label = fitTextSize(zone.label[locale], width / scale, preferred.label)
    const prompt = zone.prompt ? fitTextSize(zone.prompt[locale], width / scale, preferred.prompt) : undefined
    return Math.max(1, PROJECTED_LABEL_PX / (FONT_SIZE[label] * zoom), prompt ? PROJECTED_PROMPT_PX / (FONT_SIZE[prompt] * zoom) : 1)
  }
  // A larger scale leaves fewer characters per line, which can force a smaller size: settle it.
  let scale = 1
  for (let i = 0; i < 4; i++) scale = Math.min(MAX_TEXT_SCALE, Math.ceil(needed(scale) * 20 - 1e-9) / 20)
  // Never so large that the texts leave no room for a note (or, in a panel, overflow it); a band
  // keeps its size, its texts sit above the zones inside it. The presenter view draws what stays
  // too small larger over the canvas (PresenterZoneLabels).
  const room = zone.h - (zoneHoldsNotes(zone) ? NOTE_SIZE + ZONE_PADDING : 0)
  if (zone.kind === 'band') return 1
  while (scale > 1 && textHeight(zone, locale, scale) > room) scale = Math.round((scale - 0.05) * 20) / 20
  return scale
}

function textHeight(zone: Zone, locale: Locale, scale: number): number {
  return layoutAt(zone, locale, scale).height
}

/** Where a zone's label, prompt and body sit, relative to the zone, and the height they take. */
export function zoneTextLayout(zone: Zone, locale: Locale) {
  return layoutAt(zone, locale, zoneTextScale(zone, locale))
}

function layoutAt(zone: Zone, locale: Locale, scale: number) {
  const sizes = zoneTextSizes(zone)
  const width = zone.w - 2 * ZONE_PADDING
  let y = ZONE_PADDING
  const place = (text: string | undefined, preferred: TextSize) => {
    if (!text) return undefined
    // A scaled text shape is `w * scale` wide on the board: it wraps at width / scale.
    const size = fitTextSize(text, width / scale, preferred)
    const box = { text, size, scale, x: ZONE_PADDING, y, w: width / scale, h: Math.ceil(estimateTextHeight(text, width / scale, size) * scale) }
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

/** Scales tried for example notes, largest first: smaller than participants' notes, so they read as examples. */
const EXAMPLE_SCALES = [0.7, 0.6, 0.5]

/**
 * Positions (board units) and scale of a zone's example notes: their own place at the end of the
 * zone — its last grid slots, bottom right — so that participants' notes, which fill a zone from
 * its top-left, do not land on them. Slots skip `obstacles` (zones inside a band); notes shrink
 * if they do not fit.
 */
export function exampleNotePlacements(zone: Zone, count: number, locale: Locale, obstacles: readonly Rect[] = []): { x: number; y: number; scale: number }[] {
  if (count === 0) return []
  const top = zone.y + zoneTextLayout(zone, locale).height
  for (const scale of EXAMPLE_SCALES) {
    const size = NOTE_SIZE * scale
    const gap = 16 * scale
    const slots: { x: number; y: number; scale: number }[] = []
    // A grid anchored at the zone's bottom-right corner, so the last slots sit in that corner.
    const right = zone.x + zone.w - ZONE_PADDING
    const bottom = zone.y + zone.h - ZONE_PADDING
    for (let y = bottom - size; y >= top; y -= size + gap) {
      for (let x = right - size; x >= zone.x + ZONE_PADDING; x -= size + gap) {
        const slot = { x, y, w: size, h: size }
        if (!obstacles.some((o) => rectsOverlap(slot, o))) slots.push({ x, y, scale })
      }
    }
    if (slots.length >= count) {
      const chosen = slots.slice(0, count)
      return chosen.sort((a, b) => a.y - b.y || a.x - b.x)
    }
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
  box: { text: string; size: TextSize; x: number; y: number; w: number; scale?: number },
  meta: CoboardShapeMeta,
): TLTextShape {
  return {
    ...baseShape(id, parentId, index, box.x, box.y, meta),
    type: 'text',
    isLocked: true,
    props: { color: 'black', size: box.size, font: 'sans', textAlign: 'start', w: box.w, richText: toRichText(box.text), scale: box.scale ?? 1, autoSize: false },
  }
}

/**
 * The colour a zone is drawn in: its own accent; for a cell without one, its column's or row's
 * (so a template's coloured columns and rows show through their cells); else neutral.
 */
export function zoneColour(zone: Zone, zones: readonly Zone[]): NonNullable<Zone['accent']> {
  if (zone.accent) return zone.accent
  if (zone.kind === 'cell') {
    const header = [zone.column, zone.row].map((id) => zones.find((z) => z.id === id)).find((z) => z?.accent)
    if (header?.accent) return header.accent
  }
  return zone.kind === 'reference' ? 'grey' : 'black'
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
    props: { w: zone.w, h: zone.h, name: zone.label[locale], color: zoneColour(zone, template.zones) },
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
