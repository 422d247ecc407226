import { describe, expect, it } from 'vitest'
import { catalogProblems } from '../../../shared/i18n/catalogCheck.ts'
import { createTranslator } from '../../../shared/i18n/translator.ts'
import { REPORT_UI_MESSAGES } from './reportUiMessages.ts'

describe('report UI messages', () => {
  it('every locale has every key, none empty, each parses as ICU with English arguments', () => {
    expect(catalogProblems(REPORT_UI_MESSAGES)).toEqual([])
  })

  it('plurals follow each language', () => {
    expect(createTranslator(REPORT_UI_MESSAGES, 'en')('addedHeading', { count: 1 })).toBe('1 note added')
    expect(createTranslator(REPORT_UI_MESSAGES, 'sv')('addedHeading', { count: 2 })).toBe('2 lappar tillagda')
    expect(createTranslator(REPORT_UI_MESSAGES, 'da')('removedHeading', { count: 0 })).toBe('Ingen sedler fjernet')
  })
})
