import pino from 'pino'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from '../../shared/protocol.ts'
import type { PresenceOwner } from '../cluster/relayCodec.ts'
import { PresenceRegistry } from './PresenceRegistry.ts'

const log = pino({ level: 'silent' })

function registry() {
  const published: Uint8Array[] = []
  const owners: Array<readonly PresenceOwner[]> = []
  const broadcast: Uint8Array[] = []
  const presence = new PresenceRegistry(new Y.Doc(), {
    log,
    maxStateBytes: 1000,
    maxFrameBytes: 100_000,
    broadcast: (frame) => broadcast.push(frame),
    publish: (update, who) => {
      published.push(update)
      owners.push(who)
    },
  })
  return { presence, published, broadcast, owners }
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
    expect(decodeAwarenessUpdate(presence.localUpdate()!.update).map((e) => e.clientId)).toEqual([1])
    expect(presence.localUpdate()!.owners).toEqual([{ clientId: 1, ownerKey: 'link:a' }])

    presence.removeInstance('i-b')
    expect([...presence.awareness.getStates().keys()]).toEqual([1])
    expect(published).toHaveLength(1)
    presence.destroy()
  })

  it('an id whose owner left on another instance is retired here too: only the same browser takes it back', () => {
    const { presence, published, owners } = registry()
    // Astrid, on instance B, is present, then leaves; B relays the removal with her owner key.
    presence.receiveRemote('i-b', encodeAwarenessUpdate([{ clientId: 4242, clock: 1, state: { name: 'Astrid' } }]), [{ clientId: 4242, ownerKey: 'author:astrid' }])
    presence.receiveRemote('i-b', encodeAwarenessUpdate([{ clientId: 4242, clock: 2, state: null }]), [{ clientId: 4242, ownerKey: 'author:astrid' }])
    expect(presence.awareness.getStates().has(4242)).toBe(false)
    // Mallory, on this instance, announces Astrid's old id: dropped.
    presence.receive({ id: 'm', ownerKey: 'author:mallory', role: 'participant' }, encodeAwarenessUpdate([{ clientId: 4242, clock: 5, state: { name: 'Astrid (not really)' } }]))
    expect(presence.awareness.getStates().has(4242)).toBe(false)
    expect(published).toHaveLength(0)
    // Astrid's browser reconnects here: she gets her id back, and the relay names her as its owner.
    presence.receive({ id: 'a', ownerKey: 'author:astrid', role: 'participant' }, encodeAwarenessUpdate([{ clientId: 4242, clock: 6, state: { name: 'Astrid' } }]))
    expect(presence.awareness.getStates().get(4242)).toEqual({ name: 'Astrid' })
    expect(owners.at(-1)).toEqual([{ clientId: 4242, ownerKey: 'author:astrid' }])
    presence.destroy()
  })

  it('a connection that leaves is relayed with its owner key, so other instances retire its ids', () => {
    const { presence, owners, published } = registry()
    const holder = { id: 'c1', ownerKey: 'author:astrid', role: 'participant' as const }
    presence.receive(holder, encodeAwarenessUpdate([{ clientId: 7, clock: 1, state: { name: 'Astrid' } }]))
    presence.remove(holder)
    expect(decodeAwarenessUpdate(published.at(-1)!)).toEqual([expect.objectContaining({ clientId: 7, state: null })])
    expect(owners.at(-1)).toEqual([{ clientId: 7, ownerKey: 'author:astrid' }])
    presence.destroy()
  })
})
