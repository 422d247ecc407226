import { describe, expect, it } from 'vitest'
import { fitOnPaper, jpegsToPdf, PAPER_POINTS } from './minimalPdf.ts'

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

describe('jpegsToPdf', () => {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9])
  const other = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7, 0xff, 0xd9])
  const pdf = latin1(jpegsToPdf([{ jpeg, width: 1600, height: 900 }], { title: 'Byens torv – workshop' }))

  it('is a one-page A4 PDF with the picture embedded as it is', () => {
    expect(pdf.startsWith('%PDF-1.4')).toBe(true)
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true)
    expect(pdf).toContain('/Count 1')
    expect(pdf).toContain('/Width 1600 /Height 900')
    expect(pdf).toContain(latin1(jpeg))
    expect(pdf).toContain(`/MediaBox [0 0 ${PAPER_POINTS.a4.height.toFixed(2)} ${PAPER_POINTS.a4.width.toFixed(2)}]`)
  })

  it('has a cross-reference table whose offsets point at the objects', () => {
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1])
    expect(pdf.slice(xref, xref + 4)).toBe('xref')
    const offsets = [...pdf.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]))
    expect(offsets).toHaveLength(6)
    offsets.forEach((offset, i) => expect(pdf.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`))
  })

  it('puts one picture per page, on A3 when asked, each page turned to its picture', () => {
    const two = latin1(jpegsToPdf([{ jpeg, width: 1600, height: 900 }, { jpeg: other, width: 500, height: 1500 }], { paper: 'a3' }))
    expect(two).toContain('/Count 2')
    expect(two).toContain('/Kids [3 0 R 6 0 R]')
    expect(two).toContain(`/MediaBox [0 0 ${PAPER_POINTS.a3.height.toFixed(2)} ${PAPER_POINTS.a3.width.toFixed(2)}]`)
    expect(two).toContain(`/MediaBox [0 0 ${PAPER_POINTS.a3.width.toFixed(2)} ${PAPER_POINTS.a3.height.toFixed(2)}]`)
    expect(two).toContain(latin1(other))
    const xref = Number(/startxref\n(\d+)/.exec(two)![1])
    const offsets = [...two.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]))
    expect(offsets).toHaveLength(9)
    offsets.forEach((offset, i) => expect(two.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`))
  })
})

describe('fitOnPaper', () => {
  it('turns the page for a wide board and keeps the picture inside the margins', () => {
    const place = fitOnPaper(2000, 1000)
    expect(place.pageWidth).toBeCloseTo(PAPER_POINTS.a4.height)
    expect(place.w).toBeLessThanOrEqual(place.pageWidth - 56 + 1e-9)
    expect(place.w / place.h).toBeCloseTo(2)
  })

  it('keeps a tall zone on a portrait page', () => {
    const place = fitOnPaper(500, 1500)
    expect(place.pageHeight).toBeCloseTo(PAPER_POINTS.a4.height)
    expect(place.h).toBeLessThanOrEqual(place.pageHeight - 56 + 1e-9)
  })

  it('draws the same board about 1.4 times larger on A3', () => {
    expect(fitOnPaper(3000, 2000, 'a3').w / fitOnPaper(3000, 2000, 'a4').w).toBeCloseTo(1.43, 1)
  })
})
