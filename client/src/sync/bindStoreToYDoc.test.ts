import { HistoryManager } from '@tldraw/editor'
import {
  PageRecordType,
  TLINSTANCE_ID,
  toRichText,
  type TLNoteShape,
  type TLPageId,
  type TLRecord,
  type TLStore,
} from '@tldraw/tlschema'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  getRecordsMap,
  readRecord,
  readRecords,
  readSchema,
  writeRecords,
  writeSchema,
} from '../../../shared/tldrawYjs/recordsDoc.ts'
import {
  connectDocs,
  makeNote,
  makeTestStore,
  newerSchema,
  noteV8,
  noteV8Schema,
  syncDocs,
  writeRaw,
} from '../../../shared/tldrawYjs/testing.ts'
import { bindStoreToYDoc, type BindingError, type StoreBinding } from './bindStoreToYDoc.ts'

// A scheduler that never fires: tests decide when a "frame" ends by calling flush().
const manual = () => () => {}

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

interface Peer {
  doc: Y.Doc
  store: TLStore
  binding: StoreBinding
  errors: BindingError[]
}

function peer(doc = new Y.Doc(), options: { readOnly?: boolean; store?: TLStore } = {}): Peer {
  const store = options.store ?? makeTestStore()
  const errors: BindingError[] = []
  const binding = bindStoreToYDoc({
    store,
    doc,
    readOnly: options.readOnly,
    schedule: manual,
    onError: (e) => errors.push(e),
  })
  cleanups.push(() => binding.dispose())
  return { doc, store, binding, errors }
}

function twoPeers(): [Peer, Peer, () => void] {
  const a = peer()
  const b = peer()
  const disconnect = connectDocs(a.doc, b.doc)
  cleanups.push(disconnect)
  return [a, b, disconnect]
}

function note(store: TLStore, id: string): TLNoteShape | undefined {
  return store.get(`shape:${id}` as TLNoteShape['id']) as TLNoteShape | undefined
}

function docTypeNames(doc: Y.Doc): string[] {
  return [...new Set(readRecords(doc).map((r) => r.typeName))].sort()
}

