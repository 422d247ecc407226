import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { LOCALES, type Locale, type Localized } from '../locales.ts'
import { coboardMeta } from './generateTemplateRecords.ts'
import type { Template, Zone } from './templateSchema.ts'

/** The plain text of a tldraw rich-text value (TipTap JSON): paragraphs joined by newlines. */
export function plainText(richText: unknown): string {
  const walk = (node: unknown): string => {
    if (!node || typeof node !== 'object') return ''
    const n = node as { type?: string; text?: string; content?: unknown[] }
    if (typeof n.text === 'string') return n.text
    const inner = (n.content ?? []).map(walk)
    return n.type === 'doc' ? inner.join('\n') : inner.join('')
  }
  return walk(richText).trim()
}

function everywhere(text: string): Localized {
  return Object.fromEntries(LOCALES.map((l) => [l, text])) as Localized
}

/** Keeps the base template's translations when the board still shows the base wording. */
function localizedFrom(edited: string | undefined, base: Localized | undefined, locale: Locale): Localized | undefined {
  if (!edited) return base
  if (base && base[locale].trim() === edited) return base
  return everywhere(edited)
}

/**
 * Turns a board's current zones back into a template (pure): each zone frame with a
 * `meta.coboard.zone` marker becomes a zone with the frame's geometry and the text of its label
 * and prompt. Texts the facilitator left unchanged keep the base template's four translations;
 * edited texts are used for every locale. The result still has to pass `parseTemplate`.
 */
export function templateFromBoard(
  records: readonly TLRecord[],
  base: Template,
  locale: Locale,
  options: { id: string; title?: string },
): unknown {
  const shapes = records.filter((r): r is TLShape => r.typeName === 'shape')
  const childText = (frameId: string, part: string) => {
    const shape = shapes.find((s) => s.parentId === frameId && s.type === 'text' && coboardMeta(s)?.part === part)
    return shape ? plainText((shape.props as { richText?: unknown }).richText) : undefined
  }
  const baseZones = new Map(base.zones.map((z) => [z.id, z]))
  const zones: Zone[] = []
  for (const frame of shapes) {
    const meta = coboardMeta(frame)
    if (frame.type !== 'frame' || !meta?.zone) continue
    const props = frame.props as { w: number; h: number; name?: string }
    const previous = baseZones.get(meta.zone)
    const labelText = childText(frame.id, 'label') ?? props.name
    const label = localizedFrom(labelText, previous?.label, locale) ?? everywhere(meta.zone)
    const prompt = localizedFrom(childText(frame.id, 'prompt'), previous?.prompt, locale)
    const body = localizedFrom(childText(frame.id, 'body'), previous?.body, locale)
    zones.push({
      id: meta.zone,
      kind: meta.kind ?? previous?.kind ?? 'zone',
      label,
      ...(prompt ? { prompt } : {}),
      ...(body ? { body } : {}),
      ...(meta.row ? { row: meta.row } : {}),
      ...(meta.column ? { column: meta.column } : {}),
      ...(previous?.accent ? { accent: previous.accent } : {}),
      x: Math.round(frame.x),
      y: Math.round(frame.y),
      w: Math.round(props.w),
      h: Math.round(props.h),
    })
  }
  const zoneIds = new Set(zones.map((z) => z.id))
  return {
    ...base,
    id: options.id,
    version: 1,
    order: 1000,
    title: options.title ? everywhere(options.title) : base.title,
    zones,
    examples: base.examples.filter((e) => zoneIds.has(e.zone)),
    agenda: base.agenda.map((step) => ({ ...step, ...(step.zones ? { zones: step.zones.filter((z) => zoneIds.has(z)) } : {}) })),
  }
}
