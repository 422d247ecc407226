import type { Node as PMNode } from '@tiptap/pm/model'
import type { Mappable } from '@tiptap/pm/transform'
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

/** What fixing headings' ids needs to know besides the document. */
export interface HeadingIdRules {
  newId: () => string
  /** Whether an id belongs to a section the facilitator marked final. */
  isLocked: (id: string) => boolean
  /** Whether this writer may change final sections (the facilitator). */
  mayChangeLocked: boolean
  /** Whether the heading at this position was there before the change being fixed up (an older heading). */
  existedBefore: (pos: number) => boolean
}

/** Whether a block can hold headings deeper down (a quote, a list, a table), so is worth walking into. */
const mayHoldHeadings = (node: PMNode) => node.isBlock && !node.isTextblock && !node.isAtom

/**
 * Headings that need a (new) section id, with their positions and fresh ids: those without a
 * valid id, and copies (pasting a heading copies its id). Of two headings with one id, the one
 * that was there before keeps it — never the newcomer — so that a copy placed above a final
 * section cannot take over its id and leave the real one to be renamed, and so unlocked. An id
 * of a final section stays where it is (which of two is the real one only the facilitator can
 * tell; the server refuses new copies), and a new heading gets a fresh id rather than a final
 * section's, which the server would refuse.
 */
export function headingIdFixes(doc: PMNode, rules: HeadingIdRules): Array<{ pos: number; id: string }> {
  const fixes: Array<{ pos: number; id: string }> = []
  const holders = new Map<string, number[]>()
  doc.descendants((node, pos) => {
    if (node.type.name !== 'heading') return mayHoldHeadings(node)
    const id = node.attrs[SECTION_ID_ATTRIBUTE]
    if (typeof id === 'string' && SECTION_ID.test(id)) holders.set(id, [...(holders.get(id) ?? []), pos])
    else fixes.push({ pos, id: rules.newId() })
    return false
  })
  for (const [id, positions] of holders) {
    const locked = rules.isLocked(id)
    if (positions.length === 1 && !(locked && !rules.mayChangeLocked)) continue
    const older = positions.filter((pos) => rules.existedBefore(pos))
    const newer = positions.filter((pos) => !rules.existedBefore(pos))
    const keeper = older[0] ?? (locked && !rules.mayChangeLocked ? undefined : newer[0])
    for (const pos of newer) if (pos !== keeper) fixes.push({ pos, id: rules.newId() })
    if (!locked) for (const pos of older.slice(1)) fixes.push({ pos, id: rules.newId() })
  }
  return fixes.sort((a, b) => a.pos - b.pos)
}

/**
 * Positions (in `after`) of the headings that were already in `before`, carrying the same id,
 * through `mapping` (one position may move either way when a block is inserted beside it).
 */
export function headingsCarriedOver(before: PMNode, after: PMNode, mapping: Mappable): Set<number> {
  const carried = new Set<number>()
  before.descendants((node, pos) => {
    if (node.type.name !== 'heading') return mayHoldHeadings(node)
    for (const assoc of [-1, 1]) {
      const at = mapping.map(pos, assoc)
      const there = after.nodeAt(at)
      if (there?.type.name === 'heading' && there.attrs[SECTION_ID_ATTRIBUTE] === node.attrs[SECTION_ID_ATTRIBUTE]) carried.add(at)
    }
    return false
  })
  return carried
}
