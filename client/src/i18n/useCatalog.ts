import { useMemo } from 'react'
import { createTranslator, type Catalog, type MessageValues } from '../../../shared/i18n/translator.ts'
import { useI18n } from './I18nProvider.tsx'

/**
 * A translate function for one ICU message catalogue in the current UI language. New parts of the
 * UI keep their words in such catalogues (`xxxMessages.ts`, checked by a test with
 * shared/i18n/catalogCheck.ts), so plurals and word order follow each language.
 */
export function useCatalog<K extends string>(catalog: Catalog<K>): (key: K, values?: MessageValues) => string {
  const { locale } = useI18n()
  return useMemo(() => createTranslator(catalog, locale), [catalog, locale])
}
