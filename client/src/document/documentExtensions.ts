import { Extension, Node, type AnyExtension } from '@tiptap/core'
import Collaboration, { isChangeOrigin } from '@tiptap/extension-collaboration'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Mapping } from '@tiptap/pm/transform'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { Placeholder } from '@tiptap/extensions'
import StarterKit from '@tiptap/starter-kit'
import { yCursorPlugin } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { SECTION_ID_ATTRIBUTE } from '../../../shared/document/documentDoc.ts'
import { readableTextOn } from '../ui/contrast.ts'
import { tableExtensions } from './documentTables.ts'
import { headingIdFixes, headingsCarriedOver, sectionsOf, touchesLocked } from './documentSections.ts'

/** What a quoted board note's view needs from the board (live text, panning) and the UI (words). */
export interface NoteBridge {
  /** The note's current text, or undefined when it is no longer on the board. */
  noteText(noteId: string): string | undefined
  /** Pans the board to the note and selects it. */
  showNote(noteId: string): void
  /** Calls back when notes change on the board; returns the unsubscribe. */
  subscribe(listener: () => void): () => void
  label(key: 'quotedNote' | 'showOnBoard' | 'noteGone' | 'noteChanged' | 'updateQuote'): string
  groupLabel(group: string): string | undefined
}

/**
 * `boardNote`: a note of the board quoted in the document. It keeps the note's id (the link back),
 * its text when quoted (what exports print) and its group; the view shows the note's current
 * text when it has changed and offers to take it over.
 */
export function boardNoteNode(bridge: NoteBridge) {
  return Node.create({
    name: 'boardNote',
    group: 'block',
    atom: true,
    draggable: true,
    selectable: true,
    addAttributes() {
      return {
        noteId: { default: '' },
        text: { default: '' },
        group: { default: null },
      }
    },
    parseHTML() {
      return [
        {
          tag: 'figure[data-board-note]',
          getAttrs: (el) => ({ noteId: (el as HTMLElement).dataset.boardNote ?? '', text: (el as HTMLElement).querySelector('blockquote')?.textContent ?? '', group: (el as HTMLElement).dataset.group ?? null }),
        },
      ]
    },
    renderHTML({ node }) {
      return ['figure', { 'data-board-note': node.attrs.noteId, 'data-group': node.attrs.group ?? '' }, ['blockquote', {}, node.attrs.text]]
    },
    addNodeView() {
      return ({ node: initial, getPos, editor }) => {
        let node = initial
        const dom = document.createElement('figure')
        dom.className = 'doc-note'
        dom.contentEditable = 'false'
        const quote = document.createElement('blockquote')
        const caption = document.createElement('figcaption')
        const source = document.createElement('span')
        const show = document.createElement('button')
        show.type = 'button'
        show.className = 'doc-note__show'
        const notice = document.createElement('p')
        notice.className = 'doc-note__notice'
        const update = document.createElement('button')
        update.type = 'button'
        caption.append(source, show)
        dom.append(quote, caption, notice)
        show.addEventListener('click', (event) => {
          event.preventDefault()
          bridge.showNote(String(node.attrs.noteId))
        })
        update.addEventListener('click', (event) => {
          event.preventDefault()
          const current = bridge.noteText(String(node.attrs.noteId))
          const pos = typeof getPos === 'function' ? getPos() : undefined
          if (current === undefined || pos === undefined) return
          editor.view.dispatch(editor.state.tr.setNodeAttribute(pos, 'text', current))
        })
        const render = () => {
          const stored = String(node.attrs.text ?? '')
          const current = bridge.noteText(String(node.attrs.noteId))
          dom.dataset.boardNote = String(node.attrs.noteId)
          quote.textContent = stored
          const group = node.attrs.group ? bridge.groupLabel(String(node.attrs.group)) : undefined
          source.textContent = group ? `${bridge.label('quotedNote')} · ${group}` : bridge.label('quotedNote')
          show.textContent = bridge.label('showOnBoard')
          show.disabled = current === undefined
          notice.replaceChildren()
          if (current === undefined) notice.textContent = bridge.label('noteGone')
          else if (current !== stored) {
            notice.append(document.createTextNode(`${bridge.label('noteChanged')} “${current}” `))
            update.textContent = bridge.label('updateQuote')
            if (editor.isEditable) notice.append(update)
          }
          notice.hidden = notice.childNodes.length === 0
        }
        render()
        const unsubscribe = bridge.subscribe(render)
        return {
          dom,
          update(next) {
            if (next.type.name !== 'boardNote') return false
            node = next
            render()
            return true
          },
          stopEvent: (event) => event.target instanceof HTMLButtonElement,
          ignoreMutation: () => true,
          destroy: unsubscribe,
        }
      }
    },
  })
}

