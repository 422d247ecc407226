import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { addNote, noteKeys, notesWithPrefix } from '../helpers/boardContent.ts'
import { createBoardOverHttp } from '../helpers/childServer.ts'
import { connectClient } from '../helpers/clients.ts'
import * as Y from 'yjs'
import { PostgresDocStore } from '../../server/store/postgres/PostgresDocStore.ts'
import { TEST_DATABASE_URL } from '../helpers/postgres.ts'
import { startTcpProxy } from '../helpers/tcpProxy.ts'
import { tokenOf } from '../helpers/testServer.ts'
import { waitFor, waitForProgress } from '../helpers/wait.ts'
import { useCluster } from './cluster.ts'

/** Writes a note per writer per round until `stop()`; resolves with the number of rounds. */
function burst(writers: Array<{ doc: import('yjs').Doc }>, prefix = 'w') {
  let rounds = 0
  let stopped = false
  const done = (async () => {
    while (!stopped) {
      for (const [w, writer] of writers.entries()) addNote(writer.doc, `${prefix}${w}-${rounds}`, String(rounds))
      rounds++
      await new Promise((resolve) => setTimeout(resolve, rounds % 20 === 0 ? 5 : 0))
    }
    return rounds
  })()
  return { stop: () => ((stopped = true), done) }
}

