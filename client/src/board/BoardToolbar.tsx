import {
  ArrowToolbarItem,
  AssetToolbarItem,
  DefaultStylePanel,
  DefaultToolbar,
  DrawToolbarItem,
  EraserToolbarItem,
  HandToolbarItem,
  NoteToolbarItem,
  RectangleToolbarItem,
  SelectToolbarItem,
  TextToolbarItem,
  useEditor,
  useValue,
  type TLUiOverrides,
  type TLUiStylePanelProps,
} from 'tldraw'

/**
 * The tools workshops use, in this order: select, hand, note, text, draw, arrow, shapes (the
 * rectangle tool; the style panel switches it to other shapes), image, eraser. The note comes
 * third so that it stays in view on the narrowest phone, where the toolbar shows only four tools
 * before its overflow menu.
 */
export function BoardToolbar() {
  return (
    <DefaultToolbar maxItems={9}>
      <SelectToolbarItem />
      <HandToolbarItem />
      <NoteToolbarItem />
      <TextToolbarItem />
      <DrawToolbarItem />
      <ArrowToolbarItem />
      <RectangleToolbarItem />
      <AssetToolbarItem />
      <EraserToolbarItem />
    </DefaultToolbar>
  )
}

// Tools with nothing to pick styles for.
const TOOLS_WITHOUT_STYLES: ReadonlySet<string> = new Set(['select', 'hand', 'eraser', 'laser', 'zoom'])

/**
 * tldraw's style panel, only while there is something to style: a selection, or a tool that
 * creates shapes. tldraw shows it at all times, where it covers the right-hand zone of a board.
 */
export function BoardStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor()
  const shown = useValue(
    'style panel shown',
    () => editor.getSelectedShapeIds().length > 0 || !TOOLS_WITHOUT_STYLES.has(editor.getCurrentToolId()),
    [editor],
  )
  return shown ? <DefaultStylePanel {...props} /> : null
}

/**
 * Removes what does not work on a coboard board: embeds (switched off — each would be an iframe
 * to a third party — so tldraw's embed dialog had nothing to offer) and turning links into embeds.
 */
export const TRIM_OVERRIDES: TLUiOverrides = {
  tools(_editor, tools) {
    const kept = { ...tools }
    delete kept.embed
    return kept
  },
  actions(_editor, actions) {
    const kept = { ...actions }
    delete kept['insert-embed']
    delete kept['convert-to-embed']
    return kept
  },
}
