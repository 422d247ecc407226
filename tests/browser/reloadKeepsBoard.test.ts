import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { createNoteViaUi, openBoard, waitForCanvas, waitForNoteOnScreen, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import { foreignRequests, launchBrowser, PATIENCE_MS, type TestBrowser } from './browser.ts'

describe('reloading a board', () => {
  let server: TestServer
  let browser: TestBrowser
  let anna: OpenBoard
  let origin: string

  beforeAll(async () => {
    server = await startTestServer()
    const board = await server.createBoard({ template: 'blank', title: 'Writing group' })
    origin = new URL(board.links.facilitator).origin
    browser = await launchBrowser()
    anna = await openBoard(browser.browser, board.links.participant, { id: 'anna', name: 'Anna', group: 'researcher' })
    await waitForSynced(anna.page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('keeps the content', async () => {
    await createNoteViaUi(anna.page, 'Section 3 needs a case', { x: 450, y: 300 })
    await waitForSynced(anna.page)
    await anna.page.reload()
    await waitForCanvas(anna.page)
    await waitForNoteOnScreen(anna.page, 'Section 3 needs a case', PATIENCE_MS)
  })

  it('shows the content from the local cache before the server answers', async () => {
    // Hold the board's websocket: the page gets no server state at all, so whatever it shows
    // comes from this browser's cache.
    await anna.page.routeWebSocket(/\/sync\//, () => {})
    await anna.page.reload()
    await waitForCanvas(anna.page)
    await waitForNoteOnScreen(anna.page, 'Section 3 needs a case', 3000)
    await anna.page.unrouteAll()
  })

  it('made no request to any host but the server', () => {
    expect(foreignRequests(anna.requests, origin)).toEqual([])
    expect(anna.errors).toEqual([])
  })
})
