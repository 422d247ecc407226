/** A4 in PDF points (1/72 inch). */
export const A4_POINTS = { width: 595.28, height: 841.89 } as const

const MARGIN = 28

/** Where an image of `width`×`height` goes on an A4 page: orientation, position and size (points). */
export function fitOnA4(width: number, height: number): { pageWidth: number; pageHeight: number; x: number; y: number; w: number; h: number } {
  const landscape = width > height
  const pageWidth = landscape ? A4_POINTS.height : A4_POINTS.width
  const pageHeight = landscape ? A4_POINTS.width : A4_POINTS.height
  const scale = Math.min((pageWidth - 2 * MARGIN) / width, (pageHeight - 2 * MARGIN) / height)
  const w = width * scale
  const h = height * scale
  return { pageWidth, pageHeight, x: (pageWidth - w) / 2, y: (pageHeight - h) / 2, w, h }
}

const n = (value: number) => value.toFixed(2)

/**
 * A one-page A4 PDF showing a JPEG picture (the board as tldraw exported it), fitted within
 * margins, landscape when the picture is wide. The JPEG is embedded as it is (DCTDecode), so no
 * PDF library is needed: the file is five objects and a cross-reference table.
 */
export function jpegToPdf(jpeg: Uint8Array, width: number, height: number, title = ''): Uint8Array {
  const place = fitOnA4(width, height)
  const content = `q ${n(place.w)} 0 0 ${n(place.h)} ${n(place.x)} ${n(place.y)} cm /Im0 Do Q`
  // PDF text strings: escape the delimiters; non-Latin-1 characters are written as UTF-16BE hex.
  const pdfString = (text: string) => {
    const units = [0xfe, 0xff]
    for (const ch of text.slice(0, 200)) {
      const code = ch.codePointAt(0) ?? 63
      const value = code > 0xffff ? 63 : code
      units.push(value >> 8, value & 0xff)
    }
    return `<${units.map((u) => u.toString(16).padStart(2, '0')).join('')}>`
  }
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
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
  object(1, '<< /Type /Catalog /Pages 2 0 R >>')
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>')
  object(
    3,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${n(place.pageWidth)} ${n(place.pageHeight)}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
  )
  object(
    4,
    `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>`,
    jpeg,
  )
  const contentBytes = encoder.encode(content)
  object(5, `<< /Length ${contentBytes.length} >>`, contentBytes)
  object(6, `<< /Title ${pdfString(title)} /Producer (coboard) >>`)
  const xref = length
  push(`xref\n0 7\n0000000000 65535 f \n`)
  for (let id = 1; id <= 6; id++) push(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`)
  push(`trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  const out = new Uint8Array(length)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
