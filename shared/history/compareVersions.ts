import type { TLNoteShape, TLRecord } from '@tldraw/tlschema'
import { isExampleNote } from '../templates/generateTemplateRecords.ts'
import { plainText } from '../templates/templateFromBoard.ts'
import { assignNotesToZones } from '../templates/zoneMembership.ts'

/** One note in a comparison: its id, text then and now, and its zone then and now. */
export interface NoteChange {
  id: string
  text: string
  before?: { text: string; zone: string | null }
  after?: { text: string; zone: string | null }
}

/** What changed in a board's notes between two versions (or a version and now). */
export interface VersionComparison {
  added: NoteChange[]
  removed: NoteChange[]
  /** In another zone than before (edited or not). */
  moved: NoteChange[]
  /** Other text than before (moved or not: a note moved and edited is in both lists). */
  edited: NoteChange[]
  unchanged: number
  /**
   * Per zone ('' for notes outside every zone): how many notes came, went, moved in or out, were
   * edited (counted in the zone they are in now), and how many it held before and after.
   */
  perZone: Record<string, { added: number; removed: number; movedIn: number; movedOut: number; edited: number; before: number; after: number }>
}

function notesWithZones(records: readonly TLRecord[]): Map<string, { text: string; zone: string | null }> {
  const zones = assignNotesToZones(records)
  const out = new Map<string, { text: string; zone: string | null }>()
  for (const record of records) {
    if (record.typeName !== 'shape' || record.type !== 'note' || isExampleNote(record)) continue
    out.set(record.id, { text: plainText((record as TLNoteShape).props.richText), zone: zones.get(record.id) ?? null })
  }
  return out
}

/**
 * Compares the notes of two versions of a board (pure): added, removed, moved between zones and
 * edited, with counts per zone — for living labs that meet for months and want to see what
 * changed between two sessions. Zones are assigned as everywhere else (zoneMembership.ts).
 */
export function compareVersions(before: readonly TLRecord[], after: readonly TLRecord[]): VersionComparison {
  const then = notesWithZones(before)
  const now = notesWithZones(after)
  const result: VersionComparison = { added: [], removed: [], moved: [], edited: [], unchanged: 0, perZone: {} }
  const zone = (id: string | null) =>
    (result.perZone[id ?? ''] ??= { added: 0, removed: 0, movedIn: 0, movedOut: 0, edited: 0, before: 0, after: 0 })
  for (const [, note] of then) zone(note.zone).before++
  for (const [, note] of now) zone(note.zone).after++
  for (const [id, note] of now) {
    const old = then.get(id)
    if (!old) {
      result.added.push({ id, text: note.text, after: note })
      zone(note.zone).added++
      continue
    }
    const change = { id, text: note.text, before: old, after: note }
    if (old.zone !== note.zone) {
      result.moved.push(change)
      zone(old.zone).movedOut++
      zone(note.zone).movedIn++
    }
    if (old.text !== note.text) {
      result.edited.push(change)
      zone(note.zone).edited++
    }
    if (old.zone === note.zone && old.text === note.text) result.unchanged++
  }
  for (const [id, note] of then) {
    if (now.has(id)) continue
    result.removed.push({ id, text: note.text, before: note })
    zone(note.zone).removed++
  }
  return result
}
