import { describe, expect, it } from 'vitest'
import { pixelRatioFor } from './boardImageExport.ts'

const LIMIT = { side: 8000, pixels: 8e6 }

describe('pixelRatioFor', () => {
  it('draws a zone sharp and a big board within the side and pixel limits', () => {
    expect(pixelRatioFor(1200, 800, LIMIT)).toBe(2)
    expect(pixelRatioFor(4000, 2000, LIMIT)).toBe(1)
    expect(pixelRatioFor(16000, 100, LIMIT)).toBe(0.5)
    expect(pixelRatioFor(0, 0, LIMIT)).toBe(2)
    expect(pixelRatioFor(1e7, 10, LIMIT)).toBe(0.1)
  })
})
