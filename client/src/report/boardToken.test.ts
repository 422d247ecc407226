import { describe, expect, it } from 'vitest'
import { parseRoute } from '../routes.ts'
import { outcomesLink } from './boardToken.ts'

describe('the "What happened to our input" address', () => {
  it('keeps the link token in the fragment and opens the outcomes view', () => {
    const link = outcomesLink({ origin: 'https://x.org', pathname: '/b/abc', hash: '#k=t0k' })
    expect(link).toBe('https://x.org/b/abc?view=outcomes#k=t0k')
    const url = new URL(link)
    expect(parseRoute({ pathname: url.pathname, search: url.search, hash: url.hash })).toEqual({
      page: 'board',
      boardId: 'abc',
      token: 't0k',
      view: 'outcomes',
    })
  })

  it('treats an unknown view as the editor', () => {
    expect(parseRoute({ pathname: '/b/abc', search: '?view=other', hash: '#k=t' })).toMatchObject({ view: 'editor' })
  })
})
