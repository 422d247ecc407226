import { afterEach, describe, expect, it } from 'vitest'
import { CLOSE } from '../../shared/closeCodes.ts'
import { encodeQueryAwareness, encodeUpdate } from '../../shared/protocol.ts'
import * as Y from 'yjs'
import { addNote, noteText } from '../helpers/boardContent.ts'
import { closeOf, connectClient, openRaw, type SyncClient } from '../helpers/clients.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

describe('limits', () => {
  let server: TestServer | undefined
  const clients: SyncClient[] = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server?.close()
    server = undefined
  })

  it('a message over MAX_MESSAGE_BYTES closes that connection with 1009, others go on', async () => {
    server = await startTestServer({ env: { MAX_MESSAGE_BYTES: '2048' } })
    const board = await server.createBoard()
    const bystander = await connectClient(server.wsUrl, board.id, board.tokens.participant)
    clients.push(bystander)
    const ws = await openRaw(server.wsUrl, board.id, board.tokens.participant)
    const doc = new Y.Doc()
    addNote(doc, 'huge', 'x'.repeat(4000))
    ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc)))
    expect((await closeOf(ws)).code).toBe(CLOSE.messageTooBig.code)
    addNote(bystander.doc, 'still', 'working')
    const check = await connectClient(server.wsUrl, board.id, board.tokens.participant)
    clients.push(check)
    await waitFor(() => noteText(check.doc, 'still') === 'working', 5000, 'room still works')
    expect(noteText(check.doc, 'huge')).toBeUndefined()
  })

  it('a flood of messages is closed with 4529 "slow down"', async () => {
    server = await startTestServer({ env: { MAX_MESSAGES_PER_SECOND: '20' } })
    const board = await server.createBoard()
    const ws = await openRaw(server.wsUrl, board.id, board.tokens.participant)
    const closed = closeOf(ws)
    for (let i = 0; i < 500 && ws.readyState === ws.OPEN; i++) ws.send(encodeQueryAwareness())
    expect(await closed).toEqual({ code: CLOSE.slowDown.code, reason: CLOSE.slowDown.reason })
  })

  it('connections beyond MAX_CONNECTIONS_PER_BOARD get 4503 "board full"; other boards are unaffected', async () => {
    server = await startTestServer({ env: { MAX_CONNECTIONS_PER_BOARD: '2' } })
    const board = await server.createBoard()
    clients.push(
      await connectClient(server.wsUrl, board.id, board.tokens.participant),
      await connectClient(server.wsUrl, board.id, board.tokens.participant),
    )
    const third = await openRaw(server.wsUrl, board.id, board.tokens.participant)
    expect(await closeOf(third)).toEqual({ code: CLOSE.boardFull.code, reason: CLOSE.boardFull.reason })
    const other = await server.createBoard()
    const elsewhere = await connectClient(server.wsUrl, other.id, other.tokens.participant)
    clients.push(elsewhere)
    expect(elsewhere.provider.synced).toBe(true)
  })

  it('an update that would push the board over MAX_BOARD_BYTES is refused with 4413 and nothing stored is lost', async () => {
    server = await startTestServer({ env: { MAX_BOARD_BYTES: '8192', MAX_MESSAGE_BYTES: '65536' } })
    const board = await server.createBoard()
    const writer = await connectClient(server.wsUrl, board.id, board.tokens.participant)
    clients.push(writer)
    addNote(writer.doc, 'kept', 'Ground rules: everyone speaks once before anyone speaks twice')
    const witness = await connectClient(server.wsUrl, board.id, board.tokens.observer)
    clients.push(witness)
    await waitFor(() => noteText(witness.doc, 'kept'), 5000, 'first note relayed')

    addNote(writer.doc, 'essay', 'y'.repeat(20_000))
    await waitFor(() => writer.closes.some((c) => c.code === CLOSE.boardTooLarge.code), 5000, 'writer closed with 4413')
    for (const client of clients.splice(0)) client.destroy()

    await server.close()
    server = await startTestServer({ dataDir: server.dataDir, env: { MAX_BOARD_BYTES: '8192' } })
    const reader = await connectClient(server.wsUrl, board.id, board.tokens.observer)
    clients.push(reader)
    expect(noteText(reader.doc, 'kept')).toMatch(/Ground rules/)
    expect(noteText(reader.doc, 'essay')).toBeUndefined()
  })
})
