import { z } from 'zod'

/** The languages every board, template and UI string ships in. `nb` is Norwegian Bokmål. */
export const LOCALES = ['en', 'da', 'sv', 'nb'] as const
export type Locale = (typeof LOCALES)[number]
export const localeSchema = z.enum(LOCALES)
export const DEFAULT_LOCALE: Locale = 'en'

/** A piece of text given in every supported locale. */
export type Localized = Record<Locale, string>

/** Each locale's name in its own language, for language pickers. */
export const LOCALE_NAMES: Localized = {
  en: 'English',
  da: 'Dansk',
  sv: 'Svenska',
  nb: 'Norsk bokmål',
}
