import { LOCALES } from '../locales.ts'
import { messageArguments, type Catalog } from './translator.ts'

/**
 * What is wrong with a message catalogue, as sentences (empty when nothing is): a locale missing a
 * key or holding an extra one, an empty message, a message that does not parse as ICU, or one
 * whose arguments differ from English's. Every catalogue's test calls this, so a translation can
 * never silently drop `{count}` or a plural branch's variable.
 */
export function catalogProblems(catalog: Catalog<string>): string[] {
  const problems: string[] = []
  const keys = Object.keys(catalog.en)
  for (const locale of LOCALES) {
    const messages = catalog[locale] ?? {}
    for (const key of keys) if (!(key in messages)) problems.push(`${locale}.${key} is missing`)
    for (const key of Object.keys(messages)) if (!keys.includes(key)) problems.push(`${locale}.${key} is not an English key`)
    for (const key of keys) {
      const message = messages[key]
      if (message === undefined) continue
      if (!message.trim()) {
        problems.push(`${locale}.${key} is empty`)
        continue
      }
      try {
        const found = messageArguments(message).join(',')
        const wanted = messageArguments(catalog.en[key]).join(',')
        if (found !== wanted) problems.push(`${locale}.${key} takes {${found}}, English takes {${wanted}}`)
      } catch (error) {
        problems.push(`${locale}.${key} is not valid ICU: ${(error as Error).message}`)
      }
    }
  }
  return problems
}
