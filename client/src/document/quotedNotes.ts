import * as Y from 'yjs'

/** Ids of the board notes the document quotes (`boardNote` nodes, at any depth). */
export function quotedNoteIds(fragment: Y.XmlFragment): Set<string> {
  const ids = new Set<string>()
  const walk = (node: Y.XmlElement | Y.XmlFragment, depth: number) => {
    if (depth > 32) return
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      if (child.nodeName === 'boardNote') {
        const id = child.getAttribute('noteId')
        if (typeof id === 'string' && id) ids.add(id)
      } else walk(child, depth + 1)
    }
  }
  walk(fragment, 0)
  return ids
}
