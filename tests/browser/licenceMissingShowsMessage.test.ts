import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { waitForCanvas } from './boardFixtures.ts'
import { launchBrowser, recordPageErrors, rememberIdentity, saveScreenshot, type TestBrowser } from './browser.ts'
import { startTlsProxy, type TlsProxy } from './tlsProxy.ts'

const HOST = 'coboard.test'

describe('a public https deployment without a tldraw licence key', () => {
  let proxy: TlsProxy
  let server: TestServer
  let browser: TestBrowser

  beforeAll(async () => {
    proxy = await startTlsProxy(HOST, () => server.port)
    server = await startTestServer({ env: { PUBLIC_URL: `https://${HOST}:${proxy.port}` } })
    browser = await launchBrowser({ extraArgs: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await proxy?.close()
  })

  it('explains why the drawing area is missing instead of leaving a blank page', async () => {
    const board = await server.createBoard({ template: 'blank', title: 'Public board' })
    expect(board.links.participant.startsWith(`https://${HOST}:`)).toBe(true)
    // Service workers refuse the proxy's self-signed certificate (pages may ignore it, workers may
    // not) and would log that; they play no part in what this test checks.
    const context = await browser.browser.newContext({ ignoreHTTPSErrors: true, locale: 'en-GB', serviceWorkers: 'block' })
    await rememberIdentity(context, { id: 'p', name: 'Pia', group: 'other' })
    const page = await context.newPage()
    const errors = recordPageErrors(page)
    await page.goto(board.links.participant)
    await waitForCanvas(page)
    // tldraw shows the editor for 5 s, then replaces it with an empty, hidden element.
    const notice = page.getByTestId('licence-missing')
    await notice.waitFor({ timeout: 15_000 })
    await notice.getByText('TLDRAW_LICENSE_KEY').waitFor()
    expect(await page.locator('.tl-canvas').count()).toBe(0)
    await saveScreenshot(page, 'licence-missing')
    // tldraw then fires a licence beacon at its CDN with an uncaught fetch(); our CSP refuses it
    // (so nothing leaves), which surfaces as a CSP console error and an unhandled "Failed to fetch".
    expect(errors.filter((error) => !/Content Security Policy|cdn\.tldraw\.com|Failed to fetch/.test(error))).toEqual([])
  })
})
