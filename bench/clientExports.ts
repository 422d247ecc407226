/**
 * Client export benchmark (`npm run bench:client-exports`): headless Chromium opens a board of
 * 100 and 500 notes as its facilitator and downloads PNG, SVG and PDF from the Report menu (tldraw's
 * own export, in the page) and, for comparison, Markdown from the server. Time is from the click to
 * the browser's download event; the size is the downloaded file's. Medians over BENCH_RUNS runs
 * (default 3). Not a test: it prints a table and exits 0.
 *
 * Environment: BENCH_SIZES (default 100,500), BENCH_RUNS (3).
 */
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { addNote } from '../tests/helpers/boardContent.ts'
import { connectClient } from '../tests/helpers/clients.ts'
import { startTestServer } from '../tests/helpers/testServer.ts'
import buildClient from '../tests/browser/buildClient.ts'
import { launchBrowser, PATIENCE_MS, rememberIdentity } from '../tests/browser/browser.ts'
import { waitForCanvas, waitForSynced } from '../tests/browser/boardFixtures.ts'

const SIZES = (process.env.BENCH_SIZES ?? '100,500').split(',').map(Number)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const FORMATS = ['png', 'svg', 'pdf', 'md'] as const

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function timedDownload(page: Page, format: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now()
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 300_000 }),
    page.locator(`.report-popover button[data-format="${format}"]`).click(),
  ])
  const ms = performance.now() - started
  const file = await download.path()
  const bytes = fs.statSync(file).size
  // Wait until the menu is ready again (its buttons are disabled while a file is made).
  await page.locator(`.report-popover button[data-format="${format}"]:not([disabled])`).waitFor({ timeout: PATIENCE_MS })
  return { ms, bytes }
}

async function main() {
  await buildClient()
  const server = await startTestServer()
  const browser = await launchBrowser()
  const rows: string[] = []
  try {
    for (const size of SIZES) {
      const board = await server.createBoard({ template: 'blank', title: `Bench ${size} notes` })
      const writer = await connectClient(server.wsUrl, board.id, board.tokens.participant)
      const columns = Math.ceil(Math.sqrt(size))
      writer.doc.transact(() => {
        for (let i = 0; i < size; i++) {
          addNote(writer.doc, `n${i}`, `Idea ${i}: more benches by the harbour and shade for older people`, {
            x: (i % columns) * 240,
            y: Math.floor(i / columns) * 240,
          })
        }
      })
      const context = await browser.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', acceptDownloads: true })
      await rememberIdentity(context, { id: 'bench', name: 'Bench', group: 'other' })
      const page = await context.newPage()
      page.on('crash', () => console.error(`page crashed at ${size} notes`))
      page.on('pageerror', (error) => console.error(`page error at ${size} notes: ${error.message}`))
      await page.goto(board.links.facilitator)
      await waitForCanvas(page)
      await waitForSynced(page)
      await page.waitForFunction(
        (count) => {
          const editor = (window as unknown as { coboardEditor: { getCurrentPageShapes(): Array<{ type: string }> } }).coboardEditor
          return editor.getCurrentPageShapes().filter((shape) => shape.type === 'note').length >= count
        },
        size,
        { timeout: 120_000 },
      )
      await page.getByRole('button', { name: 'Report', exact: true }).click()
      for (const format of FORMATS) {
        const samples: Array<{ ms: number; bytes: number }> = []
        for (let run = 0; run < RUNS; run++) samples.push(await timedDownload(page, format))
        rows.push(
          `| ${size} | ${format.toUpperCase()} | ${Math.round(median(samples.map((s) => s.ms)))} | ${(median(samples.map((s) => s.bytes)) / 1024).toFixed(0)} |`,
        )
      }
      await context.close()
      writer.destroy()
    }
  } finally {
    await browser.close()
    await server.close()
  }
  console.log(`Client exports, median of ${RUNS} runs (click -> download), Chromium ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}`)
  console.log('| notes | format | ms | KiB |')
  console.log('|---:|---|---:|---:|')
  for (const row of rows) console.log(row)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