describe('nothing is lost when an instance or the relay fails', () => {
  const cluster = useCluster()

  // With PG_SYNCHRONOUS_COMMIT=off too: a killed coboard process never held the only copy.
  it.each([
    { commit: 'on (default)', env: {} as Record<string, string> },
    { commit: 'off', env: { PG_SYNCHRONOUS_COMMIT: 'off' } },
  ])('kill -9 of an instance mid-burst, synchronous_commit $commit: every update any client had received is stored, and its presence goes', async ({ env }) => {
    const [a, b, c] = await cluster.start(3, env)
    const board = await createBoardOverHttp(a.url)
    const writers = await Promise.all([0, 1].map(() => connectClient(a.wsUrl, board.id, tokenOf(board.links.participant))))
    const witness = await connectClient(b.wsUrl, board.id, tokenOf(board.links.observer))
    cluster.clients.push(...writers, witness)
    writers[0].provider.awareness.setLocalStateField('user', { name: 'on A' })
    await waitFor(() => witness.provider.awareness.getStates().has(writers[0].doc.clientID), 5000, 'presence of A on B')

    const writing = burst(writers)
    await waitForProgress(() => notesWithPrefix(witness.doc, 'w'), 600, { what: 'burst relayed to B' })
    a.process.kill('SIGKILL')
    await a.exited
    const written = await writing.stop()
    const received = noteKeys(witness.doc)
    // The dead instance's people leave B's presence once its heartbeats stop (expiry 1.5 s here).
    await waitFor(() => !witness.provider.awareness.getStates().has(writers[0].doc.clientID), 8000, 'presence of the dead instance removed')
    for (const writer of writers) writer.destroy()

    const reader = await connectClient(c.wsUrl, board.id, tokenOf(board.links.observer))
    cluster.clients.push(reader)
    const stored = new Set(noteKeys(reader.doc))
    expect(received.filter((key) => !stored.has(key))).toEqual([])
    expect(received.length).toBeGreaterThanOrEqual(600)
    expect(2 * written).toBeGreaterThan(received.length)
  })

  it('Redis pub/sub cut mid-session: instances read the missed updates back from PostgreSQL, 0 lost', async () => {
    const [a, b] = await cluster.start(2, { CATCH_UP_CHECK_MS: '60000' })
    const board = await createBoardOverHttp(a.url)
    const writer = await connectClient(a.wsUrl, board.id, tokenOf(board.links.participant))
    const witness = await connectClient(b.wsUrl, board.id, tokenOf(board.links.observer))
    cluster.clients.push(writer, witness)
    const writing = burst([writer])
    await waitForProgress(() => notesWithPrefix(witness.doc, 'w'), 200, { what: 'burst relayed to B' })
    expect(await cluster.cutPubSub()).toBeGreaterThanOrEqual(2)
    await waitForProgress(() => notesWithPrefix(witness.doc, 'w'), notesWithPrefix(witness.doc, 'w') + 200, { what: 'relay back' })
    await cluster.cutPubSub()
    const rounds = await writing.stop()
    // With the periodic check off (60 s), only gap detection and the reconnect catch-up can help.
    await waitFor(() => noteKeys(witness.doc).length === rounds, 10_000, `witness has all ${rounds} notes`)
    expect(b.output()).toMatch(/caught up from the store|redis relay reconnected/)
  })

  it('concurrent compaction on two instances keeps every update', async () => {
    const [a, b] = await cluster.start(2, { COMPACT_AFTER_UPDATES: '5' })
    const board = await createBoardOverHttp(a.url)
    const onA = await connectClient(a.wsUrl, board.id, tokenOf(board.links.participant))
    const onB = await connectClient(b.wsUrl, board.id, tokenOf(board.links.participant))
    cluster.clients.push(onA, onB)
    const writing = burst([onA, onB])
    await waitForProgress(() => Math.min(notesWithPrefix(onA.doc, 'w'), notesWithPrefix(onB.doc, 'w')), 400, { what: 'both writing' })
    const rounds = await writing.stop()
    await waitFor(() => noteKeys(onA.doc).length === 2 * rounds && noteKeys(onB.doc).length === 2 * rounds, 15_000, 'converged')
    const db = new pg.Client({ connectionString: TEST_DATABASE_URL })
    await db.connect()
    try {
      const { rows } = await db.query(`SELECT s.seq AS snapshot_seq, b.last_seq FROM ${cluster.namespace.schema}.board_snapshots s JOIN ${cluster.namespace.schema}.boards b ON b.id = s.board_id WHERE b.id = $1`, [board.id])
      // Compaction did run (often: every 5 appends on either instance), and the log is short.
      expect(Number(rows[0].snapshot_seq)).toBeGreaterThan(0)
      expect(Number(rows[0].last_seq)).toBeGreaterThan(20)
    } finally {
      await db.end()
    }
    const [c] = await cluster.start(1)
    const reader = await connectClient(c.wsUrl, board.id, tokenOf(board.links.observer))
    cluster.clients.push(reader)
    expect(noteKeys(reader.doc).length).toBe(2 * rounds)
  })

  it('relayed updates lost while people write on both instances, then compaction: every note is on every instance and in the store', async () => {
    const [a, b] = await cluster.startInProcess(2, { COMPACT_AFTER_UPDATES: '5' })
    const board = await a.createBoard()
    const onA = await connectClient(a.wsUrl, board.id, board.tokens.participant)
    const onB = await connectClient(b.wsUrl, board.id, board.tokens.participant)
    cluster.clients.push(onA, onB)
    // Each instance loses every third update relayed to it (a later update of the same writer
    // builds on the lost one), while its own client keeps writing.
    for (const instance of [a, b]) instance.relay.drop = (message) => message.kind === 'update' && message.seq % 3 === 0
    const writing = burst([onA, onB])
    await waitForProgress(() => Math.min(a.relay.dropped, b.relay.dropped), 60, { what: 'relayed updates lost on both instances' })
    const rounds = await writing.stop()
    for (const instance of [a, b]) instance.relay.drop = () => false
    const expected = [0, 1].flatMap((w) => Array.from({ length: rounds }, (_, round) => `w${w}-${round}`)).sort()
    const missing = (keys: string[]) => {
      const have = new Set(keys)
      return expected.filter((key) => !have.has(key))
    }
    // Bounded by progress: the writers converge as the instances read the gaps back.
    await waitForProgress(() => Math.min(noteKeys(onA.doc).length, noteKeys(onB.doc).length), expected.length, { stallMs: 10_000, what: 'writers converge' }).catch(() => {})
    const readers = await Promise.all([a, b].map((instance) => connectClient(instance.wsUrl, board.id, board.tokens.observer)))
    cluster.clients.push(...readers)
    const store = new PostgresDocStore({ url: TEST_DATABASE_URL, schema: cluster.namespace.schema })
    try {
      const stored = await store.loadDoc(board.id)
      const doc = new Y.Doc()
      if (stored.snapshot) Y.applyUpdateV2(doc, stored.snapshot)
      for (const update of stored.updates) Y.applyUpdate(doc, update)
      expect({
        writerOnA: missing(noteKeys(onA.doc)),
        writerOnB: missing(noteKeys(onB.doc)),
        readerOnA: missing(noteKeys(readers[0].doc)),
        readerOnB: missing(noteKeys(readers[1].doc)),
        store: missing(noteKeys(doc)),
      }).toEqual({ writerOnA: [], writerOnB: [], readerOnA: [], readerOnB: [], store: [] })
      // Compaction did replace rows (every 5 appends on either instance).
      expect(stored.updates.length).toBeLessThan(stored.lastSeq / 2)
    } finally {
      await store.close()
    }
  })

  it('kill -9 of an instance: its clients reconnect (through the load balancer) to another and keep writing, 0 lost', async () => {
    const [a, b] = await cluster.start(2)
    // The load balancer: every client connects to it; it sends them to A until A dies.
    const balancer = await startTcpProxy({ host: '127.0.0.1', port: a.port })
    try {
      const board = await createBoardOverHttp(a.url)
      const viaBalancer = `ws://127.0.0.1:${balancer.port}`
      const writers = await Promise.all([0, 1].map(() => connectClient(viaBalancer, board.id, tokenOf(board.links.participant))))
      const witness = await connectClient(b.wsUrl, board.id, tokenOf(board.links.observer))
      cluster.clients.push(...writers, witness)
      const before = burst(writers, 'w')
      await waitForProgress(() => notesWithPrefix(witness.doc, 'w'), 300, { what: 'burst relayed to B' })
      balancer.retarget({ host: '127.0.0.1', port: b.port })
      a.process.kill('SIGKILL')
      await a.exited
      const roundsBefore = await before.stop()
      // The stock y-websocket clients reconnect by themselves, now to B, and send what B lacks.
      await waitFor(() => writers.every((writer) => writer.provider.synced && writer.provider.wsconnected), 15_000, 'writers reconnected to B')
      const after = burst(writers, 'x')
      await waitForProgress(() => notesWithPrefix(witness.doc, 'x'), 200, { what: 'writing after the failover reaches B' })
      const roundsAfter = await after.stop()
      const expected = ['w', 'x'].flatMap((prefix, i) => [0, 1].flatMap((w) => Array.from({ length: i === 0 ? roundsBefore : roundsAfter }, (_, r) => `${prefix}${w}-${r}`)))
      await waitForProgress(() => noteKeys(witness.doc).length, expected.length, { stallMs: 10_000, what: 'every note on B' }).catch(() => {})
      const reader = await connectClient(b.wsUrl, board.id, tokenOf(board.links.observer))
      cluster.clients.push(reader)
      const stored = new Set(noteKeys(reader.doc))
      console.info(`kill -9 with failover (cluster): ${expected.filter((key) => !stored.has(key)).length} of ${expected.length} notes written missing`)
      expect(expected.filter((key) => !stored.has(key))).toEqual([])
      expect(writers.flatMap((writer) => writer.closes.filter((c) => c.code >= 4400 && c.code < 4500))).toEqual([])
    } finally {
      await balancer.close()
    }
  })
})
