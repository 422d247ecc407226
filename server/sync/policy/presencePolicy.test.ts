import { describe, expect, it } from 'vitest'
import { presenceWithLinkFacts } from './presencePolicy.ts'

describe('presenceWithLinkFacts', () => {
  it('sets the link’s role whatever the state claims', () => {
    const { state } = presenceWithLinkFacts({ user: { id: 'u1', name: 'M', role: 'facilitator' }, ready: { checkId: 'c', done: true } }, { role: 'participant', userId: undefined })
    expect(state).toEqual({ user: { id: 'u1', name: 'M', role: 'participant' }, ready: { checkId: 'c', done: true } })
  })

  it('pins the first user id a connection announced', () => {
    const first = presenceWithLinkFacts({ user: { id: 'u1', name: 'A' } }, { role: 'participant', userId: undefined })
    expect(first.userId).toBe('u1')
    const second = presenceWithLinkFacts({ user: { id: 'u2', name: 'B' } }, { role: 'participant', userId: first.userId })
    expect(second).toEqual({ state: { user: { id: 'u1', name: 'B', role: 'participant' } }, userId: 'u1' })
  })

  it('leaves states without a user object alone', () => {
    for (const state of [{}, { user: 'x' }, { user: null }, { user: [1] }]) {
      expect(presenceWithLinkFacts(state, { role: 'observer', userId: 'u1' })).toEqual({ state, userId: 'u1' })
    }
  })
})
