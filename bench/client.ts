/**
 * Client benchmark (`npm run bench:client`): headless Chromium opens a board holding 500 and
 * 2,000 notes and we measure
 *   - time to first render of all shapes: navigation start -> every note is in the editor's store
 *     and a frame has been painted after that (tldraw culls notes outside the viewport, so "render"
 *     means "ready on screen", not "every note is in view"); editorMountMs is when the tldraw
 *     editor existed (the page, scripts, board info, cache and first sync before it);
 *   - remote change -> screen latency (p50/p95): a second y-websocket client in Node moves notes at
 *     10 per second; latency is the time from its write to the first animation frame in the page
 *     after the change reached the tldraw store. Node and Chromium share the machine's clock.
 * Not a test: it prints numbers. Needs client/dist (built when stale, as the browser tests do).
 */
import {
  createShapeId,
  createTLSchema,
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  toRichText,
  type TLRecord,
} from '@tldraw/tlschema'
import { getIndices } from '@tldraw/utils'
import type * as Y from 'yjs'
import { getRecordsMap, writeRecords, writeSchema } from '../shared/tldrawYjs/recordsDoc.ts'
import buildClient from '../tests/browser/buildClient.ts'
import { launchBrowser, rememberIdentity, type TestBrowser } from '../tests/browser/browser.ts'
import { connectClient, type SyncClient } from '../tests/helpers/clients.ts'
import { startTestServer, type TestServer } from '../tests/helpers/testServer.ts'
import { waitFor } from '../tests/helpers/wait.ts'

const SIZES = (process.env.BENCH_SIZES ?? "500,2000").split(",").map(Number)
const MOVES_PER_SECOND = 10
const MOVE_SECONDS = 15
const PAGE_ID = 'page:page'
const X_BASE = 1_000_000

function noteRecords(count: number): TLRecord[] {
  const indices = getIndices(count)
  const columns = Math.ceil(Math.sqrt(count))
  const records: TLRecord[] = [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: PAGE_ID as never, name: 'Page 1', index: 'a1' as never }),
  ]
  for (let i = 0; i < count; i++) {
    records.push({
      id: createShapeId(`bench${i}`),
      typeName: 'shape',
      type: 'note',
      x: (i % columns) * 240,
      y: Math.floor(i / columns) * 240,
      rotation: 0,
      index: indices[i],
      parentId: PAGE_ID as never,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: {
        color: 'yellow',
        labelColor: 'black',
        richText: toRichText(`Note ${i + 1}: what works well today?`),
        size: 'm',
        font: 'draw',
        align: 'middle',
        verticalAlign: 'middle',
        growY: 0,
        fontSizeAdjustment: 1,
        url: '',
        scale: 1,
        textLastEditedBy: null,
      },
    } as TLRecord)
  }
  return records
}

