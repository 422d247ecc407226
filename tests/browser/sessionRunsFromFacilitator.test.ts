import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { openBoard, shapeCount, waitForCanvas, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import { foreignRequests, launchBrowser, PATIENCE_MS, type TestBrowser } from './browser.ts'

// Issue 10: a facilitator runs the session from the board; a participant on a phone follows it.
const SHOTS = '/tmp/issue10-shots'
const AXE_SOURCE = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js')

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) })
}

/** axe-core on one part of the page; returns serious and critical violations. */
async function seriousViolations(page: Page, selector: string) {
  await page.evaluate(fs.readFileSync(AXE_SOURCE, 'utf8'))
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }> } }).axe
    const result = await axe.run({ include: [include] }, { resultTypes: ['violations'] })
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  }, selector)
}

function viewportCentre(page: Page) {
  return page.evaluate(() => {
    const editor = (window as unknown as { coboardEditor: { getViewportPageBounds(): { center: { x: number; y: number } } } }).coboardEditor
    const { x, y } = editor.getViewportPageBounds().center
    return { x, y }
  })
}

describe('a facilitator runs the session and a participant on a phone follows it', () => {
  let server: TestServer
  let browser: TestBrowser
  let facilitator: OpenBoard
  let participant: OpenBoard
  let board: Awaited<ReturnType<TestServer['createBoard']>>

  beforeAll(async () => {
    server = await startTestServer()
    board = await server.createBoard({ template: 'stakeholder-map', title: 'Library opening hours', locale: 'en' })
    browser = await launchBrowser()
    facilitator = await openBoard(browser.browser, board.links.facilitator, { id: 'fa', name: 'Frida', group: 'civil-servant-operational' })
    await facilitator.page.setViewportSize({ width: 1440, height: 900 })
    participant = await openBoard(browser.browser, board.links.participant, { id: 'pa', name: 'Per', group: 'citizen-service-user' })
    await participant.page.setViewportSize({ width: 390, height: 844 })
    await Promise.all([waitForSynced(facilitator.page), waitForSynced(participant.page)])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('the facilitator opens the session panel and moves to the first step; the participant sees it', async () => {
    const f = facilitator.page
    await f.getByRole('button', { name: 'Session', exact: true }).click()
    await f.getByRole('button', { name: 'Next step', exact: true }).click()
    const title = await f.locator('.session-steps li[aria-current="step"] .session-steps__go').innerText()
    await participant.page.locator('.session-chip__title', { hasText: title }).waitFor({ timeout: PATIENCE_MS })
    expect(await seriousViolations(f, '.session-layer')).toEqual([])
  })

  it('starting the timer shows the same countdown on the participant’s phone', async () => {
    const f = facilitator.page
    await f.getByLabel('Minutes on the timer').fill('3')
    await f.getByRole('button', { name: 'Start timer' }).click()
    const timer = participant.page.getByTestId('session-timer').locator('.session-timer__time')
    await timer.waitFor({ timeout: PATIENCE_MS })
    await expect.poll(async () => timer.innerText(), { timeout: 5_000 }).toMatch(/^(3:00|2:5\d)$/)
    await shot(f, 'facilitator-panel-1440x900')
  })

  it('"Bring everyone here" moves the participant’s view to the facilitator’s and offers "Back"', async () => {
    const f = facilitator.page
    await f.evaluate(() => {
      const editor = (window as unknown as { coboardEditor: { setCamera(c: object, o: object): void } }).coboardEditor
      editor.setCamera({ x: -2000, y: -1500, z: 1 }, { immediate: true })
    })
    const target = await viewportCentre(f)
    const before = await viewportCentre(participant.page)
    await f.getByRole('button', { name: 'Bring everyone here' }).click()
    // The phone shows the facilitator's whole view, centred in the part its UI leaves free.
    await expect
      .poll(async () => {
        const now = await viewportCentre(participant.page)
        return Math.hypot(now.x - target.x, now.y - target.y)
      }, { timeout: 10_000 })
      .toBeLessThan(200)
    expect(Math.hypot(before.x - target.x, before.y - target.y)).toBeGreaterThan(1000)
    await participant.page.getByTestId('moved-notice').waitFor()
    await shot(participant.page, 'participant-summoned-390x844')
    await participant.page.getByRole('button', { name: 'Go back to where you were' }).click()
    await expect.poll(async () => Math.hypot((await viewportCentre(participant.page)).x - before.x, (await viewportCentre(participant.page)).y - before.y), { timeout: 5_000 }).toBeLessThan(50)
  })

  it('a ready check counts the participant who taps "I’m done"', async () => {
    const f = facilitator.page
    await f.getByRole('button', { name: 'Ready check' }).click()
    await f.getByTestId('ready-tally').getByText('0 of 1 ready').waitFor({ timeout: PATIENCE_MS })
    await participant.page.getByRole('button', { name: 'I’m done' }).click()
    await f.getByTestId('ready-tally').getByText('1 of 1 ready').waitFor({ timeout: PATIENCE_MS })
    await shot(participant.page, 'participant-ready-390x844')
    await shot(f, 'facilitator-ready-1440x900')
  })

  it('freezing the board stops the participant adding notes and tells them why', async () => {
    const f = facilitator.page
    await f.getByRole('button', { name: 'Close ready check' }).click()
    await f.getByRole('button', { name: 'Freeze board' }).click()
    await participant.page.getByTestId('frozen-notice').waitFor({ timeout: PATIENCE_MS })
    const before = await shapeCount(f)
    const p = participant.page
    await p.locator('.tl-canvas').click({ position: { x: 200, y: 500 } })
    await p.keyboard.press('n')
    await p.mouse.click(200, 520)
    await p.keyboard.type('not now')
    await p.keyboard.press('Escape')
    const addNote = p.getByRole('button', { name: 'Add note' })
    // The button is disabled with its reason (aria-disabled, so it stays focusable); a tap does nothing.
    expect(await addNote.getAttribute('aria-disabled')).toBe('true')
    await addNote.click({ force: true })
    await p.waitForTimeout(500)
    expect(await shapeCount(p)).toBe(before)
    expect(await shapeCount(f)).toBe(before)
    await shot(p, 'participant-frozen-390x844')
    await f.getByRole('button', { name: 'Freeze board' }).click()
    await p.getByTestId('frozen-notice').waitFor({ state: 'detached', timeout: PATIENCE_MS })
  })

  it('the presenter view shows the step and the timer large at 1920×1080', async () => {
    const context = await browser.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' })
    const page = await context.newPage()
    const url = new URL(board.links.observer)
    await page.goto(`${url.origin}${url.pathname}?view=presenter${url.hash}`)
    await waitForCanvas(page)
    const aside = page.getByTestId('presenter-session')
    await aside.getByTestId('session-timer').waitFor({ timeout: PATIENCE_MS })
    const fontPx = await aside.locator('.session-timer__time').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(fontPx).toBeGreaterThanOrEqual(56)
    await shot(page, 'presenter-1920x1080')
    await context.close()
  })

  it('the share panel shows the links again, and its projector-safe view only the participant QR code', async () => {
    const f = facilitator.page
    // As if this browser had created the board in the lobby (which remembers the links).
    await f.evaluate(([id, links]) => window.localStorage.setItem(`coboard:links:${id}`, links), [board.id, JSON.stringify(board.links)] as const)
    await f.getByRole('button', { name: 'Share links' }).click()
    const dialog = f.getByTestId('share-panel')
    await dialog.locator('input[value="' + board.links.participant + '"]').waitFor()
    expect(await seriousViolations(f, '[data-testid="share-panel"]')).toEqual([])
    await shot(f, 'share-panel-1440x900')
    await f.setViewportSize({ width: 1920, height: 1080 })
    await dialog.getByRole('button', { name: 'Projector-safe view' }).click()
    await dialog.locator('img.qr').waitFor()
    const html = await dialog.innerHTML()
    expect(html).not.toContain(board.tokens.facilitator)
    expect(html).not.toContain(board.tokens.observer)
    expect(await dialog.locator('img.qr').count()).toBe(1)
    const size = await dialog.locator('img.qr').boundingBox()
    expect(size!.width).toBeGreaterThanOrEqual(400)
    await shot(f, 'share-projector-1920x1080')
    await dialog.getByRole('button', { name: 'Leave projector-safe view' }).click()
    await f.keyboard.press('Escape')
    await f.setViewportSize({ width: 1440, height: 900 })
  })

  it('made no request to any other host and left no page errors', () => {
    const origin = new URL(board.links.facilitator).origin
    expect(foreignRequests([...facilitator.requests, ...participant.requests], origin)).toEqual([])
    expect([...facilitator.errors, ...participant.errors]).toEqual([])
  })
})
