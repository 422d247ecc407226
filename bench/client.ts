/**
 * Client benchmark (`npm run bench:client`): headless Chromium opens a board holding 10, 500 and
 * 2,000 notes, side by side with stock tldraw loading the same records from a snapshot (no sync,
 * no coboard code; bench/stock), and we measure
 *   - time to all shapes painted: navigation start -> every note is in the editor's store and in
 *     the DOM (tldraw keeps culled shapes in the DOM, hidden), and the frame after that has been
 *     painted. Both pages open with the same camera (everything in view);
 *   - remote change -> screen latency (p50/p95, coboard only): a second y-websocket client in Node
 *     moves notes 10 times a second; latency is from its write to the first animation frame in the
 *     page after the change reached the tldraw store. Node and Chromium share the machine's clock.
 * Each run opens every size on both pages, in alternating order; the table gives medians over the
 * runs. Not a test: it prints numbers.
 *
 * Environment: BENCH_SIZES (default 10,500,2000), BENCH_RUNS (3), BENCH_MOVE_SECONDS (10),
 * BENCH_PROFILE=<size> records a CPU profile (CDP) of each page's load at that size in the first
 * run and prints the top functions by self time (profiles go to test-artifacts/).
 */
import fs from 'node:fs'
import path from 'node:path'
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
import type { Page } from 'playwright-core'
import type * as Y from 'yjs'
import { getRecordsMap, writeRecords, writeSchema } from '../shared/tldrawYjs/recordsDoc.ts'
import buildClient from '../tests/browser/buildClient.ts'
import { ARTIFACTS_DIR, launchBrowser, rememberIdentity, type TestBrowser } from '../tests/browser/browser.ts'
import { connectClient, type SyncClient } from '../tests/helpers/clients.ts'
import { startTestServer, type TestServer } from '../tests/helpers/testServer.ts'
import { waitFor } from '../tests/helpers/wait.ts'
import { busyMs, topSelfTime, type CpuProfile, type SourceMapLookup } from './cpuProfile.ts'
import { startStockPage, type StockPage } from './stockPage.ts'
import { median } from './support/stats.ts'

const SIZES = (process.env.BENCH_SIZES ?? '10,500,2000').split(',').map(Number)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const MOVES_PER_SECOND = 10
const MOVE_SECONDS = Number(process.env.BENCH_MOVE_SECONDS ?? 10)
const PROFILE_SIZE = process.env.BENCH_PROFILE ? Number(process.env.BENCH_PROFILE) : undefined
const LOAD_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT ?? 120_000)
const PAGE_ID = 'page:page'
const X_BASE = 1_000_000
const VIEWPORT = { width: 1280, height: 800 }
const CLIENT_DIST = path.resolve(import.meta.dirname, '../client/dist')

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
      if (editor && editor.getCurrentPageShapeIds().size >= expected
          && document.querySelectorAll('.tl-shape[data-shape-type="note"]').length >= expected) {
        // This frame holds every note; a task queued from its animation frame runs after it is painted.
        requestAnimationFrame(() => setTimeout(() => { window.__allShapesAt = performance.now() }, 0))
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

interface SeededBoard {
  count: number
  link: string
  origin: string
  boardId: string
  participantToken: string
  snapshot: string
  /** Keeps the room loaded between runs, as a workshop's other people would. */
  keeper: SyncClient
}

async function seed(server: TestServer, count: number): Promise<SeededBoard> {
  const board = await server.createBoard({ template: 'blank', title: `Bench ${count}` })
  const origin = new URL(board.links.facilitator).origin
  const writer = await connectClient(server.wsUrl, board.id, board.tokens.facilitator, { origin })
  const schema = createTLSchema()
  const records = noteRecords(count)
  writer.doc.transact(() => {
    writeSchema(writer.doc, schema.serialize())
    writeRecords(writer.doc, records)
  })
  // Confirm the server holds everything: a fresh client must see every record.
  const keeper = await connectClient(server.wsUrl, board.id, board.tokens.participant, { origin })
  await waitFor(() => benchNoteCount(keeper.doc) === count, 30_000, `seeded notes on the server (closes: ${JSON.stringify(writer.closes)})`)
  writer.destroy()
  const snapshot = JSON.stringify({ store: Object.fromEntries(records.map((r) => [r.id, r])), schema: schema.serialize() })
  return { count, link: board.links.participant, origin, boardId: board.id, participantToken: board.tokens.participant, snapshot, keeper }
}

interface Load {
  paintedMs: number
  editorMs: number
  marks: Record<string, number>
}

async function waitForPainted(page: Page): Promise<Load> {
  await page.waitForFunction(() => (window as unknown as { __allShapesAt?: number }).__allShapesAt !== undefined, undefined, {
    timeout: LOAD_TIMEOUT_MS,
    polling: 50,
  })
  return page.evaluate(() => {
    const w = window as unknown as { __allShapesAt: number; __editorAt: number }
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name.replace('coboard:', ''), Math.round(mark.startTime)]))
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    if (navigation) marks.domContentLoaded = Math.round(navigation.domContentLoadedEventEnd)
    return { paintedMs: Math.round(w.__allShapesAt), editorMs: Math.round(w.__editorAt), marks }
  })
}

