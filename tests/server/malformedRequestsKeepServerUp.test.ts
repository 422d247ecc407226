import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChildServer, type ChildServer } from '../helpers/childServer.ts'
import { tempDataDir } from '../helpers/testServer.ts'
import { UPGRADE_HEADERS, rawRequest } from '../helpers/rawHttp.ts'

// Each of these once ended the whole process (issue 7, defect 1): a throw inside the websocket
// upgrade path, from decodeURIComponent or new URL, in a promise nobody handled.
const MALFORMED_TARGETS = ['/sync/%zz', '/sync/%E0%A4%A', '/sync/abc%', 'http://[/sync/x', '/sync/%zz?k=%zz', '//[/sync/x']

describe('malformed requests never take the server down', () => {
  // A separate process, exactly as `npm start` runs it: if anything throws past the edge, the
  // process exits and the next check sees it.
  let server: ChildServer

  beforeAll(async () => {
    server = await startChildServer(tempDataDir())
  })
  afterAll(async () => {
    if (server.process.exitCode === null) {
      server.process.kill('SIGTERM')
      await server.exited
    }
  })

  async function expectStillServing(after: string): Promise<void> {
    expect(server.process.exitCode, `process exited after ${after}:\n${server.output()}`).toBeNull()
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status, `after ${after}`).toBe(200)
  }

  it.each(MALFORMED_TARGETS)('a websocket upgrade to %s is refused with 400, and the server keeps serving', async (target) => {
    const response = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${UPGRADE_HEADERS}\r\n`)
    expect(response.status, response.raw).toBe(400)
    await expectStillServing(`upgrade to ${target}`)
  })

  it.each(MALFORMED_TARGETS.map((t) => t.replace('/sync/', '/api/boards/')).concat(['/%zz', '/b/%E0%A4%A', '/assets/abc%']))(
    'a plain GET of %s answers 400 bad_request, not 500',
    async (target) => {
      const response = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
      expect(response.status, response.raw).toBe(400)
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(JSON.parse(response.body)).toMatchObject({ error: 'bad_request' })
      expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/)
      await expectStillServing(`GET ${target}`)
    },
  )

  it('a request line that is not HTTP at all gets 400 and the connection is closed', async () => {
    for (const line of ['GET /sync/x HTTP/9.9', 'BREW /sync/x', '\u0000\u0001\u0002', 'GET /sync/x HTTP/1.1\r\nHost: a\r\nContent-Length: -1']) {
      const response = await rawRequest(server.port, `${line}\r\n\r\n`)
      expect([0, 400, 505], `${JSON.stringify(line)} → ${response.raw}`).toContain(response.status)
      await expectStillServing(JSON.stringify(line))
    }
  })

  it('a client that resets the connection in the middle of an upgrade does not take the server down', async () => {
    const net = await import('node:net')
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((resolve) => {
        const socket = net.connect({ port: server.port, host: '127.0.0.1' }, () => {
          socket.write(`GET /sync/AAAAAAAAAAAAAAAA?k=${'A'.repeat(43)} HTTP/1.1\r\nHost: 127.0.0.1\r\n${UPGRADE_HEADERS}\r\n`)
          // Reset (RST) rather than close: the server sees ECONNRESET on a socket it owns.
          setImmediate(() => socket.resetAndDestroy())
        })
        socket.on('error', () => {})
        socket.on('close', () => resolve())
      })
    }
    await expectStillServing('reset upgrades')
  })
})
