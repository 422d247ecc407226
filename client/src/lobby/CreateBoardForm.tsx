import { useEffect, useId, useState, type FormEvent } from 'react'
import { LOCALE_NAMES, LOCALES, type Locale } from '../../../shared/locales.ts'
import { createBoard } from '../api/apiClient.ts'
import type { CreatedBoard } from '../api/apiTypes.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { asLocale } from '../i18n/uiLocale.ts'
import { TemplateCatalogPicker } from '../templates/TemplateCatalogPicker.tsx'

const MAX_TITLE_LENGTH = 200

/** The lobby's form: a board's name, template and language. */
export function CreateBoardForm(props: { onCreated: (board: CreatedBoard) => void }) {
  const { messages, locale: uiLocale } = useI18n()
  const ids = { title: useId(), titleHint: useId(), locale: useId(), localeHint: useId() }
  const [title, setTitle] = useState('')
  const [boardLocale, setBoardLocale] = useState<Locale>(uiLocale)
  const [template, setTemplate] = useState('blank')
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string>()

  // The board's language follows the UI language until the user picks one for the board.
  const [localeTouched, setLocaleTouched] = useState(false)
  useEffect(() => {
    if (!localeTouched) setBoardLocale(uiLocale)
  }, [uiLocale, localeTouched])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSubmitting(true)
    setError(undefined)
    try {
      const trimmed = title.trim()
      props.onCreated(await createBoard({ template, locale: boardLocale, ...(trimmed ? { title: trimmed } : {}) }))
    } catch (caught) {
      setError(messages.createFailed(caught instanceof Error ? caught.message : ''))
      setSubmitting(false)
    }
  }

  return (
    <form className="panel form" onSubmit={submit} aria-describedby={error ? 'create-error' : undefined}>
      <div className="field">
        <label htmlFor={ids.title}>{messages.boardTitleLabel}</label>
        <input
          id={ids.title}
          type="text"
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          aria-describedby={ids.titleHint}
          onChange={(event) => setTitle(event.target.value)}
        />
        <p id={ids.titleHint} className="hint">
          {messages.boardTitleHint}
        </p>
      </div>
      {/* Issue 4 (templates): cards with preview, groups, duration and sources replace the select. */}
      <TemplateCatalogPicker value={template} onChange={setTemplate} locale={boardLocale} />
      <div className="field">
        <label htmlFor={ids.locale}>{messages.boardLanguageLabel}</label>
        <select
          id={ids.locale}
          value={boardLocale}
          aria-describedby={ids.localeHint}
          onChange={(event) => {
            const next = asLocale(event.target.value)
            if (next) {
              setLocaleTouched(true)
              setBoardLocale(next)
            }
          }}
        >
          {LOCALES.map((option) => (
            <option key={option} value={option} lang={option}>
              {LOCALE_NAMES[option]}
            </option>
          ))}
        </select>
        <p id={ids.localeHint} className="hint">
          {messages.boardLanguageHint}
        </p>
      </div>
      {error ? (
        <p id="create-error" className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button--primary" disabled={submitting}>
          {submitting ? messages.creatingBoard : messages.createBoard}
        </button>
      </div>
    </form>
  )
}
