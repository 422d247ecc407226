import { useState } from 'react'
import type * as Y from 'yjs'
import { useCatalog } from '../i18n/useCatalog.ts'
import { currentIndex, currentStep } from './agenda.ts'
import { SESSION_MESSAGES } from './sessionMessages.ts'
import { TimerDisplay } from './TimerDisplay.tsx'
import { useChimeAudio } from './useChimeAudio.ts'
import { useServerClock } from './useServerClock.ts'
import { useSessionState, useTick } from './useSessionState.ts'
import { noAudio, useTimerEndSound } from './useTimerEndSound.ts'
import './session.css'

/**
 * The presenter view's session column: the current step's title, its instruction and the timer,
 * large; and "Play the timer's sound here" — the projector is often the room's loudspeaker, and a
 * browser plays sound only after a click on the page, so one click turns it on.
 */
export function PresenterSession(props: { doc: Y.Doc }) {
  const t = useCatalog(SESSION_MESSAGES)
  const state = useSessionState(props.doc)
  const clock = useServerClock()
  const chime = useChimeAudio(false)
  const [sound, setSound] = useState(false)
  useTick(state.timer.status === 'running', 250)
  const now = clock.now()
  useTimerEndSound(state.timer, now, sound ? chime.existing : noAudio)
  const step = currentStep(state)
  return (
    <section className="presenter-session" data-testid="presenter-session" aria-label={t('agendaHeading')}>
      {step ? (
        <>
          <p className="presenter-session__count">{t('stepOf', { n: currentIndex(state) + 1, count: state.steps.length })}</p>
          <h2 className="presenter-session__title">{step.title}</h2>
          {step.instructions ? <p className="presenter-session__instructions">{step.instructions}</p> : null}
        </>
      ) : null}
      {step || state.timer.status !== 'idle' ? <TimerDisplay timer={state.timer} now={now} /> : null}
      <button
        type="button"
        className="presenter-session__sound"
        aria-pressed={sound}
        onClick={() => {
          if (!sound) chime.unlock()
          setSound(!sound)
        }}
      >
        {t('presenterSound')}
      </button>
    </section>
  )
}
