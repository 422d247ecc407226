import { useEffect, useState } from 'react'
import type { Locale } from '../../../shared/locales.ts'
import { fetchTemplateCatalog, type TemplateCatalogEntry } from './templateApi.ts'
import { useTemplateMessages } from './templateMessages.ts'
import { TemplatePicker } from './TemplatePicker.tsx'

type CatalogState = { status: 'loading' } | { status: 'loaded'; templates: TemplateCatalogEntry[] } | { status: 'failed' }

/** The catalogue in one locale, refetched when the locale changes. */
export function useTemplateCatalog(locale: Locale): CatalogState {
  const [state, setState] = useState<CatalogState>({ status: 'loading' })
  useEffect(() => {
    const abort = new AbortController()
    setState({ status: 'loading' })
    fetchTemplateCatalog(locale, abort.signal)
      .then((templates) => setState({ status: 'loaded', templates }))
      .catch(() => {
        if (!abort.signal.aborted) setState({ status: 'failed' })
      })
    return () => abort.abort()
  }, [locale])
  return state
}

/**
 * The lobby's template choice: fetches the catalogue in the board's language and shows it as a
 * TemplatePicker. Mounted in the lobby's create form; `value`/`onChange` stay the form's.
 */
export function TemplateCatalogPicker(props: {
  value: string
  onChange: (id: string) => void
  locale: Locale
  /** Told the chosen template's catalogue entry (the lobby reads its defaults from it). */
  onEntry?: (entry: TemplateCatalogEntry | undefined) => void
}) {
  const t = useTemplateMessages()
  const catalog = useTemplateCatalog(props.locale)
  const { value, onChange, onEntry } = props
  const templates = catalog.status === 'loaded' ? catalog.templates : undefined
  useEffect(() => onEntry?.(templates?.find((entry) => entry.id === value)), [templates, value, onEntry])
  // Keep the form's choice valid: if it is not in the catalogue, choose the first template.
  useEffect(() => {
    if (templates && templates.length > 0 && !templates.some((entry) => entry.id === value)) onChange(templates[0].id)
  }, [templates, value, onChange])
  if (catalog.status === 'loading') {
    return (
      <p className="hint" role="status">
        {t.catalogLoading}
      </p>
    )
  }
  if (catalog.status === 'failed') {
    return (
      <p className="hint" role="alert">
        {t.catalogFailed}
      </p>
    )
  }
  return <TemplatePicker templates={catalog.templates} value={value} onChange={onChange} locale={props.locale} />
}
