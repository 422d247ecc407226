import { createUserId, TLPOINTER_ID, type TLInstancePresence, type TLStore } from '@tldraw/tlschema'
import { afterEach, describe, expect, it } from 'vitest'
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import { awarenessStateSchema } from '../../../shared/tldrawYjs/awarenessState.ts'
import { readRecords } from '../../../shared/tldrawYjs/recordsDoc.ts'
import { makeTestStore } from '../../../shared/tldrawYjs/testing.ts'
import { bindStoreToYDoc } from './bindStoreToYDoc.ts'
import { bindPresence, presenceRecordFromAwareness, presenceRecordId, type PresenceBinding } from './presence.ts'

const manual = () => () => {}
const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

const anna = { id: 'anna-1', name: 'Anna', color: '#0072B2', group: 'civil-servant-strategic' } as const
const bo = { id: 'bo-2', name: 'Bo', color: '#E69F00', group: 'citizen-service-user' } as const

/** Relays awareness updates between two Awareness instances, as the server does. */
function relay(a: Awareness, b: Awareness): void {
  const forward = (from: Awareness, to: Awareness) => {
    const handler = ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === 'relay') return
      const changed = [...added, ...updated, ...removed]
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), 'relay')
    }
    from.on('update', handler)
    cleanups.push(() => from.off('update', handler))
  }
  forward(a, b)
  forward(b, a)
}

interface Client {
  store: TLStore
  awareness: Awareness
  presence: PresenceBinding
}

function client(user: typeof anna | typeof bo): Client {
  const store = makeTestStore()
  const awareness = new Awareness(new Y.Doc())
  awareness.setLocalState({})
  const presence = bindPresence({ store, awareness, user, schedule: manual })
  cleanups.push(() => presence.dispose(), () => awareness.destroy())
  return { store, awareness, presence }
}

function presences(store: TLStore): TLInstancePresence[] {
  return store.allRecords().filter((r): r is TLInstancePresence => r.typeName === 'instance_presence')
}

function movePointer(store: TLStore, x: number, y: number): void {
  store.update(TLPOINTER_ID, (p) => ({ ...p, x, y, lastActivityTimestamp: 1000 + x }))
}

describe('bindPresence', () => {
  it('publishes who and where the local user is, in the documented shape', () => {
    const a = client(anna)
    const state = a.awareness.getLocalState()
    expect(awarenessStateSchema.safeParse(state).success).toBe(true)
    expect(state?.user).toEqual(anna)
    expect(state?.presence.currentPageId).toBe('page:page')
    expect(state?.presence.camera).toEqual({ x: 0, y: 0, z: 1 })
  })

  it('shows the other client as a tldraw presence record that follows their cursor', () => {
    const a = client(anna)
    const b = client(bo)
    relay(a.awareness, b.awareness)
    a.presence.setUser(anna) // re-send now that the relay is up
    a.presence.flush()

    const [seen] = presences(b.store)
    expect(seen.id).toBe(presenceRecordId(a.awareness.clientID))
    expect(seen.userId).toBe(createUserId('anna-1'))
    expect(seen.userName).toBe('Anna')
    expect(seen.color).toBe('#0072B2')
    expect(seen.meta).toEqual({ group: 'civil-servant-strategic' })

    movePointer(a.store, 40, 50)
    expect(presences(b.store)[0].cursor).toMatchObject({ x: 0, y: 0 })
    a.presence.flush()
    expect(presences(b.store)[0].cursor).toMatchObject({ x: 40, y: 50 })
    // Nobody sees their own presence record.
    expect(presences(a.store).map((p) => p.userName)).toEqual([])
  })

  it('throttles: many pointer moves in one frame make one awareness update', () => {
    const a = client(anna)
    let updates = 0
    a.awareness.on('update', () => updates++)
    for (let i = 0; i < 10; i++) movePointer(a.store, i, i)
    expect(updates).toBe(0)
    a.presence.flush()
    expect(updates).toBe(1)
    a.presence.flush() // nothing changed: nothing sent
    expect(updates).toBe(1)
  })

  it('removes the record when the other client leaves or disposes', () => {
    const a = client(anna)
    const b = client(bo)
    relay(a.awareness, b.awareness)
    a.presence.setUser(anna)
    a.presence.flush()
    expect(presences(b.store)).toHaveLength(1)

    a.presence.dispose()
    expect(presences(b.store)).toHaveLength(0)
    expect(b.awareness.getStates().get(a.awareness.clientID)?.user).toEqual(anna)

    a.presence.flush()
    removeAwarenessStates(a.awareness, [a.awareness.clientID], 'test')
    expect(b.awareness.getStates().has(a.awareness.clientID)).toBe(false)
  })

  it('removes a presence record when awareness times the client out', () => {
    const b = client(bo)
    const other = new Awareness(new Y.Doc())
    cleanups.push(() => other.destroy())
    other.setLocalState({
      user: anna,
      presence: b.awareness.getLocalState()?.presence,
    })
    applyAwarenessUpdate(b.awareness, encodeAwarenessUpdate(other, [other.clientID]), 'relay')
    expect(presences(b.store)).toHaveLength(1)
    removeAwarenessStates(b.awareness, [other.clientID], 'timeout')
    expect(presences(b.store)).toHaveLength(0)
  })

  it('ignores malformed or foreign awareness states', () => {
    expect(presenceRecordFromAwareness(1, { user: { name: 'x' } })).toBeNull()
    expect(presenceRecordFromAwareness(1, { user: anna })).toBeNull()
    expect(presenceRecordFromAwareness(1, null)).toBeNull()
    const b = client(bo)
    const other = new Awareness(new Y.Doc())
    cleanups.push(() => other.destroy())
    other.setLocalState({ user: anna, presence: { currentPageId: 'page:page', cursor: 'nope' } })
    applyAwarenessUpdate(b.awareness, encodeAwarenessUpdate(other, [other.clientID]), 'relay')
    expect(presences(b.store)).toHaveLength(0)
  })

  it('keeps presence out of the doc and out of undo', () => {
    const a = client(anna)
    const b = client(bo)
    const doc = new Y.Doc()
    const binding = bindStoreToYDoc({ store: b.store, doc, schedule: manual })
    cleanups.push(() => binding.dispose())
    const userChanges: unknown[] = []
    cleanups.push(b.store.listen((e) => userChanges.push(e), { source: 'user', scope: 'presence' }))
    relay(a.awareness, b.awareness)
    a.presence.setUser(anna)
    a.presence.flush()
    binding.flush()
    expect(presences(b.store)).toHaveLength(1)
    expect(readRecords(doc)).toEqual([])
    expect(userChanges).toEqual([])
  })

  it('lets the user change name or group', () => {
    const a = client(anna)
    const b = client(bo)
    relay(a.awareness, b.awareness)
    a.presence.setUser({ ...anna, name: 'Anna K', group: 'researcher' })
    a.presence.flush()
    expect(presences(b.store)[0]).toMatchObject({ userName: 'Anna K', meta: { group: 'researcher' } })
    expect(() => a.presence.setUser({ ...anna, color: 'red' })).toThrow()
  })
})
