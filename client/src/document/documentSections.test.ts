import { getSchema } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { DOCUMENT_MARKS, DOCUMENT_NODES, PREAMBLE_SECTION } from '../../../shared/document/documentDoc.ts'
import { documentExtensions, type NoteBridge } from './documentExtensions.ts'
import { EditorState } from '@tiptap/pm/state'
import { headingIdFixes, headingsCarriedOver, sectionAt, sectionsOf, touchesLocked, type HeadingIdRules } from './documentSections.ts'

const bridge: NoteBridge = { noteText: () => undefined, showNote: () => {}, subscribe: () => () => {}, label: (k) => k, groupLabel: () => undefined }
const ydoc = new Y.Doc()
const schema = getSchema(
  documentExtensions({
    fragment: ydoc.getXmlFragment('document'),
    awareness: new Awareness(ydoc),
    bridge,
    editable: () => true,
    newId: () => 'x',
    isLocked: () => false,
    mayChangeLocked: false,
    lockedTitle: () => '',
    onRefused: () => {},
    commentRanges: () => [],
    emptyText: () => '',
  }),
)

const heading = (text: string, sectionId: string | null) => schema.nodes.heading.create({ level: 2, sectionId }, schema.text(text))
const paragraph = (text: string) => schema.nodes.paragraph.create(null, schema.text(text))

describe('the document’s schema', () => {
  it('makes only the nodes and marks the server accepts', () => {
    const nodes = Object.keys(schema.nodes).filter((name) => name !== 'doc' && name !== 'text')
    expect(nodes.filter((name) => !DOCUMENT_NODES.has(name))).toEqual([])
    expect(Object.keys(schema.marks).filter((name) => !DOCUMENT_MARKS.has(name))).toEqual([])
    expect(nodes).toContain('boardNote')
  })
})

describe('sections of the document', () => {
  const doc = schema.nodes.doc.create(null, [paragraph('Intro'), heading('What worked', 'worked'), paragraph('The library.'), heading('What we would change', 'change'), paragraph('Fewer e-mails.')])

  it('run from a heading to the next, with a preamble before the first', () => {
    const sections = sectionsOf(doc)
    expect(sections.map((s) => [s.id, s.title])).toEqual([
      [PREAMBLE_SECTION, ''],
      ['worked', 'What worked'],
      ['change', 'What we would change'],
    ])
    expect(sections.at(-1)?.to).toBe(doc.content.size)
    expect(sectionAt(sections, sections[1].from + 3)?.id).toBe('worked')
  })

  it('count a new block after a section’s last block as part of it, as the server does', () => {
    const sections = sectionsOf(doc)
    const locked = (id: string) => id === 'worked'
    const change = sections[2]
    // Typing inside the next section's heading is not in the locked one...
    expect(touchesLocked(sections, change.from + 2, change.from + 2, locked)).toBe(false)
    // ...but inserting a block just before that heading is (it lands after the locked section's last block).
    expect(touchesLocked(sections, change.from, change.from, locked)).toBe(true)
    expect(touchesLocked(sections, sections[1].from + 3, sections[1].from + 3, locked)).toBe(true)
    expect(touchesLocked(sections, 1, 2, locked)).toBe(false)
  })

  const rules = (overrides: Partial<HeadingIdRules> = {}): HeadingIdRules => {
    let n = 0
    return { newId: () => `s${++n}`, isLocked: () => false, mayChangeLocked: false, existedBefore: () => true, ...overrides }
  }
  const titles = (doc: typeof messy, fixes: Array<{ pos: number }>) => fixes.map((f) => doc.nodeAt(f.pos)?.textContent)
  const messy = schema.nodes.doc.create(null, [heading('A', null), heading('B', 'b'), heading('B again', 'b'), heading('Bad', 'not ok!')])

  it('give headings without an id, or with a copied one, a fresh id', () => {
    const fixes = headingIdFixes(messy, rules())
    expect(fixes.map((f) => f.id).sort()).toEqual(['s1', 's2', 's3'])
    expect(titles(messy, fixes)).toEqual(['A', 'B again', 'Bad'])
  })

  it('keep an id on the older heading, never on a copy placed above it, and leave a final section’s id alone', () => {
    // A copy of "What worked" pasted above it (new), the real one below (older).
    const copied = schema.nodes.doc.create(null, [heading('Copy', 'worked'), paragraph('x'), heading('What worked', 'worked'), paragraph('The library.')])
    const realAt = copied.child(0).nodeSize + copied.child(1).nodeSize
    const older = (pos: number) => pos === realAt
    expect(titles(copied, headingIdFixes(copied, rules({ existedBefore: older })))).toEqual(['Copy'])
    expect(titles(copied, headingIdFixes(copied, rules({ existedBefore: older, isLocked: (id) => id === 'worked', mayChangeLocked: true })))).toEqual(['Copy'])
    // Both older (from before clients kept the older one) and final: neither is renamed, so neither is unlocked.
    expect(headingIdFixes(copied, rules({ isLocked: (id) => id === 'worked' }))).toEqual([])
    expect(headingIdFixes(copied, rules({ isLocked: (id) => id === 'worked', mayChangeLocked: true }))).toEqual([])
    // A new heading with a final section's id (pasted after that section was deleted): a fresh id for participants.
    const alone = schema.nodes.doc.create(null, [heading('Pasted', 'worked')])
    expect(headingIdFixes(alone, rules({ existedBefore: () => false, isLocked: (id) => id === 'worked' })).map((f) => f.id)).toEqual(['s1'])
    expect(headingIdFixes(alone, rules({ existedBefore: () => false, isLocked: (id) => id === 'worked', mayChangeLocked: true }))).toEqual([])
    // Headings inside a quote count too (the server refuses copies wherever they are).
    const quoted = schema.nodes.doc.create(null, [heading('B', 'b'), schema.nodes.blockquote.create(null, [heading('B quoted', 'b')])])
    expect(titles(quoted, headingIdFixes(quoted, rules({ existedBefore: (pos) => pos === 0 })))).toEqual(['B quoted'])
  })

  it('tell which headings were there before a change, wherever the change put them', () => {
    const before = schema.nodes.doc.create(null, [paragraph('Intro'), heading('What worked', 'worked'), paragraph('The library.')])
    const state = EditorState.create({ schema, doc: before })
    const pasted = state.tr.insert(0, heading('Copy', 'worked'))
    const carried = headingsCarriedOver(before, pasted.doc, pasted.mapping)
    const positions: number[] = []
    pasted.doc.forEach((node, offset) => node.type.name === 'heading' && positions.push(offset))
    expect(positions.map((pos) => carried.has(pos))).toEqual([false, true])
    const fixes = headingIdFixes(pasted.doc, rules({ existedBefore: (pos) => carried.has(pos) }))
    expect(titles(pasted.doc, fixes)).toEqual(['Copy'])
  })
})
