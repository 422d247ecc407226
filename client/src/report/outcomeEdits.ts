import * as Y from 'yjs'
import type { BoardSettings } from '../../../shared/boardDoc.ts'
import { noteOutcomeSchema, OUTCOME_KEY, OUTCOMES_ROOT, type NoteOutcome } from '../../../shared/outcomes/noteOutcome.ts'
import type { Role } from '../../../shared/roles.ts'

/** Whether this link may mark what happened to notes (the server's outcomes rule, mirrored). */
export function mayMarkOutcomes(role: Role, settings: BoardSettings): boolean {
  return role === 'facilitator' || (role === 'participant' && settings.participantsMayMarkOutcomes)
}

/** Whether this link may download exports (the export route's rule, mirrored). */
export function mayExport(role: Role, settings: BoardSettings): boolean {
  return role === 'facilitator' || settings.exportsAllowed
}

/** The outcome of a note as the board holds it, if it is a valid one. */
export function readOutcome(doc: Y.Doc, noteId: string): NoteOutcome | undefined {
  const parsed = noteOutcomeSchema.safeParse(doc.getMap(OUTCOMES_ROOT).get(noteId))
  return parsed.success ? parsed.data : undefined
}

/**
 * Sets (or with `null` removes) what happened to a note, as one plain value under the note's
 * shape id — the form the server's outcomes rule accepts. Invalid input is refused here, before
 * it could reach the server and be refused there (which would reload the board).
 */
export function writeOutcome(doc: Y.Doc, noteId: string, outcome: NoteOutcome | null): { ok: true } | { ok: false; problem: string } {
  if (!OUTCOME_KEY.test(noteId)) return { ok: false, problem: 'not a note id' }
  const map = doc.getMap<NoteOutcome>(OUTCOMES_ROOT)
  if (outcome === null) {
    if (map.has(noteId)) map.delete(noteId)
    return { ok: true }
  }
  const parsed = noteOutcomeSchema.safeParse({ ...outcome, reason: outcome.reason.trim() })
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0]?.message ?? 'invalid outcome' }
  map.set(noteId, parsed.data)
  return { ok: true }
}
