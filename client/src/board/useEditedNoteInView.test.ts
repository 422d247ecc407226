import { describe, expect, it } from 'vitest'
import { freeAreaAboveKeyboard } from './useEditedNoteInView.ts'

describe('freeAreaAboveKeyboard', () => {
  const container = { x: 0, y: 0, w: 390, h: 844 }
  const insets = { top: 96, bottom: 120, left: 0, right: 0 }

  it('is the canvas between the controls when no keyboard is open', () => {
    expect(freeAreaAboveKeyboard(container, insets, { offsetTop: 0, offsetLeft: 0, width: 390, height: 844 })).toEqual({ x: 0, y: 96, w: 390, h: 628 })
    expect(freeAreaAboveKeyboard(container, insets, null)).toEqual({ x: 0, y: 96, w: 390, h: 628 })
  })

  it('ends where the on-screen keyboard starts (it covers the toolbar too)', () => {
    expect(freeAreaAboveKeyboard(container, insets, { offsetTop: 0, offsetLeft: 0, width: 390, height: 480 })).toEqual({ x: 0, y: 96, w: 390, h: 384 })
  })
})
