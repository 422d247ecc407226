import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import {
  addToTimer,
  pauseTimer,
  resumeTimer,
  startTimer,
  writeSession,
  type SessionState,
} from '../../../shared/session/sessionState.ts'
import { STAKEHOLDER_GROUP_LABELS } from '../../../shared/stakeholderGroups.ts'
import type { BoardSession } from '../board/BoardSession.ts'
import { useBoardZones } from '../board/useBoardZones.ts'
import { presentedZones } from '../board/zoneNavigation.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { clampMinutes, currentIndex, currentStep, goToStep, neighbourStep } from './agenda.ts'
import { AgendaSteps } from './AgendaSteps.tsx'
import { nextFocus } from './focus.ts'
import { PresenterLink } from './PresenterLink.tsx'
import { openReadyCheck, type ReadyTally } from './readyCheck.ts'
import { SESSION_MESSAGES } from './sessionMessages.ts'
import { TimerDisplay } from './TimerDisplay.tsx'
import type { ServerClock } from './useServerClock.ts'

/**
 * The facilitator's session panel: the live agenda, the timer, "bring everyone here" and
 * "spotlight zone", the ready check, freezing, and the way to the share panel and presenter view.
 * Every change goes through writeSession (the server accepts `session` writes from facilitators only).
 */
