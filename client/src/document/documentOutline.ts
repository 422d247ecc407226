import { SECTION_ID } from '../../../shared/document/documentDoc.ts'

/** A zone of the board, as far as an outline needs it. */
export interface OutlineZone {
  id: string
  label: string
  x: number
  y: number
}

/** A section of an outline: its heading's text and the section id it opens. */
export interface OutlineSection {
  id: string
  title: string
}

/**
 * A starting outline for the document as TipTap content: a heading per section, each with an
 * empty paragraph under it to write in. Section ids are made valid and unique.
 */
export function outlineFromSections(sections: readonly OutlineSection[]) {
  const seen = new Set<string>()
  return sections
    .filter((section) => section.title.trim())
    .flatMap((section) => {
      let id = section.id.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 56) || 'section'
      if (!SECTION_ID.test(id) || seen.has(id)) id = `${id.slice(0, 48)}-${seen.size + 1}`
      seen.add(id)
      return [
        { type: 'heading', attrs: { level: 2, sectionId: id }, content: [{ type: 'text', text: section.title.trim() }] },
        { type: 'paragraph' },
      ]
    })
}

/**
 * A starting outline from the board's zones, in reading order (top to bottom, then left to
 * right), for boards whose template gives the document no sections: a section per zone, its id
 * taken from the zone's id.
 */
export function outlineFromZones(zones: readonly OutlineZone[]) {
  const ordered = [...zones].sort((a, b) => (Math.abs(a.y - b.y) > 40 ? a.y - b.y : a.x - b.x))
  return outlineFromSections(ordered.map((zone) => ({ id: zone.id, title: zone.label })))
}
