import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../shared/locales.ts'

const STORAGE_KEY = 'coboard:uiLocale'

/** Narrows any string to a supported locale, if it is one. */
export function asLocale(value: unknown): Locale | undefined {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
    ? (value as Locale)
    : undefined
}

/**
 * Picks a supported locale from the browser's language list: `no`, `nn` and `nb` all count as
 * Norwegian Bokmål, the only Norwegian written standard we ship.
 */
export function localeFromLanguages(languages: readonly string[]): Locale | undefined {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0]
    if (primary === 'no' || primary === 'nn') return 'nb'
    const locale = asLocale(primary)
    if (locale) return locale
  }
  return undefined
}

/** The locale the user picked explicitly in this browser, if any. */
export function readStoredUiLocale(storage: Pick<Storage, 'getItem'>): Locale | undefined {
  try {
    return asLocale(storage.getItem(STORAGE_KEY))
  } catch {
    // Storage can throw (privacy mode, disabled cookies); then there is simply no stored choice.
    return undefined
  }
}

/** Remembers the user's explicit choice of UI language for this browser. */
export function storeUiLocale(storage: Pick<Storage, 'setItem'>, locale: Locale): void {
  try {
    storage.setItem(STORAGE_KEY, locale)
  } catch {
    // Not remembering the choice is acceptable; the current page still switches.
  }
}

/**
 * The UI language: the user's own choice wins; otherwise the board's language (so a Danish board
 * greets people in Danish); otherwise the browser's; otherwise English.
 */
export function chooseUiLocale(options: {
  stored: Locale | undefined
  board: Locale | undefined
  browser: readonly string[]
}): Locale {
  return options.stored ?? options.board ?? localeFromLanguages(options.browser) ?? DEFAULT_LOCALE
}

/** tldraw's locale code for each of ours: tldraw ships Norwegian as `no`. */
export function tldrawLocaleFor(locale: Locale): string {
  return locale === 'nb' ? 'no' : locale
}
