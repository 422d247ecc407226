import { SECTION_ID } from '../../../shared/document/documentDoc.ts'

/** A zone of the board, as far as an outline needs it. */
export interface OutlineZone {
  id: string
  label: string
  x: number
  y: number
}

/**
 * A starting outline for the document from the board's zones, in reading order (top to bottom,
 * then left to right): a heading per zone — its section id taken from the zone's id — and an empty
 * paragraph under each, as TipTap content.
 */
export function outlineFromZones(zones: readonly OutlineZone[]) {
  const seen = new Set<string>()
  const ordered = [...zones].filter((z) => z.label.trim()).sort((a, b) => (Math.abs(a.y - b.y) > 40 ? a.y - b.y : a.x - b.x))
  return ordered.flatMap((zone) => {
    let id = zone.id.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 56) || 'section'
    if (!SECTION_ID.test(id) || seen.has(id)) id = `${id.slice(0, 48)}-${seen.size + 1}`
    seen.add(id)
    return [
      { type: 'heading', attrs: { level: 2, sectionId: id }, content: [{ type: 'text', text: zone.label.trim() }] },
      { type: 'paragraph' },
    ]
  })
}
