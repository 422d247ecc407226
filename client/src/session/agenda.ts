import type { FocusRequest, SessionState, SessionStep } from '../../../shared/session/sessionState.ts'
import type { Rect } from '../../../shared/templates/templateSchema.ts'
import { nextFocus } from './focus.ts'

/*
 * The live agenda as pure functions of the session state: which step is current, which comes
 * next, and the session change (for writeSession) each facilitator action makes.
 */

/** The step everyone sees now, if any. */
export function currentStep(session: Pick<SessionState, 'steps' | 'currentStepId'>): SessionStep | undefined {
  return session.steps.find((step) => step.id === session.currentStepId)
}

/** 0-based position of the current step (-1 before the session starts). */
export function currentIndex(session: Pick<SessionState, 'steps' | 'currentStepId'>): number {
  return session.steps.findIndex((step) => step.id === session.currentStepId)
}

/**
 * The step after (direction 1) or before (-1) the current one, passing over skipped steps.
 * Before the session starts, "next" is the first step that is not skipped.
 */
export function neighbourStep(session: Pick<SessionState, 'steps' | 'currentStepId'>, direction: 1 | -1): SessionStep | undefined {
  const from = currentIndex(session)
  const start = from === -1 ? (direction === 1 ? 0 : -1) : from + direction
  for (let i = start; i >= 0 && i < session.steps.length; i += direction) {
    if (!session.steps[i].skipped) return session.steps[i]
  }
  return undefined
}

/** The smallest rectangle holding every given rectangle (undefined for none). */
export function unionBounds(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  const right = Math.max(...rects.map((r) => r.x + r.w))
  const bottom = Math.max(...rects.map((r) => r.y + r.h))
  return { x, y, w: right - x, h: bottom - y }
}

/**
 * The change that makes `stepId` the current step. When the session follows steps and the step
 * names zones found on the board, everyone is also brought to those zones (a spotlight on their
 * common bounds). The timer is left alone: the facilitator starts it when the group is ready.
 */
export function goToStep(
  session: Pick<SessionState, 'steps' | 'currentStepId' | 'followStep' | 'focus'>,
  stepId: string,
  zones: readonly (Rect & { id: string })[],
  now: number,
): Partial<SessionState> {
  const step = session.steps.find((candidate) => candidate.id === stepId)
  if (!step) return {}
  const change: Partial<SessionState> = { currentStepId: step.id }
  if (session.followStep) {
    const stepZones = zones.filter((zone) => step.zones.includes(zone.id))
    const bounds = unionBounds(stepZones)
    if (bounds) {
      const focus: FocusRequest = nextFocus(session.focus, 'spotlight', bounds, now, stepZones.length === 1 ? stepZones[0].id : undefined)
      change.focus = focus
    }
  }
  return change
}

/** The steps with one step changed (minutes, skipped, title…). */
export function updateStep(steps: readonly SessionStep[], stepId: string, change: Partial<Omit<SessionStep, 'id'>>): SessionStep[] {
  return steps.map((step) => (step.id === stepId ? { ...step, ...change } : step))
}

/** Minutes typed by a facilitator, as the schema takes them (whole, 0 to 24 hours). */
export function clampMinutes(value: number): number {
  if (!Number.isFinite(value)) return 0
  return Math.min(24 * 60, Math.max(0, Math.round(value)))
}

/** The most steps an agenda holds (the server's schema refuses more). */
export const MAX_STEPS = 100

/** The most zones a step names (the server's schema refuses more). */
export const MAX_STEP_ZONES = 50

/** What a facilitator types for a step: its title, instructions, minutes and the zones it is about. */
export interface StepDraft {
  title: string
  instructions: string
  minutes: number
  zones: readonly string[]
}

/** A draft as the schema takes it: trimmed, within the length limits, minutes clamped, zones once each. */
export function cleanDraft(draft: StepDraft): StepDraft {
  const zones = [...new Set(draft.zones)].filter((id) => id.length > 0 && id.length <= 64).slice(0, MAX_STEP_ZONES)
  return { title: draft.title.trim().slice(0, 200), instructions: draft.instructions.trim().slice(0, 2000), minutes: clampMinutes(draft.minutes), zones }
}

/** An id for a new step that no step of the agenda has (`random` in [0, 1), as Math.random). */
export function newStepId(steps: readonly SessionStep[], random: () => number): string {
  for (;;) {
    const id = `step-${Math.floor(random() * 36 ** 6).toString(36)}`
    if (!steps.some((step) => step.id === id)) return id
  }
}

/**
 * The steps with a new one added after `afterId` (at the end when there is no such step), or
 * unchanged when the draft has no title or the agenda is full.
 */
export function addStep(steps: readonly SessionStep[], draft: StepDraft, id: string, afterId?: string | null): SessionStep[] {
  const clean = cleanDraft(draft)
  if (clean.title === '' || steps.length >= MAX_STEPS) return [...steps]
  const step: SessionStep = { id, ...clean, zones: [...clean.zones], activity: 'other', skipped: false }
  const after = steps.findIndex((candidate) => candidate.id === afterId)
  const at = after === -1 ? steps.length : after + 1
  return [...steps.slice(0, at), step, ...steps.slice(at)]
}

/** The steps with one step's title, instructions, minutes and zones replaced (a blank title keeps the old one). */
export function editStep(steps: readonly SessionStep[], stepId: string, draft: StepDraft): SessionStep[] {
  const clean = cleanDraft(draft)
  return steps.map((step) => (step.id === stepId ? { ...step, ...clean, zones: [...clean.zones], title: clean.title || step.title } : step))
}

/** The steps with one step moved one place earlier (-1) or later (1); unchanged at either end. */
export function moveStep(steps: readonly SessionStep[], stepId: string, direction: 1 | -1): SessionStep[] {
  const from = steps.findIndex((step) => step.id === stepId)
  const to = from + direction
  if (from === -1 || to < 0 || to >= steps.length) return [...steps]
  const moved = [...steps]
  ;[moved[from], moved[to]] = [moved[to], moved[from]]
  return moved
}
