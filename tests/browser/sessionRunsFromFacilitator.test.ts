import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { openBoard, shapeCount, waitForCanvas, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import { axeViolations, foreignRequests, launchBrowser, PATIENCE_MS, recordPageErrors, saveScreenshot, type TestBrowser } from './browser.ts'

// Issue 10: a facilitator runs the session from the board; a participant on a phone follows it.
// Screenshots of each state go to test-artifacts/session/ (listed in the README).

function viewportCentre(page: Page) {
  return page.evaluate(() => {
    const editor = (window as unknown as { coboardEditor: { getViewportPageBounds(): { center: { x: number; y: number } } } }).coboardEditor
    const { x, y } = editor.getViewportPageBounds().center
    return { x, y }
  })
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y)

describe('a facilitator runs the session and a participant on a phone follows it', () => {
  let server: TestServer
  let browser: TestBrowser
  let facilitator: OpenBoard
  let participant: OpenBoard
  let board: Awaited<ReturnType<TestServer['createBoard']>>
  const presenterErrors: string[] = []

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
    // The whole page, every impact level, with the panel open.
    expect(await axeViolations(f)).toEqual([])
  })

  it('the timer starts, pauses, takes a minute more, resumes and stops, on the participant’s phone too', async () => {
    const f = facilitator.page
    const timer = participant.page.getByTestId('session-timer')
    const time = timer.locator('.session-timer__time')
    await f.getByLabel('Minutes on the timer').fill('3')
    await f.getByRole('button', { name: 'Start timer' }).click()
    await time.waitFor({ timeout: PATIENCE_MS })
    await expect.poll(async () => time.innerText(), { timeout: PATIENCE_MS }).toMatch(/^(3:00|2:5\d)$/)
    await saveScreenshot(participant.page, 'session/participant-countdown-390x844')

    await f.getByRole('button', { name: 'Pause timer' }).click()
    await participant.page.locator('[data-testid="session-timer"][data-state="paused"]').waitFor({ timeout: PATIENCE_MS })
    const paused = await time.innerText()
    await f.getByRole('button', { name: 'Add one minute' }).click()
    // A minute more on the paused time: 2:5x becomes 3:5x on the phone.
    const [minutes, seconds] = paused.split(':').map(Number)
    await expect.poll(async () => time.innerText(), { timeout: PATIENCE_MS }).toBe(`${minutes + 1}:${String(seconds).padStart(2, '0')}`)
    await saveScreenshot(participant.page, 'session/participant-timer-paused-390x844')

    await f.getByRole('button', { name: 'Resume timer' }).click()
    await participant.page.locator('[data-testid="session-timer"][data-state="running"]').waitFor({ timeout: PATIENCE_MS })
    await f.getByRole('button', { name: 'Reset timer' }).click()
    await timer.waitFor({ state: 'detached', timeout: PATIENCE_MS })

    // Started again, for the rest of the session (and the presenter view below).
    await f.getByRole('button', { name: 'Start timer' }).click()
    await time.waitFor({ timeout: PATIENCE_MS })
    await saveScreenshot(f, 'session/facilitator-panel-1440x900')
  })

  it('"Bring everyone here" moves the participant’s view; "Back to the facilitator" brings them back after they step away', async () => {
    const f = facilitator.page
    const p = participant.page
    await f.evaluate(() => {
      const editor = (window as unknown as { coboardEditor: { setCamera(c: object, o: object): void } }).coboardEditor
      editor.setCamera({ x: -2000, y: -1500, z: 1 }, { immediate: true })
    })
    const target = await viewportCentre(f)
    const before = await viewportCentre(p)
    await f.getByRole('button', { name: 'Bring everyone here' }).click()
    // The phone shows the facilitator's whole view, centred in the part its UI leaves free.
    await expect.poll(async () => distance(await viewportCentre(p), target), { timeout: PATIENCE_MS }).toBeLessThan(200)
    expect(distance(before, target)).toBeGreaterThan(1000)
    await p.getByTestId('moved-notice').waitFor()
    expect(await p.getByRole('button', { name: 'Back to the facilitator' }).count()).toBe(0)
    await saveScreenshot(p, 'session/participant-summoned-390x844')

    // "Go back to where you were" still works, and then "Back to the facilitator" is offered.
    await p.getByRole('button', { name: 'Go back to where you were' }).click()
    await expect.poll(async () => distance(await viewportCentre(p), before), { timeout: PATIENCE_MS }).toBeLessThan(50)
    const backToFacilitator = p.getByRole('button', { name: 'Back to the facilitator' })
    await backToFacilitator.waitFor({ timeout: PATIENCE_MS })
    await saveScreenshot(p, 'session/participant-away-390x844')
    await backToFacilitator.click()
    await expect.poll(async () => distance(await viewportCentre(p), target), { timeout: PATIENCE_MS }).toBeLessThan(200)
    await backToFacilitator.waitFor({ state: 'detached', timeout: PATIENCE_MS })
  })

  it('a ready check counts the participant who taps "I’m done"', async () => {
    const f = facilitator.page
    await f.getByRole('button', { name: 'Ready check' }).click()
    await f.getByTestId('ready-tally').getByText('0 of 1 ready').waitFor({ timeout: PATIENCE_MS })
    await participant.page.getByRole('button', { name: 'I’m done' }).click()
    await f.getByTestId('ready-tally').getByText('1 of 1 ready').waitFor({ timeout: PATIENCE_MS })
    await saveScreenshot(participant.page, 'session/participant-ready-390x844')
    await saveScreenshot(f, 'session/facilitator-ready-1440x900')
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
    expect(await shapeCount(p)).toBe(before)
    expect(await shapeCount(f)).toBe(before)
    await saveScreenshot(p, 'session/participant-frozen-390x844')
    await f.getByRole('button', { name: 'Freeze board' }).click()
    await p.getByTestId('frozen-notice').waitFor({ state: 'detached', timeout: PATIENCE_MS })
  })

  it('the presenter view opens from the panel with the observer link — never the facilitator’s — and shows step and timer large', async () => {
    const f = facilitator.page
    const panel = f.locator('.session-panel')
    // This browser did not create the board, so it does not know the observer link: it says so,
    // and making one first warns who is disconnected.
    await panel.getByText('This browser does not know the observer link').waitFor({ timeout: PATIENCE_MS })
    await panel.getByRole('button', { name: 'Make an observer link for the presenter view' }).click()
    const confirm = panel.getByRole('button', { name: 'Make a new link and disconnect them' })
    await confirm.waitFor()
    expect(await panel.getByTestId('new-link-confirm-observer').innerText()).toContain('observers who joined with it are disconnected')
    expect(await f.evaluate(() => document.activeElement?.textContent)).toBe('Make a new link and disconnect them')
    await confirm.click()
    const link = panel.getByRole('link', { name: 'Presenter view' })
    await link.waitFor({ timeout: PATIENCE_MS })

    const [presenter] = await Promise.all([f.context().waitForEvent('page'), link.click()])
    presenterErrors.push(...recordPageErrors(presenter))
    await presenter.setViewportSize({ width: 1920, height: 1080 })
    await waitForCanvas(presenter)
    const url = presenter.url()
    expect(url).toContain('?view=presenter#k=')
    expect(url).not.toContain(board.tokens.facilitator)
    expect(url).not.toContain(board.tokens.observer) // the old observer link was replaced
    const aside = presenter.getByTestId('presenter-session')
    await aside.getByTestId('session-timer').waitFor({ timeout: PATIENCE_MS })
    const fontPx = await aside.locator('.session-timer__time').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(fontPx).toBeGreaterThanOrEqual(56)
    // One click lets the projector play the timer's sound.
    const sound = aside.getByRole('button', { name: 'Play the timer’s sound here' })
    await sound.click()
    expect(await sound.getAttribute('aria-pressed')).toBe('true')
    expect(await axeViolations(presenter)).toEqual([])
    await saveScreenshot(presenter, 'session/presenter-1920x1080')
    await presenter.close()
  })

  it('the share panel warns before a new participant link, shows the links again, and its projector-safe view only the participant QR code', async () => {
    const f = facilitator.page
    await f.getByRole('button', { name: 'Share links' }).click()
    const dialog = f.getByTestId('share-panel')
    // The observer link made above is remembered; the participant link is not known here.
    await dialog.locator('.share-panel__unknown[data-role="participant"]').waitFor({ timeout: PATIENCE_MS })
    await dialog.locator('.link-card[data-role="observer"] input').waitFor()
    await dialog.getByRole('button', { name: 'Make a new link' }).click()
    const warning = dialog.getByTestId('new-link-confirm-participant')
    expect(await warning.innerText()).toContain('everyone who joined with it is disconnected')
    await saveScreenshot(f, 'session/share-new-link-warning-1440x900')
    await warning.getByRole('button', { name: 'Cancel' }).click()
    await warning.waitFor({ state: 'detached' })
    expect(await f.evaluate(() => document.activeElement?.textContent)).toBe('Make a new link')
    await f.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    // As if this browser had created the board in the lobby (which remembers the links).
    await f.evaluate(([id, participantLink]) => {
      const key = `coboard:links:${id}`
      window.localStorage.setItem(key, JSON.stringify({ ...JSON.parse(window.localStorage.getItem(key) ?? '{}'), participant: participantLink }))
    }, [board.id, board.links.participant] as const)
    await f.getByRole('button', { name: 'Share links' }).click()
    await dialog.locator('input[value="' + board.links.participant + '"]').waitFor()
    expect(await axeViolations(f)).toEqual([])
    await saveScreenshot(f, 'session/share-panel-1440x900')
    await f.setViewportSize({ width: 1920, height: 1080 })
    await dialog.getByRole('button', { name: 'Projector-safe view' }).click()
    await dialog.locator('img.qr').waitFor()
    const html = await dialog.innerHTML()
    expect(html).not.toContain(board.tokens.facilitator)
    expect(await dialog.locator('img.qr').count()).toBe(1)
    const size = await dialog.locator('img.qr').boundingBox()
    expect(size!.width).toBeGreaterThanOrEqual(400)
    // Fullscreen: the address bar, which holds the facilitator token, is not on the projector.
    await expect.poll(() => f.evaluate(() => document.fullscreenElement === document.documentElement), { timeout: PATIENCE_MS }).toBe(true)
    await saveScreenshot(f, 'session/share-projector-1920x1080')
    await dialog.getByRole('button', { name: 'Leave projector-safe view' }).click()
    await expect.poll(() => f.evaluate(() => document.fullscreenElement === null), { timeout: PATIENCE_MS }).toBe(true)
    await f.keyboard.press('Escape')
    await f.setViewportSize({ width: 1440, height: 900 })
  })

  it('made no request to any other host and left no page errors', () => {
    const origin = new URL(board.links.facilitator).origin
    expect(foreignRequests([...facilitator.requests, ...participant.requests], origin)).toEqual([])
    expect([...facilitator.errors, ...participant.errors, ...presenterErrors]).toEqual([])
  })
})
