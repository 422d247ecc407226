import { createTLSchema } from '@tldraw/tlschema'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeUpdate } from '../../shared/protocol.ts'
import { dropSchema, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueTestNamespace } from '../../tests/helpers/postgres.ts'
import { waitFor } from '../../tests/helpers/wait.ts'
import { type BoardChannel, LocalRelay, type Relay, type RelayMessage } from '../cluster/Relay.ts'
import { Redis } from 'ioredis'
import { RedisRelay } from '../cluster/RedisRelay.ts'
import { PostgresDocStore } from '../store/postgres/PostgresDocStore.ts'
import { Connection } from './Connection.ts'
import { Room } from './Room.ts'
import type { SocketLike } from './SocketLike.ts'

const log = pino({ level: 'silent' })

/** An update another instance committed as `seq`, as it arrives on the relay. */
const relayed = (seq: number, update: Uint8Array): RelayMessage => ({ kind: 'update', seq, update, writers: [{ ownerKey: 'author:other', clients: [] }] })

/** The relay of a cluster whose messages the test delivers by hand (some of them, in any order). */
class HandRelay extends LocalRelay {
  override readonly shared = true
  deliver: (from: string, message: RelayMessage) => void = () => {}
  published: RelayMessage[] = []
  override join(_boardId: string, onMessage: (from: string, message: RelayMessage) => void): BoardChannel {
    this.deliver = onMessage
    return { ready: Promise.resolve(), publish: (message) => this.published.push(message), leave: () => {} }
  }
}

/** The updates a client holding a copy of the room's doc sends for `change` (one per transaction). */
function changesOnCopy(room: Room, change: (doc: Y.Doc) => void): Uint8Array[] {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc))
  const updates: Uint8Array[] = []
  copy.on('update', (update: Uint8Array) => updates.push(update))
  change(copy)
  return updates
}

/** Another instance's client changes the title a few times (each update builds on the last); it commits them as seq 1, 2, … */
async function otherInstanceRetitles(store: PostgresDocStore, room: Room, titles: string[]): Promise<Uint8Array[]> {
  const updates = changesOnCopy(room, (doc) => {
    for (const title of titles) doc.getMap('meta').set('title', title)
  })
  for (const update of updates) await store.appendUpdate('b', update)
  return updates
}

/** A facilitator connected to this instance turns a board rule on; the room applies and stores it. */
function facilitatorHereChangesASetting(room: Room): void {
  const facilitator = new Connection(new SilentSocket(), { id: 'c1', boardId: 'b', role: 'facilitator', tokenHash: 'f', maxMessagesPerSecond: 1000, maxBufferedBytes: 1 << 24, log })
  room.join(facilitator)
  const [update] = changesOnCopy(room, (doc) => doc.getMap('settings').set('deleteOwnNotesOnly', true))
  facilitator.receive(encodeUpdate(update))
}

class SilentSocket implements SocketLike {
  readyState = 1
  bufferedAmount = 0
  send(): void {}
  close(): void {
    this.readyState = 3
  }
}

const LIMITS = {
  maxBoardBytes: 1 << 26,
  maxConnections: 10,
  maxMessageBytes: 1 << 21,
  maxPresenceBytes: 65536,
  maxRecordBytes: 1 << 20,
  maxPendingBytesPerConnection: 1 << 23,
  maxPendingBytesPerBoard: 1 << 25,
}

