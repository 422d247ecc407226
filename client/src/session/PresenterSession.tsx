import type * as Y from 'yjs'
import { useCatalog } from '../i18n/useCatalog.ts'
import { currentIndex, currentStep } from './agenda.ts'
import { SESSION_MESSAGES } from './sessionMessages.ts'
import { TimerDisplay } from './TimerDisplay.tsx'
import { useServerClock } from './useServerClock.ts'
import { useSessionState, useTick } from './useSessionState.ts'
import './session.css'

/** The presenter view's session column: the current step's title, its instruction and the timer, large. */
export function PresenterSession(props: { doc: Y.Doc }) {
  const t = useCatalog(SESSION_MESSAGES)
  const state = useSessionState(props.doc)
  const clock = useServerClock()
  useTick(state.timer.status === 'running', 250)
  const step = currentStep(state)
  if (!step && state.timer.status === 'idle') return null
  return (
    <section className="presenter-session" data-testid="presenter-session" aria-label={t('agendaHeading')}>
      {step ? (
        <>
          <p className="presenter-session__count">{t('stepOf', { n: currentIndex(state) + 1, count: state.steps.length })}</p>
          <h2 className="presenter-session__title">{step.title}</h2>
          {step.instructions ? <p className="presenter-session__instructions">{step.instructions}</p> : null}
        </>
      ) : null}
      <TimerDisplay timer={state.timer} now={clock.now()} />
    </section>
  )
}
