import { describe, expect, it } from 'vitest'
import { createTranslator } from '../../../shared/i18n/translator.ts'
import { REPORT_UI_MESSAGES } from './reportUiMessages.ts'

// Completeness of the catalogue: shared/i18n/catalogs.test.ts (which finds every catalogue).
describe('report UI messages', () => {
  it('plurals follow each language', () => {
    expect(createTranslator(REPORT_UI_MESSAGES, 'en')('addedHeading', { count: 1 })).toBe('1 note added')
    expect(createTranslator(REPORT_UI_MESSAGES, 'sv')('addedHeading', { count: 2 })).toBe('2 lappar tillagda')
    expect(createTranslator(REPORT_UI_MESSAGES, 'da')('removedHeading', { count: 0 })).toBe('Ingen sedler fjernet')
  })
})