/** What the store holds for a board, as a fresh instance would load it. */
async function storedDoc(store: PostgresDocStore, boardId: string): Promise<Y.Doc> {
  const stored = await store.loadDoc(boardId)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdateV2(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc
}

describe('a room kept in step with other instances', () => {
  const cleanup: Array<() => Promise<void> | void> = []
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
  })

  async function setUp(options: { relay?: Relay; log?: pino.Logger } = {}) {
    const { schema } = uniqueTestNamespace()
    const store = new PostgresDocStore({ url: TEST_DATABASE_URL, schema })
    cleanup.push(() => dropSchema(schema), () => store.close())
    const base = new Y.Doc()
    base.getMap('meta').set('title', 'Board')
    await store.createBoard({ id: 'b', title: 'Board', template: 'blank', locale: 'en', createdAt: 0 }, { facilitator: 'f', participant: 'p', observer: 'o' }, Y.encodeStateAsUpdateV2(base))
    const relay = options.relay ?? new HandRelay()
    const room = await Room.load({
      boardId: 'b',
      store,
      log: options.log ?? log,
      schema: createTLSchema(),
      limits: LIMITS,
      compactAfterUpdates: 1000,
      relay,
      // Long enough that the test, not the gap timer, decides when the store is read.
      gapWaitMs: 60_000,
      onEmpty() {},
      onBroken() {},
    })
    cleanup.push(() => room.destroy())
    return { store, relay: relay as HandRelay, room }
  }

  it('never loses a relayed update that arrived after a lost one, even when a local client writes and the room compacts', async () => {
    const { store, relay, room } = await setUp()
    const updates = await otherInstanceRetitles(store, room, ['one', 'two', 'three'])
    // Redis lost seq 2: this instance hears of 1 and 3 only.
    relay.deliver('other', relayed(1, updates[0]))
    relay.deliver('other', relayed(3, updates[2]))
    // Before the gap is read back, a facilitator on this instance changes a setting.
    facilitatorHereChangesASetting(room)
    await waitFor(() => room.doc.getMap('settings').get('deleteOwnNotesOnly') === true, 5000, 'the facilitator’s change applied')
    await room.catchUp()
    await room.whenPersisted()
    expect(room.doc.getMap('meta').get('title')).toBe('three')
    await room.compactIfNeeded()
    const stored = await storedDoc(store, 'b')
    expect(stored.getMap('meta').get('title')).toBe('three')
    expect(stored.getMap('settings').get('deleteOwnNotesOnly')).toBe(true)
  })

  it('applies relayed updates in sequence order: one that arrives early waits for those before it', async () => {
    const { store, relay, room } = await setUp()
    const updates = await otherInstanceRetitles(store, room, ['one', 'two'])
    relay.deliver('other', relayed(2, updates[1]))
    // Yjs is never left holding a relayed update aside: it waits in the replica until seq 1.
    expect(room.doc.store.pendingStructs).toBeNull()
    expect(room.doc.getMap('meta').get('title')).toBe('Board')
    relay.deliver('other', relayed(1, updates[0]))
    expect(room.doc.getMap('meta').get('title')).toBe('two')
    expect(room.doc.store.pendingStructs).toBeNull()
  })

  it('an update that waited for this instance’s own commit is applied as soon as that commit lands, not after the gap wait', async () => {
    const { store, relay, room } = await setUp()
    const otherUpdates = changesOnCopy(room, (doc) => doc.getMap('meta').set('title', 'from the other instance'))
    // A facilitator here writes; the store numbers that seq 1. The other instance's update is
    // seq 2, and its relay message arrives before this instance's own commit has come back.
    facilitatorHereChangesASetting(room)
    relay.deliver('other', relayed(2, otherUpdates[0]))
    await waitFor(() => room.doc.getMap('settings').get('deleteOwnNotesOnly') === true, 5000, 'the facilitator’s change applied')
    await room.whenPersisted()
    await store.appendUpdate('b', otherUpdates[0])
    // The gap wait here is a minute: only the own commit can have let seq 2 in.
    await waitFor(() => room.doc.getMap('meta').get('title') === 'from the other instance', 2000, 'seq 2 applied after the own seq 1')
    expect(room.doc.store.pendingStructs).toBeNull()
  })

  it('a relay channel Redis refuses to subscribe to is logged, never an unhandled rejection', async () => {
    const lines: string[] = []
    const captured = pino({ level: 'error' }, { write: (line: string) => lines.push(line) })
    // A Redis user that may use the instances channel but no board channel (an ACL error reply).
    const { redisPrefix } = uniqueTestNamespace()
    const user = `${redisPrefix}user`.replace(/:/g, '-')
    const admin = new Redis(TEST_REDIS_URL)
    cleanup.push(async () => {
      await admin.call('ACL', 'DELUSER', user)
      admin.disconnect()
    })
    await admin.call('ACL', 'SETUSER', user, 'on', 'nopass', '~*', '+@all', 'resetchannels', `&${redisPrefix}instances`)
    const url = new URL(TEST_REDIS_URL)
    url.username = user
    url.password = 'unused'
    const relay = new RedisRelay({ url: url.toString(), prefix: redisPrefix, log: captured, heartbeatMs: 1000, instanceExpiryMs: 5000 })
    cleanup.push(() => relay.close())
    await setUp({ relay, log: captured })
    await waitFor(() => lines.some((line) => line.includes('could not subscribe to the board’s relay channel')), 5000, 'the failed subscription logged')
  })
})
