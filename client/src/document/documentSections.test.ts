import { getSchema } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { DOCUMENT_MARKS, DOCUMENT_NODES, PREAMBLE_SECTION } from '../../../shared/document/documentDoc.ts'
import { documentExtensions, type NoteBridge } from './documentExtensions.ts'
import { headingIdFixes, sectionAt, sectionsOf, touchesLocked } from './documentSections.ts'

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

  it('give headings without an id, or with a copied one, a fresh id', () => {
    const messy = schema.nodes.doc.create(null, [heading('A', null), heading('B', 'b'), heading('B again', 'b'), heading('Bad', 'not ok!')])
    let n = 0
    const fixes = headingIdFixes(messy, () => `s${++n}`)
    expect(fixes.map((f) => f.id)).toEqual(['s1', 's2', 's3'])
    expect(fixes.map((f) => messy.nodeAt(f.pos)?.textContent)).toEqual(['A', 'B again', 'Bad'])
  })
})
