import { describe, expect, it } from 'vitest'
import { chooseUiLocale, localeFromLanguages, readStoredUiLocale, tldrawLocaleFor } from './uiLocale.ts'

describe('UI locale choice', () => {
  it('treats every Norwegian tag as Bokmål', () => {
    expect(localeFromLanguages(['nn-NO'])).toBe('nb')
    expect(localeFromLanguages(['no'])).toBe('nb')
    expect(localeFromLanguages(['nb-NO', 'en'])).toBe('nb')
  })

  it('skips unsupported languages and falls back to the next one', () => {
    expect(localeFromLanguages(['fr-FR', 'sv-SE'])).toBe('sv')
    expect(localeFromLanguages(['fr-FR'])).toBeUndefined()
  })

  it("prefers the user's choice, then the board's, then the browser's", () => {
    expect(chooseUiLocale({ stored: 'sv', board: 'da', browser: ['nb'] })).toBe('sv')
    expect(chooseUiLocale({ stored: undefined, board: 'da', browser: ['nb'] })).toBe('da')
    expect(chooseUiLocale({ stored: undefined, board: undefined, browser: ['nb'] })).toBe('nb')
    expect(chooseUiLocale({ stored: undefined, board: undefined, browser: ['fr'] })).toBe('en')
  })

  it('ignores a stored value that is not a supported locale', () => {
    expect(readStoredUiLocale({ getItem: () => 'xx' })).toBeUndefined()
    expect(
      readStoredUiLocale({
        getItem: () => {
          throw new Error('denied')
        },
      }),
    ).toBeUndefined()
  })

  it("maps Bokmål to tldraw's Norwegian translation", () => {
    expect(tldrawLocaleFor('nb')).toBe('no')
    expect(tldrawLocaleFor('da')).toBe('da')
  })
})
