import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { openBoard, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import { launchBrowser, PATIENCE_MS, type TestBrowser } from './browser.ts'

describe('a participant whose link the facilitator replaced', () => {
  let server: TestServer
  let browser: TestBrowser
  let pia: OpenBoard
  let board: Awaited<ReturnType<TestServer['createBoard']>>

  beforeAll(async () => {
    server = await startTestServer()
    board = await server.createBoard({ template: 'blank', title: 'Rotation' })
    browser = await launchBrowser()
    pia = await openBoard(browser.browser, board.links.participant, { id: 'pia', name: 'Pia', group: 'other' })
    await waitForSynced(pia.page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('is told why the board stopped and the page stops reconnecting', async () => {
    const sockets: string[] = []
    pia.page.on('websocket', (socket) => sockets.push(socket.url()))
    const response = await fetch(`${server.url}/api/boards/${board.id}/links/participant/rotate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(response.status).toBe(200)
    await pia.page.getByTestId('connection-stopped').getByText('This link no longer works').waitFor({ timeout: PATIENCE_MS })
    await pia.page.locator('.connection-status[data-status="stopped"]').waitFor()
    // y-websocket retries within 2.5 s at most; a permanent close must not retry at all.
    await expect(pia.page.waitForEvent('websocket', { timeout: 4000 })).rejects.toThrow(/Timeout/)
    expect(sockets).toEqual([])
  })

  it('gets the same explanation when opening the old link again', async () => {
    await pia.page.reload()
    await pia.page.getByText('This link no longer works').waitFor({ timeout: PATIENCE_MS })
  })
})
