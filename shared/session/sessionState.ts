import * as Y from 'yjs'
import { z } from 'zod'
import type { Locale } from '../locales.ts'
import { stakeholderGroupSchema, type StakeholderGroup } from '../stakeholderGroups.ts'
import { AGENDA_ACTIVITIES, type Template } from '../templates/templateSchema.ts'

/*
 * The live session of a board, in the facilitator-owned `session` root of its Y.Doc (one key per
 * part, each a plain JSON value checked by the server against the schemas below):
 *
 *   steps          the agenda as it runs: the template's steps, in the board's language, editable
 *   currentStepId  the step everyone sees now (null before the session starts)
 *   followStep     whether moving to a step brings everyone to its zones
 *   timer          a countdown: an end time in *server* time, so every device agrees
 *   focus          "bring everyone here" / "spotlight this zone": a numbered request to move
 *   readyCheck     "are you done?" — answers travel in presence (awareness), not here
 *   frozen         participants may look but not change the board (the server enforces it)
 *   privateWriting silent writing: notes stay on each device until published; `revealSeq` grows
 *                  when the facilitator says "reveal all" (every device then publishes its drafts)
 *   intended       who was meant to take part, per stakeholder group, and how (for the
 *                  participation panel: intended against actual)
 */

export const SESSION_KEYS = ['steps', 'currentStepId', 'followStep', 'timer', 'focus', 'readyCheck', 'frozen', 'privateWriting', 'intended'] as const
export type SessionKey = (typeof SESSION_KEYS)[number]

const text = (max: number) => z.string().max(max)
const finite = z.number().finite()

/** One step of the live agenda. */
export const sessionStepSchema = z.strictObject({
  id: z.string().min(1).max(64),
  title: text(200),
  minutes: z.number().int().min(0).max(24 * 60),
  instructions: text(2000),
  zones: z.array(z.string().max(64)).max(50),
  activity: z.enum(AGENDA_ACTIVITIES),
  skipped: z.boolean(),
})
export type SessionStep = z.infer<typeof sessionStepSchema>

/** The countdown. Times are the server's clock (ms since epoch); see shared/session/serverClock.ts. */
export const timerSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('idle') }),
  z.strictObject({ status: z.literal('running'), endsAt: finite, durationMs: finite.min(0), sound: z.boolean() }),
  z.strictObject({ status: z.literal('paused'), remainingMs: finite.min(0), durationMs: finite.min(0), sound: z.boolean() }),
])
export type TimerState = z.infer<typeof timerSchema>

const boundsSchema = z.strictObject({ x: finite, y: finite, w: finite.positive(), h: finite.positive() })

/** A request to move every participant's view: to the facilitator's view, or to one zone. */
export const focusSchema = z.strictObject({
  seq: z.number().int().min(0),
  kind: z.enum(['summon', 'spotlight']),
  bounds: boundsSchema,
  zoneId: z.string().max(200).optional(),
  /** Server time of the request (the measurement of how fast it reaches screens uses it). */
  at: finite,
})
export type FocusRequest = z.infer<typeof focusSchema>

/** An open or closed "are you done?" round; answers are in each participant's presence. */
export const readyCheckSchema = z.strictObject({ id: z.string().min(1).max(64), open: z.boolean(), startedAt: finite })
export type ReadyCheck = z.infer<typeof readyCheckSchema>

/** Silent writing: whether it is on, and how many times the facilitator has said "reveal all". */
export const privateWritingSchema = z.strictObject({ active: z.boolean(), revealSeq: z.number().int().min(0) })
export type PrivateWriting = z.infer<typeof privateWritingSchema>

/** Intended involvement of one stakeholder group: how many people, and how they were meant to take part. */
export const intendedInvolvementSchema = z.strictObject({ people: z.number().int().min(0).max(10_000).nullable(), how: text(300) })
export type IntendedInvolvement = z.infer<typeof intendedInvolvementSchema>

/** The value schema of each session key (the server's policy checks every write against it). */
export const SESSION_VALUE_SCHEMAS: Record<SessionKey, z.ZodType> = {
  steps: z.array(sessionStepSchema).max(100),
  currentStepId: z.string().max(64).nullable(),
  followStep: z.boolean(),
  timer: timerSchema,
  focus: focusSchema.nullable(),
  readyCheck: readyCheckSchema.nullable(),
  frozen: z.boolean(),
  privateWriting: privateWritingSchema,
  intended: z.partialRecord(stakeholderGroupSchema, intendedInvolvementSchema),
}

