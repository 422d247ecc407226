import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { createNoteViaUi, openBoard, waitForNoteOnScreen, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import { launchBrowser, saveScreenshot, type TestBrowser } from './browser.ts'

/** The texts of the notes on a page's board, from the editor (template example notes aside). */
async function noteTexts(board: OpenBoard): Promise<string[]> {
  return board.page.evaluate(() => {
    const editor = (window as unknown as { coboardEditor: { getCurrentPageShapes(): Array<{ type: string; meta: { coboard?: unknown }; id: string }>; getShapeUtil(s: unknown): { getText(s: unknown): string | undefined } } }).coboardEditor
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'note' && !shape.meta.coboard)
      .map((shape) => editor.getShapeUtil(shape).getText(shape) ?? '')
      .sort()
  })
}

describe('one slip loses nothing', () => {
  let server: TestServer
  let browser: TestBrowser
  let facilitator: OpenBoard
  let bo: OpenBoard
  let cy: OpenBoard

  beforeAll(async () => {
    server = await startTestServer()
    const board = await server.createBoard({ template: 'blank', title: 'Library opening hours' })
    browser = await launchBrowser()
    facilitator = await openBoard(browser.browser, board.links.facilitator, { id: 'fay', name: 'Fay', group: 'researcher' })
    bo = await openBoard(browser.browser, board.links.participant, { id: 'bo', name: 'Bo', group: 'citizen-service-user' })
    cy = await openBoard(browser.browser, board.links.participant, { id: 'cy', name: 'Cy', group: 'volunteer-association' })
    await Promise.all([facilitator, bo, cy].map((b) => waitForSynced(b.page)))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it("a participant's select-all and delete removes only their own notes, and says why", async () => {
    await createNoteViaUi(bo.page, 'Open on Sundays', { x: 400, y: 300 })
    await createNoteViaUi(cy.page, 'Cy wrote this', { x: 700, y: 300 })
    await waitForNoteOnScreen(cy.page, 'Open on Sundays', 15_000)
    await waitForNoteOnScreen(bo.page, 'Cy wrote this', 15_000)

    await cy.page.locator('.tl-canvas').click({ position: { x: 20, y: 600 } })
    await cy.page.keyboard.press('Control+a')
    await cy.page.keyboard.press('Delete')
    await cy.page.getByTestId('delete-refused').waitFor({ timeout: 5000 })
    await saveScreenshot(cy.page, 'protection-delete-refused')
    await bo.page.waitForFunction(
      () => !document.querySelector('.tl-canvas')?.textContent?.includes('Cy wrote this'),
      undefined,
      { timeout: 15_000 },
    )
    expect(await noteTexts(bo)).toEqual(['Open on Sundays'])
    expect(await noteTexts(cy)).toEqual(['Open on Sundays'])
  })

  it('the facilitator keeps a version, and brings back every note after they were all deleted', async () => {
    await facilitator.page.getByRole('button', { name: 'Show agenda' }).click()
    await facilitator.page.getByLabel('Name of the version (optional)').fill('Before the discussion')
    await facilitator.page.getByRole('button', { name: 'Save a version now' }).click()
    await facilitator.page.getByText('Version saved.').waitFor({ timeout: 10_000 })

    // The slip: the facilitator (who may) deletes everything.
    await facilitator.page.locator('.tl-canvas').click({ position: { x: 900, y: 700 } })
    await facilitator.page.keyboard.press('Control+a')
    await facilitator.page.keyboard.press('Delete')
    await bo.page.waitForFunction(() => !document.querySelector('.tl-canvas')?.textContent?.includes('Open on Sundays'), undefined, {
      timeout: 15_000,
    })

    facilitator.page.once('dialog', (dialog) => void dialog.accept())
    await facilitator.page
      .locator('.history-version', { hasText: 'Before the discussion' })
      .getByRole('button', { name: /Bring back notes deleted since then/ })
      .click()
    await facilitator.page.getByText('1 note is back.').waitFor({ timeout: 10_000 })
    await waitForNoteOnScreen(bo.page, 'Open on Sundays', 15_000)
    await saveScreenshot(facilitator.page, 'protection-history-panel')
    expect(await noteTexts(bo)).toEqual(['Open on Sundays'])
  })
})
