import { LOCALES, type Locale } from '../../../shared/locales.ts'
import { createTranslator, type Catalog, type MessageValues } from '../../../shared/i18n/translator.ts'

/**
 * How each member of a message object is made from an ICU catalogue: `true` for plain text; for a
 * function, how its arguments become the message's values; for a record (one text per id), its ids,
 * each read from the key `<member>_<id>`.
 */
export type MessageShape<M> = {
  [K in keyof M]: M[K] extends string
    ? true
    : M[K] extends (...args: infer A) => string
      ? (...args: A) => MessageValues
      : M[K] extends Record<infer R, string>
        ? readonly R[]
        : never
}

/**
 * The typed message objects the components use (`messages.follow(name)`), made from an ICU
 * MessageFormat catalogue in each locale. The words, plurals and word order live in the catalogue
 * (checked by shared/i18n/catalogCheck.ts); this only gives each message its TypeScript face.
 */
export function bindCatalog<M>(catalog: Catalog<string>, shape: MessageShape<M>): Record<Locale, M> {
  const bound = {} as Record<Locale, M>
  for (const locale of LOCALES) {
    const t = createTranslator(catalog, locale)
    const messages: Record<string, unknown> = {}
    for (const [key, how] of Object.entries(shape as Record<string, unknown>)) {
      if (how === true) messages[key] = t(key)
      else if (typeof how === 'function') messages[key] = (...args: unknown[]) => t(key, (how as (...a: unknown[]) => MessageValues)(...args))
      else messages[key] = Object.fromEntries((how as readonly string[]).map((id) => [id, t(`${key}_${id}`)]))
    }
    bound[locale] = messages as M
  }
  return bound
}
