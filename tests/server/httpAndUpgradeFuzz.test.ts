import net from 'node:net'
import { toRichText, type TLNoteShape } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { readRecord, writeRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import { makeNote } from '../../shared/tldrawYjs/testing.ts'
import { plainText } from '../../shared/templates/templateFromBoard.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChildServer, type ChildServer } from '../helpers/childServer.ts'
import { connectClient, type SyncClient } from '../helpers/clients.ts'
import { tempDataDir, tokenOf } from '../helpers/testServer.ts'
import { parseRawResponse } from '../helpers/rawHttp.ts'
import { waitFor } from '../helpers/wait.ts'

// Random requests at the HTTP and websocket-upgrade edges, over raw sockets so that nothing
// normalises them: paths, percent-encodings, request lines, methods, headers and bodies, plus
// real upgrades that then send junk or vanish. The server must answer or close each one, never
// exit, never answer 500, while an unrelated board keeps syncing between two stock clients.

/** The quiet board's counter: a note, written as coboard's client writes notes (the `tldraw` root). */
function writeCounter(doc: Y.Doc, value: number): void {
  writeRecords(doc, [makeNote('counter', { props: { ...makeNote('counter').props, richText: toRichText(String(value)) } })])
}
function readCounter(doc: Y.Doc): number {
  const note = readRecord(doc, 'shape:counter') as TLNoteShape | undefined
  return note ? Number(plainText(note.props.richText)) : 0
}

const REQUESTS = 10_000
const CONCURRENCY = 24
const PER_REQUEST_MS = 3000

/** A small seeded PRNG (mulberry32), so a failing run can be repeated with FUZZ_SEED. */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]
  return { next, int, pick, chance: (p: number) => next() < p }
}
type Rng = ReturnType<typeof random>

const METHODS = ['GET', 'GET', 'GET', 'HEAD', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT', 'BREW', 'get', 'G E T', '']
const SEGMENTS = ['api', 'boards', 'templates', 'assets', 'links', 'participant', 'rotate', 'template', 'sync', 'b', 'healthz', 'config', '..', '.', '', '%2e%2e', '%2F', 'index.html', 'sw.js', '.env', 'AAAAAAAAAAAAAAAA']
const ESCAPES = ['%zz', '%', '%E0%A4%A', '%C0%AF', '%00', '%ff', '%FF%FE', '%25', '%2', '%u0041', '%F0%9F%98%80', '%ED%A0%80', '%0d%0a', '%20', '+']
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'image/png', 'image/svg+xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/jsonx', '', ';;;', 'image/png; x="']
const ORIGINS = ['https://evil.example', 'null', 'http://localhost:1', '', 'http://[::1', 'javascript:alert(1)']

function randomText(rng: Rng, length: number, alphabet = 'abcXYZ019-_.~!$&\'()*+,;=:@/?#[]%" <>\\^`{|}\u00e6\u00f8\u00e5\u{1F600}\u0000\t'): string {
  const chars = [...alphabet]
  let out = ''
  for (let i = 0; i < length; i++) out += rng.pick(chars)
  return out
}

function randomPath(rng: Rng, boardId: string, assetId: string): string {
  const kind = rng.int(12)
  const segment = () => {
    const r = rng.int(10)
    if (r < 4) return rng.pick(SEGMENTS)
    if (r < 6) return rng.pick(ESCAPES)
    if (r < 7) return boardId
    if (r < 8) return `${rng.pick(SEGMENTS)}${rng.pick(ESCAPES)}${rng.pick(SEGMENTS)}`
    return encodeURIComponent(randomText(rng, rng.int(12)))
  }
  const segments = Array.from({ length: 1 + rng.int(5) }, segment)
  const query = rng.chance(0.3) ? `?${rng.pick(['k', 'locale', 'board', '%zz', ''])}=${rng.chance(0.5) ? rng.pick(ESCAPES) : randomText(rng, rng.int(20))}` : ''
  switch (kind) {
    case 0:
      return `/sync/${rng.chance(0.5) ? boardId : segment()}${query}`
    case 1:
      return `/api/boards/${rng.chance(0.7) ? boardId : segment()}/${rng.pick(['assets', 'template', 'templates', 'links/participant/rotate', 'links/janitor/rotate', `assets/${assetId}`, `assets/${segment()}`])}${query}`
    case 2:
      return rng.pick(['http://[/sync/x', '//[/sync/x', '*', 'http://a/api/boards', 'http://127.0.0.1/healthz', 'HTTP://x/%zz', '/' + '%'.repeat(rng.int(50)), `/${'a/'.repeat(rng.int(400))}`])
    case 3:
      return `/${'x'.repeat(rng.int(9000))}`
    case 4:
      // Raw bytes in the target: Node's parser refuses most of them.
      return `/${randomText(rng, rng.int(30))}`.replace(/[\r\n]/g, '')
    default:
      return `/${segments.join('/')}${query}`
  }
}

