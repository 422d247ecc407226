import { useEffect, useId, useRef, useState } from 'react'
import type { SessionState, SessionStep } from '../../../shared/session/sessionState.ts'
import type { BoardZone } from '../templates/zoneEditing.ts'
import { useCatalog } from '../i18n/useCatalog.ts'
import { addStep, clampMinutes, editStep, MAX_STEPS, moveStep, newStepId, updateStep, type StepDraft } from './agenda.ts'
import { SESSION_MESSAGES } from './sessionMessages.ts'

/**
 * The facilitator's list of agenda steps, editable while the session runs: go to a step, change
 * its minutes, skip it, move it up or down, edit its title, instruction and zones, and add a step
 * after the current one. Every change is one write of `steps` (see agenda.ts for the pure edits).
 * `zones` are those a step can name (going to the step then brings everyone there).
 */
export function AgendaSteps(props: {
  state: SessionState
  zones: readonly BoardZone[]
  write: (change: Partial<SessionState>) => void
  go: (stepId: string) => void
}) {
  const t = useCatalog(SESSION_MESSAGES)
  const { state, write } = props
  const [editing, setEditing] = useState<string>()
  const [adding, setAdding] = useState(false)
  const [status, setStatus] = useState('')
  const addRef = useRef<HTMLButtonElement>(null)
  const listRef = useRef<HTMLOListElement>(null)

  const move = (step: SessionStep, direction: 1 | -1) => {
    const steps = moveStep(state.steps, step.id, direction)
    write({ steps })
    setStatus(t('stepMoved', { title: step.title, n: steps.findIndex((s) => s.id === step.id) + 1 }))
    // Keep focus on the same control of the moved step (React re-orders the elements, focus stays).
  }
  const focusEditButton = (stepId: string) => listRef.current?.querySelector<HTMLButtonElement>(`[data-edit-step="${CSS.escape(stepId)}"]`)?.focus()

  return (
    <>
      <ol className="session-steps" ref={listRef}>
        {state.steps.map((item, i) => (
          <li key={item.id} aria-current={item.id === state.currentStepId ? 'step' : undefined} data-skipped={item.skipped}>
            <div className="session-steps__main">
              <button type="button" className="session-steps__go" aria-label={t('goToStep', { title: item.title })} onClick={() => props.go(item.id)}>
                {item.title}
                {item.skipped ? <span className="session-steps__skipped"> ({t('skipped')})</span> : null}
              </button>
              <input
                type="number"
                min={0}
                max={1440}
                inputMode="numeric"
                aria-label={t('minutesFor', { title: item.title })}
                value={item.minutes}
                onChange={(event) => write({ steps: updateStep(state.steps, item.id, { minutes: clampMinutes(event.currentTarget.valueAsNumber) }) })}
              />
            </div>
            <div className="session-steps__tools">
              <button type="button" aria-label={t('moveUp', { title: item.title })} disabled={i === 0} onClick={() => move(item, -1)}>
                <span aria-hidden="true">↑</span>
              </button>
              <button type="button" aria-label={t('moveDown', { title: item.title })} disabled={i === state.steps.length - 1} onClick={() => move(item, 1)}>
                <span aria-hidden="true">↓</span>
              </button>
              <button type="button" data-edit-step={item.id} aria-label={t('editStepNamed', { title: item.title })} aria-expanded={editing === item.id} onClick={() => setEditing(editing === item.id ? undefined : item.id)}>
                {t('editStep')}
              </button>
              <button
                type="button"
                aria-pressed={item.skipped}
                aria-label={t('skipStepNamed', { title: item.title })}
                onClick={() => write({ steps: updateStep(state.steps, item.id, { skipped: !item.skipped }) })}
              >
                {t('skipStep')}
              </button>
            </div>
            {editing === item.id ? (
              <StepForm
                initial={item}
                zones={props.zones}
                submitLabel={t('saveStep')}
                onSubmit={(draft) => {
                  const steps = editStep(state.steps, item.id, draft)
                  write({ steps })
                  setEditing(undefined)
                  setStatus(t('stepSaved', { title: steps.find((s) => s.id === item.id)?.title ?? item.title }))
                  requestAnimationFrame(() => focusEditButton(item.id))
                }}
                onCancel={() => {
                  setEditing(undefined)
                  focusEditButton(item.id)
                }}
              />
            ) : null}
          </li>
        ))}
      </ol>
      {adding ? (
        <div className="session-steps__new">
          <h4>{t('newStepHeading')}</h4>
          <StepForm
            initial={{ title: '', instructions: '', minutes: 5, zones: [] }}
            zones={props.zones}
            submitLabel={t('addStep')}
            onSubmit={(draft) => {
              const id = newStepId(state.steps, Math.random)
              write({ steps: addStep(state.steps, draft, id, state.currentStepId) })
              setAdding(false)
              setStatus(t('stepSaved', { title: draft.title.trim() }))
              requestAnimationFrame(() => addRef.current?.focus())
            }}
            onCancel={() => {
              setAdding(false)
              requestAnimationFrame(() => addRef.current?.focus())
            }}
          />
        </div>
      ) : state.steps.length >= MAX_STEPS ? (
        <p className="hint">{t('tooManySteps', { max: MAX_STEPS })}</p>
      ) : (
        <div className="session-row">
          <button ref={addRef} type="button" onClick={() => setAdding(true)}>
            {t('addStep')}
          </button>
        </div>
      )}
      <p className="hint" role="status">
        {status}
      </p>
    </>
  )
}

