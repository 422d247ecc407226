/**
 * bench:policy — what the document policy costs per update, in-process, next to what Yjs itself
 * costs to apply the same update. A board of 50 notes (one per client, as in bench:server) gets
 * 4,000 updates of two kinds: a field of `meta` set (bench:server's load) and a note dragged
 * (x and y). Each kind is timed in phases on a fresh copy of the board, then through the whole
 * UpdateGate (analysis, ownership, policy, apply) against a bare Y.applyUpdate.
 *
 *   npm run bench:policy              # 7 rounds, medians
 *   BENCH_ROUNDS=15 npm run bench:policy
 *
 * Times are per update, in microseconds; the first round warms the JIT and is not counted.
 */
import { createTLSchema } from '@tldraw/tlschema'
import pino from 'pino'
import * as Y from 'yjs'
import { readBoardSettings } from '../shared/boardDoc.ts'
import { getRecordsMap, writeRecords } from '../shared/tldrawYjs/recordsDoc.ts'
import { makeNote } from '../shared/tldrawYjs/testing.ts'
import { DocumentPolicy } from '../server/sync/policy/DocumentPolicy.ts'
import { UpdateGate, type Writer } from '../server/sync/UpdateGate.ts'
import { analyzeUpdate } from '../server/sync/updateEffects.ts'
import { median } from './support/stats.ts'

const CLIENTS = 50
const UPDATES = 4000
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7)

const schema = createTLSchema()
const policy = new DocumentPolicy({ schema, maxRecordBytes: 1024 * 1024, validateRecords: () => true })
const log = pino({ level: 'silent' })

/** The board every round starts from, and the clients' docs that make the updates. */
function makeBoard(): { base: Uint8Array; clients: Y.Doc[] } {
  const server = new Y.Doc()
  const clients: Y.Doc[] = []
  for (let i = 0; i < CLIENTS; i++) {
    const doc = new Y.Doc()
    doc.once('update', (update: Uint8Array) => Y.applyUpdate(server, update))
    writeRecords(doc, [makeNote(`bench-${i}`, { x: i * 10 })])
    clients.push(doc)
  }
  return { base: Y.encodeStateAsUpdate(server), clients }
}

type Kind = 'meta field' | 'drag'

function makeUpdates(clients: Y.Doc[], kind: Kind): Uint8Array[] {
  const updates: Uint8Array[] = []
  for (let k = 0; k < UPDATES; k++) {
    const i = k % CLIENTS
    const doc = clients[i]
    doc.once('update', (update: Uint8Array) => updates.push(update))
    const record = getRecordsMap(doc).get(`shape:bench-${i}`) as Y.Map<unknown>
    if (kind === 'meta field') {
      ;(record.get('meta') as Y.Map<unknown>).set('bench', `~${i}:${k}~`)
    } else {
      doc.transact(() => {
        record.set('x', i * 10 + (k % 97))
        record.set('y', k % 89)
      })
    }
  }
  return updates
}

function freshDoc(base: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, base)
  return doc
}

const writer: Writer = {
  id: 'bench',
  role: 'participant',
  authorId: undefined,
  ownerKey: 'link:bench',
  closed: false,
  close: (spec) => {
    throw new Error(`the gate closed the bench writer: ${spec.reason}`)
  },
}

interface Round {
  analysis: number
  judgement: number
  apply: number
  gate: number
  bare: number
}

function round(base: Uint8Array, updates: Uint8Array[]): Round {
  const perUpdate = (ms: number) => (ms * 1000) / updates.length
  // Phases, on one copy of the board: each update analysed, judged, then applied.
  const doc = freshDoc(base)
  const settings = readBoardSettings(doc)
  let analysis = 0
  let judgement = 0
  let apply = 0
  for (const update of updates) {
    let t = performance.now()
    const result = analyzeUpdate(doc, update)
    analysis += performance.now() - t
    if (result.status !== 'ready') throw new Error(`analysis: ${result.status}`)
    t = performance.now()
    const verdict = policy.judge(result.effects, { role: 'participant', authorId: undefined, doc, settings, frozen: false })
    judgement += performance.now() - t
    if (verdict.refusedAny) throw new Error(`refused: ${JSON.stringify(verdict.refusals)}`)
    t = performance.now()
    Y.applyUpdate(doc, update)
    apply += performance.now() - t
  }
  // The whole gate against a bare applyUpdate, each on its own copy.
  const gated = freshDoc(base)
  const gate = new UpdateGate({ doc: gated, policy, log, maxHeldBytesPerConnection: 1 << 30, maxHeldBytesPerBoard: 1 << 30, ownerOnline: () => true })
  let t = performance.now()
  for (const update of updates) if (gate.submit(writer, update) !== 'applied') throw new Error('the gate did not apply an update')
  const gateMs = performance.now() - t
  const bareDoc = freshDoc(base)
  t = performance.now()
  for (const update of updates) Y.applyUpdate(bareDoc, update, writer)
  const bareMs = performance.now() - t
  return { analysis: perUpdate(analysis), judgement: perUpdate(judgement), apply: perUpdate(apply), gate: perUpdate(gateMs), bare: perUpdate(bareMs) }
}


const kinds: Kind[] = ['meta field', 'drag']
// Each kind on its own board and clients: one kind's updates must not depend on the other's.
const loads = new Map(
  kinds.map((kind) => {
    const { base, clients } = makeBoard()
    return [kind, { base, updates: makeUpdates(clients, kind) }]
  }),
)
const rounds = new Map<Kind, Round[]>(kinds.map((kind) => [kind, []]))
for (let r = 0; r <= ROUNDS; r++) {
  for (const kind of kinds) {
    const { base, updates } = loads.get(kind)!
    const result = round(base, updates)
    if (r > 0) rounds.get(kind)!.push(result)
  }
}

const f = (x: number) => x.toFixed(1)
console.log(`bench:policy — ${UPDATES} updates per kind on a board of ${CLIENTS} notes, ${ROUNDS} rounds (medians), node ${process.version}`)
console.log('\nupdate\tanalysis µs\tjudgement µs\tapplyUpdate µs\tgate.submit µs\tbare applyUpdate µs\tgate ÷ bare')
for (const kind of kinds) {
  const of = (key: keyof Round) => median(rounds.get(kind)!.map((r) => r[key]))
  console.log([kind, f(of('analysis')), f(of('judgement')), f(of('apply')), f(of('gate')), f(of('bare')), (of('gate') / of('bare')).toFixed(2)].join('\t'))
}
process.exit(0)
