import { describe, expect, it } from 'vitest'
import { A4_POINTS, fitOnA4, jpegToPdf } from './minimalPdf.ts'

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

describe('jpegToPdf', () => {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9])
  const pdf = latin1(jpegToPdf(jpeg, 1600, 900, 'Byens torv – workshop'))

  it('is a one-page PDF with the picture embedded as it is', () => {
    expect(pdf.startsWith('%PDF-1.4')).toBe(true)
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true)
    expect(pdf).toContain('/Count 1')
    expect(pdf).toContain('/Width 1600 /Height 900')
    expect(pdf).toContain(latin1(jpeg))
  })

  it('has a cross-reference table whose offsets point at the objects', () => {
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1])
    expect(pdf.slice(xref, xref + 4)).toBe('xref')
    const offsets = [...pdf.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]))
    expect(offsets).toHaveLength(6)
    offsets.forEach((offset, i) => expect(pdf.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`))
  })
})

describe('fitOnA4', () => {
  it('turns the page for a wide board and keeps the picture inside the margins', () => {
    const place = fitOnA4(2000, 1000)
    expect(place.pageWidth).toBeCloseTo(A4_POINTS.height)
    expect(place.w).toBeLessThanOrEqual(place.pageWidth - 56 + 1e-9)
    expect(place.w / place.h).toBeCloseTo(2)
  })

  it('keeps a tall zone on a portrait page', () => {
    const place = fitOnA4(500, 1500)
    expect(place.pageHeight).toBeCloseTo(A4_POINTS.height)
    expect(place.h).toBeLessThanOrEqual(place.pageHeight - 56 + 1e-9)
  })
})