function randomBody(rng: Rng): Buffer {
  switch (rng.int(8)) {
    case 0:
      return Buffer.from(JSON.stringify({ template: rng.pick(['blank', 'nope', '', '__proto__']), title: randomText(rng, rng.int(300)), locale: rng.pick(['en', 'fr', 7]) }))
    case 1:
      return Buffer.from('{"__proto__":{"polluted":true},"template":"blank"}')
    case 2:
      return Buffer.from(randomText(rng, rng.int(2000)))
    case 3:
      return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(rng.int(3000), rng.int(256))])
    case 4:
      return Buffer.from('[' .repeat(rng.int(5000)))
    case 5:
      return Buffer.alloc(0)
    default:
      return Buffer.from(JSON.stringify({ id: randomText(rng, 10), zones: [] }))
  }
}

/** One random request as bytes, and whether it asks for a websocket. */
function randomRequest(rng: Rng, ctx: { boardId: string; tokens: string[]; assetId: string }): { bytes: Buffer; upgrade: boolean; reset: boolean } {
  const upgrade = rng.chance(0.35)
  const method = upgrade ? rng.pick(['GET', 'GET', 'GET', 'POST', 'get']) : rng.pick(METHODS)
  const target = upgrade && rng.chance(0.5) ? `/sync/${rng.chance(0.6) ? ctx.boardId : rng.pick(ESCAPES)}${rng.chance(0.7) ? `?k=${rng.chance(0.6) ? rng.pick(ctx.tokens) : rng.pick(ESCAPES)}` : ''}` : randomPath(rng, ctx.boardId, ctx.assetId)
  const version = rng.chance(0.95) ? 'HTTP/1.1' : rng.pick(['HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTPS/1.1', ''])
  const headers: string[] = []
  if (rng.chance(0.9)) headers.push(`Host: ${rng.chance(0.9) ? '127.0.0.1' : randomText(rng, 20).replace(/[\r\n]/g, '')}`)
  if (upgrade) {
    headers.push('Upgrade: websocket', 'Connection: Upgrade')
    if (rng.chance(0.9)) headers.push('Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==')
    if (rng.chance(0.9)) headers.push(`Sec-WebSocket-Version: ${rng.chance(0.9) ? 13 : rng.int(100)}`)
  } else if (rng.chance(0.9)) headers.push('Connection: close')
  if (rng.chance(0.3)) headers.push(`Origin: ${rng.pick(ORIGINS)}`)
  if (rng.chance(0.4)) headers.push(`Authorization: ${rng.pick(['Bearer ', 'Basic ', 'bearer  ', ''])}${rng.chance(0.5) ? rng.pick(ctx.tokens) : randomText(rng, rng.int(60)).replace(/[\r\n]/g, '')}`)
  if (rng.chance(0.2)) headers.push(`X-Forwarded-For: ${rng.pick(['203.0.113.9', '::1', 'garbage', '1.2.3.4, 5.6.7.8'])}`)
  if (rng.chance(0.1)) headers.push(`X-Coboard-Create-Key: ${randomText(rng, 30).replace(/[\r\n]/g, '')}`)
  if (rng.chance(0.05)) headers.push(`X-Junk: ${'j'.repeat(rng.int(20_000))}`)
  if (rng.chance(0.05)) headers.push(randomText(rng, 20).replace(/[\r\n]/g, ''))
  let body: Buffer = Buffer.alloc(0)
  if (!upgrade && rng.chance(0.5)) {
    body = randomBody(rng)
    if (rng.chance(0.9)) headers.push(`Content-Type: ${rng.pick(CONTENT_TYPES)}`)
    const lengthKind = rng.int(10)
    if (lengthKind < 7) headers.push(`Content-Length: ${body.length}`)
    else if (lengthKind === 7) headers.push(`Content-Length: ${rng.pick([-1, 0, body.length + 100, 'abc', '1, 2'])}`)
    else if (lengthKind === 8) {
      headers.push('Transfer-Encoding: chunked')
      body = Buffer.concat([Buffer.from(`${rng.chance(0.8) ? body.length.toString(16) : 'zz'}\r\n`), body, Buffer.from(rng.chance(0.8) ? '\r\n0\r\n\r\n' : '\r\n')])
    }
  }
  const head = `${method} ${target} ${version}`.trim()
  const bytes = Buffer.concat([Buffer.from(`${head}\r\n${headers.join('\r\n')}${headers.length ? '\r\n' : ''}\r\n`, 'latin1'), body])
  return { bytes, upgrade, reset: rng.chance(0.05) }
}

