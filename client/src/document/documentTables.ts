import { Extension, Node, type AnyExtension } from '@tiptap/core'
import { goToNextCell, tableEditing } from '@tiptap/pm/tables'

/*
 * Tables (prosemirror-tables through @tiptap/pm, node names as the server accepts them):
 * `table` > `tableRow` > `tableHeader` | `tableCell` > blocks. Tab and Shift-Tab move between
 * cells inside a table only, so outside one Tab still leaves the editor (keyboard users).
 */

const cellAttributes = () => ({
  colspan: { default: 1 },
  rowspan: { default: 1 },
  colwidth: { default: null },
})

const ROLES: Record<string, string> = { table: 'table', tableRow: 'row', tableCell: 'cell', tableHeader: 'header_cell' }

export function tableExtensions(): AnyExtension[] {
  return [
    Extension.create({
      name: 'tableRoles',
      extendNodeSchema: (extension) => (ROLES[extension.name] ? { tableRole: ROLES[extension.name] } : {}),
    }),
    Node.create({
      name: 'table',
      group: 'block',
      content: 'tableRow+',
      isolating: true,
      parseHTML: () => [{ tag: 'table' }],
      renderHTML: () => ['table', { class: 'doc-table' }, ['tbody', 0]],
      addProseMirrorPlugins: () => [tableEditing()],
      addKeyboardShortcuts: () => ({
        Tab: ({ editor }) => goToNextCell(1)(editor.state, editor.view.dispatch),
        'Shift-Tab': ({ editor }) => goToNextCell(-1)(editor.state, editor.view.dispatch),
      }),
    }),
    Node.create({
      name: 'tableRow',
      content: '(tableCell | tableHeader)*',
      parseHTML: () => [{ tag: 'tr' }],
      renderHTML: () => ['tr', 0],
    }),
    Node.create({
      name: 'tableCell',
      content: 'block+',
      isolating: true,
      addAttributes: cellAttributes,
      parseHTML: () => [{ tag: 'td' }],
      renderHTML: ({ HTMLAttributes }) => ['td', HTMLAttributes, 0],
    }),
    Node.create({
      name: 'tableHeader',
      content: 'block+',
      isolating: true,
      addAttributes: cellAttributes,
      parseHTML: () => [{ tag: 'th' }],
      renderHTML: ({ HTMLAttributes }) => ['th', { scope: 'col', ...HTMLAttributes }, 0],
    }),
  ]
}

/** A new table: a header row and two rows of `columns` empty cells. */
export function newTable(columns = 3, rows = 2) {
  const cell = (type: 'tableHeader' | 'tableCell') => ({ type, content: [{ type: 'paragraph' }] })
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: Array.from({ length: columns }, () => cell('tableHeader')) },
      ...Array.from({ length: rows }, () => ({ type: 'tableRow', content: Array.from({ length: columns }, () => cell('tableCell')) })),
    ],
  }
}
