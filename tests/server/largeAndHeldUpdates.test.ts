import { describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { sendInChunks } from '../../client/src/sync/chunkedSending.ts'
import { CLOSE } from '../../shared/closeCodes.ts'
import { encodeAwareness, encodeAwarenessUpdate, encodeQueryAwareness } from '../../shared/protocol.ts'
import { getRecordsMap } from '../../shared/tldrawYjs/recordsDoc.ts'
import { addNote, addNotes, noteKeys, noteText } from '../helpers/boardContent.ts'
import { webSocketWithOrigin } from '../helpers/clients.ts'
import { connectRaw, forkDoc, updateOf } from '../helpers/rawClient.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { waitFor, waitForProgress } from '../helpers/wait.ts'

const MiB = 1024 * 1024

/** 3,000 notes of workshop text: about 2.4 MB as one update. */
const offlineNotes = Array.from({ length: 3000 }, (_, i) => ({
  key: `offline-${i}`,
  text: `Note ${i} written on the train: ${'what keeps citizens away — time, place, language, trust. '.repeat(3)}`,
}))

describe('large offline work', () => {
  const t = useTestServer()

  it('2.4 MB of notes written offline reach the server in parts under the frame limit (coboard client)', async () => {
    const board = await t.server.createBoard()
    const observer = await t.connect(board.id, board.tokens.observer)
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`${t.server.wsUrl}/sync`, board.id, doc, {
      params: { k: board.tokens.participant },
      WebSocketPolyfill: webSocketWithOrigin(undefined) as unknown as typeof WebSocket,
      disableBc: true,
    })
    const stopChunking = sendInChunks(provider)
    try {
      await waitFor(() => provider.synced, 5000, 'synced')
      provider.disconnect()
      addNotes(doc, offlineNotes)
      expect(Y.encodeStateAsUpdate(doc).length).toBeGreaterThan(2.2 * MiB)
      const closes: number[] = []
      provider.on('connection-close', (event) => event && closes.push(event.code))
      provider.connect()
      await waitForProgress(() => getRecordsMap(observer.doc).size, getRecordsMap(doc).size, { what: 'offline notes at the observer' })
      expect(noteKeys(observer.doc)).toHaveLength(3000)
      expect(closes).toEqual([])
    } finally {
      stopChunking()
      provider.destroy()
      doc.destroy()
    }
  })

  it('a stock client that sends it as one frame is told the frame is too big (1009)', async () => {
    const board = await t.server.createBoard()
    const writer = await t.connect(board.id, board.tokens.participant)
    writer.provider.disconnect()
    addNotes(writer.doc, offlineNotes)
    writer.provider.connect()
    await waitFor(() => writer.closes.some((c) => c.code === CLOSE.messageTooBig.code), 10_000, '1009')
  })
})

describe('updates held for missing content are capped', () => {
  const t = useTestServer({
    env: { MAX_PENDING_BYTES_PER_CONNECTION: String(256 * 1024), MAX_PENDING_BYTES_PER_BOARD: String(MiB) },
  })

  it('chained updates that can never apply close their sender past the cap; nothing of them is stored', async () => {
    const board = await t.server.createBoard()
    const observer = await t.connect(board.id, board.tokens.observer)
    const attacker = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant)
    const evil = forkDoc(attacker.doc)
    // The first change is never sent: every later one builds on it and waits for it.
    updateOf(evil, () => addNote(evil, 'missing', 'never sent'))
    let sent = 0
    for (let i = 0; i < 40 && !attacker.closedWith(); i++) {
      attacker.sendUpdate(updateOf(evil, () => addNote(evil, `held-${i}`, 'z'.repeat(20_000))))
      sent++
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect((await attacker.closed).code).toBe(CLOSE.unresolvedUpdates.code)
    expect(sent).toBeLessThan(40)
    const writer = await t.connect(board.id, board.tokens.participant)
    addNote(writer.doc, 'marker', 'still writing')
    await waitFor(() => noteText(observer.doc, 'marker'), 5000, 'board still works')
    expect(noteKeys(observer.doc).filter((k) => k.startsWith('held-'))).toEqual([])
  })
})

