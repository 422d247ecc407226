import { describe, expect, it } from 'vitest'
import { STAKEHOLDER_GROUP_COLOURS, STAKEHOLDER_GROUPS } from '../../../shared/stakeholderGroups.ts'
import { contrastRatio, readableTextOn } from './contrast.ts'

describe('contrast', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21)
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1)
    // The measurement: white on Okabe–Ito orange.
    expect(contrastRatio('#ffffff', '#e69f00')).toBeCloseTo(2.25, 1)
  })

  it('picks a text colour that meets WCAG AA (4.5:1) on every stakeholder group colour', () => {
    for (const group of STAKEHOLDER_GROUPS) {
      const background = STAKEHOLDER_GROUP_COLOURS[group]
      expect(contrastRatio(readableTextOn(background), background), `${group} ${background}`).toBeGreaterThanOrEqual(4.5)
    }
  })
})
