import { describe, expect, it } from 'vitest'
import { makeNote } from '../../../shared/tldrawYjs/testing.ts'
import { asDraft, becomesDraft, draftCountsByGroup, draftSeq, isDraft, published, revealedBy } from './drafts.ts'

describe('private drafts', () => {
  it('marks a note as a draft and takes the mark off on publishing', () => {
    const draft = asDraft(makeNote('a', { meta: { group: 'citizen-service-user' } }), 2)
    expect(isDraft(draft)).toBe(true)
    expect(draftSeq(draft)).toBe(2)
    const out = published(draft)
    expect(isDraft(out)).toBe(false)
    expect(out.meta).toEqual({ group: 'citizen-service-user' })
  })

  it('publishes a draft written on a named board without its author name once the board is anonymous', () => {
    const draft = asDraft(makeNote('a', { meta: { group: 'researcher', authorName: 'Astrid' } }), 0)
    expect(published(draft).meta).toEqual({ group: 'researcher', authorName: 'Astrid' })
    expect(published(draft, true).meta).toEqual({ group: 'researcher' })
  })

  it('"reveal all" publishes the drafts written before it, not those written after', () => {
    const early = asDraft(makeNote('early'), 0)
    const late = asDraft(makeNote('late'), 1)
    expect(revealedBy([early, late], 1).map((d) => d.id)).toEqual(['shape:early'])
    expect(revealedBy([early, late], 0)).toEqual([])
  })

  it('only notes of people who may write become drafts, only while the phase runs', () => {
    const note = makeNote('n')
    expect(becomesDraft(note, { active: true }, true)).toBe(true)
    expect(becomesDraft(note, { active: false }, true)).toBe(false)
    expect(becomesDraft(note, { active: true }, false)).toBe(false)
    expect(becomesDraft({ ...note, type: 'text' } as never, { active: true }, true)).toBe(false)
  })

  it('counts drafts per group from presence, ignoring malformed or empty states', () => {
    const citizen = { group: 'citizen-service-user' }
    expect(
      draftCountsByGroup([
        { user: citizen, drafts: 2 },
        { user: citizen, drafts: 1 },
        { user: { group: 'researcher' }, drafts: 0 },
        { user: citizen, drafts: 'many' },
        null,
        { drafts: 4 },
      ]),
    ).toEqual({ 'citizen-service-user': { drafts: 3, people: 2 } })
  })
})