describe('held updates count towards the board size limit', () => {
  const t = useTestServer({ env: { MAX_BOARD_BYTES: String(300 * 1024), MAX_PENDING_BYTES_PER_CONNECTION: String(4 * MiB) } })

  it('a board cannot be pushed over its limit by updates waiting aside', async () => {
    const board = await t.server.createBoard()
    const attacker = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant)
    const evil = forkDoc(attacker.doc)
    updateOf(evil, () => addNote(evil, 'missing', 'never sent'))
    for (let i = 0; i < 40 && !attacker.closedWith(); i++) {
      attacker.sendUpdate(updateOf(evil, () => addNote(evil, `held-${i}`, 'z'.repeat(20_000))))
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect((await attacker.closed).code).toBe(CLOSE.boardTooLarge.code)
  })
})

describe('updates held for missing content are capped per board, across connections', () => {
  const t = useTestServer({
    env: { MAX_PENDING_BYTES_PER_CONNECTION: String(512 * 1024), MAX_PENDING_BYTES_PER_BOARD: String(MiB) },
  })

  /** Sends 400 KB of updates that wait for a change never sent, and waits until the server handled them. */
  async function holdAside(boardId: string, token: string, name: string) {
    const attacker = await connectRaw(t.server.wsUrl, boardId, token)
    const evil = forkDoc(attacker.doc)
    updateOf(evil, () => addNote(evil, `${name}-missing`, 'never sent'))
    for (let i = 0; i < 20; i++) attacker.sendUpdate(updateOf(evil, () => addNote(evil, `${name}-${i}`, 'z'.repeat(20_000))))
    // A connection's messages are handled in order: the answer to this query comes after them.
    const clientId = 90_000 + name.length
    attacker.send(encodeAwareness(encodeAwarenessUpdate([{ clientId, clock: 1, state: { name } }])))
    attacker.send(encodeQueryAwareness())
    await waitFor(() => attacker.closedWith() ?? attacker.awareness.some((e) => e.clientId === clientId), 5000, `${name} handled`)
    return attacker
  }

  it('each connection under its own cap, the one that passes the board’s cap is closed; the others keep theirs', async () => {
    const board = await t.server.createBoard()
    const observer = await t.connect(board.id, board.tokens.observer)
    const first = await holdAside(board.id, board.tokens.participant, 'a')
    const second = await holdAside(board.id, board.tokens.participant, 'bb')
    expect([first.closedWith(), second.closedWith()]).toEqual([undefined, undefined])
    // 800 KB held: 400 KB more would pass the board's 1 MiB.
    const third = await holdAside(board.id, board.tokens.participant, 'ccc')
    expect(third.closedWith()?.code).toBe(CLOSE.unresolvedUpdates.code)
    expect([first.closedWith(), second.closedWith()]).toEqual([undefined, undefined])
    // What a connection held goes with it, and makes room for someone else's.
    const firstId = 90_000 + 'a'.length
    await waitFor(() => observer.provider.awareness.getStates().has(firstId), 5000, 'the first one present')
    first.close()
    // The server removes a connection's presence when it has left (and dropped what it held).
    await waitFor(() => !observer.provider.awareness.getStates().has(firstId), 5000, 'the first one gone')
    const fourth = await holdAside(board.id, board.tokens.participant, 'dddd')
    expect(fourth.closedWith()).toBeUndefined()
    const writer = await t.connect(board.id, board.tokens.participant)
    addNote(writer.doc, 'marker', 'still writing')
    await waitFor(() => noteText(observer.doc, 'marker'), 5000, 'board still works')
    expect(noteKeys(observer.doc)).toEqual(['marker'])
    second.close()
    fourth.close()
  })
})
