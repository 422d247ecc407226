import { Box, type Editor, type TLShapeId } from 'tldraw'
import { jpegSize } from './jpegSize.ts'
import { jpegToPdf } from './minimalPdf.ts'

/** Picture formats made in the browser with tldraw's own export. */
export const IMAGE_FORMATS = ['png', 'svg', 'pdf'] as const
export type ImageFormat = (typeof IMAGE_FORMATS)[number]

/** What to draw: the whole page, or one zone (its frame's box, with the notes over it). */
export type ExportScope = { kind: 'board' } | { kind: 'zone'; shapeId: TLShapeId; label: string }

const PADDING = 24

function shapesAndBounds(editor: Editor, scope: ExportScope): { ids: TLShapeId[]; bounds?: Box } {
  const all = [...editor.getCurrentPageShapeIds()]
  if (scope.kind === 'board') return { ids: all }
  const frame = editor.getShapePageBounds(scope.shapeId)
  if (!frame) return { ids: [] }
  // Notes belong to a zone by where they lie, not by being the frame's children, so every shape
  // over the zone's box is drawn, clipped to the box.
  const ids = all.filter((id) => {
    const bounds = editor.getShapePageBounds(id)
    return bounds !== undefined && frame.collides(bounds)
  })
  return { ids, bounds: Box.ExpandBy(frame.clone(), PADDING) }
}

/**
 * Draws the board (or one zone) as PNG, SVG or a one-page A4 PDF, in the board's light colours
 * (printable), entirely in the browser. Returns undefined when there is nothing to draw.
 */
export async function exportBoardImage(editor: Editor, scope: ExportScope, format: ImageFormat, title: string): Promise<Blob | undefined> {
  const { ids, bounds } = shapesAndBounds(editor, scope)
  if (ids.length === 0) return undefined
  const common = { background: true, darkMode: false, padding: bounds ? 0 : PADDING, ...(bounds ? { bounds } : {}) }
  if (format === 'svg') {
    const result = await editor.getSvgString(ids, common)
    return result ? new Blob([result.svg], { type: 'image/svg+xml' }) : undefined
  }
  if (format === 'png') {
    return (await editor.toImage(ids, { ...common, format: 'png', pixelRatio: 2 })).blob
  }
  const image = await editor.toImage(ids, { ...common, format: 'jpeg', quality: 0.9, pixelRatio: 2 })
  const jpeg = new Uint8Array(await image.blob.arrayBuffer())
  const size = jpegSize(jpeg) ?? { width: Math.round(image.width), height: Math.round(image.height) }
  return new Blob([jpegToPdf(jpeg, size.width, size.height, title) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })
}
