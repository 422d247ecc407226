/**
 * Session benchmark (`npm run bench:session`): how long a facilitator's action takes to reach
 * participants' screens. One real server; the facilitator is a stock y-websocket client writing
 * the `session` root with the same pure helpers the panel uses (writeSession, startTimer,
 * nextFocus); the participants are 10 stock y-websocket clients (time until their Y.Doc holds the
 * change) plus one headless Chromium participant page at 390×844 (time until the countdown is in
 * the DOM and painted, or until the camera starts moving for "bring everyone here"). Ten Chromium
 * pages do not fit on a 2-core machine, hence stock clients for the ten. Node and Chromium share
 * the machine's clock. Not a test: it prints a table and exits 0.
 *
 * Environment: BENCH_TRIALS (default 20), BENCH_CLIENTS (10).
 */
import type { Page } from 'playwright-core'
import * as Y from 'yjs'
import { SESSION_ROOT, readSession, startTimer, writeSession } from '../shared/session/sessionState.ts'
import { nextFocus } from '../client/src/session/focus.ts'
import buildClient from '../tests/browser/buildClient.ts'
import { openBoard, waitForSynced } from '../tests/browser/boardFixtures.ts'
import { launchBrowser } from '../tests/browser/browser.ts'
import { connectClient, type SyncClient } from '../tests/helpers/clients.ts'
import { startTestServer } from '../tests/helpers/testServer.ts'
import { waitFor } from '../tests/helpers/wait.ts'

const TRIALS = Number(process.env.BENCH_TRIALS ?? 20)
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10)

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

// Page-side waits are passed as source text: tsx's transform would wrap named inner functions in
// a helper (__name) that does not exist in the page.

/** Resolves with the wall-clock time of the first painted frame where `selector` matches. */
function whenPainted(page: Page, selector: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const check = () => {
      if (document.querySelector(${JSON.stringify(selector)})) requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()))
      else requestAnimationFrame(check)
    }
    check()
  })`) as Promise<number>
}

/** Wall-clock time when the page began moving for focus request `seq` (useFocusFollower marks it). */
function whenMoved(page: Page, seq: number): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const check = () => {
      const mark = performance.getEntriesByName('coboard:focus-${seq}')[0]
      if (mark) resolve(performance.timeOrigin + mark.startTime)
      else requestAnimationFrame(check)
    }
    check()
  })`) as Promise<number>
}

/** Resolves with Date.now() when `doc`'s session satisfies `done`. */
function whenSeen(doc: Y.Doc, done: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    if (done()) return resolve(Date.now())
    const map = doc.getMap(SESSION_ROOT)
    const observer = () => {
      if (!done()) return
      map.unobserve(observer)
      resolve(Date.now())
    }
    map.observe(observer)
  })
}

async function main(): Promise<void> {
  await buildClient()
  const server = await startTestServer()
  const browser = await launchBrowser()
  const clients: SyncClient[] = []
  try {
    const board = await server.createBoard({ template: 'stakeholder-map', title: 'Bench', locale: 'en' })
    const facilitator = await connectClient(server.wsUrl, board.id, board.tokens.facilitator)
    clients.push(facilitator)
    for (let i = 0; i < CLIENTS; i++) clients.push(await connectClient(server.wsUrl, board.id, board.tokens.participant))
    const participants = clients.slice(1)
    const opened = await openBoard(browser.browser, board.links.participant, { id: 'bench-p', name: 'Bench', group: 'other' })
    await opened.page.setViewportSize({ width: 390, height: 844 })
    await waitForSynced(opened.page)
    const page = opened.page

    const timer = { clients: [] as number[], page: [] as number[] }
    const summon = { clients: [] as number[], page: [] as number[] }
    for (let trial = 0; trial < TRIALS; trial++) {
      // Timer start: from the write to every participant's doc / the countdown painted on the phone.
      writeSession(facilitator.doc, { timer: { status: 'idle' } })
      await waitFor(() => participants.every((c) => readSession(c.doc).timer.status === 'idle'), 5000, 'timer reset')
      await page.locator('.session-timer[data-state="running"]').waitFor({ state: 'detached' })
      const painted = whenPainted(page, '.session-timer[data-state="running"]')
      const seen = participants.map((c) => whenSeen(c.doc, () => readSession(c.doc).timer.status === 'running'))
      const at = Date.now()
      writeSession(facilitator.doc, { timer: startTimer(5 * 60_000, at, false) })
      for (const t of await Promise.all(seen)) timer.clients.push(t - at)
      timer.page.push((await painted) - at)

      // Summon: from the write to every participant's doc / the phone's camera starting to move.
      const previous = readSession(facilitator.doc).focus
      const focus = nextFocus(previous, 'summon', { x: trial * 50, y: 0, w: 1200, h: 800 }, Date.now())
      const moved = whenMoved(page, focus.seq)
      const seenFocus = participants.map((c) => whenSeen(c.doc, () => readSession(c.doc).focus?.seq === focus.seq))
      const sentAt = Date.now()
      writeSession(facilitator.doc, { focus: { ...focus, at: sentAt } })
      for (const t of await Promise.all(seenFocus)) summon.clients.push(t - sentAt)
      summon.page.push((await moved) - sentAt)
    }

    const row = (name: string, values: number[]) => `${name}\t${values.length}\t${percentile(values, 50).toFixed(1)}\t${percentile(values, 95).toFixed(1)}`
    console.log(`\nFacilitator action -> participant screens (${TRIALS} trials, ${CLIENTS} stock y-websocket participants + 1 Chromium phone page)`)
    console.log('action\tsamples\tp50 ms\tp95 ms')
    console.log(row(`timer start -> ${CLIENTS} clients' docs`, timer.clients))
    console.log(row('timer start -> countdown painted (Chromium)', timer.page))
    console.log(row(`summon -> ${CLIENTS} clients' docs`, summon.clients))
    console.log(row('summon -> camera moving (Chromium)', summon.page))
  } finally {
    for (const client of clients) client.destroy()
    await browser.close()
    await server.close()
  }
}

await main()
process.exit(0)
