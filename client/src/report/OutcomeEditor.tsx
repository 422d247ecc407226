import { useId, useState, type FormEvent } from 'react'
import { NOTE_STATUSES, type NoteStatus } from '../../../shared/outcomes/noteOutcome.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { isoDay } from './fileNames.ts'
import { readOutcome, writeOutcome } from './outcomeEdits.ts'
import { useReportText } from './useReportText.ts'

/** The form that marks what happened to one note: status, reason or decision, and date. */
export function OutcomeEditor(props: { noteId: string; onDone: (message: string) => void; onCancel: () => void }) {
  const { t, r } = useReportText()
  const { session } = useBoard()
  const existing = readOutcome(session.doc, props.noteId)
  const [status, setStatus] = useState<NoteStatus>(existing?.status ?? 'discussed')
  const [reason, setReason] = useState(existing?.reason ?? '')
  const [date, setDate] = useState(existing?.date ?? isoDay(new Date()))
  const [problem, setProblem] = useState('')
  const ids = { reason: useId(), date: useId(), hint: useId(), legend: useId() }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const result = writeOutcome(session.doc, props.noteId, { status, reason, date })
    if (result.ok) props.onDone(t('outcomeSaved'))
    else setProblem(result.problem)
  }

  return (
    <form className="report-outcome" onSubmit={onSubmit}>
      <fieldset>
        <legend id={ids.legend}>{t('statusLegend')}</legend>
        {NOTE_STATUSES.map((value) => (
          <label key={value} className="report-outcome__choice">
            <input type="radio" name="status" value={value} checked={status === value} onChange={() => setStatus(value)} />
            <span className={`outcome-badge outcome-badge--${value}`}>{r(`status_${value}`)}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={ids.reason}>{r('reasonLabel')}</label>
      <textarea id={ids.reason} aria-describedby={ids.hint} rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />
      <p id={ids.hint} className="hint">
        {t('reasonHint')}
      </p>
      <label htmlFor={ids.date}>{r('statusDateLabel')}</label>
      <input id={ids.date} type="date" required value={date} onChange={(event) => setDate(event.target.value)} />
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      <div className="report-outcome__actions">
        <button type="submit" className="button--primary">
          {t('save')}
        </button>
        {existing ? (
          <button
            type="button"
            onClick={() => {
              writeOutcome(session.doc, props.noteId, null)
              props.onDone('')
            }}
          >
            {t('removeOutcome')}
          </button>
        ) : null}
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  )
}
