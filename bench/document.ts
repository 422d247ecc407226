/**
 * Document benchmark (`npm run bench:document`): headless Chromium against a real server.
 *   - board open time: navigation start -> the canvas is mounted and the board is up to date with
 *     the server, for a board whose collective document is empty and one whose document holds 50
 *     pages of text (a fresh browser context each time, so no local cache). BENCH_RUNS (default 5)
 *     alternating runs; the table gives medians. The document's editor is a lazy chunk, so the
 *     board should not pay for the text until the document is opened;
 *   - document open time on the 50-page board: a click on "Document" -> its text is in the editor;
 *   - export time of the 50-page document over HTTP (Markdown and Word, with comments);
 *   - keystroke -> other screen latency (p50/p95), in a short and in the 50-page document: one page types BENCH_KEYS (200) characters,
 *     one every 60 ms, into a paragraph; the other page records the first animation frame after
 *     each character reached its editor. Both pages run on this machine's clock (timeOrigin).
 * Not a test: it prints numbers and exits 0.
 */
import type { Browser, Page } from 'playwright-core'
import * as Y from 'yjs'
import buildClient from '../tests/browser/buildClient.ts'
import { launchBrowser, rememberIdentity } from '../tests/browser/browser.ts'
import { connectClient } from '../tests/helpers/clients.ts'
import { startTestServer, type TestServer } from '../tests/helpers/testServer.ts'
import { waitFor } from '../tests/helpers/wait.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const KEYS = Number(process.env.BENCH_KEYS ?? 200)
const PAGES = 50
const VIEWPORT = { width: 1440, height: 900 }

const median = (values: number[]) => quantile(values, 0.5)
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}

const WORDS = 'we met in the library on thursdays and wrote down what the residents told us about loneliness transport and the new service which the council had promised'.split(' ')
function sentence(seed: number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length])
  return out.join(' ') + '.'
}

/** Writes a 50-page document (a heading and ~500 words a page) as a stock y-websocket client would. */
async function seedDocument(server: TestServer, boardId: string, token: string): Promise<number> {
  const wsUrl = server.wsUrl
  const client = await connectClient(wsUrl, boardId, token)
  let characters = 0
  for (let page = 0; page < PAGES; page++) {
    client.doc.transact(() => {
      const heading = new Y.XmlElement('heading')
      heading.setAttribute('level', 2 as unknown as string)
      heading.setAttribute('sectionId', `page${page}`)
      heading.insert(0, [new Y.XmlText(`Page ${page + 1}`)])
      const blocks: Y.XmlElement[] = [heading]
      for (let p = 0; p < 10; p++) {
        const paragraph = new Y.XmlElement('paragraph')
        const text = sentence(page * 10 + p, 50)
        characters += text.length
        paragraph.insert(0, [new Y.XmlText(text)])
        blocks.push(paragraph)
      }
      const fragment = client.doc.getXmlFragment('document')
      fragment.insert(fragment.length, blocks)
    })
  }
  const expected = Y.encodeStateVector(client.doc)
  await waitFor(async () => {
    const check = await connectClient(wsUrl, boardId, token)
    const same = Buffer.compare(Buffer.from(Y.encodeStateVector(check.doc)), Buffer.from(expected)) === 0
    check.destroy()
    return same
  }, 30_000, 'document stored')
  client.destroy()
  return characters
}

async function openPage(browser: Browser, link: string, name: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' })
  await rememberIdentity(context, { id: `bench-${name}`, name, group: 'researcher' })
  const page = await context.newPage()
  await page.goto(link)
  return { page, close: () => context.close() }
}

/** Milliseconds from navigation start until the canvas is mounted and the board is synced. */
async function boardOpenMs(browser: Browser, link: string): Promise<number> {
  const { page, close } = await openPage(browser, link, 'Opener')
  await page.waitForFunction(() => 'coboardEditor' in window && document.querySelector('.connection-status[data-status="synced"]') !== null, undefined, { timeout: 60_000, polling: 'raf' })
  const ms = await page.evaluate(() => performance.now())
  await close()
  return ms
}

async function documentOpenMs(browser: Browser, link: string): Promise<number> {
  const { page, close } = await openPage(browser, link, 'Reader')
  await page.waitForFunction(() => 'coboardEditor' in window && document.querySelector('.connection-status[data-status="synced"]') !== null, undefined, { timeout: 60_000 })
  const start = await page.evaluate(() => performance.now())
  await page.getByTestId('document-toggle').click()
  await page.waitForFunction(() => (document.querySelector('[data-testid="document-editor"]')?.textContent ?? '').includes(`Page ${50}`), undefined, { timeout: 60_000, polling: 'raf' })
  const ms = (await page.evaluate(() => performance.now())) - start
  await close()
  return ms
}

