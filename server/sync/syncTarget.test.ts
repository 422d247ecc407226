import { describe, expect, it } from 'vitest'
import { loggablePath, parseSyncTarget } from './syncTarget.ts'

describe('parseSyncTarget', () => {
  it('reads the board id and the token', () => {
    expect(parseSyncTarget('/sync/AbC_-123456789?k=tok')).toMatchObject({ ok: true, boardId: 'AbC_-123456789', token: 'tok' })
    expect(parseSyncTarget('/sync/board')).toMatchObject({ ok: true, boardId: 'board', token: null })
    // Absolute-form targets are legal HTTP (sent through proxies).
    expect(parseSyncTarget('http://example.org/sync/board?k=t')).toMatchObject({ ok: true, boardId: 'board', token: 't' })
    // Other query parameters stay readable from the parsed URL.
    const target = parseSyncTarget('/sync/board?k=t&a=secret')
    expect(target.ok && target.url.searchParams.get('a')).toBe('secret')
  })

  it('answers 400 for what cannot be decoded, instead of throwing', () => {
    for (const target of ['/sync/%zz', '/sync/%E0%A4%A', '/sync/abc%', 'http://[/sync/x', '//[/sync/x']) {
      expect(parseSyncTarget(target), target).toMatchObject({ ok: false, status: 400 })
    }
    // A malformed token is only a wrong token: the token check refuses it.
    expect(parseSyncTarget('/sync/board?k=%zz')).toMatchObject({ ok: true, boardId: 'board', token: '%zz' })
  })

  it('answers 404 for other paths', () => {
    for (const target of ['/', '/sync', '/sync/', '/sync/a/b', '/other/x', undefined]) {
      expect(parseSyncTarget(target), String(target)).toMatchObject({ ok: false, status: 404 })
    }
  })

  it('keeps the query (and its token) out of logs', () => {
    expect(loggablePath('/sync/board?k=secret')).toBe('/sync/board')
    expect(loggablePath(`/sync/${'x'.repeat(500)}`).length).toBeLessThan(130)
  })
})
