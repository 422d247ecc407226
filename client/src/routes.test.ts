import { describe, expect, it } from 'vitest'
import { parseRoute } from './routes.ts'

describe('parseRoute', () => {
  it('opens the lobby at the root', () => {
    expect(parseRoute({ pathname: '/', hash: '' })).toEqual({ page: 'lobby' })
  })

  it('reads the board id from the path and the token from the fragment', () => {
    expect(parseRoute({ pathname: '/b/abc_123', hash: '#k=s3cr-et' })).toEqual({
      page: 'board',
      boardId: 'abc_123',
      token: 's3cr-et',
    })
  })

  it('keeps a board route without a token so the page can explain what is missing', () => {
    expect(parseRoute({ pathname: '/b/abc', hash: '' })).toEqual({
      page: 'board',
      boardId: 'abc',
      token: undefined,
    })
  })

  it('does not take odd paths for boards', () => {
    expect(parseRoute({ pathname: '/b/../etc', hash: '' })).toEqual({ page: 'notFound' })
    expect(parseRoute({ pathname: '/nothing', hash: '' })).toEqual({ page: 'notFound' })
  })
})
