import { describe, expect, it } from 'vitest'
import { fittedFontPx, labelOverlay, wrappedLines } from './presenterLayout.ts'

describe('labelOverlay', () => {
  it('draws labels larger over the canvas when the board is too small to read', () => {
    expect(labelOverlay({ kind: 'column-header', focused: false, labelPx: 20, promptPx: 11 })).toBe('label')
    expect(labelOverlay({ kind: 'zone', focused: false, labelPx: 30, promptPx: 16 })).toBe('none')
  })

  it('leaves cells to their row and column headers on the whole board', () => {
    expect(labelOverlay({ kind: 'cell', focused: false, labelPx: 10, promptPx: 7 })).toBe('none')
  })

  it('shows a zone on its own with a label of at least 28 px and a prompt of at least 16 px', () => {
    expect(labelOverlay({ kind: 'cell', focused: true, labelPx: 60, promptPx: 40 })).toBe('none')
    expect(labelOverlay({ kind: 'cell', focused: true, labelPx: 25, promptPx: 20 })).toBe('label')
    expect(labelOverlay({ kind: 'zone', focused: true, labelPx: 30, promptPx: 14 })).toBe('label-and-prompt')
  })
})

describe('fittedFontPx', () => {
  it('keeps the largest size that fits the box without splitting a word', () => {
    expect(fittedFontPx('Shared challenge', 1000, 100, 16, 28)).toBe(28)
    const px = fittedFontPx('Public employees about volunteers and associations', 190, 120, 12, 28)!
    expect(px).toBeLessThan(28)
    expect(wrappedLines('Public employees about volunteers and associations', 190 / (px * 0.62)) * px * 1.2).toBeLessThanOrEqual(120)
  })

  it('gives up when even the smallest size does not fit', () => {
    expect(fittedFontPx('Compelling: what attracts us to them', 60, 30, 20, 28)).toBeUndefined()
  })
})

describe('wrappedLines', () => {
  it('wraps words, and splits only words longer than a line', () => {
    expect(wrappedLines('one two three', 7)).toBe(2)
    expect(wrappedLines('abcdefghij', 4)).toBe(3)
  })
})
