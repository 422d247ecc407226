import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_BOARD_SETTINGS } from '../../../shared/boardDoc.ts'
import type { Role } from '../../../shared/roles.ts'
import { analyzeUpdate } from '../updateEffects.ts'
import { DocumentRootRule } from './documentRoots.ts'
import { Verdict } from './verdict.ts'

function block(name: string, text: string, attributes: Record<string, unknown> = {}): Y.XmlElement {
  const element = new Y.XmlElement(name)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as string)
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/** The board's doc: an open section ("account"), then a final one ("worked", two paragraphs). */
function board(): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = 100
  doc.getXmlFragment('document').insert(0, [
    block('heading', 'Our account', { level: 2, sectionId: 'account' }),
    block('paragraph', 'Open text.'),
    block('heading', 'What worked', { level: 2, sectionId: 'worked' }),
    block('paragraph', 'Final one.'),
    block('paragraph', 'Final two.'),
  ])
  doc.getMap('sectionLocks').set('worked', { lockedAt: 1 })
  return doc
}

/** What the rule refuses of a change a writer makes on a copy of the board. */
function judge(doc: Y.Doc, change: (copy: Y.Doc) => void, role: Role = 'participant', clientID = 2 ** 31 - 5): string[] {
  const copy = new Y.Doc()
  copy.clientID = clientID
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  change(copy)
  const analysis = analyzeUpdate(doc, Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc)))
  if (analysis.status !== 'ready') throw new Error(analysis.status)
  const verdict = new Verdict()
  const effects = analysis.effects.filter((effect) => effect.parent?.[0] === 'document')
  new DocumentRootRule().judge(effects, { role, authorId: undefined, doc, settings: DEFAULT_BOARD_SETTINGS, frozen: false }, verdict)
  return verdict.refusals.map((r) => r.reason)
}

/** A paragraph with hand-picked neighbours (indexes of top-level blocks; null: the start). */
const crafted = (left: number | null, right: number | null) => (doc: Y.Doc) => {
  const fragment = doc.getXmlFragment('document')
  const blocks: Y.Item[] = []
  for (let item = fragment._start; item; item = item.right) blocks.push(item)
  doc.transact((transaction) => {
    const element = new Y.XmlElement('paragraph')
    const origin = left === null ? null : blocks[left]
    const rightItem = right === null ? null : blocks[right]
    new Y.Item(Y.createID(doc.clientID, Y.getState(doc.store, doc.clientID)), origin, origin?.lastId ?? null, rightItem, rightItem?.id ?? null, fragment, null, new Y.ContentType(element)).integrate(transaction, 0)
    element.insert(0, [new Y.XmlText('Sneaked in')])
  })
}

const FINAL = 'this section is marked final by the facilitator'

describe('the sections of the document, as the server judges them', () => {
  it('a new block falls in every section it could land in, whatever neighbours it names', () => {
    const doc = board()
    expect(judge(doc, (copy) => copy.getXmlFragment('document').insert(4, [block('paragraph', 'x')]))).toEqual([FINAL])
    expect(judge(doc, crafted(null, 4))).toEqual([FINAL])
    expect(judge(doc, crafted(1, 4))).toEqual([FINAL])
    expect(judge(doc, crafted(null, null))).toEqual([FINAL])
    expect(judge(doc, crafted(1, null))).toEqual([FINAL])
    // Honest neighbours around the open section: one slot, not final.
    expect(judge(doc, crafted(1, 2))).toEqual([])
    expect(judge(doc, crafted(null, 0))).toEqual([])
    expect(judge(doc, (copy) => copy.getXmlFragment('document').insert(2, [block('heading', 'New', { level: 2, sectionId: 'fresh' }), block('paragraph', 'y')]))).toEqual([])
    // The facilitator may write in the final section.
    expect(judge(doc, crafted(null, 4), 'facilitator')).toEqual([])
  })

  it('a new block chained after another new one is judged by where that one may land', () => {
    const doc = board()
    const chained = (copy: Y.Doc) => {
      crafted(1, 4)(copy)
      // A second block right after the crafted one, before the last paragraph.
      const fragment = copy.getXmlFragment('document')
      const index = fragment.toArray().findIndex((node) => node.toString().includes('Sneaked in'))
      fragment.insert(index + 1, [block('paragraph', 'And this')])
    }
    expect(judge(doc, chained).every((reason) => reason === FINAL)).toBe(true)
  })

  it('a participant cannot claim a final section’s id or another heading’s id; moving a heading keeps its own', () => {
    const doc = board()
    expect(judge(doc, (copy) => (copy.getXmlFragment('document').get(0) as Y.XmlElement).setAttribute('sectionId', 'worked'))).toEqual(['that section id belongs to a section marked final'])
    expect(judge(doc, (copy) => copy.getXmlFragment('document').insert(2, [block('heading', 'Copy', { level: 2, sectionId: 'account' })]))).toEqual(['another heading already has that section id'])
    expect(judge(doc, (copy) => copy.getXmlFragment('document').insert(2, [block('heading', 'A', { sectionId: 'twin' }), block('heading', 'B', { sectionId: 'twin' })]))).toEqual([
      'another heading already has that section id',
      'another heading already has that section id',
    ])
    expect(judge(doc, (copy) => copy.getXmlFragment('document').insert(2, [block('heading', 'Odd', { sectionId: 'no spaces please' })]))).toEqual(['a section id is a short word of letters, digits, - and _'])
    const move = (copy: Y.Doc) =>
      copy.transact(() => {
        const fragment = copy.getXmlFragment('document')
        fragment.delete(0, 1)
        fragment.insert(1, [block('heading', 'Our account', { level: 2, sectionId: 'account' })])
      })
    expect(judge(doc, move)).toEqual([])
    // Setting a heading's own id again is no claim.
    expect(judge(doc, (copy) => (copy.getXmlFragment('document').get(0) as Y.XmlElement).setAttribute('sectionId', 'account'))).toEqual([])
    expect(judge(doc, (copy) => (copy.getXmlFragment('document').get(0) as Y.XmlElement).setAttribute('sectionId', 'worked'), 'facilitator')).toEqual([])
  })
})
