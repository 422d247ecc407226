import { useId } from 'react'
import { LOCALE_NAMES, LOCALES } from '../../../shared/locales.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { asLocale } from '../i18n/uiLocale.ts'

/**
 * Lets the user switch the UI language; each language is named in itself. `compact` hides the
 * label visually only, and on narrow screens shows the selected language as its code ("EN") over
 * the native select, whose list still names every language in full.
 */
export function LanguageSwitcher(props: { compact?: boolean }) {
  const { locale, setLocale, messages } = useI18n()
  const id = useId()
  return (
    <div className={props.compact ? 'language-switcher language-switcher--compact' : 'language-switcher'}>
      <label htmlFor={id} className={props.compact ? 'visually-hidden' : undefined}>
        {messages.uiLanguageLabel}
      </label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          const next = asLocale(event.target.value)
          if (next) setLocale(next)
        }}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
      {props.compact ? (
        <span className="language-switcher__code" aria-hidden="true">
          {locale.toUpperCase()}
        </span>
      ) : null}
    </div>
  )
}
