import type { Browser, BrowserContext, Page } from 'playwright-core'
import { PATIENCE_MS, recordPageErrors, recordRequests, rememberIdentity } from './browser.ts'

/** A browser context with one page open on a board, and what it recorded. */
export interface OpenBoard {
  context: BrowserContext
  page: Page
  requests: string[]
  errors: string[]
}

/** Opens a board link in a fresh context as the given person, past the join form. */
export async function openBoard(
  browser: Browser,
  link: string,
  identity: { id: string; name: string; group: string },
): Promise<OpenBoard> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-GB' })
  const requests = recordRequests(context)
  await rememberIdentity(context, identity)
  const page = await context.newPage()
  const errors = recordPageErrors(page)
  await page.goto(link)
  await waitForCanvas(page)
  return { context, page, requests, errors }
}

/** Waits until tldraw's canvas is on screen and the editor is mounted. */
export async function waitForCanvas(page: Page, timeoutMs = PATIENCE_MS): Promise<void> {
  await page.locator('.tl-canvas').waitFor({ timeout: timeoutMs })
  await page.waitForFunction(() => 'coboardEditor' in window, undefined, { timeout: timeoutMs })
}

/** Waits until the status indicator says the board is up to date with the server. */
export async function waitForSynced(page: Page, timeoutMs = PATIENCE_MS): Promise<void> {
  await page.locator('.connection-status[data-status="synced"]').waitFor({ timeout: timeoutMs })
}

/** Creates a note through the UI: the note tool's shortcut, a click on the canvas, typing. */
export async function createNoteViaUi(page: Page, text: string, at: { x: number; y: number }): Promise<void> {
  await page.locator('.tl-canvas').click({ position: { x: 20, y: 400 } })
  await page.keyboard.press('n')
  await page.mouse.click(at.x, at.y)
  // The new note enters text editing a frame or two later; typing before that loses characters.
  await page.waitForFunction(
    () => {
      const editor = (window as unknown as { coboardEditor: { getEditingShapeId(): string | null } }).coboardEditor
      const active = document.activeElement
      return editor.getEditingShapeId() !== null && active instanceof HTMLElement && active.isContentEditable
    },
    undefined,
    { timeout: PATIENCE_MS },
  )
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
}

/** The number of shapes on the current page, read from the editor. */
export async function shapeCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const editor = (window as unknown as { coboardEditor: { getCurrentPageShapeIds(): Set<string> } }).coboardEditor
    return editor.getCurrentPageShapeIds().size
  })
}

/** Page coordinates of the note showing `text`, from the DOM (for dragging it). */
export async function noteCentre(page: Page, text: string): Promise<{ x: number; y: number }> {
  const box = await page.locator('.tl-shape', { hasText: text }).first().boundingBox()
  if (!box) throw new Error(`note "${text}" is not on screen`)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** Waits until a note with the text is rendered on the canvas. */
export async function waitForNoteOnScreen(page: Page, text: string, timeoutMs: number): Promise<void> {
  await page.locator('.tl-canvas .tl-shape', { hasText: text }).first().waitFor({ timeout: timeoutMs })
}