/** Headings carry the id of the section they open (kept unique, on the older heading; new headings get one). */
function sectionHeadings(options: { editable: () => boolean; newId: () => string; isLocked: (id: string) => boolean; mayChangeLocked: boolean }) {
  return Extension.create({
    name: 'sectionHeadings',
    addGlobalAttributes() {
      return [
        {
          types: ['heading'],
          attributes: {
            [SECTION_ID_ATTRIBUTE]: {
              default: null,
              keepOnSplit: false,
              parseHTML: (el) => el.getAttribute('data-section-id'),
              renderHTML: (attrs) => (attrs[SECTION_ID_ATTRIBUTE] ? { 'data-section-id': attrs[SECTION_ID_ATTRIBUTE] } : {}),
            },
          },
        },
      ]
    },
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: new PluginKey('sectionHeadingIds'),
          appendTransaction: (transactions, old, state) => {
            if (!options.editable() || !transactions.some((tr) => tr.docChanged && !isChangeOrigin(tr))) return null
            let carried: Set<number> | undefined
            const fixes = headingIdFixes(state.doc, {
              newId: options.newId,
              isLocked: options.isLocked,
              mayChangeLocked: options.mayChangeLocked,
              // Worked out only when two headings share an id (rare): a walk of the old document.
              existedBefore: (pos) => {
                if (!carried) {
                  const mapping = new Mapping()
                  for (const tr of transactions) mapping.appendMapping(tr.mapping)
                  carried = headingsCarriedOver(old.doc, state.doc, mapping)
                }
                return carried.has(pos)
              },
            })
            if (!fixes.length) return null
            const tr = state.tr
            for (const fix of fixes) tr.setNodeAttribute(fix.pos, SECTION_ID_ATTRIBUTE, fix.id)
            return tr.setMeta('addToHistory', false)
          },
        }),
      ]
    },
  })
}

export const sectionLocksKey = new PluginKey<DecorationSet>('sectionLocks')

/**
 * Sections the facilitator marked final: shown as such, and — for everyone but the facilitator —
 * local changes touching them are not made (the server would refuse them anyway).
 */
function sectionLocks(options: { isLocked: (id: string) => boolean; mayChangeLocked: boolean; lockedTitle: () => string; onRefused: () => void }) {
  const decorate = (state: EditorState) => {
    const decorations: Decoration[] = []
    for (const section of sectionsOf(state.doc)) {
      if (!options.isLocked(section.id)) continue
      state.doc.nodesBetween(section.from, section.to, (node, pos) => {
        decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'doc-locked', title: options.lockedTitle() }))
        return false
      })
    }
    return DecorationSet.create(state.doc, decorations)
  }
  const refuses = (tr: Transaction, state: EditorState) => {
    const sections = sectionsOf(state.doc)
    let refused = false
    tr.mapping.maps.forEach((map, i) => {
      const back = tr.mapping.slice(0, i).invert()
      map.forEach((oldStart, oldEnd) => {
        if (touchesLocked(sections, back.map(oldStart, -1), back.map(oldEnd, 1), options.isLocked)) refused = true
      })
    })
    return refused
  }
  return Extension.create({
    name: 'sectionLocks',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: sectionLocksKey,
          state: {
            init: (_, state) => decorate(state),
            apply: (tr, previous, _old, state) => (tr.docChanged || tr.getMeta(sectionLocksKey) ? decorate(state) : previous),
          },
          props: { decorations: (state) => sectionLocksKey.getState(state) },
          filterTransaction: (tr, state) => {
            if (options.mayChangeLocked || !tr.docChanged || isChangeOrigin(tr) || !refuses(tr, state)) return true
            options.onRefused()
            return false
          },
        }),
      ]
    },
  })
}

