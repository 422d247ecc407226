import { zoneHoldsNotes, type AgendaActivity, type Template } from './templateSchema.ts'

// What makes an agenda one a facilitator can run (issue 9): people write on their own before
// anyone talks, choices are made with equal dots, and the session ends by planning how
// participants will hear what happened to their input — "it is usually hard to handle feedback
// to participants in a way that pinpoints where their opinion had an impact" (Hoppe et al. 2024).
// These are checks on the shipped templates and a lint for facilitators, not schema rules: a
// template a facilitator saves from a board, with a zone deleted, must still load.

/** Activities in which participants write or place notes; such a step must say in which zones. */
export const WRITING_ACTIVITIES: readonly AgendaActivity[] = ['silent-writing', 'dot-vote', 'report-back']

/** Problems that keep a template's agenda from running as intended; empty when it runs. */
export function agendaProblems(template: Template): string[] {
  const problems: string[] = []
  const steps = template.agenda
  if (steps.length === 0) return ['the agenda has no steps']
  const zones = new Map(template.zones.map((zone) => [zone.id, zone]))
  const hasNoteZones = template.zones.some(zoneHoldsNotes)
  for (const step of steps) {
    if (!step.activity) problems.push(`agenda step "${step.id}" has no activity`)
    if (!hasNoteZones) continue
    const named = (step.zones ?? []).map((id) => zones.get(id)).filter((zone) => zone !== undefined)
    if (named.length === 0) {
      problems.push(`agenda step "${step.id}" names no zone, so the notes it asks for belong to no zone`)
    } else if (step.activity && WRITING_ACTIVITIES.includes(step.activity) && !named.some(zoneHoldsNotes)) {
      problems.push(`agenda step "${step.id}" asks people to write (${step.activity}) but names only zones that hold no notes`)
    }
  }
  if (steps[0].activity !== 'silent-writing') problems.push(`the agenda starts with "${steps[0].id}", not with silent writing`)
  if (!steps.some((step) => step.activity === 'dot-vote')) problems.push('the agenda has no dot-vote step')
  const last = steps[steps.length - 1]
  if (last.activity !== 'report-back') problems.push(`the agenda ends with "${last.id}", not with planning the report back to participants`)
  return problems
}
