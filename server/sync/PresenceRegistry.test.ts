import pino from 'pino'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from '../../shared/protocol.ts'
import { PresenceRegistry } from './PresenceRegistry.ts'

const log = pino({ level: 'silent' })

function registry() {
  const published: Uint8Array[] = []
  const broadcast: Uint8Array[] = []
  const presence = new PresenceRegistry(new Y.Doc(), {
    log,
    maxStateBytes: 1000,
    maxFrameBytes: 100_000,
    broadcast: (frame) => broadcast.push(frame),
    publish: (update) => published.push(update),
  })
  return { presence, published, broadcast }
}

describe('PresenceRegistry across instances', () => {
  it('publishes its own connections’ presence, shows relayed presence without relaying it on, and drops it with its instance', () => {
    const { presence, published, broadcast } = registry()
    const holder = { id: 'c1', ownerKey: 'link:a', role: 'participant' as const }
    presence.receive(holder, encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: { name: 'local' } }]))
    expect(published.map((u) => decodeAwarenessUpdate(u)[0].clientId)).toEqual([1])

    presence.receiveRemote('i-b', encodeAwarenessUpdate([{ clientId: 2, clock: 1, state: { name: 'remote' } }]))
    expect(presence.size).toBe(2)
    expect(published).toHaveLength(1)
    expect(broadcast.length).toBeGreaterThanOrEqual(2)
    // A relayed id cannot be taken over by a local connection, nor a local one by a relay.
    presence.receive({ id: 'c2', ownerKey: 'link:x', role: 'participant' }, encodeAwarenessUpdate([{ clientId: 2, clock: 5, state: { name: 'impostor' } }]))
    presence.receiveRemote('i-c', encodeAwarenessUpdate([{ clientId: 1, clock: 9, state: { name: 'impostor' } }]))
    expect(presence.awareness.getStates().get(2)).toEqual({ name: 'remote' })
    expect(presence.awareness.getStates().get(1)).toEqual({ name: 'local' })
    // A newcomer instance asks: only this instance's own connections are announced.
    expect(decodeAwarenessUpdate(presence.localUpdate()!).map((e) => e.clientId)).toEqual([1])

    presence.removeInstance('i-b')
    expect([...presence.awareness.getStates().keys()]).toEqual([1])
    expect(published).toHaveLength(1)
    presence.destroy()
  })
})
