import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { quotedNoteIds } from './quotedNotes.ts'

const quote = (noteId: string) => {
  const node = new Y.XmlElement('boardNote')
  node.setAttribute('noteId', noteId)
  return node
}

describe('quoted notes', () => {
  it('are found at the top level and inside quotes and lists', () => {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('document')
    const blockquote = new Y.XmlElement('blockquote')
    const list = new Y.XmlElement('bulletList')
    const item = new Y.XmlElement('listItem')
    fragment.insert(0, [quote('shape:a'), blockquote, list, new Y.XmlElement('paragraph')])
    blockquote.insert(0, [quote('shape:b')])
    list.insert(0, [item])
    item.insert(0, [quote('shape:c'), quote('shape:a')])
    expect([...quotedNoteIds(fragment)].sort()).toEqual(['shape:a', 'shape:b', 'shape:c'])
  })
})