/** Title, instruction, minutes and zones of one step; Enter in the title saves, Escape cancels. */
function StepForm(props: { initial: StepDraft; zones: readonly BoardZone[]; submitLabel: string; onSubmit: (draft: StepDraft) => void; onCancel: () => void }) {
  const t = useCatalog(SESSION_MESSAGES)
  const [draft, setDraft] = useState(props.initial)
  const [problem, setProblem] = useState('')
  const titleRef = useRef<HTMLInputElement>(null)
  const ids = { title: useId(), instructions: useId(), minutes: useId(), problem: useId(), zonesHint: useId() }
  useEffect(() => titleRef.current?.focus(), [])
  return (
    <form
      className="session-step-form"
      noValidate
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.stopPropagation()
        props.onCancel()
      }}
      onSubmit={(event) => {
        event.preventDefault()
        if (draft.title.trim() === '') {
          setProblem(t('stepTitleMissing'))
          titleRef.current?.focus()
          return
        }
        props.onSubmit(draft)
      }}
    >
      <label htmlFor={ids.title}>{t('stepTitle')}</label>
      <input
        ref={titleRef}
        id={ids.title}
        maxLength={200}
        value={draft.title}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? ids.problem : undefined}
        onChange={(event) => setDraft({ ...draft, title: event.currentTarget.value })}
      />
      {problem ? (
        <p id={ids.problem} className="session-step-form__problem">
          {problem}
        </p>
      ) : null}
      <label htmlFor={ids.instructions}>{t('stepInstructions')}</label>
      <textarea id={ids.instructions} maxLength={2000} rows={3} value={draft.instructions} onChange={(event) => setDraft({ ...draft, instructions: event.currentTarget.value })} />
      <label htmlFor={ids.minutes}>{t('stepMinutes')}</label>
      <input
        id={ids.minutes}
        type="number"
        min={0}
        max={1440}
        inputMode="numeric"
        value={draft.minutes}
        onChange={(event) => setDraft({ ...draft, minutes: clampMinutes(event.currentTarget.valueAsNumber) })}
      />
      {props.zones.length > 0 ? (
        <fieldset className="session-step-form__zones" aria-describedby={ids.zonesHint}>
          <legend>{t('stepZones')}</legend>
          <p id={ids.zonesHint} className="hint">
            {t('stepZonesHint')}
          </p>
          <div className="session-step-form__zone-list">
            {props.zones.map((zone) => (
              <label key={zone.id} className="session-check">
                <input
                  type="checkbox"
                  checked={draft.zones.includes(zone.id)}
                  onChange={(event) => {
                    const on = event.currentTarget.checked
                    setDraft({ ...draft, zones: on ? [...draft.zones, zone.id] : draft.zones.filter((id) => id !== zone.id) })
                  }}
                />
                {zone.label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="session-row">
        <button type="submit" className="button--primary">
          {props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  )
}
