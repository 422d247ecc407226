import { describe, expect, it } from 'vitest'
import { ballotProblem, tally, voteConfigSchema } from './voting.ts'

const config = voteConfigSchema.parse({})

describe('dot voting', () => {
  it('defaults: 5 dots a person, at most 3 a note, results by group', () => {
    expect(config).toMatchObject({ perPerson: 5, perNote: 3, byGroup: true, zones: [], minutes: null })
  })

  it('refuses ballots with too many dots, too many on one note, or notes outside the vote', () => {
    const eligible = new Set(['a', 'b'])
    expect(ballotProblem({ dots: { a: 3, b: 2 }, group: 'other' }, config, eligible)).toBeUndefined()
    expect(ballotProblem({ dots: { a: 3, b: 3 }, group: 'other' }, config, eligible)).toMatch(/at most 5 dots per person/)
    expect(ballotProblem({ dots: { a: 4 }, group: 'other' }, config, eligible)).toMatch(/at most 3 dots per note/)
    expect(ballotProblem({ dots: { c: 1 }, group: 'other' }, config, eligible)).toMatch(/not part of this vote/)
  })

  it('totals per note, ranks per zone, and hides the figures of groups with fewer than 3 voters', () => {
    const zones = new Map<string, string | null>([['a', 'z1'], ['b', 'z1'], ['c', null]])
    const results = tally(
      config,
      [
        { dots: { a: 2, b: 1 }, group: 'citizen-service-user' },
        { dots: { a: 1 }, group: 'citizen-service-user' },
        { dots: { b: 3 }, group: 'citizen-service-user' },
        { dots: { c: 1 }, group: 'elected-politician' },
        { dots: {}, group: 'researcher' },
      ],
      zones,
    )
    expect(results.voters).toBe(4)
    expect(results.dots).toBe(8)
    expect(results.notes.a).toEqual({ total: 3, byGroup: { 'citizen-service-user': 3 } })
    expect(results.notes.b).toEqual({ total: 4, byGroup: { 'citizen-service-user': 4 } })
    // The politician's dot counts, but not as the politicians' (only one voted).
    expect(results.notes.c).toEqual({ total: 1, byGroup: {} })
    expect(results.votersByGroup).toEqual({ 'citizen-service-user': 3, 'elected-politician': null })
    expect(results.ranked).toEqual({ z1: ['b', 'a'], '': ['c'] })
  })
})
