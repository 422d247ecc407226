import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_DOC_KEYS, boardHasContent } from './boardDoc.ts'

function shape(doc: Y.Doc, id: string, meta: Record<string, unknown>) {
  const record = new Y.Map<unknown>(Object.entries({ id, typeName: 'shape', type: 'note', meta: new Y.Map(Object.entries(meta)) }))
  doc.getMap(BOARD_DOC_KEYS.tldraw).set(id, record)
}

describe('boardHasContent (anonymity can be switched only before anyone writes)', () => {
  it('is false for a board with only its template, and an empty paragraph in the document', () => {
    const doc = new Y.Doc()
    shape(doc, 'shape:zone', { coboard: { kind: 'zone' } })
    doc.getXmlFragment(BOARD_DOC_KEYS.document).insert(0, [new Y.XmlElement('paragraph')])
    expect(boardHasContent(doc)).toBe(false)
  })

  it('is true once someone wrote a note, document text, a heading, a comment, authorship or an outcome', () => {
    const cases: Array<[string, (doc: Y.Doc) => void]> = [
      ['a note', (doc) => shape(doc, 'shape:note', { group: 'other' })],
      [
        'document text',
        (doc) => {
          const paragraph = new Y.XmlElement('paragraph')
          doc.getXmlFragment(BOARD_DOC_KEYS.document).insert(0, [paragraph])
          paragraph.insert(0, [new Y.XmlText('Astrid thinks so')])
        },
      ],
      ['a heading', (doc) => doc.getXmlFragment(BOARD_DOC_KEYS.document).insert(0, [new Y.XmlElement('heading')])],
      ['a comment thread', (doc) => doc.getMap(BOARD_DOC_KEYS.comments).set('t1', new Y.Map())],
      ['authorship', (doc) => doc.getMap(BOARD_DOC_KEYS.authorship).set('s1', new Y.Map())],
      ['an outcome', (doc) => doc.getMap(BOARD_DOC_KEYS.outcomes).set('shape:x', { status: 'parked' })],
    ]
    for (const [what, write] of cases) {
      const doc = new Y.Doc()
      write(doc)
      expect(boardHasContent(doc), what).toBe(true)
    }
  })
})