function benchNoteCount(doc: Y.Doc): number {
  let notes = 0
  for (const id of getRecordsMap(doc).keys()) if (id.startsWith('shape:bench')) notes++
  return notes
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

function now(): number {
  return performance.timeOrigin + performance.now()
}

/**
 * Installed before the app loads: records when all notes are painted, and when moves land.
 * A string, not a function: tsx/esbuild would add helper calls (`__name`) that do not exist in the
 * page.
 */
function pageProbe(expected: number): string {
  return `(() => {
    const expected = ${expected}
    window.__moves = []
    const wall = () => performance.timeOrigin + performance.now()
    const tick = () => {
      const editor = window.coboardEditor
      if (editor && window.__editorAt === undefined) window.__editorAt = performance.now()
      if (editor && editor.getCurrentPageShapeIds().size >= expected) {
        // The frame after the one in which the store became complete has been painted.
        requestAnimationFrame(() => { window.__allShapesAt = performance.now() })
        editor.store.listen(({ changes }) => {
          const xs = Object.values(changes.updated)
            .filter(([, to]) => to.typeName === 'shape')
            .map(([, to]) => to.x)
          if (xs.length === 0) return
          requestAnimationFrame(() => {
            const at = wall()
            for (const x of xs) window.__moves.push({ x, at })
          })
        }, { source: 'remote', scope: 'document' })
        return
      }
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`
}

async function seed(server: TestServer, count: number) {
  const board = await server.createBoard({ template: 'blank', title: `Bench ${count}` })
  const origin = new URL(board.links.facilitator).origin
  const writer = await connectClient(server.wsUrl, board.id, board.tokens.facilitator, { origin })
  const schema = createTLSchema()
  writer.doc.transact(() => {
    writeSchema(writer.doc, schema.serialize())
    writeRecords(writer.doc, noteRecords(count))
  })
  // Confirm the server holds everything: a fresh client must see every record.
  const check = await connectClient(server.wsUrl, board.id, board.tokens.participant, { origin })
  await waitFor(() => benchNoteCount(check.doc) === count, 30_000, `seeded notes on the server (closes: ${JSON.stringify(writer.closes)})`)
  check.destroy()
  writer.destroy()
  return { board, origin }
}

async function measure(server: TestServer, browser: TestBrowser, count: number) {
  const { board, origin } = await seed(server, count)
  const context = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } })
  await rememberIdentity(context, { id: 'bench-viewer', name: 'Viewer', group: 'researcher' })
  await context.addInitScript({ content: pageProbe(count) })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  await page.goto(board.links.participant)
  await page.waitForFunction(() => (window as unknown as { __allShapesAt?: number }).__allShapesAt !== undefined, undefined, { timeout: Number(process.env.BENCH_TIMEOUT ?? 120_000) }).catch(async (e) => { console.error('shapes:', await page.evaluate(() => (window as any).coboardEditor?.getCurrentPageShapeIds().size), await page.evaluate(() => document.body.innerText.slice(0, 300))); throw e })
  const { firstRenderMs, editorMountMs, marks } = await page.evaluate(() => {
    const w = window as unknown as { __allShapesAt: number; __editorAt: number }
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name.replace('coboard:', ''), Math.round(mark.startTime)]))
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    if (navigation) marks.domContentLoaded = Math.round(navigation.domContentLoadedEventEnd)
    return { firstRenderMs: w.__allShapesAt, editorMountMs: w.__editorAt, marks }
  })
  console.log(`${count} notes, milestones (ms after navigation start):`, marks)

  const mover: SyncClient = await connectClient(server.wsUrl, board.id, board.tokens.participant, { origin })
  await waitFor(() => benchNoteCount(mover.doc) === count, 30_000, 'mover synced')
  const sent = new Map<number, number>()
  const total = MOVES_PER_SECOND * MOVE_SECONDS
  for (let seq = 0; seq < total; seq++) {
    const id = createShapeId(`bench${(seq * 7) % count}`)
    const record = getRecordsMap(mover.doc).get(id)
    if (!record) throw new Error(`missing ${id}`)
    const x = X_BASE + seq
    sent.set(x, now())
    mover.doc.transact(() => record.set('x', x))
    await new Promise((resolve) => setTimeout(resolve, 1000 / MOVES_PER_SECOND))
  }
  await page.waitForFunction((n) => (window as unknown as { __moves: unknown[] }).__moves.length >= n, total, { timeout: 30_000 }).catch(() => undefined)
  const moves = await page.evaluate(() => (window as unknown as { __moves: Array<{ x: number; at: number }> }).__moves)
  const latencies: number[] = []
  for (const { x, at } of moves) {
    const sentAt = sent.get(x)
    if (sentAt !== undefined) latencies.push(at - sentAt)
  }
  latencies.sort((a, b) => a - b)
  mover.destroy()
  await context.close()
  return {
    notes: count,
    editorMountMs: Math.round(editorMountMs),
    firstRenderMs: Math.round(firstRenderMs),
    moves: `${latencies.length}/${total}`,
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p95Ms: Math.round(percentile(latencies, 95) * 10) / 10,
  }
}

async function main() {
  await buildClient()
  const server = await startTestServer()
  const browser = await launchBrowser()
  const rows = []
  try {
    for (const count of SIZES) rows.push(await measure(server, browser, count))
  } finally {
    await browser.close()
    await server.close()
  }
  console.log(`coboard client benchmark (headless Chromium, ${MOVES_PER_SECOND} remote moves/s for ${MOVE_SECONDS} s)`)
  console.table(rows)
}

await main()
