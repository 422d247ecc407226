import { z } from 'zod'
import { COMMON_MESSAGES } from './i18n/commonMessages.ts'
import { createTranslator } from './i18n/translator.ts'

/** The languages every board, template and UI string ships in. `nb` is Norwegian Bokmål. */
export const LOCALES = ['en', 'da', 'sv', 'nb'] as const
export type Locale = (typeof LOCALES)[number]
export const localeSchema = z.enum(LOCALES)
export const DEFAULT_LOCALE: Locale = 'en'

/** A piece of text given in every supported locale. */
export type Localized = Record<Locale, string>

/**
 * Each locale's name in its own language, for language pickers: `languageName` of each locale's
 * part of the shared ICU catalogue (shared/i18n/commonMessages.ts).
 */
export const LOCALE_NAMES: Localized = Object.fromEntries(LOCALES.map((locale) => [locale, createTranslator(COMMON_MESSAGES, locale)('languageName')])) as Localized
