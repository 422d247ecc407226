import { describe, expect, it } from 'vitest'
import { useTestServer } from '../helpers/testServer.ts'

// A web page on any site can POST text/plain (a "simple" request, no CORS preflight) to any
// address its visitor's browser reaches, such as a coboard on the town hall's network.
describe('requests another site could make are refused', () => {
  const t = useTestServer()
  const post = (path: string, init: { body?: string; headers?: Record<string, string>; method?: string } = {}) =>
    fetch(`${t.server.url}${path}`, { method: init.method ?? 'POST', headers: init.headers, body: init.body })

  it('a text/plain or form body is refused with 415 on every JSON endpoint, and nothing is created', async () => {
    const board = await t.server.createBoard()
    const template = await (await fetch(`${t.server.url}/api/templates/blank`)).json()
    const bodies: Array<[string, string]> = [
      ['/api/boards', JSON.stringify({ template: 'blank' })],
      [`/api/templates?board=${board.id}`, JSON.stringify({ ...template, id: 'cross-site' })],
      [`/api/boards/${board.id}/template`, '{}'],
    ]
    for (const [path, body] of bodies) {
      for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await post(path, { body, headers: { 'Content-Type': type, Authorization: `Bearer ${board.tokens.facilitator}` } })
        expect(res.status, `${path} as ${type}`).toBe(415)
        const json = await res.json()
        expect(json.error).toBe('unsupported_type')
        expect(json.message).toMatch(/application\/json/)
      }
    }
    const list = (await (await fetch(`${t.server.url}/api/templates`)).json()).templates as Array<{ id: string }>
    expect(list.map((entry) => entry.id)).not.toContain('cross-site')
  })

  it('a state-changing request from a foreign Origin is refused with 403; the own origin and non-browser clients are let in', async () => {
    const board = await t.server.createBoard()
    const json = { 'Content-Type': 'application/json' }
    const foreign = { ...json, Origin: 'https://evil.example' }
    const refused = [
      await post('/api/boards', { body: JSON.stringify({ template: 'blank' }), headers: foreign }),
      await post(`/api/boards/${board.id}/links/participant/rotate`, { headers: { Origin: 'https://evil.example', Authorization: `Bearer ${board.tokens.facilitator}` } }),
      await post('/api/templates/blank', { method: 'DELETE', headers: { Origin: 'null' } }),
    ]
    for (const res of refused) {
      expect(res.status).toBe(403)
      expect((await res.json()).message).toMatch(/only from this server's own pages/)
    }
    // The participant link was not rotated.
    expect((await fetch(`${t.server.url}/api/boards/${board.id}`, { headers: { Authorization: `Bearer ${board.tokens.participant}` } })).status).toBe(200)

    const own = await post('/api/boards', { body: JSON.stringify({ template: 'blank' }), headers: { ...json, Origin: `http://localhost:${t.server.port}` } })
    expect(own.status).toBe(201)
    const loopback = await post('/api/boards', { body: JSON.stringify({ template: 'blank' }), headers: { ...json, Origin: `http://127.0.0.1:${t.server.port}` } })
    expect(loopback.status).toBe(201)
    const script = await post('/api/boards', { body: JSON.stringify({ template: 'blank' }), headers: json })
    expect(script.status).toBe(201)
    // Reading is not a change: a foreign page's GET is answered (the browser's CORS rules keep the answer from it).
    const read = await fetch(`${t.server.url}/api/templates`, { headers: { Origin: 'https://evil.example' } })
    expect(read.status).toBe(200)
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
  })
})
