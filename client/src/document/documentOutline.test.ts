import { describe, expect, it } from 'vitest'
import { outlineFromSections, outlineFromZones } from './documentOutline.ts'

describe('an outline from the board’s zones', () => {
  it('has a heading per zone in reading order, with section ids from the zones', () => {
    const outline = outlineFromZones([
      { id: 'what-we-would-change', label: 'What we would change', x: 600, y: 0 },
      { id: 'our-account', label: 'Our account', x: 0, y: 10 },
      { id: 'authorship', label: 'Authorship', x: 0, y: 500 },
      { id: 'untitled', label: '  ', x: 0, y: 900 },
    ])
    expect(outline.filter((n) => n.type === 'heading').map((n) => [n.attrs?.sectionId, n.content?.[0].text])).toEqual([
      ['our-account', 'Our account'],
      ['what-we-would-change', 'What we would change'],
      ['authorship', 'Authorship'],
    ])
    expect(outline).toHaveLength(6)
  })

  it('keeps section ids valid and unique', () => {
    const outline = outlineFromZones([
      { id: 'a b', label: 'One', x: 0, y: 0 },
      { id: 'a-b', label: 'Two', x: 100, y: 0 },
    ])
    const ids = outline.filter((n) => n.type === 'heading').map((n) => n.attrs?.sectionId)
    expect(new Set(ids).size).toBe(2)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
  })
})

describe('an outline from the template’s document sections', () => {
  it('has the sections in the template’s order, under the template’s ids', () => {
    const outline = outlineFromSections([
      { id: 'our-account', title: 'Vores beretning' },
      { id: 'what-worked', title: 'Det, der virkede' },
    ])
    expect(outline.map((n) => [n.type, n.attrs?.sectionId, n.content?.[0].text])).toEqual([
      ['heading', 'our-account', 'Vores beretning'],
      ['paragraph', undefined, undefined],
      ['heading', 'what-worked', 'Det, der virkede'],
      ['paragraph', undefined, undefined],
    ])
  })
})
