import { useI18n } from '../i18n/I18nProvider.tsx'
import { LanguageSwitcher } from './LanguageSwitcher.tsx'

/** The top bar of the lobby and join pages: the product name and the language switcher. */
export function PageHeader() {
  const { messages } = useI18n()
  return (
    <header className="page-header">
      <span className="brand">{messages.appName}</span>
      <LanguageSwitcher />
    </header>
  )
}
