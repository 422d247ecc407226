import { z } from 'zod'

/**
 * What happened to a note after the workshop ("influence tracking"), kept in the board's
 * `outcomes` root (Y.Map: shape id -> outcome) so that participants can see where their input
 * went. The facilitator marks notes; participants too when the facilitator allows it.
 */
export const NOTE_STATUSES = ['discussed', 'taken-forward', 'decided', 'not-taken-forward'] as const
export type NoteStatus = (typeof NOTE_STATUSES)[number]

export const noteOutcomeSchema = z.strictObject({
  status: z.enum(NOTE_STATUSES, { error: `status must be one of ${NOTE_STATUSES.join(', ')}` }),
  /** A short reason or the decision, in the board's language. */
  reason: z.string().max(2000, 'reason must be at most 2,000 characters'),
  /** When it happened, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'),
})
export type NoteOutcome = z.infer<typeof noteOutcomeSchema>

/** Keys of the outcomes root: the note's shape id. */
export const OUTCOME_KEY = /^shape:[^\s]{1,200}$/

/** Root name of note outcomes in the board's Y.Doc. */
export const OUTCOMES_ROOT = 'outcomes'
