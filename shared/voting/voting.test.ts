import { describe, expect, it } from 'vitest'
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../stakeholderGroups.ts'
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

  it('totals per note, ranks per zone, and shows the figures of groups of 3 or more when no smaller group can be worked out', () => {
    const zones = new Map<string, string | null>([['a', 'z1'], ['b', 'z1'], ['c', null]])
    const results = tally(
      config,
      [
        { dots: { a: 2, b: 1 }, group: 'citizen-service-user' },
        { dots: { a: 1 }, group: 'citizen-service-user' },
        { dots: { b: 3 }, group: 'citizen-service-user' },
        { dots: { a: 1, c: 1 }, group: 'researcher' },
        { dots: { b: 1 }, group: 'researcher' },
        { dots: { c: 2 }, group: 'researcher' },
        { dots: { c: 1 }, group: 'elected-politician' },
        { dots: { a: 1 }, group: 'volunteer-association' },
        { dots: { b: 2 }, group: 'volunteer-association' },
        { dots: {}, group: 'private-sector' },
      ],
      zones,
    )
    expect(results.voters).toBe(9)
    expect(results.dots).toBe(16)
    // One politician and two volunteers: hidden, but together three people, shown as "other groups".
    expect(results.notes.a).toEqual({ total: 5, byGroup: { 'citizen-service-user': 3, researcher: 1 }, otherGroups: 1 })
    expect(results.notes.b).toEqual({ total: 7, byGroup: { 'citizen-service-user': 4, researcher: 1 }, otherGroups: 2 })
    expect(results.notes.c).toEqual({ total: 4, byGroup: { researcher: 3 }, otherGroups: 1 })
    expect(results.votersByGroup).toEqual({ 'elected-politician': null, 'volunteer-association': null, 'citizen-service-user': 3, researcher: 3 })
    expect(results.mergedGroups).toBeUndefined()
    expect(results.ranked).toEqual({ z1: ['b', 'a'], '': ['c'] })
  })

  it('hides a further group when the hidden ones hold only one or two voters (the audit’s leak: total − citizens = the politician)', () => {
    const zones = new Map<string, string | null>([['library', null], ['bus', null], ['cafe', null]])
    const results = tally(
      config,
      [
        { dots: { bus: 3, cafe: 2 }, group: 'citizen-service-user' },
        { dots: { bus: 2 }, group: 'citizen-service-user' },
        { dots: { library: 2 }, group: 'citizen-service-user' },
        { dots: { library: 3 }, group: 'elected-politician' },
      ],
      zones,
    )
    expect(results.notes.library).toEqual({ total: 5, byGroup: {}, otherGroups: 5 })
    expect(results.mergedGroups).toEqual(['citizen-service-user'])
    expect(results.votersByGroup).toEqual({ 'elected-politician': null, 'citizen-service-user': 3 })
  })

  it('publishes no per-note figure when fewer than 3 people voted', () => {
    const zones = new Map<string, string | null>([['a', null]])
    const two = tally(config, [{ dots: { a: 3 }, group: 'other' }, { dots: { a: 1 }, group: 'other' }], zones)
    expect(two).toEqual({ voters: 2, dots: null, votersByGroup: { other: null }, notes: {}, ranked: {}, withheld: 'too-few-voters' })
    const none = tally(config, [], zones)
    expect(none).toMatchObject({ voters: 0, notes: {}, ranked: {} })
    expect(none.withheld).toBeUndefined()
  })

  it('never lets a note’s total minus its shown groups come from 1 or 2 voters (2,000 random votes)', () => {
    const random = seeded(20261123)
    const notes = ['n1', 'n2', 'n3', 'n4']
    const zones = new Map<string, string | null>(notes.map((n) => [n, null]))
    let mergedSeen = 0
    let withheldSeen = 0
    const problems: string[] = []
    for (let run = 0; run < 2000; run++) {
      const groups = STAKEHOLDER_GROUPS.slice(0, 1 + Math.floor(random() * 5))
      const ballots = Array.from({ length: Math.floor(random() * 14) }, () => {
        const dots: Record<string, number> = {}
        for (let i = Math.floor(random() * 4); i > 0; i--) dots[notes[Math.floor(random() * notes.length)]] = 1 + Math.floor(random() * 3)
        return { dots, group: groups[Math.floor(random() * groups.length)] as StakeholderGroup }
      })
      const cfg = { ...config, byGroup: random() < 0.85 }
      const results = tally(cfg, ballots, zones)
      const voting = ballots.filter((b) => Object.keys(b.dots).length > 0)
      expect(results.voters).toBe(voting.length)
      if (results.withheld) withheldSeen++
      if (results.mergedGroups) mergedSeen++
      // What a reader can tell from the results alone: which groups' dots are shown on their own.
      const shown = new Set(
        Object.entries(results.votersByGroup)
          .filter(([g, n]) => n !== null && !(results.mergedGroups ?? []).includes(g) && cfg.byGroup)
          .map(([g]) => g),
      )
      const unseenVoters = voting.filter((b) => !shown.has(b.group))
      const dotsOn = (list: typeof voting, noteId: string) => list.reduce((sum, b) => sum + (b.dots[noteId] ?? 0), 0)
      for (const [noteId, entry] of Object.entries(results.notes)) {
        const rest = entry.total - Object.values(entry.byGroup ?? {}).reduce((sum, n) => sum + n, 0)
        // The rest is exactly the unseen voters' dots on the note, and comes from no one or from
        // 3 people or more: never from 1 or 2.
        if (rest !== dotsOn(unseenVoters, noteId)) problems.push(`run ${run}: rest ${rest} on ${noteId} is not the unseen voters' dots`)
        if (entry.otherGroups !== undefined && entry.otherGroups !== rest) problems.push(`run ${run}: otherGroups ${entry.otherGroups} ≠ ${rest}`)
        if (unseenVoters.length === 1 || unseenVoters.length === 2) problems.push(`run ${run}: ${noteId}'s rest comes from ${unseenVoters.length} voter(s)`)
        // Every shown group's figure is its own voters' dots, from 3 or more people.
        for (const [group, n] of Object.entries(entry.byGroup ?? {})) {
          const members = voting.filter((b) => b.group === group)
          if (members.length < 3 || n !== dotsOn(members, noteId)) problems.push(`run ${run}: ${group} on ${noteId}`)
        }
      }
      if (voting.length > 0 && voting.length < 3 && Object.keys(results.notes).length > 0) problems.push(`run ${run}: figures of ${voting.length} voters`)
    }
    expect(problems).toEqual([])
    // The random votes did reach the cases that matter.
    expect(mergedSeen).toBeGreaterThan(20)
    expect(withheldSeen).toBeGreaterThan(20)
  })
})

/** A small deterministic random generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
