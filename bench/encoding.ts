/*
 * Measures candidate encodings of tldraw records in a Y.Doc (docs/encoding.md has the results
 * and the decision). Run: npm run bench:encoding
 *
 * For each encoding it prints: bytes of one drag update (one note moved by one frame), bytes of a
 * typical note create, encoded document size before and after 10,000 moves by two alternating
 * clients (two Y.Docs exchanging updates) and by one client, time per 1,000 moves (median of
 * several runs, both docs' work included) and the time to load the final document.
 */
import { createTLSchema, type TLNoteShape, type TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { changedPaths, getRecordsMap, upsertRecord } from '../shared/tldrawYjs/recordsDoc.ts'
import { makeNote as makeTestNote } from '../shared/tldrawYjs/testing.ts'
import { median } from './support/stats.ts'

const MOVES = 10_000
const RUNS = 7

/** One way of keeping records in a Y.Doc. `update` gets the previous and the next record. */
interface Encoding {
  name: string
  create(doc: Y.Doc): { put(record: TLRecord): void; update(prev: TLRecord, next: TLRecord): void }
}

const encodings: Encoding[] = [
  {
    name: 'whole: YKeyValue (y-utility)',
    create(doc) {
      const kv = new YKeyValue<TLRecord>(doc.getArray('tldraw'))
      return { put: (r) => kv.set(r.id, r), update: (_p, n) => kv.set(n.id, n) }
    },
  },
  {
    name: 'whole: Y.Map<id, record>',
    create(doc) {
      const map = doc.getMap<TLRecord>('tldraw')
      return { put: (r) => map.set(r.id, r), update: (_p, n) => map.set(n.id, n) }
    },
  },
  {
    name: 'field: Y.Map<id, Y.Map<field>>, props whole',
    create(doc) {
      const root = doc.getMap<Y.Map<unknown>>('tldraw')
      return {
        put(r) {
          const m = new Y.Map<unknown>()
          for (const [k, v] of Object.entries(r)) m.set(k, v)
          root.set(r.id, m)
        },
        update(p, n) {
          const m = root.get(n.id)!
          const a = p as unknown as Record<string, unknown>
          const b = n as unknown as Record<string, unknown>
          for (const k of Object.keys(b)) if (a[k] !== b[k]) m.set(k, b[k])
        },
      }
    },
  },
  {
    name: 'field: props+meta nested (shipped)',
    create(doc) {
      // The real code of shared/tldrawYjs/recordsDoc.ts, as the binding calls it.
      const root = getRecordsMap(doc)
      return {
        put: (r) => void upsertRecord(root, r),
        update: (p, n) => void upsertRecord(root, n, changedPaths(p, n)),
      }
    },
  },
]

/** A note as a workshop participant leaves it: a sentence, a colour, attribution and group. */
function makeNote(index: number): TLNoteShape {
  const note = makeTestNote(`note${index}`, { x: 120 + index * 10, y: 340 })
  return { ...note, props: { ...note.props, textLastEditedBy: 'user:k3Jd9sQpXw' } }
}

/** Two docs that forward every local update to each other, as two connected clients would. */
function makePeers(): [Y.Doc, Y.Doc, { lastBytes: number }] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  const wire = { lastBytes: 0 }
  a.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin === 'wire') return
    wire.lastBytes = u.byteLength
    Y.applyUpdate(b, u, 'wire')
  })
  b.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin === 'wire') return
    wire.lastBytes = u.byteLength
    Y.applyUpdate(a, u, 'wire')
  })
  return [a, b, wire]
}

interface Result {
  dragBytes: number
  createBytes: number
  sizeBefore: number
  sizeBeforeV2: number
  sizeAfterAlternating: number
  sizeAfterOneClient: number
  sizeAfterAlternatingV2: number
  msPer1000: number
  loadMs: number
}


/** Runs MOVES moves of one note; `alternate` makes the two docs take turns. */
function runMoves(encoding: Encoding, alternate: boolean) {
  const [a, b, wire] = makePeers()
  const encA = encoding.create(a)
  const encB = encoding.create(b)
  // A board with 50 notes, so that document size is not only the moved note.
  a.transact(() => {
    for (let i = 1; i < 50; i++) encA.put(makeNote(i))
  })
  a.transact(() => encA.put(makeNote(0)))
  const createBytes = wire.lastBytes
  const sizeBefore = Y.encodeStateAsUpdate(a).byteLength
  const sizeBeforeV2 = Y.encodeStateAsUpdateV2(a).byteLength
  let note: TLRecord = makeNote(0)
  const dragBytes: number[] = []
  const start = performance.now()
  for (let i = 0; i < MOVES; i++) {
    const next: TLRecord = { ...note, x: (note as TLNoteShape).x + 1, y: (note as TLNoteShape).y + 1 } as TLRecord
    const [doc, enc] = alternate && i % 2 ? [b, encB] : [a, encA]
    doc.transact(() => enc.update(note, next))
    dragBytes.push(wire.lastBytes)
    note = next
  }
  const elapsed = performance.now() - start
  const state = Y.encodeStateAsUpdate(a)
  const loadStart = performance.now()
  Y.applyUpdate(new Y.Doc(), state)
  const loadMs = performance.now() - loadStart
  return {
    createBytes,
    sizeBefore,
    sizeBeforeV2,
    sizeAfter: state.byteLength,
    sizeAfterV2: Y.encodeStateAsUpdateV2(a).byteLength,
    dragBytes: median(dragBytes),
    msPer1000: (elapsed / MOVES) * 1000,
    loadMs,
  }
}

function measure(encoding: Encoding): Result {
  const alternating = Array.from({ length: RUNS }, () => runMoves(encoding, true))
  const single = runMoves(encoding, false)
  return {
    dragBytes: median(alternating.map((r) => r.dragBytes)),
    createBytes: alternating[0].createBytes,
    sizeBefore: median(alternating.map((r) => r.sizeBefore)),
    sizeBeforeV2: median(alternating.map((r) => r.sizeBeforeV2)),
    sizeAfterAlternating: median(alternating.map((r) => r.sizeAfter)),
    sizeAfterOneClient: single.sizeAfter,
    sizeAfterAlternatingV2: median(alternating.map((r) => r.sizeAfterV2)),
    msPer1000: median(alternating.map((r) => r.msPer1000)),
    loadMs: median(alternating.map((r) => r.loadMs)),
  }
}

function main(): void {
  // Check that the sample note is a valid record of the installed tldraw schema.
  const schema = createTLSchema()
  schema.types.shape.validate(makeNote(0))

  const rows = encodings.map((encoding) => ({ encoding: encoding.name, ...measure(encoding) }))
  const header = [
    'encoding',
    'drag B',
    'create B',
    'doc B (50 notes)',
    'after 10k alt B',
    'growth alt B/move',
    'v2: before → after 10k alt B',
    'after 10k 1-client B',
    'ms/1000 moves',
    'load ms',
  ]
  const table = rows.map((r) => [
    r.encoding,
    String(r.dragBytes),
    String(r.createBytes),
    String(r.sizeBefore),
    String(r.sizeAfterAlternating),
    ((r.sizeAfterAlternating - r.sizeBefore) / MOVES).toFixed(1),
    `${r.sizeBeforeV2} → ${r.sizeAfterAlternatingV2}`,
    String(r.sizeAfterOneClient),
    r.msPer1000.toFixed(1),
    r.loadMs.toFixed(1),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  console.log(`node ${process.version}, yjs update v1, ${MOVES} moves, median of ${RUNS} runs`)
  console.log(line(header))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const row of table) console.log(line(row))
}

main()