// Maps built files of either page to their source maps, for readable profiles.
function sourceMapLookup(): SourceMapLookup {
  return (url) => {
    const file = path.join(CLIENT_DIST, new URL(url).pathname)
    const map = `${file}.map`
    return url.includes('/assets/') && fs.existsSync(map) ? JSON.parse(fs.readFileSync(map, 'utf8')) : undefined
  }
}

async function openAndMeasure(
  browser: TestBrowser,
  target: { kind: 'coboard' | 'stock'; url: string; expected: number },
  profileName: string | undefined,
): Promise<{ load: Load; page: Page; close: () => Promise<void> }> {
  const context = await browser.browser.newContext({ viewport: VIEWPORT })
  await rememberIdentity(context, { id: 'bench-viewer', name: 'Viewer', group: 'researcher' })
  await context.addInitScript({ content: pageProbe(target.expected) })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`${target.kind} page error:`, error.message))
  const cdp = profileName ? await context.newCDPSession(page) : undefined
  if (cdp) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
  }
  await page.goto(target.url)
  const load = await waitForPainted(page).catch(async (error) => {
    console.error(`${target.kind}: shapes in store`, await page.evaluate(() => (window as any).coboardEditor?.getCurrentPageShapeIds().size))
    throw error
  })
  if (cdp && profileName) {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile }
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
    const file = path.join(ARTIFACTS_DIR, `${profileName}.cpuprofile`)
    fs.writeFileSync(file, JSON.stringify(profile))
    console.log(`\n${profileName}: main thread busy ${busyMs(profile)} ms until all shapes painted (${load.paintedMs} ms); top self time (${path.relative(process.cwd(), file)}):`)
    console.table(topSelfTime(profile, 15, target.kind === 'coboard' ? sourceMapLookup() : undefined))
  }
  return { load, page, close: () => context.close() }
}

async function measureMoves(server: TestServer, board: SeededBoard, page: Page): Promise<{ moves: string; p50: number; p95: number }> {
  const mover = await connectClient(server.wsUrl, board.boardId, board.participantToken, { origin: board.origin })
  await waitFor(() => benchNoteCount(mover.doc) === board.count, 30_000, 'mover synced')
  const sent = new Map<number, number>()
  const total = MOVES_PER_SECOND * MOVE_SECONDS
  for (let seq = 0; seq < total; seq++) {
    const id = createShapeId(`bench${(seq * 7) % board.count}`)
    const record = getRecordsMap(mover.doc).get(id)
    if (!record) throw new Error(`missing ${id}`)
    const x = X_BASE + seq
    sent.set(x, now())
    mover.doc.transact(() => record.set('x', x))
    await new Promise((resolve) => setTimeout(resolve, 1000 / MOVES_PER_SECOND))
  }
  await page.waitForFunction((n) => (window as unknown as { __moves: unknown[] }).__moves.length >= n, total, { timeout: 30_000 }).catch(() => undefined)
  const moves = await page.evaluate(() => (window as unknown as { __moves: Array<{ x: number; at: number }> }).__moves)
  // Put the moved notes back, so that the next run loads the same board as the stock snapshot.
  const columns = Math.ceil(Math.sqrt(board.count))
  mover.doc.transact(() => {
    for (let seq = 0; seq < total; seq++) {
      const i = (seq * 7) % board.count
      getRecordsMap(mover.doc).get(createShapeId(`bench${i}`))?.set('x', (i % columns) * 240)
    }
  })
  await waitFor(() => board.keeper.doc && [...Array(total).keys()].every((seq) => {
    const i = (seq * 7) % board.count
    return getRecordsMap(board.keeper.doc).get(createShapeId(`bench${i}`))?.get('x') === (i % columns) * 240
  }), 30_000, 'notes moved back')
  mover.destroy()
  const latencies: number[] = []
  for (const { x, at } of moves) {
    const sentAt = sent.get(x)
    if (sentAt !== undefined) latencies.push(at - sentAt)
  }
  latencies.sort((a, b) => a - b)
  return { moves: `${latencies.length}/${total}`, p50: percentile(latencies, 50), p95: percentile(latencies, 95) }
}

