import { formatRemaining, timerRemainingMs, type TimerState } from '../../../shared/session/sessionState.ts'
import { useCatalog } from '../i18n/useCatalog.ts'
import { SESSION_MESSAGES } from './sessionMessages.ts'

/** The countdown as text ("4:59"), with "paused" or "time is up" beside it. Server time in `now`. */
export function TimerDisplay(props: { timer: TimerState; now: number; className?: string }) {
  const t = useCatalog(SESSION_MESSAGES)
  if (props.timer.status === 'idle') return null
  const remaining = timerRemainingMs(props.timer, props.now)
  const state = props.timer.status === 'paused' ? 'paused' : remaining === 0 ? 'up' : 'running'
  return (
    <span className={`session-timer ${props.className ?? ''}`} data-state={state} data-testid="session-timer">
      <span className="visually-hidden">{t('timeLeft')}: </span>
      <span className="session-timer__time">{formatRemaining(remaining)}</span>
      {state === 'paused' ? <span className="session-timer__note"> ({t('timerPaused')})</span> : null}
      {state === 'up' ? <span className="session-timer__note"> {t('timeUp')}</span> : null}
    </span>
  )
}
