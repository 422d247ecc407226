import { describe, expect, it } from 'vitest'
import { CLOSE } from '../../shared/closeCodes.ts'
import { clockOffset, type ClockSample } from '../../shared/session/serverClock.ts'
import { readSession, startTimer, timerRemainingMs, writeSession } from '../../shared/session/sessionState.ts'
import { addNote, noteText } from '../helpers/boardContent.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

/** Measures a device's offset to the server's clock, the way the client does, with the device's own clock. */
async function offsetFor(url: string, deviceNow: () => number): Promise<number> {
  const samples: ClockSample[] = []
  for (let i = 0; i < 5; i++) {
    const sentAt = deviceNow()
    const { now } = (await (await fetch(`${url}/api/time`)).json()) as { now: number }
    samples.push({ sentAt, serverNow: now, receivedAt: deviceNow() })
  }
  return clockOffset(samples)
}

describe('the session state is the facilitator’s', () => {
  const t = useTestServer()

  it('a new board carries the template’s agenda in the board’s language', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map', locale: 'da' })
    const observer = await t.connect(board.id, board.tokens.observer)
    const { steps, currentStepId, timer } = readSession(observer.doc)
    expect(steps.length).toBeGreaterThan(3)
    expect(steps[0].activity).toBe('silent-writing')
    expect(steps.every((step) => step.title.length > 0 && !step.skipped)).toBe(true)
    expect(currentStepId).toBeNull()
    expect(timer).toEqual({ status: 'idle' })
  })

  it('a participant’s change to the session is neither relayed nor stored', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map' })
    const observer = await t.connect(board.id, board.tokens.observer)
    const steps = readSession(observer.doc).steps
    for (const change of [{ currentStepId: steps[2].id }, { frozen: true }, { timer: startTimer(1000, Date.now(), false) }]) {
      const participant = await t.connect(board.id, board.tokens.participant)
      writeSession(participant.doc, change)
      await waitFor(() => participant.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, `refused ${Object.keys(change)}`)
    }
    const writer = await t.connect(board.id, board.tokens.participant)
    addNote(writer.doc, 'marker', 'marker')
    await waitFor(() => noteText(observer.doc, 'marker'), 5000, 'marker')
    expect(readSession(observer.doc)).toMatchObject({ currentStepId: null, frozen: false, timer: { status: 'idle' } })
    await t.restart()
    const fresh = await t.connect(board.id, board.tokens.observer)
    expect(readSession(fresh.doc)).toMatchObject({ currentStepId: null, frozen: false, timer: { status: 'idle' } })
  })

  it('two participants see the same remaining time within a second, even with a clock 7 minutes off; the timer survives a restart', async () => {
    const board = await t.server.createBoard({ template: 'blank' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    const facilitatorOffset = await offsetFor(t.server.url, Date.now)
    writeSession(facilitator.doc, { timer: startTimer(5 * 60_000, Date.now() + facilitatorOffset, true) })

    const fastClock = () => Date.now() + 7 * 60_000
    const anna = await t.connect(board.id, board.tokens.participant)
    const bo = await t.connect(board.id, board.tokens.participant)
    await waitFor(() => readSession(anna.doc).timer.status === 'running' && readSession(bo.doc).timer.status === 'running', 5000, 'timer everywhere')
    const annaOffset = await offsetFor(t.server.url, Date.now)
    const boOffset = await offsetFor(t.server.url, fastClock)
    const annaLeft = timerRemainingMs(readSession(anna.doc).timer, Date.now() + annaOffset)
    const boLeft = timerRemainingMs(readSession(bo.doc).timer, fastClock() + boOffset)
    expect(Math.abs(annaLeft - boLeft)).toBeLessThan(1000)
    expect(annaLeft).toBeGreaterThan(4 * 60_000)

    await t.restart()
    const later = await t.connect(board.id, board.tokens.observer)
    const left = timerRemainingMs(readSession(later.doc).timer, Date.now() + (await offsetFor(t.server.url, Date.now)))
    expect(Math.abs(left - annaLeft)).toBeLessThan(5000)
  })

  it('a frozen board takes no participant’s change; unfrozen, it does again', async () => {
    const board = await t.server.createBoard({ template: 'blank' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    const observer = await t.connect(board.id, board.tokens.observer)
    writeSession(facilitator.doc, { frozen: true })
    const participant = await t.connect(board.id, board.tokens.participant)
    await waitFor(() => readSession(participant.doc).frozen, 5000, 'frozen seen')
    addNote(participant.doc, 'during', 'Written while frozen')
    await waitFor(() => participant.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'refused while frozen')
    // The facilitator still writes.
    addNote(facilitator.doc, 'facilitator', 'Summary of the discussion')
    await waitFor(() => noteText(observer.doc, 'facilitator'), 5000, 'facilitator writes while frozen')
    expect(noteText(observer.doc, 'during')).toBeUndefined()

    writeSession(facilitator.doc, { frozen: false })
    const again = await t.connect(board.id, board.tokens.participant)
    await waitFor(() => !readSession(again.doc).frozen, 5000, 'unfrozen seen')
    addNote(again.doc, 'after', 'Written after the freeze')
    await waitFor(() => noteText(observer.doc, 'after'), 5000, 'participant writes again')
  })
})