/** A few websocket frames: junk, a too-big length, a close; unmasked or masked. */
function randomFrames(rng: Rng): Buffer {
  const frames: Buffer[] = []
  for (let i = 0; i < 1 + rng.int(3); i++) {
    const r = rng.int(4)
    if (r === 0) frames.push(Buffer.from([0x82, 0x85, 1, 2, 3, 4, rng.int(256), rng.int(256), rng.int(256), rng.int(256), rng.int(256)]))
    else if (r === 1) frames.push(Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))
    else if (r === 2) frames.push(Buffer.from(randomText(rng, rng.int(50))))
    else frames.push(Buffer.from([0x88, 0x80, 0, 0, 0, 0]))
  }
  return Buffer.concat(frames)
}

interface Outcome {
  status: number
  /** Whether the answer carried X-Content-Type-Options: nosniff. */
  nosniff: boolean
  firstLine: string
}

/** Sends one request on its own connection and reads until the server answers, closes, or time runs out. */
function send(port: number, request: ReturnType<typeof randomRequest>, frames: Buffer): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' })
    const chunks: Buffer[] = []
    let done = false
    const finish = () => {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.destroy()
      const response = parseRawResponse(Buffer.concat(chunks).toString('latin1'))
      resolve({ status: response.status, nosniff: response.headers['x-content-type-options'] === 'nosniff', firstLine: response.raw.split('\r\n', 1)[0] })
    }
    const timer = setTimeout(finish, PER_REQUEST_MS)
    socket.on('error', finish)
    socket.on('close', finish)
    socket.on('connect', () => {
      if (request.reset) {
        // Half a request, then a reset: the server must cope with a peer that vanishes.
        socket.write(request.bytes.subarray(0, Math.floor(request.bytes.length / 2)))
        setImmediate(() => {
          socket.resetAndDestroy()
          finish()
        })
        return
      }
      socket.write(request.bytes)
    })
    socket.on('data', (chunk) => {
      chunks.push(chunk)
      const text = Buffer.concat(chunks).toString('latin1')
      const headEnd = text.indexOf('\r\n\r\n')
      if (headEnd === -1) return
      const response = parseRawResponse(text)
      if (response.status === 101) {
        // A real websocket: say something wrong, or leave.
        if (frames.length > 0) socket.write(frames)
        setTimeout(finish, 20)
        return
      }
      const length = Number(response.headers['content-length'])
      const bodyBytes = Buffer.byteLength(text, 'latin1') - headEnd - 4
      if (Number.isFinite(length) && bodyBytes >= length) finish()
    })
  })
}

