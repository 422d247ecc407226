import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contrastRatio } from '../../client/src/ui/contrast.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { createNoteViaUi, openBoard, waitForNoteOnScreen, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import { axeViolations, foreignRequests, launchBrowser, saveScreenshot, PATIENCE_MS, type TestBrowser } from './browser.ts'

describe('two people on one board', () => {
  let server: TestServer
  let browser: TestBrowser
  let anna: OpenBoard
  let bo: OpenBoard
  let origin: string

  beforeAll(async () => {
    server = await startTestServer()
    const board = await server.createBoard({ template: 'blank', title: 'Youth services kick-off' })
    origin = new URL(board.links.facilitator).origin
    browser = await launchBrowser()
    anna = await openBoard(browser.browser, board.links.facilitator, { id: 'anna', name: 'Anna', group: 'researcher' })
    bo = await openBoard(browser.browser, board.links.participant, {
      id: 'bo',
      name: 'Bo',
      group: 'citizen-service-user',
    })
    await Promise.all([waitForSynced(anna.page), waitForSynced(bo.page)])
  })

  afterAll(async () => {
    if (anna) await saveScreenshot(anna.page, 'two-people-anna')
    if (bo) await saveScreenshot(bo.page, 'two-people-bo')
    await browser?.close()
    await server?.close()
  })

  it("shows one person's new note to the other", async () => {
    await createNoteViaUi(anna.page, 'Opening hours suit nobody', { x: 450, y: 300 })
    await waitForNoteOnScreen(bo.page, 'Opening hours suit nobody', PATIENCE_MS)
  })

  it("shows the other person's cursor with their name", async () => {
    for (const x of [500, 540, 580]) await anna.page.mouse.move(x, 520)
    const cursor = bo.page.locator('.tl-collaborators__item', { hasText: 'Anna' })
    await cursor.waitFor({ timeout: PATIENCE_MS })
    // The name tag is readable on the group's colour (WCAG AA, 4.5:1). axe cannot judge text over
    // the canvas (it reports it as incomplete), so the colours are read and compared here.
    const colours = await cursor.locator('.tl-nametag').evaluate((tag) => {
      const hex = (rgb: string) => '#' + (rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')
      const style = getComputedStyle(tag)
      return { text: hex(style.color), background: hex(style.backgroundColor) }
    })
    expect(contrastRatio(colours.text, colours.background), JSON.stringify(colours)).toBeGreaterThanOrEqual(4.5)
    expect(await axeViolations(bo.page)).toEqual([])
  })

  it('lists the other person under their stakeholder group', async () => {
    await bo.page.getByRole('button', { name: /^People/ }).click()
    const panel = bo.page.getByRole('region', { name: 'People on the board' })
    await panel.getByRole('heading', { name: 'Researcher' }).waitFor({ timeout: PATIENCE_MS })
    // Anna opened the facilitator link: the list says so.
    await panel.getByText('Anna · facilitator', { exact: true }).waitFor()
    await panel.getByRole('heading', { name: 'Citizen or service user' }).waitFor()
    await panel.getByText('Bo (you)').waitFor()
  })

  it("follows the other person's viewport", async () => {
    await bo.page.getByRole('button', { name: 'Follow Anna' }).click()
    await anna.page.evaluate(() => {
      const editor = (window as unknown as { coboardEditor: { setCamera(c: { x: number; y: number; z: number }): void } }).coboardEditor
      editor.setCamera({ x: -3000, y: -2000, z: 1 })
    })
    await bo.page.waitForFunction(
      () => {
        const editor = (window as unknown as { coboardEditor: { getViewportPageBounds(): { center: { x: number; y: number } } } }).coboardEditor
        const { x, y } = editor.getViewportPageBounds().center
        return Math.abs(x - 3600) < 400 && Math.abs(y - 2400) < 400
      },
      undefined,
      { timeout: PATIENCE_MS },
    )
    await bo.page.getByRole('region', { name: 'People on the board' }).getByRole('button', { name: 'Stop following' }).click()
  })

  it('made no request to any host but the server and left no page errors', () => {
    expect(foreignRequests([...anna.requests, ...bo.requests], origin)).toEqual([])
    expect([...anna.errors, ...bo.errors]).toEqual([])
  })
})
