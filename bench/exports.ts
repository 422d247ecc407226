/**
 * bench:exports — how long exporting a board takes, and how big the files are: boards of 100 and
 * 2,000 notes spread over a template's zones, each note with a group and an author, every third
 * with an outcome, exported over HTTP as Markdown, CSV and Word (medians of several runs).
 *
 *   npm run bench:exports
 *   BENCH_REPEATS=9 npm run bench:exports
 */
import * as Y from 'yjs'
import { findZoneFrames } from '../shared/templates/zoneMembership.ts'
import { getRecordsMap, readRecords, upsertRecord } from '../shared/tldrawYjs/recordsDoc.ts'
import { makeNote } from '../shared/tldrawYjs/testing.ts'
import { toRichText } from '@tldraw/tlschema'
import { connectClient } from '../tests/helpers/clients.ts'
import { startTestServer } from '../tests/helpers/testServer.ts'
import { waitFor } from '../tests/helpers/wait.ts'

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5)
const SIZES = [100, 2000]
const GROUPS = ['citizen-service-user', 'civil-servant-operational', 'volunteer-association', 'elected-politician'] as const

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function main() {
  console.log(`bench:exports — ${REPEATS} runs per format (medians), node ${process.version}`)
  const server = await startTestServer({ env: { MAX_MESSAGE_BYTES: String(64 * 1024 * 1024) } })
  const rows: string[] = []
  try {
    for (const n of SIZES) {
      const board = await server.createBoard({ template: 'stakeholder-map', title: `Bench ${n}` })
      const facilitator = await connectClient(server.wsUrl, board.id, board.tokens.facilitator)
      const frames = findZoneFrames(readRecords(facilitator.doc)).filter((f) => f.holdsNotes)
      facilitator.doc.transact(() => {
        const root = getRecordsMap(facilitator.doc)
        for (let i = 0; i < n; i++) {
          const frame = frames[i % frames.length].bounds
          const base = makeNote(`n${i}`)
          upsertRecord(root, {
            ...base,
            x: frame.x + 20 + ((i * 37) % Math.max(1, frame.w - 240)),
            y: frame.y + 80 + ((i * 53) % Math.max(1, frame.h - 300)),
            props: { ...base.props, richText: toRichText(`Note ${i}: people who are affected but not yet involved, and why.`) },
            meta: { group: GROUPS[i % GROUPS.length], authorName: `Person ${i % 30}` },
          } as never)
          if (i % 3 === 0) facilitator.doc.getMap('outcomes').set(`shape:n${i}`, { status: 'discussed', reason: 'Raised at the council meeting', date: '2026-12-01' })
        }
      })
      await waitFor(() => facilitator.provider.synced, 5000, 'synced')
      // Wait until the server has every note (an export reads the server's copy).
      const countOnServer = async () => {
        const res = await fetch(`${server.url}/api/boards/${board.id}/report`, { headers: { Authorization: `Bearer ${board.tokens.facilitator}` } })
        const report = (await res.json()) as { zones: Array<{ notes: unknown[] }>; outside: unknown[] }
        return report.zones.reduce((sum, z) => sum + z.notes.length, 0) + report.outside.length
      }
      await waitFor(async () => (await countOnServer()) === n, 60_000, `${n} notes on the server`)
      for (const format of ['md', 'csv', 'docx']) {
        const times: number[] = []
        let bytes = 0
        for (let r = 0; r < REPEATS; r++) {
          const start = performance.now()
          const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=${format}`, { headers: { Authorization: `Bearer ${board.tokens.facilitator}` } })
          bytes = (await res.arrayBuffer()).byteLength
          times.push(performance.now() - start)
        }
        rows.push([n, format, median(times).toFixed(0), Math.min(...times).toFixed(0), (bytes / 1024).toFixed(0)].join('\t'))
        console.log(rows[rows.length - 1])
      }
      facilitator.destroy()
    }
  } finally {
    await server.close()
  }
  console.log('\nnotes\tformat\tmedian ms\tfastest ms\tsize KiB')
  console.log(rows.join('\n'))
}

await main()
process.exit(0)
