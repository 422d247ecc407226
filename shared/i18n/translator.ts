import { IntlMessageFormat } from 'intl-messageformat'
import type { Locale } from '../locales.ts'

/** Values an ICU message may take: `{name}`, `{count, plural, one {# note} other {# notes}}`. */
export type MessageValues = Record<string, string | number | Date>

/** A catalogue of ICU messages in every locale, keyed like its English one. */
export type Catalog<K extends string> = Record<Locale, Record<K, string>>

/** The locale tags Intl understands for ours (Bokmål is `nb`). */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', da: 'da-DK', sv: 'sv-SE', nb: 'nb-NO' }

/**
 * A translate function for one locale of a catalogue: ICU MessageFormat (FormatJS's
 * intl-messageformat), with plural rules from Intl.PluralRules. Compiled messages are cached
 * per translator; a key missing in the catalogue is a programming error the catalogue tests catch.
 */
export function createTranslator<K extends string>(catalog: Catalog<K>, locale: Locale) {
  const cache = new Map<K, IntlMessageFormat>()
  return (key: K, values?: MessageValues): string => {
    let format = cache.get(key)
    if (!format) {
      format = new IntlMessageFormat(catalog[locale][key], INTL_LOCALE[locale])
      cache.set(key, format)
    }
    return String(format.format(values))
  }
}

/** A date in a locale's own words ("23. nov. 2026"), for reports. */
export function formatDate(locale: Locale, date: number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], options).format(date)
}

/** The argument names an ICU message uses (for checking that translations take the same ones). */
export function messageArguments(message: string): string[] {
  const names = new Set<string>()
  const walk = (elements: ReturnType<IntlMessageFormat['getAst']>) => {
    for (const element of elements) {
      const e = element as { type: number; value?: unknown; options?: Record<string, { value: typeof elements }> }
      if (typeof e.value === 'string' && e.type !== 0) names.add(e.value)
      for (const option of Object.values(e.options ?? {})) walk(option.value)
    }
  }
  walk(new IntlMessageFormat(message, 'en').getAst())
  return [...names].sort()
}
