import { describe, expect, it } from 'vitest'
import { EMPTY_SESSION, type SessionState, type SessionStep } from '../../../shared/session/sessionState.ts'
import { revealAll, silentWritingStep, startPrivateWriting, writingTimeIsUp } from './stepWriting.ts'

const step = (id: string, activity: SessionStep['activity'], minutes: number): SessionStep => ({ id, title: id, minutes, instructions: '', zones: [], activity, skipped: false })
const session = (currentStepId: string | null, change: Partial<SessionState> = {}): SessionState => ({
  ...EMPTY_SESSION,
  steps: [step('write', 'silent-writing', 7), step('talk', 'discussion', 15), step('quick', 'silent-writing', 0)],
  currentStepId,
  privateWriting: { active: false, revealSeq: 2 },
  ...change,
})

describe('private writing on the agenda', () => {
  it('on a silent-writing step, starts the phase with the step’s minutes on the timer', () => {
    expect(silentWritingStep(session('write'))?.id).toBe('write')
    expect(startPrivateWriting(session('write'), 1_000)).toEqual({
      privateWriting: { active: true, revealSeq: 2 },
      timer: { status: 'running', endsAt: 1_000 + 7 * 60_000, durationMs: 7 * 60_000, sound: true },
    })
  })

  it('elsewhere (or on a step without minutes) starts the phase and leaves the timer alone', () => {
    expect(silentWritingStep(session('talk'))).toBeUndefined()
    expect(startPrivateWriting(session('talk'), 1_000)).toEqual({ privateWriting: { active: true, revealSeq: 2 } })
    expect(startPrivateWriting(session('quick'), 1_000)).toEqual({ privateWriting: { active: true, revealSeq: 2 } })
    expect(startPrivateWriting(session(null), 1_000)).toEqual({ privateWriting: { active: true, revealSeq: 2 } })
  })

  it('says time is up once the timer of a running phase has run out; "Reveal all" ends the phase', () => {
    const running = session('write', { ...startPrivateWriting(session('write'), 0) })
    expect(writingTimeIsUp(running, 7 * 60_000 - 1)).toBe(false)
    expect(writingTimeIsUp(running, 7 * 60_000)).toBe(true)
    expect(writingTimeIsUp({ ...running, privateWriting: { active: false, revealSeq: 3 } }, 7 * 60_000)).toBe(false)
    expect(revealAll(running)).toEqual({ privateWriting: { active: false, revealSeq: 3 } })
  })
})
