import { describe, expect, it } from 'vitest'
import { identifiableGroups, participationRows } from './participation.ts'

describe('participation balance', () => {
  it('sets intended against actual per group and names the groups that are missing', () => {
    const rows = participationRows({
      suggested: ['citizen-service-user', 'civil-servant-operational'],
      intended: { 'citizen-service-user': { people: 6, how: 'co-design the opening hours' } },
      presentGroups: ['civil-servant-operational', 'civil-servant-operational', 'researcher'],
      attendanceGroups: ['civil-servant-operational', 'civil-servant-operational', 'civil-servant-operational', 'researcher'],
      noteGroups: ['civil-servant-operational', 'researcher', 'researcher'],
      votersByGroup: { 'civil-servant-operational': 3, researcher: null },
    })
    const byGroup = Object.fromEntries(rows.map((row) => [row.group, row]))
    expect(byGroup['citizen-service-user']).toMatchObject({ missing: true, present: 0, intended: { people: 6 } })
    expect(byGroup['civil-servant-operational']).toMatchObject({ missing: false, present: 2, tookPart: 3, notes: 1, voters: 3 })
    expect(byGroup.researcher).toMatchObject({ missing: false, notes: 2, voters: null })
    expect(byGroup['elected-politician']).toBeUndefined()
  })

  it('lists every group when asked, marking only the expected ones missing', () => {
    const rows = participationRows({ suggested: [], intended: {}, presentGroups: [], attendanceGroups: [], noteGroups: [], votersByGroup: {}, allGroups: true })
    expect(rows).toHaveLength(8)
    expect(rows.some((row) => row.missing)).toBe(false)
  })
  it('finds the groups present with one or two people (their label points at them on an anonymous board)', () => {
    const rows = participationRows({
      suggested: ['elected-politician'],
      intended: {},
      presentGroups: ['researcher', 'citizen-service-user', 'citizen-service-user', 'citizen-service-user', 'other', 'other'],
      attendanceGroups: [],
      noteGroups: [],
      votersByGroup: {},
    })
    expect(identifiableGroups(rows).map((row) => [row.group, row.present])).toEqual([['researcher', 1], ['other', 2]])
  })
})
