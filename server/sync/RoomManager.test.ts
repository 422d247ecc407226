import { createTLSchema } from '@tldraw/tlschema'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../shared/closeCodes.ts'
import { decodeMessage, encodeSyncStep1, encodeUpdate } from '../../shared/protocol.ts'
import { readRecords, writeRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import { makeNote } from '../../shared/tldrawYjs/testing.ts'
import { tempDataDir } from '../../tests/helpers/testServer.ts'
import { waitFor } from '../../tests/helpers/wait.ts'
import { Connection } from './Connection.ts'
import { RoomManager } from './RoomManager.ts'
import type { SocketLike } from './SocketLike.ts'
import { SqliteDocStore } from '../store/SqliteDocStore.ts'
import type { DocStore } from '../store/DocStore.ts'

const log = pino({ level: 'silent' })

/** A socket that records what the room sends. */
class RecordingSocket implements SocketLike {
  readyState = 1
  bufferedAmount = 0
  sent: Uint8Array[] = []
  closedWith: number | undefined
  send(data: Uint8Array) {
    this.sent.push(data)
  }
  close(code: number) {
    this.closedWith = code
    this.readyState = 3
  }
}

/** The real SQLite store, with appends held until the test releases them. */
class GatedStore extends SqliteDocStore {
  held: Array<() => void> = []
  gate = false
  loads = 0
  override async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    if (this.gate) await new Promise<void>((resolve) => this.held.push(resolve))
    return super.appendUpdate(boardId, update)
  }
  override async loadDoc(boardId: string) {
    this.loads++
    await new Promise((resolve) => setTimeout(resolve, 20))
    return super.loadDoc(boardId)
  }
}

async function newBoard(store: DocStore, id: string) {
  await store.createBoard(
    { id, title: 't', template: 'blank', locale: 'en', createdAt: 0 },
    { facilitator: 'f', participant: 'p', observer: 'o' },
    Y.encodeStateAsUpdateV2(new Y.Doc()),
  )
}

function connect(boardId: string, role: 'participant' | 'observer' = 'participant') {
  const socket = new RecordingSocket()
  const connection = new Connection(socket, {
    id: Math.random().toString(36).slice(2),
    boardId,
    role,
    tokenHash: 'p',
    maxMessagesPerSecond: 1000,
    maxBufferedBytes: 1 << 24,
    log,
  })
  return { socket, connection }
}

/** A frame that adds one note, as a participant's client would send it. */
function updateFrame(key: string): Uint8Array {
  const doc = new Y.Doc()
  writeRecords(doc, [makeNote(key)])
  return encodeUpdate(Y.encodeStateAsUpdate(doc))
}

/**
 * Runs the event loop until everything that does not wait for I/O has run (timers aside): the
 * room's group commit and message handling use microtasks and setImmediate only.
 */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve))
}

const noteIds = (doc: Y.Doc) => readRecords(doc).map((r) => r.id)

describe('RoomManager and Room', () => {
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })

  function setup(roomIdleMs = 60_000) {
    const store = new GatedStore({ dataDir: tempDataDir(), synchronous: 'normal' })
    const rooms = new RoomManager({
      store,
      log,
      schema: createTLSchema(),
      limits: {
        maxBoardBytes: 1 << 24,
        maxConnections: 10,
        maxMessageBytes: 1 << 21,
        maxPresenceBytes: 1 << 16,
        maxRecordBytes: 1 << 20,
        maxPendingBytesPerConnection: 1 << 23,
        maxPendingBytesPerBoard: 1 << 25,
      },
      compactAfterUpdates: 5,
      roomIdleMs,
    })
    cleanups.push(async () => {
      store.gate = false
      for (const release of store.held.splice(0)) release()
      await rooms.stop()
      await store.close()
    })
    return { store, rooms }
  }

  it('loads a cold board once however many connections arrive together', async () => {
    const { store, rooms } = setup()
    await newBoard(store, 'board-aaaa')
    const results = await Promise.all(Array.from({ length: 10 }, () => rooms.acquire('board-aaaa')))
    expect(new Set(results).size).toBe(1)
    expect(store.loads).toBe(1)
  })

  it('relays an update only after the store has it, and answers sync requests only with stored state', async () => {
    const { store, rooms } = setup()
    await newBoard(store, 'board-bbbb')
    const room = await rooms.acquire('board-bbbb')
    const writer = connect('board-bbbb')
    const reader = connect('board-bbbb')
    room.join(writer.connection)
    room.join(reader.connection)
    const before = reader.socket.sent.length

    store.gate = true
    writer.connection.receive(updateFrame('held'))
    await waitFor(() => store.held.length === 1, 2000, 'append started')
    // A newcomer asking for the whole document must wait for the held write, too.
    const late = connect('board-bbbb')
    room.join(late.connection)
    late.connection.receive(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    // Let everything run that can run without the held write: then nothing may have gone out.
    await settle()
    expect(reader.socket.sent.length).toBe(before)
    expect(late.socket.sent.some((frame) => decodeMessage(frame).type === 'sync-step2')).toBe(false)

    store.gate = false
    store.held.splice(0).forEach((release) => release())
    await waitFor(() => reader.socket.sent.length > before, 2000, 'relayed after store')
    await waitFor(() => late.socket.sent.some((frame) => decodeMessage(frame).type === 'sync-step2'), 2000, 'late reply')
    const stored = await store.loadDoc('board-bbbb')
    const doc = new Y.Doc()
    Y.applyUpdateV2(doc, stored.snapshot!)
    for (const u of stored.updates) Y.applyUpdate(doc, u)
    expect(noteIds(doc)).toContain('shape:held')
  })

  it('compacts the update log into a snapshot without losing anything', async () => {
    const { store, rooms } = setup()
    await newBoard(store, 'board-cccc')
    const room = await rooms.acquire('board-cccc')
    const writer = connect('board-cccc')
    room.join(writer.connection)
    for (let i = 0; i < 40; i++) {
      writer.connection.receive(updateFrame(`k${i}`))
      await new Promise((resolve) => setImmediate(resolve))
    }
    await room.whenPersisted()
    const stored = await store.loadDoc('board-cccc')
    expect(stored.updates.length).toBeLessThan(10)
    const doc = new Y.Doc()
    Y.applyUpdateV2(doc, stored.snapshot!)
    for (const u of stored.updates) Y.applyUpdate(doc, u)
    expect(noteIds(doc)).toHaveLength(40)
  })

  it('unloads an idle board once everything is stored, and loads it again on demand', async () => {
    const { store, rooms } = setup(30)
    await newBoard(store, 'board-dddd')
    const room = await rooms.acquire('board-dddd')
    const writer = connect('board-dddd')
    room.join(writer.connection)
    writer.connection.receive(updateFrame('before-unload'))
    await room.whenPersisted()
    writer.connection.close(CLOSE.normal)
    await waitFor(() => rooms.size === 0, 2000, 'room unloaded')
    const again = await rooms.acquire('board-dddd')
    expect(again).not.toBe(room)
    expect(noteIds(again.doc)).toContain('shape:before-unload')
    expect(store.loads).toBe(2)
  })
})
