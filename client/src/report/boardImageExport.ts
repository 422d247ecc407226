import { Box, type Editor, type TLShapeId } from 'tldraw'
import { jpegSize } from './jpegSize.ts'
import { jpegsToPdf, type Paper, type PdfPage } from './minimalPdf.ts'

/** Picture formats made in the browser with tldraw's own export. */
export const IMAGE_FORMATS = ['png', 'svg', 'pdf'] as const
export type ImageFormat = (typeof IMAGE_FORMATS)[number]

/** What to draw: the whole page, or one zone (its frame's box, with the notes over it). */
export type ExportScope = { kind: 'board' } | { kind: 'zone'; shapeId: TLShapeId; label: string }

const PADDING = 24

/**
 * Limits of a picture in pixels. Why: rasterising tldraw's SVG costs time in proportion to the
 * pixels (measured at 100 notes in Chromium: 3 s at pixel ratio 1, 25 s at 2), and Chromium's
 * canvas fails or the tab runs out of memory on very large bitmaps. So a zone is drawn sharp (2×)
 * and a big board at a lower ratio. A4 at 200 dpi is ~3.9 million pixels, A3 twice that.
 */
const LIMITS = {
  png: { side: 8000, pixels: 8e6 },
  pdf: { a4: { side: 4000, pixels: 4e6 }, a3: { side: 5600, pixels: 8e6 } },
} as const

/** How a PDF is made: the paper, and the zones that get a page each after the first page. */
export interface PdfOptions {
  paper: Paper
  zonePages: ReadonlyArray<{ shapeId: TLShapeId; label: string }>
  /** Told before each page is drawn (drawing a page takes seconds on a large board). */
  onPage?: (page: number, pages: number) => void
}

/** Device pixels per board unit: 2 (sharp) unless that would pass the longest side or the pixel count. */
export function pixelRatioFor(width: number, height: number, limit: { side: number; pixels: number }): number {
  const w = Math.max(width, 1)
  const h = Math.max(height, 1)
  return Math.max(0.1, Math.min(2, limit.side / Math.max(w, h), Math.sqrt(limit.pixels / (w * h))))
}

function shapesAndBounds(editor: Editor, scope: ExportScope): { ids: TLShapeId[]; bounds?: Box } {
  const all = [...editor.getCurrentPageShapeIds()]
  if (scope.kind === 'board') return { ids: all, bounds: editor.getCurrentPageBounds()?.clone().expandBy(PADDING) }
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
 * Draws the board (or one zone) as PNG, SVG or PDF, in the board's light colours (printable),
 * entirely in the browser. A PDF has the scope on its first page and, when asked, one page per
 * zone after it, so that the notes of a large board stay legible on paper. Returns undefined when
 * there is nothing to draw.
 */
export async function exportBoardImage(
  editor: Editor,
  scope: ExportScope,
  format: ImageFormat,
  title: string,
  pdf: PdfOptions = { paper: 'a4', zonePages: [] },
): Promise<Blob | undefined> {
  const { ids, bounds } = shapesAndBounds(editor, scope)
  if (ids.length === 0) return undefined
  const common = { background: true, darkMode: false, padding: 0, ...(bounds ? { bounds } : {}) }
  if (format === 'svg') {
    const result = await editor.getSvgString(ids, common)
    return result ? new Blob([result.svg], { type: 'image/svg+xml' }) : undefined
  }
  if (format === 'png') {
    const pixelRatio = pixelRatioFor(bounds?.w ?? 0, bounds?.h ?? 0, LIMITS.png)
    return (await editor.toImage(ids, { ...common, format: 'png', pixelRatio })).blob
  }
  const scopes: ExportScope[] = [scope, ...pdf.zonePages.map((zone) => ({ kind: 'zone' as const, ...zone }))]
  const pages: PdfPage[] = []
  for (const [i, pageScope] of scopes.entries()) {
    pdf.onPage?.(i + 1, scopes.length)
    const page = await pdfPage(editor, pageScope, pdf.paper)
    if (page) pages.push(page)
  }
  return new Blob([jpegsToPdf(pages, { title, paper: pdf.paper }) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })
}

// One page of a PDF: the scope drawn as a JPEG, as sharp as the paper needs.
async function pdfPage(editor: Editor, scope: ExportScope, paper: Paper): Promise<PdfPage | undefined> {
  const { ids, bounds } = shapesAndBounds(editor, scope)
  if (ids.length === 0) return undefined
  const pixelRatio = pixelRatioFor(bounds?.w ?? 0, bounds?.h ?? 0, LIMITS.pdf[paper])
  const image = await editor.toImage(ids, { background: true, darkMode: false, padding: 0, ...(bounds ? { bounds } : {}), format: 'jpeg', quality: 0.9, pixelRatio })
  const jpeg = new Uint8Array(await image.blob.arrayBuffer())
  const size = jpegSize(jpeg) ?? { width: Math.round(image.width), height: Math.round(image.height) }
  return { jpeg, ...size }
}
