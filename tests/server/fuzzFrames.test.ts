import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { encodeAwareness, encodeAwarenessUpdate, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../../shared/protocol.ts'
import { addNote, noteKeys, noteText, updateNote } from '../helpers/boardContent.ts'
import { connectClient, type SyncClient } from '../helpers/clients.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

/** A small seeded PRNG so that a failing run can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 0x1_0000_0000
  }
}

function validFrames(): Uint8Array[] {
  const doc = new Y.Doc()
  addNote(doc, 'fuzz', 'fuzz')
  updateNote(doc, 'fuzz', { x: 1 })
  const update = Y.encodeStateAsUpdate(doc)
  return [
    encodeSyncStep1(Y.encodeStateVector(doc)),
    encodeSyncStep2(update),
    encodeUpdate(update),
    encodeAwareness(encodeAwarenessUpdate([{ clientId: 42, clock: 1, state: { user: { name: 'fuzz' } } }])),
  ]
}

function mutate(frame: Uint8Array, random: () => number): Uint8Array {
  const out = new Uint8Array(frame)
  switch (Math.floor(random() * 4)) {
    case 0: // flip bytes
      for (let i = 0; i < 1 + random() * 4; i++) out[Math.floor(random() * out.length)] = Math.floor(random() * 256)
      return out
    case 1: // truncate
      return out.slice(0, Math.floor(random() * out.length))
    case 2: // extend with junk
      return new Uint8Array([...out, ...Array.from({ length: 1 + Math.floor(random() * 16) }, () => Math.floor(random() * 256))])
    default: // huge varint lengths
      out[Math.min(out.length - 1, 2)] = 0xff
      return out
  }
}

describe('fuzzed frames', () => {
  let server: TestServer
  const clients: SyncClient[] = []
  beforeEach(async () => {
    server = await startTestServer({ env: { MAX_MESSAGES_PER_SECOND: '100000' } })
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
  })

  it('thousands of random and mutated frames close only their own connections', async () => {
    // FUZZ_SEED replays or varies a run; the default keeps CI deterministic.
    const random = prng(Number(process.env.FUZZ_SEED ?? 0xc0b0a7d))
    const victim = await server.createBoard()
    const healthy = await server.createBoard()
    const a = await connectClient(server.wsUrl, healthy.id, healthy.tokens.participant)
    const b = await connectClient(server.wsUrl, healthy.id, healthy.tokens.participant)
    clients.push(a, b)
    const valid = validFrames()
    const FRAMES = 3000
    let sent = 0
    let closedByServer = 0

    const worker = async () => {
      while (sent < FRAMES) {
        const ws = new WebSocket(`${server.wsUrl}/sync/${victim.id}?k=${victim.tokens.participant}`)
        await new Promise<void>((resolve, reject) => {
          ws.once('open', () => resolve())
          ws.once('error', reject)
        })
        const closed = new Promise<void>((resolve) =>
          ws.once('close', (code) => {
            if (code >= 4000 || code === 1009) closedByServer++
            resolve()
          }),
        )
        // A few frames per connection: the server closes it at the first bad one.
        for (let i = 0; i < 5 && ws.readyState === WebSocket.OPEN && sent < FRAMES; i++) {
          const frame =
            random() < 0.3
              ? Uint8Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256))
              : mutate(valid[Math.floor(random() * valid.length)], random)
          ws.send(frame)
          sent++
        }
        ws.close()
        await closed
      }
    }
    // Meanwhile, the healthy board keeps working.
    let edits = 0
    const keepEditing = setInterval(() => addNote(a.doc, `e${edits++}`, String(Date.now())), 5)
    await Promise.all(Array.from({ length: 8 }, worker))
    clearInterval(keepEditing)

    expect(sent).toBeGreaterThanOrEqual(FRAMES)
    expect(closedByServer).toBeGreaterThan(300)
    await waitFor(() => noteKeys(b.doc).length === edits, 5000, 'healthy board caught up')
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)

    // The fuzzed board itself still loads after a restart (no poisoned update was stored).
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    server = await startTestServer({ dataDir: server.dataDir })
    const reader = await connectClient(server.wsUrl, victim.id, victim.tokens.facilitator)
    clients.push(reader)
    expect(reader.doc.getMap('meta').get('template')).toBe('blank')
    const writer = await connectClient(server.wsUrl, victim.id, victim.tokens.participant)
    clients.push(writer)
    addNote(writer.doc, 'after', 'ok')
    await waitFor(() => noteText(reader.doc, 'after') === 'ok', 5000, 'fuzzed board still syncs')
  })
})