export function SessionPanel(props: {
  id: string
  editor: Editor
  board: BoardSession
  state: SessionState
  clock: ServerClock
  now: number
  tally: ReadyTally | undefined
  audio: () => AudioContext | undefined
  onShare: () => void
  onClose: () => void
}) {
  const t = useCatalog(SESSION_MESSAGES)
  const { locale } = useI18n()
  const { state, editor, clock } = props
  const doc = props.board.doc
  const zones = useBoardZones(editor)
  const titleId = useId()
  const step = currentStep(state)
  const index = currentIndex(state)
  const [minutes, setMinutes] = useState(step?.minutes || 5)
  const [sound, setSound] = useState(true)
  const [zoneId, setZoneId] = useState<string>()
  const [status, setStatus] = useState('')
  const closeRef = useRef<HTMLButtonElement>(null)
  useEffect(() => setMinutes(step?.minutes || 5), [step?.id, step?.minutes])
  useEffect(() => closeRef.current?.focus(), [])
  const chosenZone = zones.find((zone) => zone.id === zoneId) ?? zones[0]
  // A step can be about any zone the presenter steps through (not the row and column headers).
  const stepZoneChoices = useMemo(() => presentedZones(zones), [zones])

  const write = (change: Partial<SessionState>) => writeSession(doc, change)
  const go = (stepId: string | undefined) => {
    if (stepId) write(goToStep(state, stepId, zones, clock.now()))
  }
  const timer = state.timer

  return (
    <section
      id={props.id}
      className="board-panel session-panel"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.stopPropagation()
        props.onClose()
      }}
    >
      <div className="session-panel__head">
        <h2 id={titleId}>{t('sessionPanelTitle')}</h2>
        <button ref={closeRef} type="button" onClick={props.onClose}>
          {t('dismiss')}
        </button>
      </div>

      <h3>{t('agendaHeading')}</h3>
      {state.steps.length === 0 ? (
        <p className="hint">{t('noSteps')}</p>
      ) : (
        <>
          <div className="session-row">
            <button type="button" disabled={!neighbourStep(state, -1)} onClick={() => go(neighbourStep(state, -1)?.id)}>
              {t('previousStep')}
            </button>
            <button type="button" className="button--primary" disabled={!neighbourStep(state, 1)} onClick={() => go(neighbourStep(state, 1)?.id)}>
              {t('nextStep')}
            </button>
          </div>
          <p className="hint" aria-live="polite">
            {index >= 0 ? `${t('stepOf', { n: index + 1, count: state.steps.length })}: ${step?.title}` : t('notStarted')}
          </p>
          <label className="session-check">
            <input type="checkbox" checked={state.followStep} onChange={(event) => write({ followStep: event.currentTarget.checked })} />
            {t('followStep')}
          </label>
          <AgendaSteps state={state} zones={stepZoneChoices} write={write} go={go} />
        </>
      )}

      <h3>{t('timerHeading')}</h3>
      <p className="session-panel__timer">
        <TimerDisplay timer={timer} now={props.now} />
      </p>
      <div className="session-row">
        {timer.status === 'idle' ? (
          <>
            <label className="session-minutes">
              {t('timerMinutes')}
              <input type="number" min={0} max={1440} inputMode="numeric" value={minutes} onChange={(event) => setMinutes(clampMinutes(event.currentTarget.valueAsNumber))} />
            </label>
            <button
              type="button"
              className="button--primary"
              onClick={() => {
                props.audio()
                write({ timer: startTimer(minutes * 60_000, clock.now(), sound) })
              }}
            >
              {t('startTimer')}
            </button>
          </>
        ) : null}
        {timer.status === 'running' ? (
          <button type="button" onClick={() => write({ timer: pauseTimer(timer, clock.now()) })}>
            {t('pauseTimer')}
          </button>
        ) : null}
        {timer.status === 'paused' ? (
          <button type="button" className="button--primary" onClick={() => write({ timer: resumeTimer(timer, clock.now()) })}>
            {t('resumeTimer')}
          </button>
        ) : null}
        {timer.status !== 'idle' ? (
          <>
            <button type="button" onClick={() => write({ timer: addToTimer(timer, clock.now()) })}>
              {t('addMinute')}
            </button>
            <button type="button" onClick={() => write({ timer: { status: 'idle' } })}>
              {t('resetTimer')}
            </button>
          </>
        ) : null}
      </div>
      <label className="session-check">
        <input type="checkbox" checked={sound} onChange={(event) => setSound(event.currentTarget.checked)} />
        {t('timerSound')}
      </label>

      <h3>{t('attentionHeading')}</h3>
      <div className="session-row">
        <button
          type="button"
          onClick={() => {
            write({ focus: nextFocus(state.focus, 'summon', editor.getViewportPageBounds(), clock.now()) })
            setStatus(t('summonDone'))
          }}
        >
          {t('summon')}
        </button>
      </div>
      {zones.length > 0 ? (
        <div className="session-row">
          <label className="session-zone">
            {t('spotlightZone')}
            <select value={chosenZone?.id} onChange={(event) => setZoneId(event.currentTarget.value)}>
              {zones.map((zone) => (
                <option key={zone.id} value={zone.id}>
                  {zone.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={!chosenZone}
            onClick={() => {
              if (!chosenZone) return
              write({ focus: nextFocus(state.focus, 'spotlight', chosenZone, clock.now(), chosenZone.id) })
              setStatus(t('spotlightDone', { zone: chosenZone.label }))
            }}
          >
            {t('spotlight')}
          </button>
        </div>
      ) : null}
      <p className="hint" role="status">
        {status}
      </p>

      <h3>{t('readyHeading')}</h3>
      <div className="session-row">
        {state.readyCheck?.open ? (
          <button type="button" onClick={() => write({ readyCheck: { ...state.readyCheck!, open: false } })}>
            {t('closeReadyCheck')}
          </button>
        ) : (
          <button type="button" onClick={() => write({ readyCheck: openReadyCheck(clock.now(), Math.random) })}>
            {t('readyCheck')}
          </button>
        )}
      </div>
      {state.readyCheck && props.tally ? (
        <div className="session-ready" data-testid="ready-tally">
          <p className="session-ready__count" aria-live="polite">
            {t('readyCount', { done: props.tally.done, total: props.tally.total })}
          </p>
          <ul>
            {props.tally.groups.map((entry) => (
              <li key={entry.group}>{t('readyGroup', { group: STAKEHOLDER_GROUP_LABELS[entry.group][locale], done: entry.done, total: entry.total })}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h3 className="visually-hidden">{t('freezeBoard')}</h3>
      <div className="session-row">
        <button type="button" aria-pressed={state.frozen} className={state.frozen ? 'session-frozen-on' : undefined} onClick={() => write({ frozen: !state.frozen })}>
          {t('freezeBoard')}
        </button>
      </div>
      <p className="hint">{t('frozenHint')}</p>

      <div className="session-row session-panel__links">
        <button type="button" onClick={props.onShare}>
          {t('shareLinks')}
        </button>
        <PresenterLink className="button" label={t('presenterView')} />
      </div>
    </section>
  )
}
