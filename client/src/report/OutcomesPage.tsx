import { useEffect, useState } from 'react'
import type { Locale } from '../../../shared/locales.ts'
import { formatDate } from '../../../shared/i18n/translator.ts'
import { STAKEHOLDER_GROUP_LABELS } from '../../../shared/stakeholderGroups.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'
import { fetchOutcomesReport, type OutcomesReport, type ReportNote } from './reportApi.ts'
import { useReportText } from './useReportText.ts'
import './report.css'

type State = { status: 'loading' } | { status: 'failed' } | { status: 'loaded'; report: OutcomesReport }

/**
 * "What happened to our input": every zone's notes with their status, reason and date, for
 * participants and observers with their own link (`/b/<id>?view=outcomes#k=<token>`). A plain
 * page without the canvas, readable on a phone and printable.
 */
export function OutcomesPage(props: { boardId: string; token: string | undefined; onBoardLocale: (locale: Locale) => void }) {
  const { t, r } = useReportText()
  const { locale } = useI18n()
  const [state, setState] = useState<State>({ status: 'loading' })
  const { boardId, token, onBoardLocale } = props

  useEffect(() => {
    let live = true
    fetchOutcomesReport(boardId, token ?? '')
      .then((report) => {
        if (!live) return
        setState({ status: 'loaded', report })
        onBoardLocale(report.locale)
      })
      .catch(() => live && setState({ status: 'failed' }))
    return () => {
      live = false
    }
  }, [boardId, token, onBoardLocale])

  useEffect(() => {
    if (state.status === 'loaded') document.title = `${r('outcomesTitle')} – ${state.report.title}`
  }, [state, r])

  const boardHref = `${window.location.pathname}${window.location.hash}`
  if (state.status !== 'loaded') {
    return (
      <>
        <PageHeader />
        <main className="outcomes-page" aria-busy={state.status === 'loading'}>
          <p role={state.status === 'failed' ? 'alert' : 'status'}>{state.status === 'failed' ? t('outcomesFailed') : t('outcomesLoading')}</p>
        </main>
      </>
    )
  }
  const { report } = state
  const notes = [...report.zones.flatMap((zone) => zone.notes), ...report.outside]
  const marked = notes.filter((note) => note.outcome).length
  const sections = [...report.zones, ...(report.outside.length > 0 ? [{ id: '', label: r('outsideZones'), prompt: '', notes: report.outside }] : [])]
  return (
    <>
      <PageHeader />
      <main className="outcomes-page">
        <h1>{r('outcomesTitle')}</h1>
        <p className="lead">{r('outcomesIntro', { title: report.title })}</p>
        <p>{t('statusSummary', { count: marked })}</p>
        {report.anonymous ? <p className="hint">{r('anonymousNotice')}</p> : null}
        <div className="outcomes-page__actions">
          <button type="button" onClick={() => window.print()}>
            {t('printPage')}
          </button>
          <a href={boardHref}>{t('backToBoard')}</a>
        </div>
        {sections.map((zone) => (
          <section key={zone.id || 'outside'} aria-labelledby={`zone-${zone.id || 'outside'}`} data-zone={zone.id}>
            <h2 id={`zone-${zone.id || 'outside'}`}>{zone.label}</h2>
            {zone.prompt ? <p className="hint">{zone.prompt}</p> : null}
            {zone.notes.length === 0 ? <p className="hint">{r('noNotes')}</p> : null}
            <ul className="outcomes-list">
              {zone.notes.map((note) => (
                <OutcomeItem key={note.id} note={note} locale={locale} />
              ))}
            </ul>
          </section>
        ))}
      </main>
    </>
  )
}

function OutcomeItem(props: { note: ReportNote; locale: Locale }) {
  const { t, r } = useReportText()
  const { note, locale } = props
  const status = note.outcome?.status ?? 'none'
  return (
    <li className="outcomes-note" data-note={note.id}>
      <p className="outcomes-note__text">{note.text || t('emptyNote')}</p>
      <div className="outcomes-note__meta">
        <span className={`outcome-badge outcome-badge--${status}`}>{r(`status_${status}`)}</span>
        {note.outcome ? <time dateTime={note.outcome.date}>{formatDate(locale, new Date(`${note.outcome.date}T12:00:00`))}</time> : null}
        {note.group ? <span>{STAKEHOLDER_GROUP_LABELS[note.group][locale]}</span> : null}
      </div>
      {note.outcome?.reason ? (
        <p className="outcomes-note__reason">
          <strong>{r('reasonLabel')}:</strong> {note.outcome.reason}
        </p>
      ) : null}
    </li>
  )
}
