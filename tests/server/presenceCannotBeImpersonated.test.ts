import { describe, expect, it } from 'vitest'
import { encodeAwareness, encodeAwarenessUpdate, encodeQueryAwareness } from '../../shared/protocol.ts'
import { CLOSE } from '../../shared/closeCodes.ts'
import { connectClient, openRaw } from '../helpers/clients.ts'
import { connectRaw } from '../helpers/rawClient.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { tallyReady } from '../../client/src/session/readyCheck.ts'
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

  it('the presence id of someone who left cannot be taken by someone else, only by the same browser', async () => {
    const board = await t.server.createBoard()
    const viewer = await t.connect(board.id, board.tokens.observer)
    const astridSecret = 'astrid-secret-0123456789'
    const astridLeft = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant, `&a=${astridSecret}`)
    astridLeft.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 4242, clock: 1, state: { user: { name: 'Astrid' } } }])))
    await waitFor(() => viewer.provider.awareness.getStates().has(4242), 5000, 'Astrid present')
    astridLeft.close()
    await waitFor(() => !viewer.provider.awareness.getStates().has(4242), 5000, 'Astrid gone')

    // Mallory takes Astrid's old id as soon as she has left.
    const mallory = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant, '&a=mallory-secret-0123456789')
    mallory.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 4242, clock: 5, state: { user: { name: 'Astrid (not really)' } } }])))
    mallory.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 777, clock: 1, state: { user: { name: 'Mallory' } } }])))
    await waitFor(() => viewer.provider.awareness.getStates().has(777), 5000, 'Mallory processed')
    expect(viewer.provider.awareness.getStates().has(4242)).toBe(false)

    // Astrid's browser comes back (same author secret) and gets her presence back.
    const astridBack = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant, `&a=${astridSecret}`)
    astridBack.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 4242, clock: 6, state: { user: { name: 'Astrid' } } }])))
    await waitFor(() => (viewer.provider.awareness.getStates().get(4242)?.user as { name?: string } | undefined)?.name === 'Astrid', 5000, 'Astrid back')
    mallory.close()
    astridBack.close()
  })
  it('a connection’s presence shows its link’s role and counts as one person, whatever it claims', async () => {
    const board = await t.server.createBoard()
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    const user = (id: string, role: string) => ({ id, name: 'Mallory', color: '#123456', group: 'citizen-service-user', role })
    const done = { checkId: 'c1', done: true }
    // A participant link claims the facilitator's role, and three people answering the ready check.
    const mallory = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant)
    mallory.send(
      encodeAwareness(
        encodeAwarenessUpdate([
          { clientId: 301, clock: 1, state: { user: user('m1', 'facilitator'), ready: done } },
          { clientId: 302, clock: 1, state: { user: user('m2', 'participant'), ready: done } },
          { clientId: 303, clock: 1, state: { user: user('m3', 'participant'), ready: done } },
        ]),
      ),
    )
    // An observer link claims to be a participant who is done.
    const watcher = await connectRaw(t.server.wsUrl, board.id, board.tokens.observer)
    watcher.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 401, clock: 1, state: { user: user('o1', 'participant'), ready: done } }])))
    const states = facilitator.provider.awareness.getStates()
    await waitFor(() => [301, 302, 303, 401].every((id) => states.has(id)), 5000, 'every claimed presence relayed')
    const userOf = (id: number) => states.get(id)?.user as { id: string; role: string }
    expect([301, 302, 303].map((id) => userOf(id))).toEqual([
      expect.objectContaining({ id: 'm1', role: 'participant' }),
      expect.objectContaining({ id: 'm1', role: 'participant' }),
      expect.objectContaining({ id: 'm1', role: 'participant' }),
    ])
    expect(userOf(401).role).toBe('observer')
    // What the facilitator's ready check shows: one participant, done.
    expect(tallyReady(states.entries(), 'c1')).toMatchObject({ done: 1, total: 1 })
    mallory.close()
    watcher.close()
  })
})

