/** Paper sizes a PDF is made for. */
export const PAPER_SIZES = ['a4', 'a3'] as const
export type Paper = (typeof PAPER_SIZES)[number]

/** Portrait sizes in PDF points (1/72 inch). */
export const PAPER_POINTS: Record<Paper, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  a3: { width: 841.89, height: 1190.55 },
}

const MARGIN = 28

/** Where a picture goes on a page: the page's size (turned when the picture is wide) and the picture's box, in points. */
export interface Placement {
  pageWidth: number
  pageHeight: number
  x: number
  y: number
  w: number
  h: number
}

/** Where an image of `width`×`height` goes on a sheet of `paper`: landscape when wide, fitted within margins, centred. */
export function fitOnPaper(width: number, height: number, paper: Paper = 'a4'): Placement {
  const size = PAPER_POINTS[paper]
  const landscape = width > height
  const pageWidth = landscape ? size.height : size.width
  const pageHeight = landscape ? size.width : size.height
  const scale = Math.min((pageWidth - 2 * MARGIN) / width, (pageHeight - 2 * MARGIN) / height)
  const w = width * scale
  const h = height * scale
  return { pageWidth, pageHeight, x: (pageWidth - w) / 2, y: (pageHeight - h) / 2, w, h }
}

/** One page of a PDF: a JPEG picture and its pixel size. */
export interface PdfPage {
  jpeg: Uint8Array
  width: number
  height: number
}

const n = (value: number) => value.toFixed(2)

// PDF text strings: escape the delimiters; non-Latin-1 characters are written as UTF-16BE hex.
function pdfString(text: string): string {
  const units = [0xfe, 0xff]
  for (const ch of text.slice(0, 200)) {
    const code = ch.codePointAt(0) ?? 63
    const value = code > 0xffff ? 63 : code
    units.push(value >> 8, value & 0xff)
  }
  return `<${units.map((u) => u.toString(16).padStart(2, '0')).join('')}>`
}

/**
 * A PDF with one JPEG picture per page (the board, then e.g. one zone a page, as tldraw exported
 * them), each fitted within margins on `paper`, landscape when the picture is wide. The JPEGs are
 * embedded as they are (DCTDecode), so no PDF library is needed: a catalogue, a page tree, three
 * objects per page (page, image, drawing), an info dictionary and a cross-reference table.
 */
export function jpegsToPdf(pages: readonly PdfPage[], options: { title?: string; paper?: Paper } = {}): Uint8Array {
  const encoder = new TextEncoder()
  const parts: Uint8Array[] = []
  const offsets: number[] = []
  let length = 0
  const push = (chunk: Uint8Array | string) => {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk
    parts.push(bytes)
    length += bytes.length
  }
  const object = (id: number, body: string, stream?: Uint8Array) => {
    offsets[id] = length
    push(`${id} 0 obj\n${body}\n`)
    if (stream) {
      push('stream\n')
      push(stream)
      push('\nendstream\n')
    }
    push('endobj\n')
  }
  // Objects: 1 catalogue, 2 page tree, then per page i: 3+3i page, 4+3i image, 5+3i content; last the info.
  const pageId = (i: number) => 3 + 3 * i
  const infoId = pageId(pages.length)
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
  object(1, '<< /Type /Catalog /Pages 2 0 R >>')
  object(2, `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageId(i)} 0 R`).join(' ')}] /Count ${pages.length} >>`)
  pages.forEach((page, i) => {
    const id = pageId(i)
    const place = fitOnPaper(page.width, page.height, options.paper)
    object(
      id,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${n(place.pageWidth)} ${n(place.pageHeight)}] /Resources << /XObject << /Im0 ${id + 1} 0 R >> >> /Contents ${id + 2} 0 R >>`,
    )
    object(
      id + 1,
      `<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${page.jpeg.length} >>`,
      page.jpeg,
    )
    const content = encoder.encode(`q ${n(place.w)} 0 0 ${n(place.h)} ${n(place.x)} ${n(place.y)} cm /Im0 Do Q`)
    object(id + 2, `<< /Length ${content.length} >>`, content)
  })
  object(infoId, `<< /Title ${pdfString(options.title ?? '')} /Producer (coboard) >>`)
  const xref = length
  push(`xref\n0 ${infoId + 1}\n0000000000 65535 f \n`)
  for (let id = 1; id <= infoId; id++) push(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`)
  push(`trailer\n<< /Size ${infoId + 1} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  const out = new Uint8Array(length)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