async function keystrokeLatencies(browser: Browser, link: string): Promise<number[]> {
  const writer = await openPage(browser, link, 'Writer')
  const reader = await openPage(browser, link, 'Reader')
  for (const { page } of [writer, reader]) {
    await page.waitForFunction(() => document.querySelector('.connection-status[data-status="synced"]') !== null, undefined, { timeout: 60_000 })
    await page.getByTestId('document-toggle').click()
    await page.locator('[data-testid="document-editor"][contenteditable="true"]').waitFor()
  }
  await writer.page.getByTestId('document-editor').click()
  await writer.page.keyboard.type('Latency: ')
  await reader.page.waitForFunction(() => (document.querySelector('[data-testid="document-editor"]')?.textContent ?? '').includes('Latency: '))
  await writer.page.evaluate(() => {
    const w = window as unknown as { keyTimes: number[] }
    w.keyTimes = []
    document.addEventListener('keydown', (event) => w.keyTimes.push(performance.timeOrigin + event.timeStamp), { capture: true })
  })
  await reader.page.evaluate(() => {
    const w = window as unknown as { arrivals: number[] }
    w.arrivals = []
    const editor = document.querySelector('[data-testid="document-editor"]')!
    let seen = 0
    // (No named helpers in here: tsx would wrap them in a __name the page does not have.)
    new MutationObserver(() => {
      const now = ((editor.textContent ?? '').split('Latency: ')[1] ?? '').replace(/[^x]/g, '').length
      if (now <= seen) return
      const fresh = now - seen
      seen = now
      requestAnimationFrame(() => {
        for (let i = 0; i < fresh; i++) w.arrivals.push(performance.timeOrigin + performance.now())
      })
    }).observe(editor, { subtree: true, characterData: true, childList: true })
  })
  await writer.page.keyboard.type('x'.repeat(KEYS), { delay: 60 })
  await reader.page.waitForFunction((n) => (window as unknown as { arrivals: number[] }).arrivals.length >= n, KEYS, { timeout: 30_000 })
  const keyTimes = await writer.page.evaluate(() => (window as unknown as { keyTimes: number[] }).keyTimes)
  const arrivals = await reader.page.evaluate(() => (window as unknown as { arrivals: number[] }).arrivals)
  await writer.close()
  await reader.close()
  return keyTimes.slice(0, KEYS).map((t, i) => arrivals[i] - t)
}

async function main(): Promise<void> {
  await buildClient()
  const server = await startTestServer()
  const { browser, close } = await launchBrowser()
  try {
    const empty = await server.createBoard({ template: 'blank', title: 'Empty document' })
    const full = await server.createBoard({ template: 'blank', title: 'Fifty pages' })
    const characters = await seedDocument(server, full.id, full.tokens.facilitator)
    const without: number[] = []
    const withDoc: number[] = []
    // Warm-up (server rooms, disk cache), not counted.
    await boardOpenMs(browser, empty.links.participant)
    await boardOpenMs(browser, full.links.participant)
    for (let run = 0; run < RUNS; run++) {
      if (run % 2 === 0) {
        without.push(await boardOpenMs(browser, empty.links.participant))
        withDoc.push(await boardOpenMs(browser, full.links.participant))
      } else {
        withDoc.push(await boardOpenMs(browser, full.links.participant))
        without.push(await boardOpenMs(browser, empty.links.participant))
      }
    }
    const docOpen: number[] = []
    for (let run = 0; run < Math.min(3, RUNS); run++) docOpen.push(await documentOpenMs(browser, full.links.participant))
    const latencies = await keystrokeLatencies(browser, empty.links.participant)
    const latenciesFull = await keystrokeLatencies(browser, full.links.participant)
    const exportMs: Record<string, number[]> = { md: [], docx: [] }
    for (let run = 0; run < RUNS; run++) {
      for (const format of ['md', 'docx'] as const) {
        const start = performance.now()
        const response = await fetch(`${server.url}/api/boards/${full.id}/document/export?format=${format}&comments=true`, { headers: { Authorization: `Bearer ${full.tokens.facilitator}` } })
        await response.arrayBuffer()
        exportMs[format].push(performance.now() - start)
      }
    }
    const a = median(without)
    const b = median(withDoc)
    console.log(`\nCollective document benchmark (${RUNS} runs, ${PAGES}-page document = ${characters.toLocaleString('en')} characters, viewport ${VIEWPORT.width}×${VIEWPORT.height})\n`)
    console.table([
      { measure: 'board open, empty document (median ms)', value: Math.round(a) },
      { measure: `board open, ${PAGES}-page document (median ms)`, value: Math.round(b) },
      { measure: 'difference (%)', value: Number((((b - a) / a) * 100).toFixed(1)) },
      { measure: `open the ${PAGES}-page document in the pane (median ms)`, value: Math.round(median(docOpen)) },
      { measure: `export ${PAGES} pages as Markdown (median ms)`, value: Math.round(median(exportMs.md)) },
      { measure: `export ${PAGES} pages as Word (median ms)`, value: Math.round(median(exportMs.docx)) },
      { measure: `keystroke -> other screen p50 (ms, ${latencies.length} keys)`, value: Math.round(quantile(latencies, 0.5)) },
      { measure: 'keystroke -> other screen p95 (ms)', value: Math.round(quantile(latencies, 0.95)) },
      { measure: `keystroke -> other screen p50, ${PAGES}-page document (ms)`, value: Math.round(quantile(latenciesFull, 0.5)) },
      { measure: `keystroke -> other screen p95, ${PAGES}-page document (ms)`, value: Math.round(quantile(latenciesFull, 0.95)) },
    ])
    console.log(`runs, empty: ${without.map(Math.round).join(', ')}; ${PAGES} pages: ${withDoc.map(Math.round).join(', ')}`)
  } finally {
    await close()
    await server.close()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
