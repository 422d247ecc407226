import { describe, expect, it } from 'vitest'
import { parseRoute, presenterLink, versionLink } from './routes.ts'

describe('parseRoute', () => {
  it('opens the lobby at the root', () => {
    expect(parseRoute({ pathname: '/', hash: '' })).toEqual({ page: 'lobby' })
  })

  it('reads the board id from the path and the token from the fragment', () => {
    expect(parseRoute({ pathname: '/b/abc_123', hash: '#k=s3cr-et' })).toEqual({
      page: 'board',
      boardId: 'abc_123',
      token: 's3cr-et',
      view: 'editor',
    })
  })

  it('keeps a board route without a token so the page can explain what is missing', () => {
    expect(parseRoute({ pathname: '/b/abc', hash: '' })).toEqual({
      page: 'board',
      boardId: 'abc',
      token: undefined,
      view: 'editor',
    })
  })

  it('opens the presenter view with ?view=presenter, keeping the token in the fragment', () => {
    expect(parseRoute({ pathname: '/b/abc', search: '?view=presenter', hash: '#k=t0k' })).toEqual({
      page: 'board',
      boardId: 'abc',
      token: 't0k',
      view: 'presenter',
    })
    expect(parseRoute({ pathname: '/b/abc', search: '?view=other', hash: '#k=t0k' })).toMatchObject({ view: 'editor' })
    expect(presenterLink('https://x.org/b/abc#k=t0k')).toBe('https://x.org/b/abc?view=presenter#k=t0k')
    expect(parseRoute(new URL(presenterLink('https://x.org/b/abc#k=obs')))).toMatchObject({ view: 'presenter', token: 'obs' })
  })

  it('opens a kept version read-only with ?view=version&v=<id>; without an id, the board', () => {
    const link = versionLink({ origin: 'https://x.org', pathname: '/b/abc', hash: '#k=t0k' }, 'v 1/2')
    expect(link).toBe('https://x.org/b/abc?view=version&v=v%201%2F2#k=t0k')
    const url = new URL(link)
    expect(parseRoute({ pathname: url.pathname, search: url.search, hash: url.hash })).toEqual({ page: 'version', boardId: 'abc', token: 't0k', versionId: 'v 1/2' })
    expect(parseRoute({ pathname: '/b/abc', search: '?view=version', hash: '#k=t0k' })).toMatchObject({ page: 'board', view: 'editor' })
  })

  it('does not take odd paths for boards', () => {
    expect(parseRoute({ pathname: '/b/../etc', hash: '' })).toEqual({ page: 'notFound' })
    expect(parseRoute({ pathname: '/nothing', hash: '' })).toEqual({ page: 'notFound' })
  })
})
