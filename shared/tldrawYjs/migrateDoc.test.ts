import { createTLSchema, toRichText, type TLNoteShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { migrateDoc } from './migrateDoc.ts'
import { readRecord, readSchema, writeSchema } from './recordsDoc.ts'
import { compareSchema } from './schemaVersion.ts'
import { makeNote, newerSchema, noteV8, noteV8Schema, writeRaw } from './testing.ts'

const schema = createTLSchema()

describe('compareSchema', () => {
  it('tells same, older and newer apart', () => {
    const current = schema.serialize()
    expect(compareSchema(current, schema)).toBe('same')
    expect(compareSchema(noteV8Schema(), schema)).toBe('older')
    expect(compareSchema(newerSchema(), schema)).toBe('newer')
    const unknown = { ...current, sequences: { ...current.sequences, 'com.example.future': 1 } }
    expect(compareSchema(unknown, schema)).toBe('newer')
  })
})

describe('migrateDoc', () => {
  it('migrates an older board in place once, with tldraw’s own note migrations', () => {
    const doc = new Y.Doc()
    writeRaw(doc, [noteV8('old', 'Who is missing?')])
    writeSchema(doc, noteV8Schema())

    const result = migrateDoc(doc, schema, { write: true })
    expect(result.kind).toBe('migrated')
    const note = readRecord(doc, 'shape:old') as TLNoteShape
    expect(note.props.richText).toEqual(toRichText('Who is missing?'))
    expect('text' in note.props).toBe(false)
    expect(note.props.fontSizeAdjustment).toBe(1)
    expect(() => schema.validateRecord(null as never, note, 'tests', null)).not.toThrow()
    expect(readSchema(doc)).toEqual(schema.serialize())

    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    expect(migrateDoc(doc, schema, { write: true }).kind).toBe('current')
    expect(updates).toHaveLength(0)
  })

  it('migrates in memory only when it may not write', () => {
    const doc = new Y.Doc()
    writeRaw(doc, [noteV8('old', 'Hej')])
    writeSchema(doc, noteV8Schema())
    const before = Y.encodeStateAsUpdate(doc)
    const result = migrateDoc(doc, schema, { write: false })
    expect(result.kind === 'migrated' && result.written).toBe(false)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('leaves a board from a newer coboard untouched', () => {
    const doc = new Y.Doc()
    writeRaw(doc, [makeNote('n')])
    writeSchema(doc, newerSchema())
    const before = Y.encodeStateAsUpdate(doc)
    expect(migrateDoc(doc, schema, { write: true }).kind).toBe('needs-reload')
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})
