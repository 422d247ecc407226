import { describe, expect, it } from 'vitest'
import { boardFileName, fileNameFromDisposition, isoDay, withDate } from './fileNames.ts'

const day = new Date(2026, 10, 23, 15, 0)

describe('file names', () => {
  it('names a picture by board, zone and date, keeping letters of every language', () => {
    expect(boardFileName({ title: 'Søndermarken: trafik/parkering', date: day, extension: 'png' })).toBe(
      'Søndermarken trafik parkering – 2026-11-23.png',
    )
    expect(boardFileName({ title: 'Torget', zone: 'Idéer', date: day, extension: 'pdf' })).toBe('Torget – Idéer – 2026-11-23.pdf')
    expect(boardFileName({ title: '  ', date: day, extension: 'svg' })).toBe('coboard – 2026-11-23.svg')
  })

  it('reads the UTF-8 name of a Content-Disposition header, or its ASCII fallback', () => {
    expect(fileNameFromDisposition(`attachment; filename="Malm_.md"; filename*=UTF-8''Malm%C3%B6.md`)).toBe('Malmö.md')
    expect(fileNameFromDisposition('attachment; filename="Plain.csv"')).toBe('Plain.csv')
    expect(fileNameFromDisposition(null)).toBeUndefined()
  })

  it('adds the date before the extension', () => {
    expect(withDate('Malmö.docx', day)).toBe('Malmö – 2026-11-23.docx')
    expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05')
  })
})
