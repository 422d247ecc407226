import { describe, expect, it } from 'vitest'
import { pixelRatioFor } from './boardImageExport.ts'

describe('pixelRatioFor', () => {
  it('draws small boards sharp and large boards within the canvas limit', () => {
    expect(pixelRatioFor(1200, 800, 8000)).toBe(2)
    expect(pixelRatioFor(16000, 9000, 8000)).toBe(0.5)
    expect(pixelRatioFor(0, 0, 4000)).toBe(2)
    expect(pixelRatioFor(1e7, 10, 4000)).toBe(0.1)
  })
})
