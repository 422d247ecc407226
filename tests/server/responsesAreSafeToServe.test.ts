import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, tempDataDir, type TestServer } from '../helpers/testServer.ts'
import { rawRequest } from '../helpers/rawHttp.ts'

// The smallest valid PNG: 1×1 transparent pixel.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082',
  'hex',
)

/** A client build of three files, so these tests do not depend on (or wait for) the real one. */
function fakeClientDist(): string {
  const dir = tempDataDir()
  fs.mkdirSync(path.join(dir, 'assets'))
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>coboard</title><script type="module" src="/assets/app-1a2b3c.js"></script>')
  fs.writeFileSync(path.join(dir, 'assets', 'app-1a2b3c.js'), 'console.log("coboard")')
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  fs.writeFileSync(path.join(dir, '.env'), 'SECRET=1')
  return dir
}

describe('every response is safe to serve', () => {
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('carries nosniff on every kind of answer: pages, files, JSON, 404s, errors and refusals', async () => {
    server = await startTestServer({ deps: { clientDist: fakeClientDist() } })
    const board = await server.createBoard()
    const answers: Array<[string, Response | { status: number; headers: Record<string, string> }]> = [
      ['page', await fetch(`${server.url}/`)],
      ['board page', await fetch(`${server.url}/b/${board.id}`)],
      ['hashed file', await fetch(`${server.url}/assets/app-1a2b3c.js`)],
      ['other file', await fetch(`${server.url}/sw.js`)],
      ['missing file', await fetch(`${server.url}/assets/nope.js`)],
      ['dotfile', await fetch(`${server.url}/.env`)],
      ['api 404', await fetch(`${server.url}/api/nothing-here`)],
      ['page 404', await fetch(`${server.url}/no/such/page`)],
      ['401', await fetch(`${server.url}/api/boards/${board.id}`)],
      ['400', await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' })],
      ['415', await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' })],
      ['health', await fetch(`${server.url}/healthz`)],
    ]
    const malformed = await rawRequest(server.port, 'GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    answers.push(['bad URL', { status: malformed.status, headers: malformed.headers }])
    const garbage = await rawRequest(server.port, 'NOT HTTP AT ALL\r\n\r\n')
    answers.push(['not HTTP', { status: garbage.status, headers: garbage.headers }])
    for (const [what, response] of answers) {
      const header = response instanceof Response ? response.headers.get('x-content-type-options') : response.headers['x-content-type-options']
      expect(header, `${what} (${response.status})`).toBe('nosniff')
    }
    expect(answers.find(([what]) => what === 'dotfile')![1].status).toBe(404)
    expect(garbage.status).toBe(400)
  })

  it('serves the app with its security headers, fingerprinted files for good, the rest revalidated', async () => {
    server = await startTestServer({ deps: { clientDist: fakeClientDist() } })
    const page = await fetch(`${server.url}/b/AAAAAAAAAAAAAAAA`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>coboard</title>')
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    expect(page.headers.get('cache-control')).toBe('no-cache')
    const hashed = await fetch(`${server.url}/assets/app-1a2b3c.js`)
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(hashed.headers.get('content-type')).toMatch(/javascript/)
    expect((await fetch(`${server.url}/sw.js`)).headers.get('cache-control')).toBe('no-cache')
    const head = await fetch(`${server.url}/`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    // Not a board id: not an app route.
    expect((await fetch(`${server.url}/b/not!an!id`)).status).toBe(404)
    // Nothing outside the build directory is reachable.
    const traversal = await rawRequest(server.port, 'GET /assets/../../package.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(traversal.status).toBe(404)
    const encoded = await rawRequest(server.port, 'GET /assets/%2e%2e/%2e%2e/package.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(encoded.status).toBe(404)
  })

  it('answers 503 with a plain explanation while the client is not built', async () => {
    server = await startTestServer({ deps: { clientDist: path.join(tempDataDir(), 'no-dist') } })
    for (const route of ['/', '/b/AAAAAAAAAAAAAAAA']) {
      const res = await fetch(`${server.url}${route}`)
      expect(res.status).toBe(503)
      expect(await res.text()).toMatch(/client is not built.*npm run build/)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  it('HEAD of an image answers 200 with the same headers as GET and no body', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const upload = await fetch(`${server.url}/api/boards/${board.id}/assets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.tokens.participant}`, 'Content-Type': 'image/png' },
      body: new Uint8Array(PNG),
    })
    const { url } = await upload.json()
    const get = await fetch(`${server.url}${url}`)
    const head = await rawRequest(server.port, `HEAD ${url} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    for (const name of ['content-type', 'content-length', 'cache-control', 'content-security-policy', 'x-content-type-options']) {
      expect(head.headers[name], name).toBe(get.headers.get(name))
    }
    expect(head.headers['content-length']).toBe(String(PNG.length))
    const missing = await fetch(`${server.url}/api/boards/${board.id}/assets/AAAAAAAAAAAAAAAAAAAAAA`, { method: 'HEAD' })
    expect(missing.status).toBe(404)
  })

  it('API answers are never cached by the browser', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const info = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { Authorization: `Bearer ${board.tokens.observer}` } })
    expect(info.headers.get('cache-control')).toBe('no-store')
    expect((await fetch(`${server.url}/api/templates`)).headers.get('cache-control')).toBe('no-store')
  })
})
