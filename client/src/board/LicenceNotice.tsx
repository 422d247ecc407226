import { useI18n } from '../i18n/I18nProvider.tsx'

/** Shown instead of the blank page tldraw leaves when it hides itself for want of a licence key. */
export function LicenceNotice() {
  const { messages } = useI18n()
  return (
    <div className="overlay-message" role="alert" data-testid="licence-missing">
      <h1>{messages.licenceMissing}</h1>
      <p>{messages.licenceMissingHint}</p>
    </div>
  )
}