describe('bindStoreToYDoc', () => {
  it('sends local adds, updates and deletes to the other store', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n')])
    a.binding.flush()
    expect(note(b.store, 'n')).toEqual(makeNote('n'))

    a.store.update('shape:n' as TLNoteShape['id'], (r) => ({ ...r, x: 300 }))
    a.binding.flush()
    expect(note(b.store, 'n')?.x).toBe(300)

    b.store.remove(['shape:n' as TLNoteShape['id']])
    b.binding.flush()
    expect(note(a.store, 'n')).toBeUndefined()
    expect(readRecord(a.doc, 'shape:n')).toBeUndefined()
  })

  it('batches one frame of local changes into one transaction that sends only what changed', () => {
    const [a] = twoPeers()
    a.store.put([makeNote('n')])
    a.binding.flush()
    const updates: Uint8Array[] = []
    a.doc.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 1; i <= 5; i++) a.store.update('shape:n' as TLNoteShape['id'], (r) => ({ ...r, x: 100 + i, y: 200 + i }))
    expect(updates).toHaveLength(0)
    a.binding.flush()
    expect(updates).toHaveLength(1)
    expect(updates[0].byteLength).toBeLessThan(80)
  })

  it('flushes on its own with the default scheduler', async () => {
    const doc = new Y.Doc()
    const store = makeTestStore()
    const binding = bindStoreToYDoc({ store, doc })
    cleanups.push(() => binding.dispose())
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    store.put([makeNote('a')])
    store.put([makeNote('b')])
    expect(readRecords(doc)).toHaveLength(0)
    await new Promise<void>((resolve) => {
      const poll = () => (readRecords(doc).length ? resolve() : setTimeout(poll, 1))
      poll()
    })
    expect(readRecords(doc).map((r) => r.id).sort()).toEqual(['shape:a', 'shape:b'])
    expect(transactions).toBe(1)
  })

  it('keeps concurrent edits of different fields of one note (field-level)', () => {
    const [a, b, disconnect] = twoPeers()
    a.store.put([makeNote('n')])
    a.binding.flush()
    disconnect()

    a.store.update('shape:n' as TLNoteShape['id'], (r) => ({ ...r, x: 640 }))
    a.binding.flush()
    b.store.update('shape:n' as TLNoteShape['id'], (r) => ({
      ...(r as TLNoteShape),
      props: { ...(r as TLNoteShape).props, color: 'blue', richText: toRichText('Edited by B') },
    }))
    b.binding.flush()
    syncDocs(a.doc, b.doc)

    for (const p of [a, b]) {
      const n = note(p.store, 'n')!
      expect(n.x).toBe(640)
      expect(n.props.color).toBe('blue')
      expect(n.props.richText).toEqual(toRichText('Edited by B'))
    }
  })

  it('converges when both edit the same field while apart', () => {
    const [a, b, disconnect] = twoPeers()
    a.store.put([makeNote('n')])
    a.binding.flush()
    disconnect()
    a.store.update('shape:n' as TLNoteShape['id'], (r) => ({ ...r, x: 1 }))
    b.store.update('shape:n' as TLNoteShape['id'], (r) => ({ ...r, x: 2 }))
    a.binding.flush()
    b.binding.flush()
    syncDocs(a.doc, b.doc)
    expect(note(a.store, 'n')?.x).toBe(note(b.store, 'n')?.x)
    expect(readRecord(a.doc, 'shape:n')).toEqual(readRecord(b.doc, 'shape:n'))
    expect(note(a.store, 'n')).toEqual(readRecord(a.doc, 'shape:n'))
  })

  it('keeps a local edit not yet flushed when a remote change to the same note arrives', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n')])
    a.binding.flush()
    // A moves the note; before A's frame ends, B's recolouring arrives.
    a.store.update('shape:n' as TLNoteShape['id'], (r) => ({ ...r, x: 999 }))
    b.store.update('shape:n' as TLNoteShape['id'], (r) => ({
      ...(r as TLNoteShape),
      props: { ...(r as TLNoteShape).props, color: 'green' },
    }))
    b.binding.flush()
    for (const p of [a, b]) {
      expect(note(p.store, 'n')?.x).toBe(999)
      expect(note(p.store, 'n')?.props.color).toBe('green')
    }
  })

  it('lets a remote delete win over a concurrent local edit', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n')])
    a.binding.flush()
    a.store.update('shape:n' as TLNoteShape['id'], (r) => ({ ...r, x: 5 }))
    b.store.remove(['shape:n' as TLNoteShape['id']])
    b.binding.flush()
    a.binding.flush()
    expect(note(a.store, 'n')).toBeUndefined()
    expect(readRecord(a.doc, 'shape:n')).toBeUndefined()
    expect(readRecord(b.doc, 'shape:n')).toBeUndefined()
  })

  it('propagates undo and redo of a local change; local undo leaves remote changes alone', () => {
    const [a, b] = twoPeers()
    const history = new HistoryManager<TLRecord>({ store: a.store })
    cleanups.push(() => history.dispose())
    // What editor.markHistoryStoppingPoint() calls; internal in the published types.
    const mark = (id: string) => (history as unknown as { _mark(id: string): void })._mark(id)

    mark('create')
    a.store.put([makeNote('mine')])
    a.binding.flush()
    mark('move')
    a.store.update('shape:mine' as TLNoteShape['id'], (r) => ({ ...r, x: 400 }))
    a.binding.flush()
    // B adds its own note, which arrives in A's store as a remote change.
    b.store.put([makeNote('theirs')])
    b.binding.flush()
    expect(note(a.store, 'theirs')).toBeDefined()

    history.undo()
    a.binding.flush()
    expect(note(b.store, 'mine')?.x).toBe(100)
    history.undo()
    a.binding.flush()
    expect(note(b.store, 'mine')).toBeUndefined()
    // Remote changes are not in A's undo stack: B's note survives both undos.
    expect(note(a.store, 'theirs')).toBeDefined()
    expect(note(b.store, 'theirs')).toBeDefined()
    expect(history.getNumUndos()).toBe(0)

    history.redo()
    a.binding.flush()
    expect(note(b.store, 'mine')).toEqual(makeNote('mine'))
  })

  it('never puts session or presence records in the doc', () => {
    const [a] = twoPeers()
    a.store.update(TLINSTANCE_ID, (r) => ({ ...r, isFocusMode: true }))
    a.store.put([makeNote('n')])
    a.store.put([
      a.store.schema.types.instance_presence.create({
        id: 'instance_presence:x' as never,
        userId: 'user:x' as never,
        userName: 'X',
        currentPageId: 'page:page' as TLPageId,
      }),
    ])
    a.binding.flush()
    expect(docTypeNames(a.doc)).toEqual(['shape'])
  })

  it('does not load session records that another client put in the doc', () => {
    const doc = new Y.Doc()
    const a = peer(doc)
    const instance = makeTestStore().get(TLINSTANCE_ID)!
    writeRaw(doc, [{ ...instance, isFocusMode: true }, makeNote('n')])
    expect(a.store.get(TLINSTANCE_ID)?.isFocusMode).toBe(false)
    expect(note(a.store, 'n')).toBeDefined()
    expect(a.errors).toEqual([{ kind: 'invalid-records', ids: [TLINSTANCE_ID] }])
  })

  it('skips a remote record that fails validation and reports it', () => {
    const [a, b] = twoPeers()
    writeRaw(b.doc, [{ ...makeNote('bad'), x: 'left' } as unknown as TLRecord, makeNote('good')])
    expect(note(a.store, 'good')).toBeDefined()
    expect(note(a.store, 'bad')).toBeUndefined()
    expect(a.errors).toContainEqual({ kind: 'invalid-records', ids: ['shape:bad'] })
  })

  it('observers never write, even when they edit locally, yet follow remote changes', () => {
    const writer = peer()
    const observer = peer(new Y.Doc(), { readOnly: true })
    cleanups.push(connectDocs(writer.doc, observer.doc))
    const observerUpdates: unknown[] = []
    observer.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== writer.doc) observerUpdates.push(origin)
    })
    observer.store.put([makeNote('sneaky')])
    observer.binding.flush()
    writer.store.put([makeNote('n')])
    writer.binding.flush()
    expect(note(observer.store, 'n')).toBeDefined()
    expect(readRecord(writer.doc, 'shape:sneaky')).toBeUndefined()
    expect(observerUpdates).toHaveLength(0)
  })

  it('replaces the store’s document records with the board’s on load', () => {
    const doc = new Y.Doc()
    const page = PageRecordType.create({ id: 'page:board' as TLPageId, name: 'Board', index: 'a1' as never })
    writeRecords(doc, [page, makeNote('n', { parentId: page.id })])
    writeSchema(doc, makeTestStore().schema.serialize())
    const store = makeTestStore()
    store.put([makeNote('local-only')])
    const { store: bound } = peer(doc, { store })
    expect(bound.get('page:page' as TLPageId)).toBeUndefined()
    expect(bound.get(page.id)).toEqual(page)
    expect(note(bound, 'local-only')).toBeUndefined()
    expect(note(bound, 'n')).toBeDefined()
  })

  it('leaves the store alone when the board is empty, then loads the board when it arrives', () => {
    const server = new Y.Doc()
    writeRecords(server, [makeNote('seeded')])
    writeSchema(server, makeTestStore().schema.serialize())
    const a = peer()
    expect(a.store.get('page:page' as TLPageId)).toBeDefined()
    syncDocs(server, a.doc)
    expect(note(a.store, 'seeded')).toBeDefined()
  })

  it('migrates an older board on bind, writes it back once, and the other client gets it', () => {
    const doc = new Y.Doc()
    writeRaw(doc, [noteV8('old', 'Who is missing?')])
    writeSchema(doc, noteV8Schema())
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))

    const a = peer(doc)
    expect(a.errors).toEqual([])
    expect(note(a.store, 'old')?.props.richText).toEqual(toRichText('Who is missing?'))
    expect(readSchema(doc)).toEqual(a.store.schema.serialize())
    expect(updates).toHaveLength(1)

    for (const u of updates) Y.applyUpdate(other, u)
    expect((readRecord(other, 'shape:old') as TLNoteShape).props.richText).toEqual(
      toRichText('Who is missing?'),
    )
    const b = peer(other)
    expect(b.errors).toEqual([])
    expect(note(b.store, 'old')).toEqual(note(a.store, 'old'))
    expect(updates).toHaveLength(1)
  })

  it('migrates an older board in memory for observers without writing', () => {
    const doc = new Y.Doc()
    writeRaw(doc, [noteV8('old', 'Hej')])
    writeSchema(doc, noteV8Schema())
    const before = Y.encodeStateAsUpdate(doc)
    const observer = peer(doc, { readOnly: true })
    expect(note(observer.store, 'old')?.props.richText).toEqual(toRichText('Hej'))
    // A later remote record in the old format is migrated on read too.
    const late = new Y.Doc()
    Y.applyUpdate(late, before)
    writeRaw(late, [noteV8('late', 'Sent')])
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(late, Y.encodeStateVector(doc)))
    expect(note(observer.store, 'late')?.props.richText).toEqual(toRichText('Sent'))
    expect(readSchema(doc)).toEqual(noteV8Schema())
  })

  it('refuses a board from a newer coboard: needs-reload, store and doc untouched', () => {
    const doc = new Y.Doc()
    writeRecords(doc, [makeNote('future')])
    writeSchema(doc, newerSchema())
    const before = Y.encodeStateAsUpdate(doc)
    const store = makeTestStore()
    const storeBefore = store.serialize('all')

    const a = peer(doc, { store })
    expect(a.binding.getError()).toEqual({ kind: 'needs-reload', stored: newerSchema() })
    expect(a.errors.map((e) => e.kind)).toEqual(['needs-reload'])
    store.put([makeNote('local')])
    a.binding.flush()
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    expect(Object.keys(store.serialize('all')).sort()).toEqual(
      [...Object.keys(storeBefore), 'shape:local'].sort(),
    )
  })

  it('stops writing when a newer client upgrades the board while we are on it', () => {
    const [a, b] = twoPeers()
    a.store.put([makeNote('n')])
    a.binding.flush()
    writeSchema(b.doc, newerSchema())
    expect(a.binding.getError()?.kind).toBe('needs-reload')
    a.store.update('shape:n' as TLNoteShape['id'], (r) => ({ ...r, x: 1 }))
    a.binding.flush()
    expect((readRecord(b.doc, 'shape:n') as TLNoteShape).x).toBe(100)
  })

  it('converges under random concurrent edits, deletes, flushes and reconnects', () => {
    // Deterministic pseudo-random sequence (mulberry32), so a failure can be replayed.
    let seed = 42
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
    const a = peer()
    const b = peer()
    let disconnect: (() => void) | null = connectDocs(a.doc, b.doc)
    const ids = ['n1', 'n2', 'n3', 'n4']
    const colors = ['yellow', 'blue', 'green', 'red'] as const
    for (let step = 0; step < 600; step++) {
      const p = pick([a, b])
      const id = `shape:${pick(ids)}` as TLNoteShape['id']
      const existing = p.store.get(id) as TLNoteShape | undefined
      const roll = random()
      if (!existing) p.store.put([makeNote(id.slice(6), { x: step })])
      else if (roll < 0.4) p.store.update(id, (r) => ({ ...r, x: step, y: -step }))
      else if (roll < 0.7) {
        p.store.update(id, (r) => ({
          ...(r as TLNoteShape),
          props: { ...(r as TLNoteShape).props, color: pick(colors) },
        }))
      } else if (roll < 0.8) p.store.remove([id])
      else if (roll < 0.9) {
        p.store.update(id, (r) => ({ ...r, meta: { ...r.meta, votes: step } }))
      }
      if (random() < 0.5) p.binding.flush()
      if (random() < 0.05) {
        if (disconnect) {
          disconnect()
          disconnect = null
        } else {
          syncDocs(a.doc, b.doc)
          disconnect = connectDocs(a.doc, b.doc)
        }
      }
    }
    a.binding.flush()
    b.binding.flush()
    disconnect?.()
    syncDocs(a.doc, b.doc)
    const shapes = (p: Peer) =>
      Object.fromEntries(p.store.allRecords().filter((r) => r.typeName === 'shape').map((r) => [r.id, r]))
    const docShapes = (p: Peer) => Object.fromEntries(readRecords(p.doc).map((r) => [r.id, r]))
    expect(docShapes(a)).toEqual(docShapes(b))
    expect(shapes(a)).toEqual(docShapes(a))
    expect(shapes(b)).toEqual(docShapes(b))
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })

  it('stops both directions on dispose', () => {
    const [a, b] = twoPeers()
    a.binding.dispose()
    a.store.put([makeNote('after')])
    a.binding.flush()
    expect(getRecordsMap(b.doc).size).toBe(0)
    b.store.put([makeNote('remote')])
    b.binding.flush()
    expect(note(a.store, 'remote')).toBeUndefined()
  })
})

describe('records kept on this device (private drafts)', () => {
  it('never writes a kept record to the doc, and writes it whole once it is no longer kept', () => {
    const doc = new Y.Doc()
    const store = makeTestStore()
    const isKept = (record: TLRecord) => record.typeName === 'shape' && (record.meta as { draft?: unknown }).draft === 0
    const binding = bindStoreToYDoc({ store, doc, schedule: manual, keepLocal: isKept })
    cleanups.push(() => binding.dispose())
    store.put([PageRecordType.create({ id: 'page:page' as TLPageId, name: 'Page', index: 'a1' as never })])
    store.put([makeNote('secret', { meta: { draft: 0 } })])
    binding.flush()
    expect(readRecord(doc, 'shape:secret')).toBeUndefined()
    store.put([{ ...store.get('shape:secret' as TLNoteShape['id'])!, x: 400 }])
    binding.flush()
    expect(readRecord(doc, 'shape:secret')).toBeUndefined()
    store.put([{ ...store.get('shape:secret' as TLNoteShape['id'])!, meta: {} }])
    binding.flush()
    expect(readRecord(doc, 'shape:secret')).toMatchObject({ id: 'shape:secret', x: 400, meta: {} })
  })
})