describe('HTTP and upgrade fuzz', () => {
  let server: ChildServer
  let writer: SyncClient
  let reader: SyncClient
  let victim: { id: string; tokens: string[]; assetId: string }

  beforeAll(async () => {
    // Production-like: the default limits and log level (the test reads the error lines).
    server = await startChildServer(tempDataDir())
    const create = async () => {
      const res = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"template":"stakeholder-map"}' })
      return (await res.json()) as { id: string; links: Record<'facilitator' | 'participant' | 'observer', string> }
    }
    const quiet = await create()
    const attacked = await create()
    const tokens = Object.values(attacked.links).map(tokenOf)
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082', 'hex')
    const upload = await fetch(`${server.url}/api/boards/${attacked.id}/assets`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png', Authorization: `Bearer ${tokens[1]}` },
      body: new Uint8Array(png),
    })
    victim = { id: attacked.id, tokens, assetId: ((await upload.json()) as { id: string }).id }
    writer = await connectClient(server.wsUrl, quiet.id, tokenOf(quiet.links.participant))
    reader = await connectClient(server.wsUrl, quiet.id, tokenOf(quiet.links.observer))
  })
  afterAll(async () => {
    writer?.destroy()
    reader?.destroy()
    if (server && server.process.exitCode === null) {
      server.process.kill('SIGTERM')
      await server.exited
    }
  })

  it(`${REQUESTS} random requests: no crash, no 500, and the other board keeps syncing throughout`, async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000)
    const rng = random(seed)
    const started = Date.now()
    // The quiet board: one client writes a counter every 20 ms, the other must keep up.
    let written = 0
    const ticker = setInterval(() => writeCounter(writer.doc, ++written), 20)
    const statuses = new Map<number, number>()
    const sniffable: string[] = []
    let sent = 0
    let checks = 0
    try {
      const worker = async () => {
        while (sent < REQUESTS) {
          sent++
          const request = randomRequest(rng, { boardId: victim.id, tokens: victim.tokens, assetId: victim.assetId })
          const { status, nosniff, firstLine } = await send(server.port, request, request.upgrade ? randomFrames(rng) : Buffer.alloc(0))
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
          if (status !== 0 && status !== 101 && !nosniff) sniffable.push(`${request.bytes.toString('latin1').split('\r\n', 1)[0].slice(0, 120)} → ${firstLine}`)
          if (sent % 1000 === 0) {
            // Throughout, not only at the end: the process is up and the quiet board syncs.
            checks++
            expect(server.process.exitCode, `seed ${seed}: exited after ${sent} requests\n${server.output().slice(-3000)}`).toBeNull()
            const target = written
            await waitFor(() => readCounter(reader.doc) >= target, 10_000, `seed ${seed}: reader sees counter ${target}`)
          }
        }
      }
      await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    } finally {
      clearInterval(ticker)
    }
    const seconds = (Date.now() - started) / 1000
    const histogram = Object.fromEntries([...statuses].sort(([a], [b]) => a - b))
    console.info(`fuzz seed ${seed}: ${sent} requests in ${seconds.toFixed(1)} s, ${checks} sync checks; answers by status: ${JSON.stringify(histogram)}`)

    expect(server.process.exitCode, server.output().slice(-3000)).toBeNull()
    expect(sent).toBeGreaterThanOrEqual(REQUESTS)
    expect(statuses.get(500) ?? 0, `seed ${seed}: ${server.output().slice(-3000)}`).toBe(0)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    // Every answer, refusals included, tells the browser not to guess its type.
    expect(sniffable.slice(0, 10), `seed ${seed}: answers without nosniff`).toEqual([])
    // The quiet board ends in step, and neither of its clients was ever disconnected.
    await waitFor(() => readCounter(reader.doc) === written, 10_000, 'reader caught up')
    expect(writer.closes).toEqual([])
    expect(reader.closes).toEqual([])
    // Nothing was logged as a server error.
    const errors = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{') && (JSON.parse(line) as { level: number }).level >= 50)
    expect(errors, `seed ${seed}`).toEqual([])
  })
})
