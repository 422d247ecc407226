import { describe, expect, it } from 'vitest'
import { EMPTY_SESSION, type SessionStep } from '../../../shared/session/sessionState.ts'
import { addStep, clampMinutes, currentStep, editStep, goToStep, MAX_STEP_ZONES, MAX_STEPS, moveStep, neighbourStep, newStepId, unionBounds, updateStep } from './agenda.ts'

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

describe('editing the agenda during the session', () => {
  it('adds a step after the current one, or at the end, with text the server accepts', () => {
    const draft = { title: '  Coffee break ', instructions: 'x'.repeat(2500), minutes: 10.4, zones: [] }
    const afterA = addStep(steps, draft, 'new', 'a')
    expect(afterA.map((s) => s.id)).toEqual(['a', 'new', 'b', 'c', 'd'])
    expect(afterA[1]).toEqual({ id: 'new', title: 'Coffee break', instructions: 'x'.repeat(2000), minutes: 10, zones: [], activity: 'other', skipped: false })
    expect(addStep(steps, draft, 'new', null).map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'new'])
    expect(addStep(steps, { ...draft, title: '   ' }, 'new')).toEqual(steps)
    const full = Array.from({ length: MAX_STEPS }, (_, i) => step(`s${i}`))
    expect(addStep(full, draft, 'new')).toHaveLength(MAX_STEPS)
  })

  it('renames a step and edits its instruction, keeping the title when it is left blank', () => {
    const edited = editStep(steps, 'c', { title: 'Discuss', instructions: 'Talk in pairs', minutes: 7, zones: ['left', 'right'] })
    expect(edited[2]).toMatchObject({ id: 'c', title: 'Discuss', instructions: 'Talk in pairs', minutes: 7, zones: ['left', 'right'] })
    expect(edited[0]).toBe(steps[0])
    expect(editStep(steps, 'c', { title: ' ', instructions: '', minutes: 5, zones: [] })[2].title).toBe('C')
  })

  it('lets a step added or edited live name the zones it is about, so going to it brings everyone there', () => {
    const added = addStep(steps, { title: 'Vote', instructions: '', minutes: 5, zones: ['right', 'right', ''] }, 'vote', 'a')
    expect(added[1].zones).toEqual(['right'])
    const going = goToStep({ ...EMPTY_SESSION, steps: added }, 'vote', zones, 500)
    expect(going.focus).toMatchObject({ kind: 'spotlight', zoneId: 'right', bounds: { x: 200, y: 10, w: 100, h: 100 } })
    const edited = editStep(added, 'd', { title: 'D', instructions: '', minutes: 5, zones: ['left'] })
    expect(edited.find((s) => s.id === 'd')!.zones).toEqual(['left'])
    expect(editStep(added, 'a', { title: 'A', instructions: '', minutes: 5, zones: [] })[0].zones).toEqual([])
    expect(addStep([], { title: 'Many', instructions: '', minutes: 1, zones: Array.from({ length: 80 }, (_, i) => `z${i}`) }, 'm')[0].zones).toHaveLength(MAX_STEP_ZONES)
  })

  it('moves a step up and down, and not past either end', () => {
    expect(moveStep(steps, 'c', -1).map((s) => s.id)).toEqual(['a', 'c', 'b', 'd'])
    expect(moveStep(steps, 'a', 1).map((s) => s.id)).toEqual(['b', 'a', 'c', 'd'])
    expect(moveStep(steps, 'a', -1)).toEqual(steps)
    expect(moveStep(steps, 'd', 1)).toEqual(steps)
    expect(moveStep(steps, 'nope', 1)).toEqual(steps)
  })

  it('gives a new step an id no other step has', () => {
    const values = [0, 0, 0.5]
    const id = newStepId([step(`step-0`)], () => values.shift()!)
    expect(id).not.toBe('step-0')
    expect(id).toMatch(/^step-[0-9a-z]+$/)
  })
})
