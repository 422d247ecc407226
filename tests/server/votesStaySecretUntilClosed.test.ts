import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { authorIdFor } from '../../shared/policy/boardRules.ts'
import { CLOSE } from '../../shared/closeCodes.ts'
import type { VoteRecord } from '../../shared/voting/voting.ts'
import { addNote, noteText } from '../helpers/boardContent.ts'
import { occurrences } from '../helpers/leaks.ts'
import { connectRaw } from '../helpers/rawClient.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { joinAsVoter } from '../helpers/voters.ts'
import { waitFor } from '../helpers/wait.ts'

/** The key "dots" as Yjs encodes an object key inside a value: its length, then its letters. */
const DOTS_KEY = '\u0004dots'

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

  it('ballots stay on the server until the vote closes; then the board shows totals, ranks and no one’s dots', async () => {
    const board = await t.server.createBoard({ template: 'blank', title: 'What next?' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    const observer = await t.connect(board.id, board.tokens.observer)
    for (const key of ['library', 'bus', 'cafe']) addNote(facilitator.doc, key, `Idea: ${key}`)
    await waitFor(() => noteText(observer.doc, 'cafe'), 5000, 'notes')
    // A raw peer records the bytes of every frame it receives while the vote runs.
    const watcher = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant)
    const [citizenA, citizenB, citizenC, politician] = await Promise.all([
      joinAsVoter(t.server, board, 'citizen-a-secret-000000', 'citizen-service-user'),
      joinAsVoter(t.server, board, 'citizen-b-secret-000000', 'citizen-service-user'),
      joinAsVoter(t.server, board, 'citizen-c-secret-000000', 'citizen-service-user'),
      joinAsVoter(t.server, board, 'politician-secret-00000', 'elected-politician'),
    ])

    const started = await call(`/${board.id}/votes`, board.tokens.facilitator, { method: 'POST', body: { perPerson: 5, perNote: 3 } })
    expect(started.status).toBe(201)
    const vote = (await started.json()) as VoteRecord
    await waitFor(() => (observer.doc.getMap('votes').get(vote.id) as VoteRecord | undefined)?.status === 'open', 5000, 'vote open on the board')
    const framesBeforeBallots = watcher.frames.length

    expect((await citizenA.cast(vote.id, { 'shape:bus': 3, 'shape:cafe': 2 }, 'citizen-service-user')).status).toBe(200)
    expect((await citizenB.cast(vote.id, { 'shape:bus': 1 })).status).toBe(200)
    expect((await citizenC.cast(vote.id, { 'shape:library': 2 })).status).toBe(200)
    expect((await politician.cast(vote.id, { 'shape:library': 3 })).status).toBe(200)

    // Limits hold, and a second tab (same browser, same secret) replaces the ballot, never adds to it.
    const tooMany = await citizenB.cast(vote.id, { 'shape:bus': 3, 'shape:cafe': 3 })
    expect(tooMany.status).toBe(400)
    expect(((await tooMany.json()) as { message: string }).message).toMatch(/at most 5 dots per person/)
    const secondTab = (await (await citizenB.cast(vote.id, { 'shape:bus': 2 })).json()) as { used: number; left: number; group: string }
    expect(secondTab).toMatchObject({ used: 2, left: 3, group: 'citizen-service-user' })
    const mine = (await (await call(`/${board.id}/votes/${vote.id}/ballot`, board.tokens.participant, { author: 'citizen-b-secret-000000' })).json()) as {
      dots: Record<string, number>
    }
    expect(mine.dots).toEqual({ 'shape:bus': 2 })

    // While it runs, the facilitator sees counts only; nothing of a ballot reached any client.
    const progress = (await (await call(`/${board.id}/votes/${vote.id}/progress`, board.tokens.facilitator)).json()) as { voters: number; dots: number }
    expect(progress).toMatchObject({ voters: 4, dots: 12 })
    const vote0 = observer.doc.getMap('votes').get(vote.id) as VoteRecord
    expect(vote0.results).toBeNull()
    expect(JSON.stringify(observer.doc.getMap('votes').toJSON())).not.toMatch(/citizen|politician/)
    // A ballot or a tally would travel with the key "dots" (in Yjs's encoding: its length, 4, then
    // the letters); before the close no frame holds one. Groups do travel: presence shows them.
    expect(framesBeforeBallots).toBeGreaterThan(0)
    expect(occurrences(watcher.frames, DOTS_KEY)).toBe(0)

    const closed = await call(`/${board.id}/votes/${vote.id}/close`, board.tokens.facilitator, { method: 'POST' })
    expect(closed.status).toBe(200)
    await waitFor(() => (observer.doc.getMap('votes').get(vote.id) as VoteRecord).status === 'closed', 5000, 'results on the board')
    // The positive control: the results, once written, are in the frames the watcher received.
    await waitFor(() => occurrences(watcher.frames, DOTS_KEY) > 0, 5000, 'results in a frame')
    const results = (observer.doc.getMap('votes').get(vote.id) as VoteRecord).results!
    expect(results.voters).toBe(4)
    expect(results.notes['shape:bus'].total).toBe(5)
    expect(results.notes['shape:library'].total).toBe(5)
    // One politician voted: showing the citizens' 2 dots on "library" beside its total of 5 would
    // tell that the politician put 3 there. The citizens' figures are merged with the politician's.
    expect(results.notes['shape:library']).toEqual({ total: 5, byGroup: {}, otherGroups: 5 })
    expect(results.votersByGroup).toEqual({ 'citizen-service-user': 3, 'elected-politician': null })
    expect(results.mergedGroups).toEqual(['citizen-service-user'])
    expect(results.ranked['']).toEqual(['shape:bus', 'shape:library', 'shape:cafe'])

    // Closed is closed.
    expect((await citizenA.cast(vote.id, { 'shape:cafe': 1 })).status).toBe(409)
    expect((await call(`/${board.id}/votes/${vote.id}/close`, board.tokens.facilitator, { method: 'POST' })).status).toBe(409)
    watcher.close()
  })

  it('counts a ballot for the group its voter joined the board as, never for the group a request names', async () => {
    const board = await t.server.createBoard({ template: 'blank' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    addNote(facilitator.doc, 'idea', 'An idea')
    const citizen = await joinAsVoter(t.server, board, 'citizen-secret-00000000', 'citizen-service-user')
    const vote = (await (await call(`/${board.id}/votes`, board.tokens.facilitator, { method: 'POST', body: {} })).json()) as VoteRecord

    // Claiming another group is refused, with a message naming both.
    const claimed = await citizen.cast(vote.id, { 'shape:idea': 1 }, 'elected-politician')
    expect(claimed.status).toBe(409)
    expect(await claimed.json()).toMatchObject({ error: 'wrong_group', message: expect.stringMatching(/"elected-politician".*joined this board as "citizen-service-user"/) })
    // A browser that never joined the board (no presence, so no group) cannot vote.
    const stranger = await call(`/${board.id}/votes/${vote.id}/ballot`, board.tokens.participant, {
      method: 'PUT',
      author: 'stranger-secret-0000000',
      body: { dots: { 'shape:idea': 1 } },
    })
    expect(stranger.status).toBe(409)
    expect(await stranger.json()).toMatchObject({ error: 'not_joined' })

    // The first ballot fixes the group for this vote: switching one's presence afterwards does not move the dots.
    expect(await (await citizen.cast(vote.id, { 'shape:idea': 1 })).json()).toMatchObject({ group: 'citizen-service-user' })
    citizen.client.provider.awareness.setLocalStateField('user', { id: 'citizen', name: 'Voter', color: '#0072B2', group: 'elected-politician' })
    await waitFor(() => (facilitator.doc.getMap<{ group: string }>('attendance').get(authorIdFor(board.id, citizen.secret))?.group === 'elected-politician' ? true : undefined), 5000, 'new group recorded')
    expect(await (await citizen.cast(vote.id, { 'shape:idea': 2 })).json()).toMatchObject({ group: 'citizen-service-user', used: 2 })
    const switched = await citizen.cast(vote.id, { 'shape:idea': 2 }, 'elected-politician')
    expect(switched.status).toBe(409)
    expect(((await switched.json()) as { message: string }).message).toMatch(/count for "citizen-service-user", the group you had when you first voted/)
  })

  it('a close whose results never reached the board can be done again; then it is closed for good', async () => {
    const board = await t.server.createBoard({ template: 'blank' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    addNote(facilitator.doc, 'idea', 'An idea')
    const voters = await Promise.all(['a', 'b', 'c'].map((k) => joinAsVoter(t.server, board, `voter-${k}-secret-000000`, 'researcher')))
    const vote = (await (await call(`/${board.id}/votes`, board.tokens.facilitator, { method: 'POST', body: {} })).json()) as VoteRecord
    for (const voter of voters) expect((await voter.cast(vote.id, { 'shape:idea': 2 })).status).toBe(200)
    // The server marked the vote closed in its store, then stopped before the results were
    // written into the board (as when the process dies, or the board's write fails, in between).
    const db = new Database(path.join(t.server.dataDir, 'coboard.sqlite'))
    db.prepare("UPDATE board_votes SET status = 'closed', closed_at = ? WHERE board_id = ? AND id = ?").run(Date.now(), board.id, vote.id)
    db.close()
    expect((await voters[0].cast(vote.id, { 'shape:idea': 1 })).status).toBe(409)
    expect((facilitator.doc.getMap('votes').get(vote.id) as VoteRecord).results).toBeNull()

    const retried = await call(`/${board.id}/votes/${vote.id}/close`, board.tokens.facilitator, { method: 'POST' })
    expect(retried.status).toBe(200)
    await waitFor(() => (facilitator.doc.getMap('votes').get(vote.id) as VoteRecord).results?.notes['shape:idea']?.total === 6, 5000, 'results after the retry')
    expect((facilitator.doc.getMap('votes').get(vote.id) as VoteRecord).status).toBe('closed')
    expect((await call(`/${board.id}/votes/${vote.id}/close`, board.tokens.facilitator, { method: 'POST' })).status).toBe(409)
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
