import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { waitForCanvas } from './boardFixtures.ts'
import { launchBrowser, PATIENCE_MS, type TestBrowser } from './browser.ts'

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(page: Page, matches: (element: { tag: string; type: string; text: string; label: string }) => boolean, limit = 40) {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null
      return {
        tag: element?.tagName.toLowerCase() ?? '',
        type: element?.getAttribute('type') ?? '',
        text: element?.textContent?.trim() ?? '',
        label: (element && 'labels' in element ? Array.from((element as HTMLInputElement).labels ?? []).map((l) => l.textContent?.trim()).join(' ') : '') ?? '',
      }
    })
    if (matches(focused)) return
  }
  throw new Error('the control was not reachable with Tab')
}

describe('the lobby and the join form with a keyboard only', () => {
  let server: TestServer
  let browser: TestBrowser
  let origin: string

  beforeAll(async () => {
    server = await startTestServer()
    origin = new URL((await server.createBoard()).links.facilitator).origin
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('creates a board, copies a link and joins it without a mouse', async () => {
    const context = await browser.browser.newContext({ locale: 'en-GB' })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
    const page = await context.newPage()
    await page.goto(`${origin}/`)
    await page.getByRole('heading', { name: 'Start a new board' }).waitFor()
    await page.getByRole('radio').first().waitFor()

    await tabTo(page, (el) => el.tag === 'input' && el.label === 'Name of the board')
    await page.keyboard.type('Keyboard board')
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Create board')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: '“Keyboard board” is ready' }).waitFor({ timeout: PATIENCE_MS })

    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Copy participant link')
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(await page.getByRole('textbox', { name: 'Participant' }).inputValue())

    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Open the board as facilitator')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Welcome to “Keyboard board”' }).waitFor({ timeout: PATIENCE_MS })
    // The name field has focus on arrival.
    await page.keyboard.type('Kim')
    await tabTo(page, (el) => el.tag === 'input' && el.type === 'radio')
    await page.keyboard.press('Space')
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Join the board')
    await page.keyboard.press('Enter')
    await waitForCanvas(page)
    await context.close()
  })
})
