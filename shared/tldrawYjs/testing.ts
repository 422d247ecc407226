import { Store, type SerializedSchemaV2 } from '@tldraw/store'
import {
  createTLSchema,
  toRichText,
  type TLNoteShape,
  type TLRecord,
  type TLSchema,
  type TLStore,
  type TLStoreProps,
} from '@tldraw/tlschema'
import * as Y from 'yjs'
import { getRecordsMap } from './recordsDoc.ts'

/** A valid note record as a participant leaves it; for tests and benchmarks. */
export function makeNote(id: string, overrides: Partial<TLNoteShape> = {}): TLNoteShape {
  return {
    id: `shape:${id}` as TLNoteShape['id'],
    typeName: 'shape',
    type: 'note',
    x: 100,
    y: 200,
    rotation: 0,
    index: 'a1' as TLNoteShape['index'],
    parentId: 'page:page' as TLNoteShape['parentId'],
    isLocked: false,
    opacity: 1,
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText('Bus connections to the health centre stop at 18:00'),
      scale: 1,
      textLastEditedBy: null,
    },
    meta: { group: 'citizen-service-user' },
    ...overrides,
  }
}

/**
 * A tldraw store without the editor or a DOM (what `createTLStore` builds, minus the editor's
 * asset and user stores), made usable: document, page, instance, camera and pointer records.
 */
export function makeTestStore(schema: TLSchema = createTLSchema()): TLStore {
  const props = {
    defaultName: 'Board',
    assets: {
      upload: async () => ({ src: '' }),
      resolve: async () => null,
      remove: async () => {},
    },
    users: { currentUser: { get: () => null }, resolve: () => ({ get: () => null }) },
    onMount: () => {},
  } as unknown as TLStoreProps
  const store = new Store({ schema, props }) as TLStore
  // Internal in the published types; the editor calls it when it mounts a store.
  ;(store as unknown as { ensureStoreIsUsable(): void }).ensureStoreIsUsable()
  return store
}

/**
 * Connects two docs as a provider and a server would: each update made on one is applied to the
 * other, with the sending doc as origin. Returns a function that disconnects them.
 */
export function connectDocs(a: Y.Doc, b: Y.Doc): () => void {
  const toB = (update: Uint8Array, origin: unknown) => {
    if (origin !== b) Y.applyUpdate(b, update, a)
  }
  const toA = (update: Uint8Array, origin: unknown) => {
    if (origin !== a) Y.applyUpdate(a, update, b)
  }
  a.on('update', toB)
  b.on('update', toA)
  return () => {
    a.off('update', toB)
    b.off('update', toA)
  }
}

/**
 * Brings two docs that were disconnected up to date with each other, as a provider's sync step
 * does. Repeats until both hold the same state, because applying an update can make a binding
 * write (e.g. its pending local changes) while the docs are not connected.
 */
export function syncDocs(a: Y.Doc, b: Y.Doc): void {
  for (let round = 0; round < 10; round++) {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), a)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), b)
    const same = (x: Uint8Array, y: Uint8Array) => x.length === y.length && x.every((v, i) => v === y[i])
    if (same(Y.encodeStateVector(a), Y.encodeStateVector(b))) return
  }
  throw new Error('docs did not converge in 10 sync rounds')
}

/** The running schema with the note shape's props at version 8 (before rich text). */
export function noteV8Schema(): SerializedSchemaV2 {
  const current = createTLSchema().serialize()
  return { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.note': 8 } }
}

/** A note as coboard would have stored it under noteV8Schema: plain `text`, no rich text. */
export function noteV8(id: string, text: string): TLRecord {
  const { richText: _r, textLastEditedBy: _t, ...props } = makeNote(id).props
  return { ...makeNote(id), props: { ...props, fontSizeAdjustment: 0, text } } as unknown as TLRecord
}

/** Writes raw records (bypassing validation) as an older client would have. */
export function writeRaw(doc: Y.Doc, records: TLRecord[]): void {
  doc.transact(() => {
    for (const record of records) {
      const map = new Y.Map<unknown>()
      for (const [k, v] of Object.entries(record)) {
        if (k === 'props' || k === 'meta') {
          const nested = new Y.Map<unknown>()
          for (const [pk, pv] of Object.entries(v as object)) nested.set(pk, pv)
          map.set(k, nested)
        } else map.set(k, v)
      }
      getRecordsMap(doc).set(record.id, map)
    }
  })
}

/** The running schema with the note shape at a version no coboard has yet. */
export function newerSchema(): SerializedSchemaV2 {
  const current = createTLSchema().serialize()
  return { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.note': 99 } }
}
