import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import {
  axeViolations,
  foreignRequests,
  launchBrowser,
  recordPageErrors,
  recordRequests,
  saveScreenshot,
  PATIENCE_MS,
  type TestBrowser,
} from './browser.ts'

describe('the lobby', () => {
  let server: TestServer
  let browser: TestBrowser
  let context: BrowserContext
  let page: Page
  let origin: string
  let requests: string[]
  let pageErrors: string[]

  beforeAll(async () => {
    server = await startTestServer()
    // Board links carry the server's public origin; the page must run on that origin (the
    // websocket Origin check and localStorage both depend on it).
    origin = new URL((await server.createBoard()).links.facilitator).origin
    browser = await launchBrowser()
    context = await browser.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    requests = recordRequests(context)
    page = await context.newPage()
    pageErrors = recordPageErrors(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('passes an automated accessibility check before anything is filled in', async () => {
    await page.goto(`${origin}/`)
    await page.getByRole('heading', { name: 'Start a new board' }).waitFor()
    await page.getByRole('radio', { name: /Blank board/ }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    // The lobby never downloads the board's code (tldraw, Yjs): that is a chunk of its own.
    expect(requests.filter((url) => /\/assets\/BoardPage-/.test(url)), requests.join('\n')).toEqual([])
  })

  it('creates a board and shows its three links with copy buttons and QR codes', async () => {
    await page.getByLabel('Name of the board').fill('Living lab kick-off')
    await page.getByRole('radio', { name: /Blank board/ }).check()
    await page.getByLabel('Language of the board').selectOption('sv')
    await page.getByRole('button', { name: 'Create board' }).click()
    await page.getByRole('heading', { name: '“Living lab kick-off” is ready' }).waitFor({ timeout: PATIENCE_MS })

    for (const role of ['Facilitator', 'Participant', 'Observer']) {
      const link = await page.getByRole('textbox', { name: role }).inputValue()
      expect(link).toMatch(new RegExp(`^${origin}/b/[A-Za-z0-9_-]+#k=[A-Za-z0-9_-]{22,}$`))
      await page.getByRole('button', { name: `Copy ${role.toLowerCase()} link` }).waitFor()
      const qr = page.getByRole('img', { name: `QR code for the ${role.toLowerCase()} link` })
      await qr.waitFor()
      expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    }
    expect(await axeViolations(page)).toEqual([])
    await saveScreenshot(page, 'lobby-links')
  })

  it('opens the facilitator link, asks who is joining, and that form is accessible too', async () => {
    await page.getByRole('link', { name: 'Open the board as facilitator' }).click()
    // The board is Swedish, so the UI greets in Swedish until the user picks another language.
    await page.getByRole('heading', { name: 'Välkommen till ”Living lab kick-off”' }).waitFor({ timeout: PATIENCE_MS })
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Gå in på tavlan' }).click()
    await page.getByText('Skriv gärna ett namn').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await saveScreenshot(page, 'join-form')

    await page.getByLabel('Ditt namn').fill('Karin')
    await page.getByLabel('Forskare').check()
    await page.getByRole('button', { name: 'Gå in på tavlan' }).click()
    await page.locator('.tl-canvas').waitFor({ timeout: PATIENCE_MS })
    await page.getByRole('status').filter({ hasText: 'Uppdaterad' }).waitFor({ timeout: PATIENCE_MS })
  })

  it("switches coboard's and tldraw's language together", async () => {
    await page.getByRole('combobox', { name: 'Språk' }).selectOption('da')
    await page.getByRole('status').filter({ hasText: 'Opdateret' }).waitFor({ timeout: PATIENCE_MS })
    // tldraw's own translation, served from our origin.
    await page.getByRole('radio', { name: /^Vælg/ }).or(page.getByRole('button', { name: /^Vælg/ })).first().waitFor({ timeout: PATIENCE_MS })
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da')
  })

  it('lets the user change their name and group later, and remembers the change', async () => {
    await page.getByRole('button', { name: 'Karin – skift navn eller gruppe' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Dit navn').fill('Karin B')
    await dialog.getByLabel('Borger eller bruger').check()
    expect(await axeViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Gem' }).click()
    await page.getByRole('button', { name: 'Karin B – skift navn eller gruppe' }).waitFor()
    const stored = await page.evaluate(() => JSON.parse(window.localStorage.getItem('coboard:identity') ?? '{}'))
    expect(stored).toMatchObject({ name: 'Karin B', group: 'citizen-service-user' })
  })

  it('made no request to any host but the server and left no page errors', () => {
    expect(requests.length).toBeGreaterThan(0)
    expect(foreignRequests(requests, origin)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
