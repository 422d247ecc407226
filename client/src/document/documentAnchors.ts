import type { EditorState } from '@tiptap/pm/state'
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { ThreadView } from './documentThreads.ts'

type Anchor = NonNullable<ThreadView['anchor']>

function mappingOf(state: EditorState) {
  const binding = (ySyncPluginKey.getState(state) as { binding?: { mapping: unknown } } | undefined)?.binding
  return binding?.mapping as Parameters<typeof relativePositionToAbsolutePosition>[3] | undefined
}

/** A selection as Yjs relative positions: it stays on the same text while others write around it. */
export function anchorOf(state: EditorState, fragment: Y.XmlFragment, from: number, to: number): Anchor | null {
  const mapping = mappingOf(state)
  if (!mapping) return null
  const json = (pos: number) => Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, fragment, mapping)) as Record<string, unknown>
  return { start: json(from), end: json(to) }
}

/** Where an anchor lies in the editor now, or null when its text is gone. */
export function rangeOf(state: EditorState, fragment: Y.XmlFragment, anchor: Anchor): { from: number; to: number } | null {
  const mapping = mappingOf(state)
  const doc = fragment.doc
  if (!mapping || !doc) return null
  try {
    const from = relativePositionToAbsolutePosition(doc, fragment, Y.createRelativePositionFromJSON(anchor.start), mapping)
    const to = relativePositionToAbsolutePosition(doc, fragment, Y.createRelativePositionFromJSON(anchor.end), mapping)
    if (from === null || to === null || to <= from || to > state.doc.content.size) return null
    return { from, to }
  } catch {
    return null
  }
}
