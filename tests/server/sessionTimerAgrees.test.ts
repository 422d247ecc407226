import { describe, expect, it } from 'vitest'
import { clockOffset, type ClockSample } from '../../shared/session/serverClock.ts'
import { pauseTimer, readSession, startTimer, timerRemainingMs, writeSession } from '../../shared/session/sessionState.ts'
import { createBoardOverHttp, useChildServers } from '../helpers/childServer.ts'
import { connectClient, type SyncClient } from '../helpers/clients.ts'
import { tempDataDir, tokenOf } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

/** A device's offset to the server's clock, measured as the browser client does (GET /api/time). */
async function offsetFor(url: string, deviceNow: () => number): Promise<number> {
  const samples: ClockSample[] = []
  for (let i = 0; i < 4; i++) {
    const sentAt = deviceNow()
    const { now } = (await (await fetch(`${url}/api/time`)).json()) as { now: number }
    samples.push({ sentAt, serverNow: now, receivedAt: deviceNow() })
  }
  return clockOffset(samples)
}

/** What a participant's countdown shows, in ms, from the session root and its own clock. */
function shownRemaining(client: SyncClient, deviceNow: () => number, offset: number): number {
  return timerRemainingMs(readSession(client.doc).timer, deviceNow() + offset)
}

// Two devices whose clocks are wrong in opposite directions (a phone set by hand, a laptop off by minutes).
const slowClock = () => Date.now() - 3 * 60_000
const fastClock = () => Date.now() + 11 * 60_000

describe('the session timer is the same for everyone, across a server restart', () => {
  const { start, clients } = useChildServers()
  const connect = async (wsUrl: string, boardId: string, link: string) => {
    const client = await connectClient(wsUrl, boardId, tokenOf(link))
    clients.push(client)
    return client
  }

  it('two participants with wrong clocks show the same remaining time within 1 s, before and after a restart of the server process', async () => {
    const dataDir = tempDataDir()
    const first = await start(dataDir)
    const board = await createBoardOverHttp(first.url, { template: 'blank' })
    const facilitator = await connect(first.wsUrl, board.id, board.links.facilitator)
    const facilitatorOffset = await offsetFor(first.url, Date.now)
    writeSession(facilitator.doc, { timer: startTimer(10 * 60_000, Date.now() + facilitatorOffset, false) })

    const anna = await connect(first.wsUrl, board.id, board.links.participant)
    const bo = await connect(first.wsUrl, board.id, board.links.participant)
    await waitFor(() => readSession(anna.doc).timer.status === 'running' && readSession(bo.doc).timer.status === 'running', 5000, 'timer on both screens')
    const annaOffset = await offsetFor(first.url, slowClock)
    const boOffset = await offsetFor(first.url, fastClock)
    const before = [shownRemaining(anna, slowClock, annaOffset), shownRemaining(bo, fastClock, boOffset)]
    expect(Math.abs(before[0] - before[1])).toBeLessThan(1000)
    expect(before[0]).toBeGreaterThan(9 * 60_000)
    const measuredAt = Date.now()

    // A clean stop (as a deploy does) and a new process on the same data directory.
    for (const client of clients.splice(0)) client.destroy()
    first.process.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    const second = await start(dataDir)

    const annaAgain = await connect(second.wsUrl, board.id, board.links.participant)
    const boAgain = await connect(second.wsUrl, board.id, board.links.participant)
    const annaOffsetAgain = await offsetFor(second.url, slowClock)
    const boOffsetAgain = await offsetFor(second.url, fastClock)
    const after = [shownRemaining(annaAgain, slowClock, annaOffsetAgain), shownRemaining(boAgain, fastClock, boOffsetAgain)]
    expect(readSession(annaAgain.doc).timer).toMatchObject({ status: 'running', durationMs: 10 * 60_000 })
    expect(Math.abs(after[0] - after[1])).toBeLessThan(1000)
    // The countdown went on while the server was down: what is left now is what was left then,
    // less the time that passed (within a second of measurement slack).
    const elapsed = Date.now() - measuredAt
    expect(Math.abs(after[0] - (before[0] - elapsed))).toBeLessThan(1000)
  })

  it('a paused timer keeps what was left across a restart', async () => {
    const dataDir = tempDataDir()
    const first = await start(dataDir)
    const board = await createBoardOverHttp(first.url, { template: 'blank' })
    const facilitator = await connect(first.wsUrl, board.id, board.links.facilitator)
    const now = Date.now() + (await offsetFor(first.url, Date.now))
    writeSession(facilitator.doc, { timer: pauseTimer(startTimer(4 * 60_000, now, true), now + 30_000) })
    const witness = await connect(first.wsUrl, board.id, board.links.observer)
    await waitFor(() => readSession(witness.doc).timer.status === 'paused', 5000, 'paused timer stored')

    for (const client of clients.splice(0)) client.destroy()
    first.process.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    const second = await start(dataDir)
    const participant = await connect(second.wsUrl, board.id, board.links.participant)
    expect(shownRemaining(participant, fastClock, await offsetFor(second.url, fastClock))).toBe(3.5 * 60_000)
  })
})