/** The whole session, with defaults for what a board does not hold yet. */
export interface SessionState {
  steps: SessionStep[]
  currentStepId: string | null
  followStep: boolean
  timer: TimerState
  focus: FocusRequest | null
  readyCheck: ReadyCheck | null
  frozen: boolean
  privateWriting: PrivateWriting
  intended: Partial<Record<StakeholderGroup, IntendedInvolvement>>
}

export const EMPTY_SESSION: SessionState = {
  steps: [],
  currentStepId: null,
  followStep: true,
  timer: { status: 'idle' },
  focus: null,
  readyCheck: null,
  frozen: false,
  privateWriting: { active: false, revealSeq: 0 },
  intended: {},
}

/** Root name of the session in the board's Y.Doc. */
export const SESSION_ROOT = 'session'

/** Reads the session; a key that is missing or malformed takes its default. */
export function readSession(doc: Y.Doc): SessionState {
  const map = doc.getMap<unknown>(SESSION_ROOT)
  const session = { ...EMPTY_SESSION } as Record<SessionKey, unknown>
  for (const key of SESSION_KEYS) {
    const parsed = SESSION_VALUE_SCHEMAS[key].safeParse(map.get(key))
    if (parsed.success && parsed.data !== undefined) session[key] = parsed.data
  }
  return session as unknown as SessionState
}

/** Whether the board is frozen (participants may look, not change). */
export function isFrozen(doc: Y.Doc): boolean {
  return doc.getMap<unknown>(SESSION_ROOT).get('frozen') === true
}

/** Writes some session keys in one transaction (only keys whose value changed). */
export function writeSession(doc: Y.Doc, change: Partial<SessionState>, origin?: unknown): void {
  const map = doc.getMap<unknown>(SESSION_ROOT)
  doc.transact(() => {
    for (const [key, value] of Object.entries(change)) {
      if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value)
    }
  }, origin)
}

/** The live agenda a board starts with: the template's steps in the board's language. */
export function stepsFromTemplate(template: Template, locale: Locale): SessionStep[] {
  return template.agenda.map((step) => ({
    id: step.id,
    title: step.title[locale],
    minutes: step.minutes,
    instructions: step.instructions[locale],
    zones: step.zones ?? [],
    activity: step.activity ?? 'other',
    skipped: false,
  }))
}

// ---- the timer, as pure functions of the server's clock -----------------------------------

/** Milliseconds left on the timer at server time `now` (0 when it has run out or is idle). */
export function timerRemainingMs(timer: TimerState, now: number): number {
  if (timer.status === 'running') return Math.max(0, timer.endsAt - now)
  if (timer.status === 'paused') return timer.remainingMs
  return 0
}

/** Starts (or restarts) the timer for `durationMs` from server time `now`. */
export function startTimer(durationMs: number, now: number, sound: boolean): TimerState {
  return { status: 'running', endsAt: now + durationMs, durationMs, sound }
}

/** Pauses a running timer, keeping what is left. */
export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.status !== 'running') return timer
  return { status: 'paused', remainingMs: timerRemainingMs(timer, now), durationMs: timer.durationMs, sound: timer.sound }
}

/** Resumes a paused timer from server time `now`. */
export function resumeTimer(timer: TimerState, now: number): TimerState {
  if (timer.status !== 'paused') return timer
  return { status: 'running', endsAt: now + timer.remainingMs, durationMs: timer.durationMs, sound: timer.sound }
}

/**
 * Adds time (one minute by default) to a running or paused timer. A running timer whose time is
 * already up gets the time from server time `now`, not from its past end (which would add nothing
 * people could see once it ran out more than `ms` ago).
 */
export function addToTimer(timer: TimerState, now: number, ms = 60_000): TimerState {
  if (timer.status === 'running') {
    const endsAt = Math.max(timer.endsAt, now) + ms
    // The start (endsAt - durationMs) stays where it was: the duration grows by what was added.
    return { ...timer, endsAt, durationMs: timer.durationMs + (endsAt - timer.endsAt) }
  }
  if (timer.status === 'paused') return { ...timer, remainingMs: timer.remainingMs + ms, durationMs: timer.durationMs + ms }
  return timer
}

/** "12:05" for 725,000 ms (rounded up to the second, so 0:00 means done). */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000)
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  if (minutes >= 60) return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${String(rest).padStart(2, '0')}`
  return `${minutes}:${String(rest).padStart(2, '0')}`
}
