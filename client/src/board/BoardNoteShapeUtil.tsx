import type { ReactElement } from 'react'
import {
  getDisplayValues,
  Group2d,
  NoteShapeUtil,
  Rectangle2d,
  useColorMode,
  useValue,
  type TLNoteShape,
  type TLShapePartial,
} from 'tldraw'
import { NoteExtras } from '../votes/NoteExtras.tsx'
import { NoteOutcomeBadge } from '../report/NoteOutcomeBadge.tsx'
import { showsNoteText } from './noteDetail.ts'
import { freeSpotForNote } from './zoneNotes.ts'

/**
 * tldraw's note, made cheap to open in large numbers (profiled with `npm run bench:client`):
 *
 * - Geometry without measuring. tldraw measures every note's text in a hidden DOM element to place
 *   a "label" rectangle inside the note's geometry (11 % of a 2,000-note board's load, plus the
 *   forced layouts). The note's own size never needed it: it comes from `growY`, which tldraw
 *   still measures and stores whenever the text is edited (onBeforeCreate/onBeforeUpdate are
 *   untouched). The label rectangle is the note's padded body instead.
 * - Text only where it can be read. A note off screen (culled) or drawn so small that its text
 *   would be under MIN_LEGIBLE_TEXT_PX is a plain coloured card; its rich text is neither turned
 *   into HTML nor given an editor's worth of subscriptions until it comes into view.
 *
 * And tidy: a note dropped on another note in a zone moves to the nearest free spot there.
 */
export class BoardNoteShapeUtil extends NoteShapeUtil {
  override onTranslateEnd(_initial: TLNoteShape, current: TLNoteShape): TLShapePartial<TLNoteShape> | void {
    // One note dropped by hand; a dragged group keeps its own arrangement.
    if (this.editor.getSelectedShapeIds().length !== 1) return
    const spot = freeSpotForNote(this.editor, current.id)
    if (spot) return { id: current.id, type: 'note', x: spot.x, y: spot.y }
  }

  override getGeometry(shape: TLNoteShape): Group2d {
    const dv = getDisplayValues(this, shape)
    const { scale, growY } = shape.props
    const width = dv.noteWidth * scale
    const height = (dv.noteHeight + growY) * scale
    const padding = dv.labelPadding * scale
    return new Group2d({
      children: [
        new Rectangle2d({ width, height, isFilled: true }),
        new Rectangle2d({
          x: padding,
          y: padding,
          width: Math.max(1, width - 2 * padding),
          height: Math.max(1, height - 2 * padding),
          isFilled: true,
          isLabel: true,
          excludeFromShapeBounds: true,
        }),
      ],
    })
  }

  override component(shape: TLNoteShape): ReactElement {
    const editor = this.editor
    const { id } = shape
    const colorMode = useColorMode()
    const dv = getDisplayValues(this, shape, colorMode)
    const fontSize = dv.labelFontSize * (shape.props.fontSizeAdjustment || 1)
    const scale = shape.props.scale
    const detailed = useValue(
      'note text shown',
      () =>
        showsNoteText({
          fontSize,
          scale,
          zoom: editor.getEfficientZoomLevel(),
          culled: editor.getCulledShapes().has(id),
          active: editor.getEditingShapeId() === id || editor.getSelectedShapeIds().includes(id),
        }),
      [editor, id, fontSize, scale],
    )
    // Issue 11: the private-draft mark and the dot vote, over the note; issue 12: its outcome.
    const extras = <NoteExtras editor={editor} shape={shape} />
    if (detailed) {
      return (
        <>
          <FullNote util={this} shape={shape} />
          <NoteOutcomeBadge noteId={id} />
          {extras}
        </>
      )
    }
    return (
      <><div
        id={id}
        className="tl-note__container"
        style={{
          width: dv.noteWidth * scale,
          height: (dv.noteHeight + shape.props.growY) * scale,
          backgroundColor: dv.noteBackgroundColor,
          borderBottom: `${dv.borderWidth * scale}px solid ${dv.borderColor}`,
        }}
      />{extras}</>
    )
  }
}

// tldraw's own note, as its own React component so that its hooks mount and unmount with it.
function FullNote(props: { util: BoardNoteShapeUtil; shape: TLNoteShape }) {
  return NoteShapeUtil.prototype.component.call(props.util, props.shape)
}
