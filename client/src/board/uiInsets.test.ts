import { describe, expect, it } from 'vitest'
import { insetsFrom } from './uiInsets.ts'

describe('insetsFrom', () => {
  it('takes the deepest reach of UI from each edge, by where each piece is, ignoring hidden ones', () => {
    const container = { x: 0, y: 0, w: 390, h: 844 }
    expect(
      insetsFrom(container, [
        { edge: 'across', rect: { x: 0, y: 0, w: 48, h: 48 } },
        { edge: 'across', rect: { x: 8, y: 52, w: 300, h: 44 } },
        { edge: 'across', rect: { x: 10, y: 780, w: 360, h: 56 } },
        { edge: 'across', rect: { x: 300, y: 712, w: 80, h: 48 } },
        { edge: 'right', rect: { x: 0, y: 0, w: 0, h: 0 } },
      ]),
    ).toEqual({ top: 96, right: 0, bottom: 132, left: 0 })
  })
})