export const commentMarksKey = new PluginKey<DecorationSet>('commentMarks')

/** Highlights the text of open comment threads (ranges worked out by the pane from their anchors). */
function commentMarks(ranges: (state: EditorState) => Array<{ id: string; from: number; to: number }>) {
  const decorate = (state: EditorState) =>
    DecorationSet.create(
      state.doc,
      ranges(state)
        .filter((r) => r.from < r.to)
        .map((r) => Decoration.inline(r.from, r.to, { class: 'doc-commented', 'data-thread': r.id })),
    )
  return Extension.create({
    name: 'commentMarks',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: commentMarksKey,
          state: {
            init: (_, state) => DecorationSet.create(state.doc, []),
            // Own typing only moves the marks; others' changes (and new threads) place them afresh
            // from their anchors, which costs a walk of the document per thread.
            apply: (tr, previous, _old, state) =>
              tr.getMeta(commentMarksKey) || (tr.docChanged && isChangeOrigin(tr)) ? decorate(state) : previous.map(tr.mapping, tr.doc),
          },
          props: { decorations: (state) => commentMarksKey.getState(state) },
        }),
      ]
    },
  })
}

/** Live cursors and selections of the others, named from the board's presence (`user`). */
function collaborationCursors(awareness: Awareness) {
  return Extension.create({
    name: 'collaborationCursors',
    addProseMirrorPlugins() {
      return [
        yCursorPlugin(awareness, {
          cursorBuilder: (user: { name?: string; color?: string }) => {
            const cursor = document.createElement('span')
            cursor.className = 'doc-cursor'
            const colour = user.color && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#1b1b1f'
            cursor.style.borderColor = colour
            const label = document.createElement('span')
            label.className = 'doc-cursor__label'
            label.setAttribute('aria-hidden', 'true')
            label.style.backgroundColor = colour
            label.style.color = readableTextOn(colour)
            label.textContent = user.name ?? ''
            cursor.append(label)
            return cursor
          },
        }),
      ]
    },
  })
}

/** The schema only makes what the server accepts (shared/document/documentDoc.ts DOCUMENT_NODES, DOCUMENT_MARKS). */
export function documentExtensions(options: {
  fragment: Y.XmlFragment
  awareness: Awareness
  bridge: NoteBridge
  editable: () => boolean
  newId: () => string
  isLocked: (id: string) => boolean
  mayChangeLocked: boolean
  lockedTitle: () => string
  /** Called when a change was not made because it touches a final section. */
  onRefused: () => void
  commentRanges: (state: EditorState) => Array<{ id: string; from: number; to: number }>
  /** What an empty document says (where to write, or that nothing is written yet). */
  emptyText: () => string
}): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings undo of one's own changes (Yjs undo manager).
      undoRedo: false,
      heading: { levels: [1, 2, 3] },
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    Collaboration.configure({ fragment: options.fragment }),
    collaborationCursors(options.awareness),
    boardNoteNode(options.bridge),
    ...tableExtensions(),
    sectionHeadings(options),
    sectionLocks(options),
    commentMarks(options.commentRanges),
    // Only in a wholly empty document, focused or not, and for readers too.
    Placeholder.configure({
      placeholder: ({ editor }) => (editor.isEmpty ? options.emptyText() : ''),
      showOnlyCurrent: false,
      showOnlyWhenEditable: false,
    }),
  ]
}
