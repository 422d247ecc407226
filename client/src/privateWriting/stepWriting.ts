import { startTimer, timerRemainingMs, type SessionState, type SessionStep } from '../../../shared/session/sessionState.ts'
import { currentStep } from '../session/agenda.ts'

/*
 * Private writing on the live agenda, as pure rules: a step whose activity is silent writing is
 * where the facilitator's "Start private writing" belongs; it starts the phase with that step's
 * minutes on the shared timer, and "Reveal all" is offered as time runs out.
 */

/** The current step, when it is one of silent writing. */
export function silentWritingStep(session: Pick<SessionState, 'steps' | 'currentStepId'>): SessionStep | undefined {
  const step = currentStep(session)
  return step?.activity === 'silent-writing' ? step : undefined
}

/**
 * The session change "Start private writing" makes at server time `now`: the phase on (drafts
 * written from now on are numbered with the current revealSeq) and — on a silent-writing step
 * with minutes — the timer set to the step's minutes.
 */
export function startPrivateWriting(session: SessionState, now: number): Partial<SessionState> {
  const change: Partial<SessionState> = { privateWriting: { active: true, revealSeq: session.privateWriting.revealSeq } }
  const step = silentWritingStep(session)
  if (step && step.minutes > 0) change.timer = startTimer(step.minutes * 60_000, now, true)
  return change
}

/** The session change "Reveal all" makes: the phase off, and every draft written so far published. */
export function revealAll(session: Pick<SessionState, 'privateWriting'>): Partial<SessionState> {
  return { privateWriting: { active: false, revealSeq: session.privateWriting.revealSeq + 1 } }
}

/** Whether the private phase is on and the timer has run out (time to offer "Reveal all"). */
export function writingTimeIsUp(session: Pick<SessionState, 'privateWriting' | 'timer'>, now: number): boolean {
  return session.privateWriting.active && session.timer.status === 'running' && timerRemainingMs(session.timer, now) === 0
}
