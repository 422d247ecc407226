import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_DOC_KEYS, writeBoardMeta } from '../boardDoc.ts'
import { writeRecords } from '../tldrawYjs/recordsDoc.ts'
import { makeNote } from '../tldrawYjs/testing.ts'
import { voteConfigSchema, type VoteRecord } from '../voting/voting.ts'
import { buildBoardReport, coversNote } from './boardReport.ts'

const vote = (id: string, closedAt: number, zones: string[], notes: Record<string, number>, votersByGroup: Record<string, number | null> = {}): VoteRecord => ({
  id,
  status: 'closed',
  config: voteConfigSchema.parse({ zones }),
  startedAt: closedAt - 1000,
  endsAt: null,
  closedAt,
  results: { voters: 1, dots: 1, votersByGroup, notes: Object.fromEntries(Object.entries(notes).map(([n, total]) => [n, { total }])), ranked: {} },
})

describe('coversNote', () => {
  it('a vote covers the notes it got dots for, every note when it took every zone, else its zones’ notes', () => {
    const onA = vote('v', 1, ['a'], { 'shape:moved': 2 })
    expect(coversNote(onA, 'shape:x', 'a')).toBe(true)
    expect(coversNote(onA, 'shape:x', 'b')).toBe(false)
    expect(coversNote(onA, 'shape:x', null)).toBe(false)
    expect(coversNote(onA, 'shape:moved', 'b')).toBe(true)
    expect(coversNote(vote('w', 1, [], {}), 'shape:x', null)).toBe(true)
  })
})

describe('buildBoardReport', () => {
  it('takes each note’s votes from the latest vote that covered it, and the most voters of a group in one vote', () => {
    const doc = new Y.Doc()
    writeBoardMeta(doc, { title: 'Votes', template: 'blank', locale: 'en', createdAt: 0, format: 1 })
    writeRecords(doc, [makeNote('early'), makeNote('late'), makeNote('none')])
    const votes = doc.getMap(BOARD_DOC_KEYS.votes)
    // Notes outside every zone: only a vote on every zone covers them.
    votes.set('v1', vote('v1', 1000, [], { 'shape:early': 4, 'shape:late': 1 }, { 'citizen-service-user': 5 }))
    votes.set('v2', vote('v2', 2000, ['elsewhere'], { 'shape:late': 3 }, { 'citizen-service-user': null, researcher: 3 }))
    const report = buildBoardReport(doc, undefined)
    const votesOf = (id: string) => report.outside.find((n) => n.id === id)?.votes?.total
    expect(votesOf('shape:early')).toBe(4)
    expect(votesOf('shape:late')).toBe(3)
    expect(votesOf('shape:none')).toBe(0)
    expect(report.closedVotes).toBe(2)
    expect(report.lastVoteClosedAt).toBe(2000)
    const voters = Object.fromEntries(report.participation.map((row) => [row.group, row.voters]))
    expect(voters).toMatchObject({ 'citizen-service-user': 5, researcher: 3 })
  })

  it('reads the records it is given (a kept version’s, migrated) instead of the doc’s', () => {
    const doc = new Y.Doc()
    writeRecords(doc, [makeNote('stored')])
    const report = buildBoardReport(doc, undefined, { records: [makeNote('given')] })
    expect(report.outside.map((n) => n.id)).toEqual(['shape:given'])
  })
})
