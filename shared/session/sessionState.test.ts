import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clockOffset } from './serverClock.ts'
import {
  addToTimer,
  formatRemaining,
  pauseTimer,
  readSession,
  resumeTimer,
  SESSION_VALUE_SCHEMAS,
  startTimer,
  timerRemainingMs,
  writeSession,
} from './sessionState.ts'

describe('the session timer', () => {
  it('counts down from an end time in server time, pauses, resumes and takes an extra minute', () => {
    const t0 = 1_000_000
    let timer = startTimer(5 * 60_000, t0, true)
    expect(timerRemainingMs(timer, t0 + 60_000)).toBe(4 * 60_000)
    timer = pauseTimer(timer, t0 + 60_000)
    expect(timerRemainingMs(timer, t0 + 10 * 60_000)).toBe(4 * 60_000)
    timer = resumeTimer(timer, t0 + 10 * 60_000)
    timer = addToTimer(timer, t0 + 10 * 60_000)
    expect(timerRemainingMs(timer, t0 + 10 * 60_000)).toBe(5 * 60_000)
    expect(timerRemainingMs(timer, t0 + 99 * 60_000)).toBe(0)
    expect(SESSION_VALUE_SCHEMAS.timer.safeParse(timer).success).toBe(true)
  })

  it('"Add one minute" after the time ran out gives a minute from now, however long ago it ended', () => {
    const t0 = 2_000_000
    const ended = startTimer(60_000, t0, true)
    const later = t0 + 60_000 + 5 * 60_000
    expect(timerRemainingMs(ended, later)).toBe(0)
    const extended = addToTimer(ended, later)
    expect(timerRemainingMs(extended, later)).toBe(60_000)
    expect(timerRemainingMs(extended, later + 30_000)).toBe(30_000)
    // Still running with time left: the minute goes on top of what is left.
    expect(timerRemainingMs(addToTimer(startTimer(60_000, t0, true), t0 + 20_000), t0 + 20_000)).toBe(100_000)
    // Paused: on top of what was left when it paused.
    expect(timerRemainingMs(addToTimer(pauseTimer(ended, t0 + 10_000), later), later)).toBe(110_000)
    expect(SESSION_VALUE_SCHEMAS.timer.safeParse(extended).success).toBe(true)
  })

  it('formats what is left for people to read', () => {
    expect(formatRemaining(725_000)).toBe('12:05')
    expect(formatRemaining(1)).toBe('0:01')
    expect(formatRemaining(0)).toBe('0:00')
    expect(formatRemaining(3_725_000)).toBe('1:02:05')
  })

  it('devices with wrong clocks agree once they know the offset to the server', () => {
    const serverNow = 5_000_000
    // One device is 7 minutes fast; both measure a round trip of 40 ms.
    const fast = clockOffset([{ sentAt: serverNow + 420_000 - 20, serverNow, receivedAt: serverNow + 420_000 + 20 }])
    const right = clockOffset([{ sentAt: serverNow - 20, serverNow, receivedAt: serverNow + 20 }])
    const timer = startTimer(60_000, serverNow, false)
    expect(timerRemainingMs(timer, serverNow + 420_000 + fast)).toBe(timerRemainingMs(timer, serverNow + right))
  })

  it('reads defaults for a board without a session, and what was written', () => {
    const doc = new Y.Doc()
    expect(readSession(doc).timer).toEqual({ status: 'idle' })
    writeSession(doc, { frozen: true, currentStepId: 'write' })
    expect(readSession(doc)).toMatchObject({ frozen: true, currentStepId: 'write' })
    doc.getMap('session').set('timer', { status: 'running' })
    expect(readSession(doc).timer).toEqual({ status: 'idle' })
  })
})
