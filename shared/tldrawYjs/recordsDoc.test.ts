import {
  createTLSchema,
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  TLINSTANCE_ID,
  type TLPageId,
  type TLRecord,
} from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  applyRecordDiff,
  changedPaths,
  deleteRecords,
  getRecordsMap,
  isDocumentRecord,
  readRecord,
  readRecords,
  readSchema,
  writeRecords,
  writeSchema,
} from './recordsDoc.ts'
import { makeNote, makeTestStore } from './testing.ts'

const page = PageRecordType.create({ id: 'page:page' as TLPageId, name: 'Page 1', index: 'a1' as never })
const documentRecord = DocumentRecordType.create({ id: TLDOCUMENT_ID })

function byId(records: TLRecord[]) {
  return Object.fromEntries(records.map((r) => [r.id, r]))
}

describe('recordsDoc', () => {
  it('round-trips records through a Y.Doc and a second doc', () => {
    const doc = new Y.Doc()
    const records = [documentRecord, page, makeNote('a'), makeNote('b', { x: 5 })]
    writeRecords(doc, records)
    expect(byId(readRecords(doc))).toEqual(byId(records))

    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(byId(readRecords(copy))).toEqual(byId(records))
    expect(readRecord(copy, 'shape:b')).toEqual(makeNote('b', { x: 5 }))
  })

  it('stores props and meta as nested maps, one key per entry', () => {
    const doc = new Y.Doc()
    writeRecords(doc, [makeNote('a')])
    const map = getRecordsMap(doc).get('shape:a')!
    expect(map.get('x')).toBe(100)
    expect(map.get('props')).toBeInstanceOf(Y.Map)
    expect((map.get('props') as Y.Map<unknown>).get('color')).toBe('yellow')
    expect(map.get('meta')).toBeInstanceOf(Y.Map)
  })

  it('writes only the fields that changed, so a drag sends a few bytes', () => {
    const doc = new Y.Doc()
    writeRecords(doc, [makeNote('a')])
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    writeRecords(doc, [makeNote('a', { x: 101, y: 201 })])
    expect(updates).toHaveLength(1)
    expect(updates[0].byteLength).toBeLessThan(80)
    // Writing the same record again changes nothing and sends nothing.
    writeRecords(doc, [makeNote('a', { x: 101, y: 201 })])
    expect(updates).toHaveLength(1)
  })

  it('keeps concurrent edits of different fields of one note', () => {
    const a = new Y.Doc()
    writeRecords(a, [makeNote('n')])
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))

    writeRecords(a, [makeNote('n', { x: 500 })])
    const recoloured = makeNote('n')
    writeRecords(b, [{ ...recoloured, props: { ...recoloured.props, color: 'blue' } }])
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))

    for (const doc of [a, b]) {
      const note = readRecord(doc, 'shape:n') as ReturnType<typeof makeNote>
      expect(note.x).toBe(500)
      expect(note.props.color).toBe('blue')
    }
  })

  it('deletes records and removes fields a record no longer has', () => {
    const doc = new Y.Doc()
    writeRecords(doc, [makeNote('a'), makeNote('b', { meta: { group: 'researcher', votes: 2 } })])
    writeRecords(doc, [makeNote('b', { meta: { group: 'researcher' } })])
    expect(readRecord(doc, 'shape:b')?.meta).toEqual({ group: 'researcher' })
    deleteRecords(doc, ['shape:a', 'shape:missing'])
    expect(readRecords(doc).map((r) => r.id)).toEqual(['shape:b'])
  })

  it('refuses session records and skips them in diffs', () => {
    const store = makeTestStore()
    const instance = store.get(TLINSTANCE_ID)!
    expect(isDocumentRecord(instance)).toBe(false)
    expect(isDocumentRecord(page)).toBe(true)
    expect(isDocumentRecord({ typeName: 'instance_presence' })).toBe(false)
    expect(isDocumentRecord({ typeName: 'user' })).toBe(true)

    const doc = new Y.Doc()
    expect(() => writeRecords(doc, [instance])).toThrow(/not a document-scope record/)
    applyRecordDiff(doc, { added: { [instance.id]: instance, [page.id]: page }, updated: {}, removed: {} } as never)
    expect(readRecords(doc).map((r) => r.id)).toEqual([page.id])
  })

  it('applies a store diff: added, updated and removed', () => {
    const doc = new Y.Doc()
    const note = makeNote('a')
    applyRecordDiff(doc, { added: { [note.id]: note }, updated: {}, removed: {} } as never)
    const moved = { ...note, x: 1 }
    applyRecordDiff(doc, { added: {}, updated: { [note.id]: [note, moved] }, removed: {} } as never)
    expect(readRecord(doc, note.id)).toEqual(moved)
    applyRecordDiff(doc, { added: {}, updated: {}, removed: { [note.id]: moved } } as never)
    expect(readRecords(doc)).toEqual([])
  })

  it('lists changed paths, going into props and meta', () => {
    const note = makeNote('a')
    const next = { ...note, x: 1, props: { ...note.props, color: 'red' as const }, meta: { group: 'other' } }
    expect(changedPaths(note, next).sort()).toEqual(['meta.group', 'props.color', 'x'])
    expect(changedPaths(note, { ...note })).toEqual([])
  })

  it('keeps the serialized schema', () => {
    const doc = new Y.Doc()
    expect(readSchema(doc)).toBeUndefined()
    const schema = createTLSchema().serialize()
    writeSchema(doc, schema)
    expect(readSchema(doc)).toEqual(schema)
  })
})