interface Sample {
  count: number
  coboard: Load
  stock: Load
  moves: { moves: string; p50: number; p95: number }
}

async function runOnce(server: TestServer, browser: TestBrowser, stock: StockPage, board: SeededBoard, run: number): Promise<Sample> {
  const profile = run === 0 && PROFILE_SIZE === board.count
  stock.setSnapshot(board.snapshot)
  const order: Array<'coboard' | 'stock'> = run % 2 === 0 ? ['coboard', 'stock'] : ['stock', 'coboard']
  const loads: Partial<Record<'coboard' | 'stock', Load>> = {}
  let moves: Sample['moves'] = { moves: '-', p50: Number.NaN, p95: Number.NaN }
  for (const kind of order) {
    const url = kind === 'coboard' ? board.link : stock.url
    const opened = await openAndMeasure(browser, { kind, url, expected: board.count }, profile ? `profile-${kind}-${board.count}` : undefined)
    loads[kind] = opened.load
    if (kind === 'coboard') {
      console.log(`run ${run + 1}, ${board.count} notes, coboard milestones (ms after navigation start):`, { ...opened.load.marks, editor: opened.load.editorMs, painted: opened.load.paintedMs })
      moves = await measureMoves(server, board, opened.page)
    } else {
      console.log(`run ${run + 1}, ${board.count} notes, stock tldraw: editor ${opened.load.editorMs} ms, painted ${opened.load.paintedMs} ms`)
    }
    await opened.close()
  }
  return { count: board.count, coboard: loads.coboard!, stock: loads.stock!, moves }
}

function round(value: number, digits = 0): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

async function main() {
  await buildClient()
  const stock = await startStockPage()
  const server = await startTestServer()
  const browser = await launchBrowser()
  const samples: Sample[] = []
  const boards: SeededBoard[] = []
  try {
    for (const count of SIZES) boards.push(await seed(server, count))
    for (let run = 0; run < RUNS; run++) {
      for (const board of boards) samples.push(await runOnce(server, browser, stock, board, run))
    }
  } finally {
    for (const board of boards) board.keeper.destroy()
    await browser.close()
    await server.close()
    await stock.close()
  }
  const rows = SIZES.map((count) => {
    const mine = samples.filter((s) => s.count === count)
    const coboardMs = median(mine.map((s) => s.coboard.paintedMs))
    const stockMs = median(mine.map((s) => s.stock.paintedMs))
    return {
      notes: count,
      'coboard painted ms': coboardMs,
      'stock tldraw painted ms': stockMs,
      ratio: round(coboardMs / stockMs, 2),
      'coboard runs ms': mine.map((s) => s.coboard.paintedMs).join(' / '),
      'stock runs ms': mine.map((s) => s.stock.paintedMs).join(' / '),
      'moves on screen': mine.map((s) => s.moves.moves).join(' '),
      'move p50 ms': round(median(mine.map((s) => s.moves.p50)), 1),
      'move p95 ms': round(median(mine.map((s) => s.moves.p95)), 1),
    }
  })
  console.log(
    `\ncoboard vs stock tldraw (headless Chromium ${VIEWPORT.width}x${VIEWPORT.height}; medians of ${RUNS} runs, alternating order; ` +
      `${MOVES_PER_SECOND} remote moves/s for ${MOVE_SECONDS} s per run)`,
  )
  console.table(rows)
}

await main()
