import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { createNoteViaUi, openBoard, waitForCanvas, waitForNoteOnScreen, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import { foreignRequests, launchBrowser, saveScreenshot, PATIENCE_MS, type TestBrowser } from './browser.ts'

describe('a board on a device that has lost its connection', () => {
  let server: TestServer
  let browser: TestBrowser
  let astrid: OpenBoard
  let origin: string

  beforeAll(async () => {
    server = await startTestServer()
    const board = await server.createBoard({ template: 'living-lab-kickoff', locale: 'sv', title: 'Levande labb Malmö' })
    origin = new URL(board.links.facilitator).origin
    browser = await launchBrowser()
    astrid = await openBoard(browser.browser, board.links.participant, { id: 'astrid', name: 'Astrid', group: 'citizen-service-user' })
    await waitForSynced(astrid.page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('reloads from this device while offline, and keeps taking notes', async () => {
    await createNoteViaUi(astrid.page, 'Fika after every meeting', { x: 500, y: 320 })
    await waitForSynced(astrid.page)
    // The service worker takes over the page once installed; one online visit under its control
    // stores the board's info next to the app.
    await astrid.page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 })
    await astrid.page.reload()
    await waitForCanvas(astrid.page)
    await waitForSynced(astrid.page)

    await astrid.context.setOffline(true)
    await astrid.page.reload()
    await waitForCanvas(astrid.page)
    await waitForNoteOnScreen(astrid.page, 'Fika after every meeting', PATIENCE_MS)
    await astrid.page.locator('.connection-status[data-status="offline"]').waitFor({ timeout: PATIENCE_MS })
    await createNoteViaUi(astrid.page, 'Written with no network', { x: 700, y: 420 })
    await waitForNoteOnScreen(astrid.page, 'Written with no network', 2000)
    await saveScreenshot(astrid.page, 'offline-reload-astrid')

    await astrid.context.setOffline(false)
    await waitForSynced(astrid.page, 15_000)
  })

  it('made no request to any host but the server', () => {
    expect(foreignRequests(astrid.requests, origin)).toEqual([])
  })
})
