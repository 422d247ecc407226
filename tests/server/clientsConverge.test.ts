import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import { addNote, noteKeys, noteText, updateNote } from '../helpers/boardContent.ts'
import { connectClient, type SyncClient } from '../helpers/clients.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { canonicalJson, waitFor } from '../helpers/wait.ts'

describe('clients on one board', () => {
  const t = useTestServer()

  it('three clients converge after concurrent edits to the same notes', async () => {
    const board = await t.server.createBoard({ template: 'blank', title: 'Convergence' })
    const [a, b, c] = await Promise.all([
      connectClient(t.server.wsUrl, board.id, board.tokens.facilitator),
      connectClient(t.server.wsUrl, board.id, board.tokens.participant),
      connectClient(t.server.wsUrl, board.id, board.tokens.participant),
    ])
    t.clients.push(a, b, c)
    expect(a.doc.getMap('meta').get('title')).toBe('Convergence')
    addNote(a.doc, 'shared', 'One note everyone moves')
    await waitFor(() => noteText(b.doc, 'shared') && noteText(c.doc, 'shared'), 5000, 'shared note everywhere')

    // Concurrent: each client edits without waiting for the others.
    for (let i = 0; i < 50; i++) {
      addNote(a.doc, `a${i}`, `alpha ${i}`)
      addNote(b.doc, `b${i}`, `beta ${i}`)
      updateNote(c.doc, 'shared', { x: i })
      updateNote(b.doc, 'shared', { props: { color: i % 2 ? 'blue' : 'green' } } as never)
    }
    const state = (client: SyncClient) =>
      canonicalJson({ meta: client.doc.getMap('meta').toJSON(), records: Object.fromEntries(readRecords(client.doc).map((r) => [r.id, r])) })
    await waitFor(() => state(a) === state(b) && state(b) === state(c) && noteKeys(a.doc).length === 101, 10_000, 'convergence')
    // Different fields of one note, changed by different people, are both kept.
    const shared = readRecords(a.doc).find((r) => r.id === 'shape:shared') as { x: number; props: { color: string } }
    expect(shared.x).toBe(49)
    expect(shared.props.color).toBe('blue')
  })

  it('a client that joins later receives everything, and awareness comes and goes', async () => {
    const board = await t.server.createBoard()
    const a = await connectClient(t.server.wsUrl, board.id, board.tokens.participant)
    t.clients.push(a)
    addNote(a.doc, 'first', 'first')
    addNote(a.doc, 'second', 'second')
    a.provider.awareness.setLocalStateField('user', { name: 'Astrid', group: 'citizen-service-user' })

    const b = await connectClient(t.server.wsUrl, board.id, board.tokens.participant)
    t.clients.push(b)
    await waitFor(() => noteKeys(b.doc).length === 2, 5000, 'late joiner gets content')
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
    addNote(a.doc, 'offline', 'written on the train')
    addNote(b.doc, 'online', 'written in the room')
    await waitFor(() => !a.provider.wsconnected, 2000, 'a offline')
    a.provider.connect()
    await waitFor(() => noteText(a.doc, 'online') && noteText(b.doc, 'offline'), 5000, 'offline merge')
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
  })
})
