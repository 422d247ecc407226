import { describe, expect, it } from 'vitest'
import { REPORT_MESSAGES } from './reportMessages.ts'
import { catalogProblems } from './catalogCheck.ts'
import { createTranslator, type Catalog } from './translator.ts'

/** Every message catalogue of the app, checked the same way. */
const CATALOGS: Record<string, Catalog<string>> = { report: REPORT_MESSAGES }

describe('message catalogues', () => {
  for (const [name, catalog] of Object.entries(CATALOGS)) {
    it(`${name}: every locale has every key, none empty, each parses as ICU with English's arguments`, () => {
      expect(catalogProblems(catalog)).toEqual([])
    })
  }

  it('plurals follow each language', () => {
    expect(createTranslator(REPORT_MESSAGES, 'en')('noteCount', { count: 1 })).toBe('1 note')
    expect(createTranslator(REPORT_MESSAGES, 'da')('noteCount', { count: 3 })).toBe('3 sedler')
    expect(createTranslator(REPORT_MESSAGES, 'sv')('noteCount', { count: 0 })).toBe('Inga lappar')
    expect(createTranslator(REPORT_MESSAGES, 'nb')('votesValue', { total: 1 })).toBe('1 stemme')
  })
})
