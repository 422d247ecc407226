import { describe, expect, it } from 'vitest'
import { ZONE_ACCENTS } from '../../../shared/templates/templateSchema.ts'
import { contrastRatio, TEXT_ON_LIGHT } from '../ui/contrast.ts'
import { ZONE_STYLES, zoneStyleOf } from './zoneStyle.ts'

describe('zone styles', () => {
  it('has a style for every accent a template may use', () => {
    for (const accent of ZONE_ACCENTS) expect(ZONE_STYLES[accent], accent).toBeDefined()
    expect(zoneStyleOf('red')).toBe(ZONE_STYLES.black)
  })

  it('keeps zone text readable (WCAG AAA, 7:1) on every fill, and borders visible (3:1)', () => {
    for (const [accent, style] of Object.entries(ZONE_STYLES)) {
      expect(contrastRatio(TEXT_ON_LIGHT, style.fill), `${accent} fill`).toBeGreaterThanOrEqual(7)
      expect(contrastRatio(TEXT_ON_LIGHT, style.headerFill), `${accent} header`).toBeGreaterThanOrEqual(7)
      expect(contrastRatio(style.stroke, '#ffffff'), `${accent} border`).toBeGreaterThanOrEqual(3)
    }
  })

  it('gives each colour accent its own pattern, so colour is never the only cue', () => {
    const patterns = ['blue', 'orange', 'violet', 'green'].map((accent) => ZONE_STYLES[accent].pattern)
    expect(new Set(patterns).size).toBe(4)
    expect(patterns.every(Boolean)).toBe(true)
  })
})
