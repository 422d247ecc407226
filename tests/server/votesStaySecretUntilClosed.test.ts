import { describe, expect, it } from 'vitest'
import { CLOSE } from '../../shared/closeCodes.ts'
import type { VoteRecord } from '../../shared/voting/voting.ts'
import { addNote, noteText } from '../helpers/boardContent.ts'
import { connectRaw } from '../helpers/rawClient.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

describe('dot votes', () => {
  const t = useTestServer()

  const call = (path: string, token: string, init: { method?: string; body?: unknown; author?: string } = {}) =>
    fetch(`${t.server.url}/api/boards${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${token}`,
        ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(init.author ? { 'X-Coboard-Author': init.author } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    })

  it('ballots stay on the server until the vote closes; then the board shows totals, ranks and groups of 3 or more', async () => {
    const board = await t.server.createBoard({ template: 'blank', title: 'What next?' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    const observer = await t.connect(board.id, board.tokens.observer)
    for (const key of ['library', 'bus', 'cafe']) addNote(facilitator.doc, key, `Idea: ${key}`)
    await waitFor(() => noteText(observer.doc, 'cafe'), 5000, 'notes')
    // A raw peer records every frame another client receives while the vote runs.
    const watcher = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant)

    const started = await call(`/${board.id}/votes`, board.tokens.facilitator, { method: 'POST', body: { perPerson: 5, perNote: 3 } })
    expect(started.status).toBe(201)
    const vote = (await started.json()) as VoteRecord
    await waitFor(() => (observer.doc.getMap('votes').get(vote.id) as VoteRecord | undefined)?.status === 'open', 5000, 'vote open on the board')

    const cast = (secret: string, group: string, dots: Record<string, number>) =>
      call(`/${board.id}/votes/${vote.id}/ballot`, board.tokens.participant, { method: 'PUT', author: secret, body: { group, dots } })
    expect((await cast('citizen-a-secret-000000', 'citizen-service-user', { 'shape:bus': 3, 'shape:cafe': 2 })).status).toBe(200)
    expect((await cast('citizen-b-secret-000000', 'citizen-service-user', { 'shape:bus': 1 })).status).toBe(200)
    expect((await cast('citizen-c-secret-000000', 'citizen-service-user', { 'shape:library': 2 })).status).toBe(200)
    expect((await cast('politician-secret-00000', 'elected-politician', { 'shape:library': 3 })).status).toBe(200)

    // Limits hold, and a second tab (same browser, same secret) replaces the ballot, never adds to it.
    const tooMany = await cast('citizen-b-secret-000000', 'citizen-service-user', { 'shape:bus': 3, 'shape:cafe': 3 })
    expect(tooMany.status).toBe(400)
    expect(((await tooMany.json()) as { message: string }).message).toMatch(/at most 5 dots per person/)
    const secondTab = (await (await cast('citizen-b-secret-000000', 'citizen-service-user', { 'shape:bus': 2 })).json()) as { used: number; left: number }
    expect(secondTab).toMatchObject({ used: 2, left: 3 })
    const mine = (await (await call(`/${board.id}/votes/${vote.id}/ballot?group=citizen-service-user`, board.tokens.participant, { author: 'citizen-b-secret-000000' })).json()) as {
      dots: Record<string, number>
    }
    expect(mine.dots).toEqual({ 'shape:bus': 2 })

    // While it runs, the facilitator sees counts only; nothing of a ballot reached any client.
    const progress = (await (await call(`/${board.id}/votes/${vote.id}/progress`, board.tokens.facilitator)).json()) as { voters: number; dots: number }
    expect(progress).toMatchObject({ voters: 4, dots: 12 })
    const vote0 = observer.doc.getMap('votes').get(vote.id) as VoteRecord
    expect(vote0.results).toBeNull()
    expect(JSON.stringify(observer.doc.getMap('votes').toJSON())).not.toMatch(/citizen|politician/)
    expect(watcher.frameSizes.length).toBeGreaterThan(0)
    expect(JSON.stringify(watcher.doc.getMap('votes').toJSON())).not.toMatch(/shape:bus"?:\s*[0-9]/)

    const closed = await call(`/${board.id}/votes/${vote.id}/close`, board.tokens.facilitator, { method: 'POST' })
    expect(closed.status).toBe(200)
    await waitFor(() => (observer.doc.getMap('votes').get(vote.id) as VoteRecord).status === 'closed', 5000, 'results on the board')
    const results = (observer.doc.getMap('votes').get(vote.id) as VoteRecord).results!
    expect(results.voters).toBe(4)
    expect(results.notes['shape:bus']).toEqual({ total: 5, byGroup: { 'citizen-service-user': 5 } })
    expect(results.notes['shape:library']).toEqual({ total: 5, byGroup: { 'citizen-service-user': 2 } })
    expect(results.votersByGroup).toEqual({ 'citizen-service-user': 3, 'elected-politician': null })
    expect(results.ranked['']).toEqual(['shape:bus', 'shape:library', 'shape:cafe'])

    // Closed is closed.
    expect((await cast('citizen-a-secret-000000', 'citizen-service-user', { 'shape:cafe': 1 })).status).toBe(409)
    watcher.close()
  })

  it('only the facilitator runs votes; observers do not vote; no client may write the votes root', async () => {
    const board = await t.server.createBoard({ template: 'blank' })
    expect((await call(`/${board.id}/votes`, board.tokens.participant, { method: 'POST', body: {} })).status).toBe(403)
    const vote = (await (await call(`/${board.id}/votes`, board.tokens.facilitator, { method: 'POST', body: {} })).json()) as VoteRecord
    expect((await call(`/${board.id}/votes`, board.tokens.facilitator, { method: 'POST', body: {} })).status).toBe(409)
    const observerBallot = await call(`/${board.id}/votes/${vote.id}/ballot`, board.tokens.observer, {
      method: 'PUT',
      author: 'observer-secret-0000000',
      body: { group: 'other', dots: {} },
    })
    expect(observerBallot.status).toBe(403)
    const noSecret = await call(`/${board.id}/votes/${vote.id}/ballot`, board.tokens.participant, { method: 'PUT', body: { group: 'other', dots: {} } })
    expect(noSecret.status).toBe(400)
    for (const token of [board.tokens.facilitator, board.tokens.participant]) {
      const client = await t.connect(board.id, token)
      await waitFor(() => client.doc.getMap('votes').has(vote.id), 5000, 'vote seen')
      client.doc.getMap('votes').set(vote.id, { ...(client.doc.getMap('votes').get(vote.id) as object), status: 'closed' })
      await waitFor(() => client.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'votes root refused')
    }
  })
})