describe('presence limits', () => {
  const t = useTestServer({ env: { MAX_MESSAGE_BYTES: String(256 * 1024), MAX_PRESENCE_BYTES: String(48 * 1024) } })

  it('a presence state over the limit closes its sender (4414); later joiners connect as usual', async () => {
    const board = await t.server.createBoard()
    const observer = await connectRaw(t.server.wsUrl, board.id, board.tokens.observer)
    const huge = { user: { name: 'x' }, junk: 'y'.repeat(200 * 1024) }
    observer.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: huge }])))
    expect((await observer.closed).code).toBe(CLOSE.presenceTooLarge.code)
    const joiner = await t.connect(board.id, board.tokens.participant)
    expect(joiner.provider.synced).toBe(true)
  })

  it('no frame the server sends is larger than what it accepts, however many people are present', async () => {
    const board = await t.server.createBoard()
    const people = []
    for (let i = 0; i < 12; i++) {
      const person = await connectRaw(t.server.wsUrl, board.id, board.tokens.observer)
      person.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 100 + i, clock: 1, state: { user: { name: `P${i}` }, pad: 'z'.repeat(40 * 1024) } }])))
      people.push(person)
    }
    // 12 states of 40 KiB are 480 KiB of presence: a joiner gets them in frames under 256 KiB.
    const joiner = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant)
    await waitFor(() => new Set(joiner.awareness.map((e) => e.clientId)).size === 12, 5000, 'all presence')
    expect(Math.max(...joiner.frameSizes)).toBeLessThanOrEqual(256 * 1024)
    expect(joiner.closedWith()).toBeUndefined()
    for (const person of [...people, joiner]) person.close()
  })

  it('presence is measured in bytes: multibyte and emoji padding neither passes the limit nor makes a frame too big', async () => {
    const board = await t.server.createBoard()
    // 40,000 "€" are 40,000 UTF-16 units but 120,000 bytes: over the 48 KiB limit.
    const euro = await connectRaw(t.server.wsUrl, board.id, board.tokens.observer)
    euro.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 50, clock: 1, state: { user: { name: 'E' }, pad: '€'.repeat(40_000) } }])))
    expect((await waitFor(() => euro.closedWith(), 5000, 'the “€” state refused'))?.code).toBe(CLOSE.presenceTooLarge.code)

    // Twelve people with states just under 48 KiB of bytes, padded with "€" and emoji (11,000
    // "😀" are 22,000 UTF-16 units and 44,000 bytes): 540 KB of presence.
    const people = []
    for (let i = 0; i < 12; i++) {
      const person = await connectRaw(t.server.wsUrl, board.id, board.tokens.observer)
      const pad = i % 2 === 0 ? '€'.repeat(15_000) : '😀'.repeat(11_000)
      person.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 200 + i, clock: 1, state: { user: { name: `P${i}` }, pad } }])))
      people.push(person)
    }
    const frameLimit = 256 * 1024
    const joiner = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant)
    await waitFor(() => new Set(joiner.awareness.map((e) => e.clientId)).size === 12, 5000, 'all presence at a raw joiner')
    // A stock client joins, syncs and stays connected (its echo of what it got is accepted).
    const stock = await t.connect(board.id, board.tokens.participant)
    await waitFor(() => stock.provider.awareness.getStates().size >= 13, 5000, 'all presence at a stock joiner')
    stock.provider.awareness.setLocalStateField('user', { name: 'Stock' })
    await waitFor(() => joiner.awareness.some((e) => e.clientId === stock.doc.clientID), 5000, 'the stock joiner’s presence relayed')
    for (const person of [...people, joiner]) {
      expect(person.closedWith()).toBeUndefined()
      expect(Math.max(...person.frameSizes)).toBeLessThanOrEqual(frameLimit)
    }
    expect(stock.closes).toEqual([])
    for (const person of [...people, joiner]) person.close()
  })
})
