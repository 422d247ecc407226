import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { createNoteViaUi, openBoard, waitForNoteOnScreen, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import { foreignRequests, launchBrowser, saveScreenshot, PATIENCE_MS, type TestBrowser } from './browser.ts'

describe('working through a network outage', () => {
  let server: TestServer
  let browser: TestBrowser
  let anna: OpenBoard
  let bo: OpenBoard
  let origin: string

  beforeAll(async () => {
    server = await startTestServer()
    const board = await server.createBoard({ template: 'blank', title: 'Hybrid session' })
    origin = new URL(board.links.facilitator).origin
    browser = await launchBrowser()
    anna = await openBoard(browser.browser, board.links.facilitator, { id: 'anna', name: 'Anna', group: 'researcher' })
    bo = await openBoard(browser.browser, board.links.participant, { id: 'bo', name: 'Bo', group: 'volunteer-association' })
    await Promise.all([waitForSynced(anna.page), waitForSynced(bo.page)])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('shows that the board is offline and keeps accepting edits', async () => {
    await bo.context.setOffline(true)
    await bo.page.locator('.connection-status[data-status="offline"]').waitFor({ timeout: PATIENCE_MS })
    await bo.page.getByText('Offline – your changes are kept on this device').waitFor()
    await createNoteViaUi(bo.page, 'Written on the train', { x: 400, y: 250 })
    await waitForNoteOnScreen(bo.page, 'Written on the train', PATIENCE_MS)
    await saveScreenshot(bo.page, 'offline-bo')
  })

  it('merges both sides once the network is back', async () => {
    await createNoteViaUi(anna.page, 'Written in the room', { x: 750, y: 450 })
    await bo.context.setOffline(false)
    await waitForSynced(bo.page)
    await waitForNoteOnScreen(anna.page, 'Written on the train', PATIENCE_MS)
    await waitForNoteOnScreen(bo.page, 'Written in the room', PATIENCE_MS)
    await saveScreenshot(anna.page, 'merged-anna')
  })

  it('made no request to any host but the server and left no page errors', () => {
    expect(foreignRequests([...anna.requests, ...bo.requests], origin)).toEqual([])
    // Chromium logs the refused websocket reconnects while offline; nothing else may appear.
    const errors = [...anna.errors, ...bo.errors].filter((error) => !/WebSocket connection to .* failed/.test(error) && !/ERR_INTERNET_DISCONNECTED/.test(error))
    expect(errors).toEqual([])
  })
})
