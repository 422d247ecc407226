import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type SyncClient } from '../helpers/clients.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { canonicalJson, waitFor } from '../helpers/wait.ts'

describe('clients on one board', () => {
  const t = useTestServer()

  it('three clients converge after concurrent edits to the same map and text', async () => {
    const board = await t.server.createBoard({ template: 'blank', title: 'Convergence' })
    const [a, b, c] = await Promise.all([
      connectClient(t.server.wsUrl, board.id, board.tokens.facilitator),
      connectClient(t.server.wsUrl, board.id, board.tokens.participant),
      connectClient(t.server.wsUrl, board.id, board.tokens.participant),
    ])
    t.clients.push(a, b, c)
    expect(a.doc.getMap('meta').get('title')).toBe('Convergence')

    // Concurrent: each client edits without waiting for the others.
    a.doc.getText('notes').insert(0, 'alpha ')
    b.doc.getText('notes').insert(0, 'beta ')
    c.doc.getText('notes').insert(0, 'gamma ')
    for (let i = 0; i < 50; i++) {
      a.doc.getMap('shapes').set(`a${i}`, i)
      b.doc.getMap('shapes').set(`b${i}`, i)
      c.doc.getMap('shapes').set('shared', `c${i}`)
      b.doc.getMap('shapes').set('shared', `b${i}`)
    }
    // Compare named types: Y.Doc.toJSON only lists root types a replica has asked for.
    const state = (client: SyncClient) =>
      canonicalJson({
        meta: client.doc.getMap('meta').toJSON(),
        shapes: client.doc.getMap('shapes').toJSON(),
        notes: client.doc.getText('notes').toString(),
      })
    await waitFor(() => state(a) === state(b) && state(b) === state(c) && a.doc.getMap('shapes').size === 101, 5000, 'convergence')
    const text = a.doc.getText('notes').toString()
    for (const word of ['alpha', 'beta', 'gamma']) expect(text).toContain(word)
  })

  it('a client that joins later receives everything, and awareness comes and goes', async () => {
    const board = await t.server.createBoard()
    const a = await connectClient(t.server.wsUrl, board.id, board.tokens.participant)
    t.clients.push(a)
    a.doc.getArray('log').push(['first', 'second'])
    a.provider.awareness.setLocalStateField('user', { name: 'Astrid', group: 'citizen-service-user' })

    const b = await connectClient(t.server.wsUrl, board.id, board.tokens.participant)
    t.clients.push(b)
    await waitFor(() => b.doc.getArray('log').length === 2, 5000, 'late joiner gets content')
    await waitFor(
      () => [...b.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string })?.name === 'Astrid'),
      5000,
      'awareness of Astrid at b',
    )

    const c = await connectClient(t.server.wsUrl, board.id, board.tokens.observer)
    t.clients.push(c)
    c.provider.awareness.setLocalStateField('user', { name: 'Observer Olav' })
    await waitFor(
      () => [...a.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string })?.name === 'Observer Olav'),
      5000,
      'observer presence reaches a participant',
    )

    // Closing the socket (not a polite goodbye) still removes Astrid's cursor for the others.
    const astridId = a.doc.clientID
    a.provider.ws?.close()
    a.provider.shouldConnect = false
    await waitFor(() => !b.provider.awareness.getStates().has(astridId), 5000, 'awareness removed on close')
    await waitFor(() => !c.provider.awareness.getStates().has(astridId), 5000, 'awareness removed for observer too')
  })

  it('edits made while offline merge on reconnect', async () => {
    const board = await t.server.createBoard()
    const a = await connectClient(t.server.wsUrl, board.id, board.tokens.participant)
    const b = await connectClient(t.server.wsUrl, board.id, board.tokens.participant)
    t.clients.push(a, b)
    a.provider.disconnect()
    a.doc.getMap('notes').set('offline', 'written on the train')
    b.doc.getMap('notes').set('online', 'written in the room')
    await waitFor(() => !a.provider.wsconnected, 2000, 'a offline')
    a.provider.connect()
    await waitFor(() => a.doc.getMap('notes').get('online') && b.doc.getMap('notes').get('offline'), 5000, 'offline merge')
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
  })
})
