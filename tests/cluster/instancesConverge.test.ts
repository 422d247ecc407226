import { describe, expect, it } from 'vitest'
import { CLOSE } from '../../shared/closeCodes.ts'
import { addNote, noteKeys, noteText } from '../helpers/boardContent.ts'
import { createBoardOverHttp } from '../helpers/childServer.ts'
import { connectClient } from '../helpers/clients.ts'
import { tokenOf } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'
import { useCluster } from './cluster.ts'

describe('several instances on PostgreSQL and Redis', () => {
  const cluster = useCluster()

  it('stock clients on two instances see each other’s changes and presence', async () => {
    const [a, b] = await cluster.start(2)
    const board = await createBoardOverHttp(a.url, { template: 'blank', title: 'Regional plan' })
    const onA = await connectClient(a.wsUrl, board.id, tokenOf(board.links.participant))
    const onB = await connectClient(b.wsUrl, board.id, tokenOf(board.links.participant))
    cluster.clients.push(onA, onB)
    expect(onB.doc.getMap('meta').get('title')).toBe('Regional plan')
    addNote(onA.doc, 'from-a', 'written on A')
    addNote(onB.doc, 'from-b', 'written on B')
    await waitFor(() => noteText(onB.doc, 'from-a') && noteText(onA.doc, 'from-b'), 5000, 'both notes on both instances')
    onA.provider.awareness.setLocalStateField('user', { name: 'Ana', color: '#123456' })
    await waitFor(() => [...onB.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Ana'), 5000, 'presence crosses')
    // A client joining on B later sees A's presence at once (the newcomer asks the others).
    const late = await connectClient(b.wsUrl, board.id, tokenOf(board.links.observer))
    cluster.clients.push(late)
    await waitFor(() => late.provider.awareness.getStates().has(onA.doc.clientID), 5000, 'presence for a late joiner')
  })

  it('three instances converge on one document under concurrent writes', async () => {
    const servers = await cluster.start(3)
    const board = await createBoardOverHttp(servers[0].url)
    const writers = await Promise.all(servers.map((s) => connectClient(s.wsUrl, board.id, tokenOf(board.links.participant))))
    cluster.clients.push(...writers)
    for (let round = 0; round < 50; round++) {
      for (const [i, writer] of writers.entries()) addNote(writer.doc, `w${i}-${round}`, `${i}/${round}`)
      if (round % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await waitFor(() => writers.every((w) => noteKeys(w.doc).length === 150), 15_000, 'all 150 notes everywhere')
    // What PostgreSQL holds is the same: a fresh client on any instance loads it all.
    const reader = await connectClient(servers[2].wsUrl, board.id, tokenOf(board.links.observer))
    cluster.clients.push(reader)
    await waitFor(() => noteKeys(reader.doc).length === 150, 5000, 'reader has all notes')
  })

  it('rotating a link on one instance closes its connections on every instance', async () => {
    const [a, b] = await cluster.start(2)
    const board = await createBoardOverHttp(a.url)
    const onA = await connectClient(a.wsUrl, board.id, tokenOf(board.links.participant))
    const onB = await connectClient(b.wsUrl, board.id, tokenOf(board.links.participant))
    const observerOnB = await connectClient(b.wsUrl, board.id, tokenOf(board.links.observer))
    cluster.clients.push(onA, onB, observerOnB)
    const res = await fetch(`${a.url}/api/boards/${board.id}/links/participant/rotate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokenOf(board.links.facilitator)}` },
    })
    expect(res.status).toBe(200)
    const closedOnB = () => onB.closes.some((c) => c.code === CLOSE.unauthorized.code)
    const closedOnA = () => onA.closes.some((c) => c.code === CLOSE.unauthorized.code)
    await waitFor(() => closedOnA() && closedOnB(), 5000, 'old participant links closed on A and B')
    expect(observerOnB.provider.wsconnected).toBe(true)
  })
})
