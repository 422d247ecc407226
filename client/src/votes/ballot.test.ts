import { describe, expect, it } from 'vitest'
import type { VoteRecord } from '../../../shared/voting/voting.ts'
import { canPlace, currentVote, dotsLeft, placeDot, removeDot } from './ballot.ts'

const config = { perPerson: 3, perNote: 2 }

describe('a voter’s dots', () => {
  it('places dots up to the per-note and per-person limits', () => {
    let dots = placeDot({}, 'a', config)
    dots = placeDot(dots, 'a', config)
    expect(placeDot(dots, 'a', config)).toBe(dots) // at most 2 on one note
    dots = placeDot(dots, 'b', config)
    expect(dotsLeft(dots, config)).toBe(0)
    expect(canPlace(dots, 'c', config)).toBe(false)
    expect(dots).toEqual({ a: 2, b: 1 })
  })

  it('takes dots back one at a time', () => {
    expect(removeDot({ a: 2 }, 'a')).toEqual({ a: 1 })
    expect(removeDot({ a: 1 }, 'a')).toEqual({})
    const none = {}
    expect(removeDot(none, 'a')).toBe(none)
  })

  it('shows the open vote, else the last one closed', () => {
    const vote = (id: string, status: 'open' | 'closed', closedAt: number | null) => ({ id, status, closedAt }) as VoteRecord
    expect(currentVote([vote('a', 'closed', 1), vote('b', 'open', null)])?.id).toBe('b')
    expect(currentVote([vote('a', 'closed', 1), vote('c', 'closed', 5)])?.id).toBe('c')
    expect(currentVote([])).toBeUndefined()
  })
})
