import { describe, expect, it } from 'vitest'
import { isDone, openReadyCheck, tallyReady } from './readyCheck.ts'

const user = (id: string, group: string, role?: string) => ({ id, name: id, color: '#123456', group, ...(role ? { role } : {}) })

describe('the ready check tally', () => {
  it('counts participants only, once per person, by group', () => {
    const states: [number, unknown][] = [
      [1, { user: user('fa', 'civil-servant-operational', 'facilitator'), ready: { checkId: 'c1', done: true } }],
      [2, { user: user('p1', 'citizen-service-user', 'participant'), ready: { checkId: 'c1', done: true } }],
      [3, { user: user('p1', 'citizen-service-user', 'participant') }],
      [4, { user: user('p2', 'citizen-service-user', 'participant'), ready: { checkId: 'old', done: true } }],
      [5, { user: user('p3', 'elected-politician', 'participant'), ready: { checkId: 'c1', done: false } }],
      [6, { user: user('ob', 'citizen-service-user', 'observer'), ready: { checkId: 'c1', done: true } }],
      [7, { user: user('legacy', 'citizen-service-user') }],
      [8, { presence: null }],
      [9, null],
    ]
    const tally = tallyReady(states, 'c1')
    expect(tally.done).toBe(1)
    expect(tally.total).toBe(3)
    expect(tally.groups).toEqual([
      { group: 'elected-politician', done: 0, total: 1 },
      { group: 'citizen-service-user', done: 1, total: 2 },
    ])
  })

  it('opens checks with fresh ids and reads answers to the open one only', () => {
    const check = openReadyCheck(1_700_000_000_000, () => 0.5)
    expect(check.open).toBe(true)
    expect(check.id).not.toBe(openReadyCheck(1_700_000_000_000, () => 0.25).id)
    expect(isDone({ checkId: check.id, done: true }, check)).toBe(true)
    expect(isDone({ checkId: check.id, done: true }, { ...check, open: false })).toBe(false)
    expect(isDone({ checkId: 'other', done: true }, check)).toBe(false)
    expect(isDone('garbage', check)).toBe(false)
  })
})
