/**
 * bench:votes — what a dot vote costs on the wire and how fast its results reach every screen:
 * a real server, a board of notes, a facilitator and VOTERS participants as y-websocket clients.
 * Per run: the facilitator starts a vote over HTTP, each participant places their dots with one
 * ballot PUT (its HTTP bytes both ways counted on the socket), the facilitator closes the vote,
 * and the time until every client's copy of the board shows the results is taken. Frame bytes are
 * what each client's websocket received for the vote (its definition, then its results).
 *
 *   npm run bench:votes
 *   BENCH_REPEATS=9 BENCH_VOTERS=30 npm run bench:votes
 */
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import * as Y from 'yjs'
import { toRichText } from '@tldraw/tlschema'
import { BOARD_DOC_KEYS } from '../shared/boardDoc.ts'
import { getRecordsMap, upsertRecord } from '../shared/tldrawYjs/recordsDoc.ts'
import { makeNote } from '../shared/tldrawYjs/testing.ts'
import { connectClient, type SyncClient } from '../tests/helpers/clients.ts'
import { joinAsVoter } from '../tests/helpers/voters.ts'
import { startTestServer } from '../tests/helpers/testServer.ts'
import { waitFor } from '../tests/helpers/wait.ts'

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5)
const VOTERS = Number(process.env.BENCH_VOTERS ?? 12)
const NOTES = 40
const GROUPS = ['citizen-service-user', 'civil-servant-operational', 'volunteer-association', 'elected-politician'] as const

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** One HTTP request with Node's http module, counting the bytes on its socket both ways. */
function request(url: string, options: { method: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; sent: number; received: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method, headers: options.headers, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, sent: req.socket?.bytesWritten ?? 0, received: req.socket?.bytesRead ?? 0, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Counts the bytes of every websocket frame a client receives from now on. */
function countFrames(client: SyncClient): { bytes: () => number; stop: () => void } {
  let bytes = 0
  const ws = client.provider.ws as unknown as { addEventListener: (t: string, l: (e: { data: ArrayBuffer | Buffer }) => void) => void; removeEventListener: (t: string, l: (e: { data: ArrayBuffer | Buffer }) => void) => void }
  const listener = (event: { data: ArrayBuffer | Buffer }) => (bytes += event.data.byteLength)
  ws.addEventListener('message', listener)
  return { bytes: () => bytes, stop: () => ws.removeEventListener('message', listener) }
}

const voteOf = (doc: Y.Doc, id: string) => doc.getMap<{ status?: string; results?: unknown }>(BOARD_DOC_KEYS.votes).get(id)

async function main() {
  // Each y-websocket provider adds a process exit listener.
  process.setMaxListeners(VOTERS + 10)
  console.log(`bench:votes — ${VOTERS} voters, ${NOTES} notes, ${REPEATS} votes (medians), node ${process.version}`)
  const server = await startTestServer()
  const clients: SyncClient[] = []
  try {
    const board = await server.createBoard({ template: 'blank', title: 'Vote bench' })
    const facilitator = await connectClient(server.wsUrl, board.id, board.tokens.facilitator)
    clients.push(facilitator)
    facilitator.doc.transact(() => {
      const root = getRecordsMap(facilitator.doc)
      for (let i = 0; i < NOTES; i++) {
        const base = makeNote(`n${i}`)
        upsertRecord(root, { ...base, x: 240 * (i % 8), y: 240 * Math.floor(i / 8), props: { ...base.props, richText: toRichText(`Idea ${i}`) }, meta: { group: 'researcher' } } as never)
      }
    })
    const voters: { client: SyncClient; secret: string; group: string }[] = []
    for (let i = 0; i < VOTERS; i++) {
      const voter = await joinAsVoter(server, board, randomBytes(16).toString('base64url'), GROUPS[i % GROUPS.length])
      clients.push(voter.client)
      voters.push({ client: voter.client, secret: voter.secret, group: GROUPS[i % GROUPS.length] })
    }
    await waitFor(() => voters.every((v) => getRecordsMap(v.client.doc).has(`shape:n${NOTES - 1}`)), 10_000, 'notes everywhere')

    const putBytes: number[] = []
    const frameBytes: number[] = []
    const closeToScreens: number[] = []
    const api = `${server.url}/api/boards/${board.id}/votes`
    for (let run = 0; run < REPEATS; run++) {
      const counters = voters.map((v) => countFrames(v.client))
      const started = await request(api, {
        method: 'POST',
        headers: { Authorization: `Bearer ${board.tokens.facilitator}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ perPerson: 5, perNote: 3 }),
      })
      if (started.status !== 201) throw new Error(`start: ${started.status} ${started.body}`)
      const voteId = (JSON.parse(started.body) as { id: string }).id
      await waitFor(() => voters.every((v) => voteOf(v.client.doc, voteId)), 10_000, 'vote open everywhere')
      for (const [i, voter] of voters.entries()) {
        const dots = { [`shape:n${(i + run) % NOTES}`]: 3, [`shape:n${(i * 7 + run) % NOTES}`]: 2 }
        if (Object.keys(dots).length === 1) dots[`shape:n${(i + run + 1) % NOTES}`] = 2
        const put = await request(`${api}/${voteId}/ballot`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${board.tokens.participant}`, 'X-Coboard-Author': voter.secret, 'Content-Type': 'application/json' },
          body: JSON.stringify({ dots, group: voter.group }),
        })
        if (put.status !== 200) throw new Error(`ballot: ${put.status} ${put.body}`)
        putBytes.push(put.sent + put.received)
      }
      const t0 = performance.now()
      const closed = await request(`${api}/${voteId}/close`, { method: 'POST', headers: { Authorization: `Bearer ${board.tokens.facilitator}` } })
      if (closed.status !== 200) throw new Error(`close: ${closed.status} ${closed.body}`)
      await waitFor(() => voters.every((v) => voteOf(v.client.doc, voteId)?.status === 'closed' && voteOf(v.client.doc, voteId)?.results), 10_000, 'results everywhere')
      closeToScreens.push(performance.now() - t0)
      for (const counter of counters) {
        frameBytes.push(counter.bytes())
        counter.stop()
      }
    }
    const table = [
      ['figure', 'p50', 'max'],
      ['ballot PUT, HTTP bytes both ways (per voter)', String(median(putBytes)), String(Math.max(...putBytes))],
      ['websocket bytes received per client per vote (start + results)', String(median(frameBytes)), String(Math.max(...frameBytes))],
      ['bytes per vote cast (PUT + that client’s frames)', String(median(putBytes) + median(frameBytes)), ''],
      [`"Close voting" → results in all ${VOTERS} clients (ms)`, median(closeToScreens).toFixed(1), Math.max(...closeToScreens).toFixed(1)],
    ]
    const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)))
    for (const row of table) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
  } finally {
    for (const client of clients) client.destroy()
    await server.close()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
