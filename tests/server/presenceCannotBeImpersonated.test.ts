import { describe, expect, it } from 'vitest'
import { encodeAwareness, encodeAwarenessUpdate, encodeQueryAwareness } from '../../shared/protocol.ts'
import { connectClient, openRaw } from '../helpers/clients.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

describe('presence', () => {
  const t = useTestServer()

  it("nobody can rename or remove another person's cursor", async () => {
    const board = await t.server.createBoard()
    const astrid = await connectClient(t.server.wsUrl, board.id, board.tokens.participant)
    const viewer = await connectClient(t.server.wsUrl, board.id, board.tokens.observer)
    t.clients.push(astrid, viewer)
    astrid.provider.awareness.setLocalStateField('user', { name: 'Astrid', group: 'volunteer-association' })
    const astridId = astrid.doc.clientID
    const nameAtViewer = () => (viewer.provider.awareness.getStates().get(astridId)?.user as { name?: string } | undefined)?.name
    await waitFor(() => nameAtViewer() === 'Astrid', 5000, 'Astrid visible')

    // Mallory, with the same participant link, claims Astrid's client id with a higher clock.
    const mallory = await openRaw(t.server.wsUrl, board.id, board.tokens.participant)
    mallory.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: astridId, clock: 10_000, state: { user: { name: 'Mallory' } } }])))
    mallory.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: astridId, clock: 10_001, state: null }])))
    // Mallory's own presence goes through, which proves her messages were processed.
    mallory.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 999_999, clock: 1, state: { user: { name: 'Mallory' } } }])))
    mallory.send(encodeQueryAwareness())
    await waitFor(() => viewer.provider.awareness.getStates().has(999_999), 5000, "Mallory's own presence")
    expect(nameAtViewer()).toBe('Astrid')

    // When Mallory leaves, her own cursor goes; Astrid's stays.
    mallory.close()
    await waitFor(() => !viewer.provider.awareness.getStates().has(999_999), 5000, 'Mallory removed')
    expect(nameAtViewer()).toBe('Astrid')
  })
})
