import { describe, expect, it } from 'vitest'
import { EMPTY_SESSION, type SessionStep } from '../../../shared/session/sessionState.ts'
import { clampMinutes, currentStep, goToStep, neighbourStep, unionBounds, updateStep } from './agenda.ts'

const step = (id: string, extra: Partial<SessionStep> = {}): SessionStep => ({
  id,
  title: id.toUpperCase(),
  minutes: 5,
  instructions: '',
  zones: [],
  activity: 'other',
  skipped: false,
  ...extra,
})

const steps = [step('a', { zones: ['left'] }), step('b', { skipped: true }), step('c', { zones: ['left', 'right'] }), step('d')]
const zones = [
  { id: 'left', x: 0, y: 0, w: 100, h: 50 },
  { id: 'right', x: 200, y: 10, w: 100, h: 100 },
]

describe('the live agenda', () => {
  it('starts at the first step and passes over skipped ones both ways', () => {
    const session = { ...EMPTY_SESSION, steps }
    expect(neighbourStep(session, 1)?.id).toBe('a')
    expect(neighbourStep(session, -1)).toBeUndefined()
    expect(neighbourStep({ ...session, currentStepId: 'a' }, 1)?.id).toBe('c')
    expect(neighbourStep({ ...session, currentStepId: 'c' }, -1)?.id).toBe('a')
    expect(neighbourStep({ ...session, currentStepId: 'd' }, 1)).toBeUndefined()
    expect(currentStep({ ...session, currentStepId: 'c' })?.title).toBe('C')
  })

  it('moving to a step brings everyone to its zones when the session follows steps', () => {
    const session = { ...EMPTY_SESSION, steps, focus: null }
    const change = goToStep(session, 'c', zones, 1000)
    expect(change.currentStepId).toBe('c')
    expect(change.focus).toEqual({ seq: 1, kind: 'spotlight', bounds: { x: 0, y: 0, w: 300, h: 110 }, at: 1000 })
    const one = goToStep({ ...session, focus: change.focus! }, 'a', zones, 2000)
    expect(one.focus).toMatchObject({ seq: 2, zoneId: 'left', bounds: { x: 0, y: 0, w: 100, h: 50 } })
  })

  it('moves nobody when the session does not follow steps or the step names no zone on the board', () => {
    expect(goToStep({ ...EMPTY_SESSION, steps, followStep: false }, 'c', zones, 1)).toEqual({ currentStepId: 'c' })
    expect(goToStep({ ...EMPTY_SESSION, steps }, 'd', zones, 1)).toEqual({ currentStepId: 'd' })
    expect(goToStep({ ...EMPTY_SESSION, steps }, 'nope', zones, 1)).toEqual({})
  })

  it('edits one step and keeps minutes within what the server accepts', () => {
    expect(updateStep(steps, 'b', { skipped: false })[1].skipped).toBe(false)
    expect(updateStep(steps, 'b', { minutes: 9 })[0]).toBe(steps[0])
    expect([clampMinutes(-3), clampMinutes(2.6), clampMinutes(99999), clampMinutes(Number.NaN)]).toEqual([0, 3, 1440, 0])
    expect(unionBounds([])).toBeUndefined()
  })
})
