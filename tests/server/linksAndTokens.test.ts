import { describe, expect, it } from 'vitest'
import { CLOSE } from '../../shared/closeCodes.ts'
import { closeOf, connectClient, openRaw } from '../helpers/clients.ts'
import { tokenOf, useTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'
import WebSocket from 'ws'

describe('capability links', () => {
  const t = useTestServer()

  const api = (path: string, init: RequestInit = {}) => fetch(`${t.server.url}${path}`, init)
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

  it('creating a board returns three distinct secret links with 256-bit tokens in the fragment', async () => {
    const res = await api('/api/boards', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: 'blank', title: '  Stakeholder kick-off  ', locale: 'sv' }),
    })
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toMatchObject({ title: 'Stakeholder kick-off', template: 'blank', locale: 'sv' })
    const links = Object.values(body.links) as string[]
    expect(new Set(links).size).toBe(3)
    for (const link of links) {
      const url = new URL(link)
      expect(url.pathname).toBe(`/b/${body.id}`)
      expect(url.search).toBe('')
      expect(url.hash).toMatch(/^#k=[A-Za-z0-9_-]{43}$/)
    }
    // Each link opens the board with its own role.
    for (const role of ['facilitator', 'participant', 'observer'] as const) {
      const meta = await api(`/api/boards/${body.id}`, { headers: bearer(tokenOf(body.links[role])) })
      expect(meta.status).toBe(200)
      expect(await meta.json()).toMatchObject({ id: body.id, title: 'Stakeholder kick-off', role })
    }
  })

  it('bad input gets a clear JSON error, never a stack trace', async () => {
    const post = (body: string) => api('/api/boards', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
    const cases: Array<[string, number, string, RegExp]> = [
      ['{"template":"nope"}', 400, 'unknown_template', /Unknown template "nope".*blank/],
      ['{"template":', 400, 'bad_json', /not valid JSON/],
      ['', 400, 'bad_json', /empty/],
      ['{"template":"blank","locale":"fr"}', 400, 'bad_request', /locale must be one of en, da, sv, nb/],
      ['{"template":"blank","tempalte":"x"}', 400, 'bad_request', /Unknown field.*tempalte/],
      ['{"title":"no template"}', 400, 'bad_request', /template/],
      [JSON.stringify({ template: 'blank', title: 'x'.repeat(201) }), 400, 'bad_request', /title must be at most 200/],
    ]
    for (const [body, status, error, message] of cases) {
      const res = await post(body)
      expect(res.status, body).toBe(status)
      const json = await res.json()
      expect(json.error, body).toBe(error)
      expect(json.message, body).toMatch(message)
      expect(JSON.stringify(json)).not.toMatch(/at .*\.ts:\d+/)
    }
    const unknownTemplate = await (await post('{"template":"nope"}')).json()
    expect(unknownTemplate.validTemplates).toContain('blank')

    const board = await t.server.createBoard()
    expect((await api(`/api/boards/${board.id}`)).status).toBe(401)
    expect((await api(`/api/boards/${board.id}`, { headers: bearer('x'.repeat(43)) })).status).toBe(403)
    expect((await api(`/api/boards/AAAAAAAAAAAAAAAA`, { headers: bearer(board.tokens.facilitator) })).status).toBe(404)
    const notFound = await (await api('/api/nothing-here')).json()
    expect(notFound.error).toBe('not_found')
  })

  it('wrong tokens and unknown boards are refused with permanent close codes', async () => {
    const board = await t.server.createBoard()
    const wrong = await openRaw(t.server.wsUrl, board.id, 'A'.repeat(43))
    expect(await closeOf(wrong)).toEqual({ code: CLOSE.unauthorized.code, reason: CLOSE.unauthorized.reason })
    const missing = await openRaw(t.server.wsUrl, board.id, '')
    expect((await closeOf(missing)).code).toBe(CLOSE.unauthorized.code)
    const unknown = await openRaw(t.server.wsUrl, 'ZZZZZZZZZZZZZZZZ', board.tokens.participant)
    expect(await closeOf(unknown)).toEqual({ code: CLOSE.notFound.code, reason: CLOSE.notFound.reason })
    // A participant token of one board does not open another.
    const other = await t.server.createBoard()
    const crossed = await openRaw(t.server.wsUrl, other.id, board.tokens.participant)
    expect((await closeOf(crossed)).code).toBe(CLOSE.unauthorized.code)
  })

  it('rotating a link stops the old one, including open connections; others stay', async () => {
    const board = await t.server.createBoard()
    const participant = await connectClient(t.server.wsUrl, board.id, board.tokens.participant)
    const observer = await connectClient(t.server.wsUrl, board.id, board.tokens.observer)
    t.clients.push(participant, observer)

    // Only the facilitator may rotate.
    const refused = await api(`/api/boards/${board.id}/links/participant/rotate`, { method: 'POST', headers: bearer(board.tokens.participant) })
    expect(refused.status).toBe(403)
    expect((await refused.json()).message).toMatch(/Only the facilitator/)
    expect((await api(`/api/boards/${board.id}/links/janitor/rotate`, { method: 'POST', headers: bearer(board.tokens.facilitator) })).status).toBe(404)

    const res = await api(`/api/boards/${board.id}/links/participant/rotate`, { method: 'POST', headers: bearer(board.tokens.facilitator) })
    expect(res.status).toBe(200)
    const { role, link } = await res.json()
    expect(role).toBe('participant')
    const newToken = tokenOf(link)
    expect(newToken).not.toBe(board.tokens.participant)

    // The open participant connection is closed for good; y-websocket stops reconnecting on 44xx.
    await waitFor(() => participant.closes.some((c) => c.code === CLOSE.unauthorized.code), 5000, 'old participant closed')
    expect(observer.provider.wsconnected).toBe(true)
    const again = await openRaw(t.server.wsUrl, board.id, board.tokens.participant)
    expect((await closeOf(again)).code).toBe(CLOSE.unauthorized.code)
    expect((await api(`/api/boards/${board.id}`, { headers: bearer(board.tokens.participant) })).status).toBe(403)

    const fresh = await connectClient(t.server.wsUrl, board.id, newToken)
    t.clients.push(fresh)
    expect(fresh.provider.synced).toBe(true)
  })

  it('a websocket from a foreign Origin is refused; the own origin and non-browser clients are let in', async () => {
    const board = await t.server.createBoard()
    const foreign = new WebSocket(`${t.server.wsUrl}/sync/${board.id}?k=${board.tokens.participant}`, {
      headers: { Origin: 'https://evil.example' },
    })
    const status = await new Promise<number>((resolve) => {
      foreign.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      foreign.once('open', () => resolve(101))
    })
    expect(status).toBe(403)

    const own = await connectClient(t.server.wsUrl, board.id, board.tokens.participant, { origin: `http://localhost:${t.server.port}` })
    const loopback = await connectClient(t.server.wsUrl, board.id, board.tokens.participant, { origin: `http://127.0.0.1:${t.server.port}` })
    const bot = await connectClient(t.server.wsUrl, board.id, board.tokens.participant)
    t.clients.push(own, loopback, bot)
    expect([own, loopback, bot].every((c) => c.provider.synced)).toBe(true)
  })
})
