import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { LOCALE_NAMES, LOCALES, type Locale } from '../../../shared/locales.ts'
import { ApiError, createBoard, fetchClientConfig } from '../api/apiClient.ts'
import type { CreatedBoard } from '../api/apiTypes.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { asLocale } from '../i18n/uiLocale.ts'
import { useCatalog } from '../i18n/useCatalog.ts'
import { ANONYMITY_MESSAGES } from '../protection/anonymityMessages.ts'
import type { TemplateCatalogEntry } from '../templates/templateApi.ts'
import { TemplateCatalogPicker } from '../templates/TemplateCatalogPicker.tsx'
import { forgetCreationKey, readCreationKey, writeCreationKey } from './creationKey.ts'

const MAX_TITLE_LENGTH = 200

/** The lobby's form: a board's name, template and language. */
export function CreateBoardForm(props: { onCreated: (board: CreatedBoard) => void }) {
  const { messages, locale: uiLocale } = useI18n()
  const ids = { title: useId(), titleHint: useId(), locale: useId(), localeHint: useId(), key: useId(), keyHint: useId(), anonymous: useId(), anonymousHint: useId() }
  const a = useCatalog(ANONYMITY_MESSAGES)
  const [title, setTitle] = useState('')
  const [boardLocale, setBoardLocale] = useState<Locale>(uiLocale)
  const [template, setTemplate] = useState('blank')
  // Anonymity starts as the chosen template's default; a choice made here holds for that template.
  const [entry, setEntry] = useState<TemplateCatalogEntry>()
  const [anonymousChoice, setAnonymousChoice] = useState<{ template: string; anonymous: boolean }>()
  const anonymous = anonymousChoice?.template === template ? anonymousChoice.anonymous : (entry?.id === template && entry.defaultAnonymous === true)
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string>()
  // Servers with CREATE_BOARDS=key ask for the creation key once; this browser remembers it.
  const [needsKey, setNeedsKey] = useState(false)
  const [creationKey, setCreationKey] = useState(() => readCreationKey(window.localStorage) ?? '')
  const keyInput = useRef<HTMLInputElement>(null)
  useEffect(() => {
    let mounted = true
    fetchClientConfig().then(
      (config) => {
        if (mounted && config.createBoards === 'key') setNeedsKey(true)
      },
      // Without the config the form still works: a server that wants a key says so on submit.
      () => {},
    )
    return () => {
      mounted = false
    }
  }, [])

  // The board's language follows the UI language until the user picks one for the board.
  const [localeTouched, setLocaleTouched] = useState(false)
  useEffect(() => {
    if (!localeTouched) setBoardLocale(uiLocale)
  }, [uiLocale, localeTouched])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSubmitting(true)
    setError(undefined)
    const key = creationKey.trim()
    if (needsKey && !key) {
      setError(messages.creationKeyMissing)
      setSubmitting(false)
      keyInput.current?.focus()
      return
    }
    try {
      const trimmed = title.trim()
      const created = await createBoard({ template, locale: boardLocale, anonymous, ...(trimmed ? { title: trimmed } : {}) }, needsKey ? key : undefined)
      if (needsKey) writeCreationKey(window.localStorage, key)
      props.onCreated(created)
    } catch (caught) {
      setSubmitting(false)
      if (caught instanceof ApiError && (caught.code === 'creation_key_required' || caught.code === 'bad_creation_key')) {
        forgetCreationKey(window.localStorage)
        setNeedsKey(true)
        setError(caught.code === 'bad_creation_key' ? messages.creationKeyWrong : messages.creationKeyMissing)
        // The field may only now appear; focus it once it is there.
        setTimeout(() => keyInput.current?.focus(), 0)
      } else if (caught instanceof ApiError && caught.code === 'rate_limited') {
        setError(messages.tooManyBoards)
      } else {
        setError(messages.createFailed(caught instanceof Error ? caught.message : ''))
      }
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
      <TemplateCatalogPicker value={template} onChange={setTemplate} locale={boardLocale} onEntry={setEntry} />
      <div className="field">
        <label className="field__check" htmlFor={ids.anonymous}>
          <input
            id={ids.anonymous}
            type="checkbox"
            checked={anonymous}
            aria-describedby={ids.anonymousHint}
            onChange={(event) => setAnonymousChoice({ template, anonymous: event.target.checked })}
          />
          {a('lobbyLabel')}
        </label>
        <p id={ids.anonymousHint} className="hint">
          {a('lobbyHint')}
        </p>
      </div>
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
      {needsKey ? (
        <div className="field">
          <label htmlFor={ids.key}>{messages.creationKeyLabel}</label>
          <input
            id={ids.key}
            ref={keyInput}
            // A password field: the key stays hidden when the lobby is on a projector.
            type="password"
            autoComplete="off"
            value={creationKey}
            aria-describedby={ids.keyHint}
            aria-invalid={error === messages.creationKeyWrong || error === messages.creationKeyMissing}
            onChange={(event) => setCreationKey(event.target.value)}
          />
          <p id={ids.keyHint} className="hint">
            {messages.creationKeyHint}
          </p>
        </div>
      ) : null}
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
