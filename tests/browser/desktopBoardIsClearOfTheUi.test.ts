import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BOARD_MESSAGES } from '../../client/src/board/boardMessages.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { waitForCanvas, waitForSynced } from './boardFixtures.ts'
import { axeViolations, launchBrowser, PATIENCE_MS, rememberIdentity, saveScreenshot, type TestBrowser } from './browser.ts'
import { boardUnderUi, controlsOffScreen } from './onScreen.ts'

const SCREENS = [
  { name: '1440x900', width: 1440, height: 900, locale: 'en' },
  { name: '1920x1080', width: 1920, height: 1080, locale: 'en' },
  // Danish words are longer: the top bar may take two rows on a small laptop.
  { name: '1280x800-da', width: 1280, height: 800, locale: 'da' },
] as const


describe.each(SCREENS)('the board of a facilitator on a $name screen', ({ name, width, height, locale }) => {
  const words = BOARD_MESSAGES[locale]
  const zoneButton = new RegExp(`^${words.zonePrefix}: |${words.zoneListNone}`)
  let server: TestServer
  let browser: TestBrowser
  let page: Page

  beforeAll(async () => {
    server = await startTestServer()
    const board = await server.createBoard({ template: 'stakeholder-map', locale, title: 'Youth services' })
    browser = await launchBrowser()
    const context = await browser.browser.newContext({ viewport: { width, height }, locale: locale === 'da' ? 'da-DK' : 'en-GB' })
    await rememberIdentity(context, { id: 'laptop', name: 'Frida', group: 'researcher' })
    page = await context.newPage()
    await page.goto(board.links.facilitator)
    await waitForCanvas(page)
    await waitForSynced(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('opens on the whole board, clear of the controls, with no style panel over the right-hand zone', async () => {
    await page.getByRole('button', { name: zoneButton }).waitFor({ timeout: PATIENCE_MS })
    const layout = await page.evaluate(() => {
      type Editor = { getCurrentPageBounds(): { x: number; y: number; w: number; h: number }; pageToViewport(p: { x: number; y: number }): { x: number; y: number } }
      const editor = (window as unknown as { coboardEditor: Editor }).coboardEditor
      const bounds = editor.getCurrentPageBounds()
      const topLeft = editor.pageToViewport({ x: bounds.x, y: bounds.y })
      const bottomRight = editor.pageToViewport({ x: bounds.x + bounds.w, y: bounds.y + bounds.h })
      const bottom = (selector: string) => Math.max(0, ...[...document.querySelectorAll(selector)].map((e) => e.getBoundingClientRect().bottom))
      const toolbarTop = document.querySelector('.tlui-main-toolbar__inner')!.getBoundingClientRect().top
      return { topLeft, bottomRight, barsBottom: Math.max(bottom('.zone-nav'), bottom('.board-chrome'), bottom('.tlui-menu-zone')), toolbarTop }
    })
    // The board's title (its top-left) is below our controls; its bottom above tldraw's toolbar.
    expect(layout.topLeft.y).toBeGreaterThanOrEqual(layout.barsBottom)
    expect(layout.bottomRight.y).toBeLessThanOrEqual(layout.toolbarTop)
    // No control lies over the title, the purpose or any zone: not the zone navigator over the
    // title, not the session chip, not the bar of "Start private writing / Start voting /
    // Participation" over the bottom row of cells.
    await page.getByTestId('every-voice').getByRole('button').first().waitFor({ timeout: PATIENCE_MS })
    await page.getByTestId('session-chip').waitFor({ timeout: PATIENCE_MS })
    expect(await boardUnderUi(page)).toEqual([])
    // The session chip sits under the top bar, however many rows the bar takes.
    const chrome = (await page.locator('.board-chrome').boundingBox())!
    const chip = (await page.getByTestId('session-chip').boundingBox())!
    expect(chip.y).toBeGreaterThanOrEqual(chrome.y + chrome.height)
    expect(await page.locator('.tlui-style-panel').count()).toBe(0)
    expect(await controlsOffScreen(page)).toEqual([])
    expect(await axeViolations(page)).toEqual([])
    await saveScreenshot(page, `desktop-${name}-board`)
  })

  it('fits the whole board clear of the UI again from the zone list ("Whole board")', async () => {
    await page.getByRole('button', { name: zoneButton }).click()
    await page.getByRole('region', { name: words.zoneListTitle }).getByRole('button', { name: words.wholeBoard }).click()
    await expect.poll(() => boardUnderUi(page), { timeout: PATIENCE_MS }).toEqual([])
  })

  it('offers the tools workshops use, and no embeds', async () => {
    const tools = await page.locator('.tlui-main-toolbar [data-testid^="tools."]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')))
    expect(tools).toEqual(['tools.select', 'tools.hand', 'tools.note', 'tools.text', 'tools.draw', 'tools.arrow', 'tools.rectangle', 'tools.asset', 'tools.eraser'])
    await page.getByRole('button', { name: 'Main menu' }).or(page.locator('[data-testid="main-menu.button"]')).first().click()
    expect(await page.locator('[data-testid*="insert-embed"]').count()).toBe(0)
    await page.keyboard.press('Escape')
  })

  it('shows the style panel once something is selected', async () => {
    await page.evaluate(() => {
      type Editor = { createShapes(s: object[]): void; select(id: string): void }
      const editor = (window as unknown as { coboardEditor: Editor }).coboardEditor
      editor.createShapes([{ id: 'shape:laptop-note', type: 'note', x: -2000, y: 0 }])
      editor.select('shape:laptop-note')
    })
    await page.locator('.tlui-style-panel').waitFor({ timeout: PATIENCE_MS })
    // Below the session chip, not over it: the facilitator reaches "Session" with a note selected.
    const chip = (await page.getByTestId('session-chip').boundingBox())!
    const panel = (await page.locator('.tlui-style-panel__wrapper').boundingBox())!
    expect(panel.y).toBeGreaterThanOrEqual(chip.y + chip.height)
    expect(panel.y + panel.height).toBeLessThanOrEqual(height)
    // Nothing covers the chip's toggle (a trial click checks that it would receive the click).
    await page.locator('.session-chip__toggle').click({ trial: true, timeout: PATIENCE_MS })
    await saveScreenshot(page, `desktop-${name}-style-panel`)
  })
})
