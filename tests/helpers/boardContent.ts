import { toRichText, type TLNoteShape } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { deleteRecords, getRecordsMap, readRecord, readRecords, upsertRecord, writeRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import { plainText } from '../../shared/templates/templateFromBoard.ts'
import { makeNote } from '../../shared/tldrawYjs/testing.ts'

/*
 * Board content for integration tests, written the way coboard's client writes it: tldraw note
 * records under the `tldraw` root (the server refuses any other root).
 */

/** The shape id of a test note. */
export const noteId = (key: string) => `shape:${key}` as TLNoteShape['id']

/** Adds (or replaces) a note with a text, optionally with other fields. */
export function addNote(doc: Y.Doc, key: string, text: string, overrides: Partial<TLNoteShape> = {}): TLNoteShape {
  const base = makeNote(key)
  const note = { ...base, ...overrides, props: { ...base.props, richText: toRichText(text), ...(overrides.props ?? {}) } } as TLNoteShape
  writeRecords(doc, [note])
  return note
}

/** Adds many notes in one transaction. */
export function addNotes(doc: Y.Doc, notes: Array<{ key: string; text: string }>): void {
  doc.transact(() => {
    const root = getRecordsMap(doc)
    for (const { key, text } of notes) {
      const base = makeNote(key)
      upsertRecord(root, { ...base, props: { ...base.props, richText: toRichText(text) } } as TLNoteShape)
    }
  })
}

/** Changes fields of an existing note (only what changed is written, as the client does). */
export function updateNote(doc: Y.Doc, key: string, change: Partial<TLNoteShape>): void {
  const current = readRecord(doc, noteId(key)) as TLNoteShape | undefined
  if (!current) throw new Error(`no note ${key}`)
  writeRecords(doc, [{ ...current, ...change, props: { ...current.props, ...(change.props ?? {}) } } as TLNoteShape])
}

/** Deletes notes by key. */
export function removeNotes(doc: Y.Doc, keys: string[]): void {
  deleteRecords(doc, keys.map(noteId))
}

/** A Yjs update that adds one note, as a client would send it. */
export function noteUpdate(key: string, text: string): Uint8Array {
  const doc = new Y.Doc()
  addNote(doc, key, text)
  return Y.encodeStateAsUpdate(doc)
}

/** The text of a note, or undefined when the board has no such note. */
export function noteText(doc: Y.Doc, key: string): string | undefined {
  const record = readRecord(doc, noteId(key)) as TLNoteShape | undefined
  return record ? plainText(record.props.richText as never) : undefined
}

/** Keys of the notes on a board (template shapes left out). */
export function noteKeys(doc: Y.Doc): string[] {
  return readRecords(doc)
    .filter((r) => r.typeName === 'shape' && r.type === 'note' && !(r.meta as { coboard?: unknown }).coboard)
    .map((r) => r.id.slice('shape:'.length))
    .sort()
}

/**
 * How many notes whose key starts with `prefix` a board has — cheap enough to poll while
 * thousands arrive (noteKeys reads every record). Template records are not counted, so a wait on
 * this and an assertion on noteKeys agree.
 */
export function notesWithPrefix(doc: Y.Doc, prefix: string): number {
  let count = 0
  for (const key of getRecordsMap(doc).keys()) if (key.startsWith(`shape:${prefix}`)) count++
  return count
}
