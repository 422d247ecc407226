import { describe, expect, it } from 'vitest'
import { MIN_LEGIBLE_TEXT_PX, showsNoteText } from './noteDetail.ts'

describe('showsNoteText', () => {
  const base = { fontSize: 22, scale: 1, zoom: 1, culled: false, active: false }

  it('draws the text of a note on screen at a legible size', () => {
    expect(showsNoteText(base)).toBe(true)
    expect(showsNoteText({ ...base, zoom: MIN_LEGIBLE_TEXT_PX / 22 })).toBe(true)
  })

  it('leaves the text out when it would be too small to read, or the note is off screen', () => {
    expect(showsNoteText({ ...base, zoom: 0.1 })).toBe(false)
    expect(showsNoteText({ ...base, zoom: 0.4, scale: 0.4 })).toBe(false)
    expect(showsNoteText({ ...base, culled: true })).toBe(false)
  })

  it('always draws a note that is being edited or is selected', () => {
    expect(showsNoteText({ ...base, zoom: 0.05, culled: true, active: true })).toBe(true)
  })
})
