import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type { Locale } from '../../../shared/locales.ts'
import { MESSAGES, type Messages } from './messages.ts'

interface I18nValue {
  locale: Locale
  messages: Messages
  /** Switches the UI language and remembers the choice for this browser. */
  setLocale: (locale: Locale) => void
}

const I18nContext = createContext<I18nValue | null>(null)

/** Provides the current UI language and its strings to the tree below. */
export function I18nProvider(props: {
  locale: Locale
  setLocale: (locale: Locale) => void
  children: ReactNode
}) {
  const { locale, setLocale } = props
  const value = useMemo(() => ({ locale, setLocale, messages: MESSAGES[locale] }), [locale, setLocale])
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>
}

/** The current UI language, its strings and a way to switch it. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>')
  return value
}
