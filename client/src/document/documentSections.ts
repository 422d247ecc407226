import type { Node as PMNode } from '@tiptap/pm/model'
import { PREAMBLE_SECTION, SECTION_ID, SECTION_ID_ATTRIBUTE } from '../../../shared/document/documentDoc.ts'

/** A section of the document: from its heading (or the start) to the next heading, in ProseMirror positions. */
export interface DocSection {
  id: string
  title: string
  /** Position before its first top-level block. */
  from: number
  /** Position after its last top-level block. */
  to: number
}

/**
 * The document's sections, in order, as the server reckons them (server/sync/policy/documentRoots.ts):
 * a heading with a section id opens a section that runs to the next such heading; blocks before
 * the first heading are the preamble.
 */
export function sectionsOf(doc: PMNode): DocSection[] {
  const sections: DocSection[] = []
  let current: DocSection | null = null
  doc.forEach((node, offset) => {
    const id = node.type.name === 'heading' ? node.attrs[SECTION_ID_ATTRIBUTE] : null
    if (typeof id === 'string' && id) {
      current = { id, title: node.textContent.trim(), from: offset, to: offset + node.nodeSize }
      sections.push(current)
      return
    }
    if (!current) {
      current = { id: PREAMBLE_SECTION, title: '', from: offset, to: offset + node.nodeSize }
      sections.push(current)
      return
    }
    current.to = offset + node.nodeSize
  })
  return sections
}

/** The section a position lies in (a position between blocks belongs to the block after it). */
export function sectionAt(sections: readonly DocSection[], pos: number): DocSection | undefined {
  return sections.find((s) => pos >= s.from && pos < s.to) ?? sections.at(-1)
}

/**
 * Whether a change of the old document's range [from, to] touches a locked section. As on the
 * server, a new block belongs to the section of the block before it, so the position just before
 * `from` counts too.
 */
export function touchesLocked(sections: readonly DocSection[], from: number, to: number, isLocked: (id: string) => boolean): boolean {
  const start = Math.max(0, from - 1)
  return sections.some((s) => isLocked(s.id) && s.from <= to && start < s.to)
}

/**
 * Headings that need a (new) section id: those without one and the second of two with the same
 * id (splitting a heading copies its attributes). Returns their positions and fresh ids.
 */
export function headingIdFixes(doc: PMNode, newId: () => string): Array<{ pos: number; id: string }> {
  const seen = new Set<string>()
  const fixes: Array<{ pos: number; id: string }> = []
  doc.forEach((node, offset) => {
    if (node.type.name !== 'heading') return
    const id = node.attrs[SECTION_ID_ATTRIBUTE]
    if (typeof id === 'string' && SECTION_ID.test(id) && !seen.has(id)) {
      seen.add(id)
      return
    }
    const fresh = newId()
    seen.add(fresh)
    fixes.push({ pos: offset, id: fresh })
  })
  return fixes
}
