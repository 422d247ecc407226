import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STAKEHOLDER_GROUP_LABELS } from '../../shared/stakeholderGroups.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { openBoard, shapeCount, waitForCanvas, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import {
  axeViolations,
  foreignRequests,
  launchBrowser,
  PATIENCE_MS,
  recordPageErrors,
  recordRequests,
  rememberIdentity,
  saveScreenshot,
  type TestBrowser,
} from './browser.ts'
import { controlsOffScreen } from './onScreen.ts'

// Issue 10, second round: a facilitator on a laptop edits the agenda live, spotlights a zone and
// freezes the board; two participants on phones (390×844 and 360×740, touch) follow. Screenshots
// go to test-artifacts/session/ (listed in the README).

/** Every control on screen and no axe finding (whole page, every impact level), on each phone. */
async function expectPhonesUsable(phones: readonly OpenBoard[]): Promise<void> {
  for (const phone of phones) {
    expect(await controlsOffScreen(phone.page)).toEqual([])
    expect(await axeViolations(phone.page)).toEqual([])
  }
}

/** Opens a board link on a touch phone of the given size, past the join form. */
async function openOnPhone(browser: Browser, link: string, size: { width: number; height: number }, identity: { id: string; name: string; group: string }): Promise<OpenBoard> {
  const context = await browser.newContext({ viewport: size, hasTouch: true, isMobile: true, locale: 'en-GB' })
  const requests = recordRequests(context)
  await rememberIdentity(context, identity)
  const page = await context.newPage()
  const errors = recordPageErrors(page)
  await page.goto(link)
  await waitForCanvas(page)
  return { context, page, requests, errors }
}

type Rect = { x: number; y: number; w: number; h: number }

function viewportCentre(page: Page) {
  return page.evaluate(() => {
    const editor = (window as unknown as { coboardEditor: { getViewportPageBounds(): { center: { x: number; y: number } } } }).coboardEditor
    const { x, y } = editor.getViewportPageBounds().center
    return { x, y }
  })
}

/** Whether the middle of what the page shows lies in the zone. */
async function centreInZone(page: Page, zoneId: string): Promise<boolean> {
  const zone = await zoneBounds(page, zoneId)
  const centre = await viewportCentre(page)
  return centre.x > zone.x && centre.x < zone.x + zone.w && centre.y > zone.y && centre.y < zone.y + zone.h
}

function zoneBounds(page: Page, zoneId: string): Promise<Rect> {
  return page.evaluate((id) => {
    const editor = (window as unknown as { coboardEditor: { getShapePageBounds(id: string): Rect | undefined } }).coboardEditor
    const bounds = editor.getShapePageBounds(`shape:stakeholder-map/zone/${id}`)!
    return { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }
  }, zoneId)
}

describe('a facilitator runs the session; two participants on phones follow', () => {
  let server: TestServer
  let browser: TestBrowser
  let facilitator: OpenBoard
  let phones: OpenBoard[]
  let board: Awaited<ReturnType<TestServer['createBoard']>>

  beforeAll(async () => {
    server = await startTestServer()
    board = await server.createBoard({ template: 'stakeholder-map', title: 'Library opening hours', locale: 'en' })
    browser = await launchBrowser()
    facilitator = await openBoard(browser.browser, board.links.facilitator, { id: 'fa', name: 'Frida', group: 'civil-servant-operational' })
    await facilitator.page.setViewportSize({ width: 1440, height: 900 })
    phones = [
      await openOnPhone(browser.browser, board.links.participant, { width: 390, height: 844 }, { id: 'pa', name: 'Per', group: 'citizen-service-user' }),
      await openOnPhone(browser.browser, board.links.participant, { width: 360, height: 740 }, { id: 'pb', name: 'Pia', group: 'researcher' }),
    ]
    await Promise.all([facilitator.page, ...phones.map((phone) => phone.page)].map((page) => waitForSynced(page)))
    await facilitator.page.getByRole('button', { name: 'Session', exact: true }).click()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('the facilitator adds a step, renames it and moves it up; going to it shows the new title on both phones', async () => {
    const f = facilitator.page
    const panel = f.locator('.session-panel')
    const stepsBefore = await panel.locator('.session-steps > li').count()
    await panel.getByRole('button', { name: 'Add a step' }).click()
    // The form takes focus in its title field; Enter saves.
    await f.keyboard.type('Coffee break')
    await panel.getByLabel('Instruction for participants').fill('Ten minutes, then we vote.')
    await panel.getByLabel('Title').press('Enter')
    await expect.poll(() => panel.locator('.session-steps > li').count(), { timeout: PATIENCE_MS }).toBe(stepsBefore + 1)
    expect(await panel.locator('.session-steps__go').last().innerText()).toBe('Coffee break')

    await panel.getByRole('button', { name: 'Edit step “Coffee break”' }).click()
    const title = panel.getByLabel('Title')
    await title.fill('Coffee and cake')
    await panel.getByRole('button', { name: 'Save step' }).click()
    await panel.getByRole('button', { name: 'Move step “Coffee and cake” up' }).click()
    await panel.getByRole('status').getByText(`“Coffee and cake” is now step ${stepsBefore}.`).waitFor({ timeout: PATIENCE_MS })
    const titles = await panel.locator('.session-steps__go').allInnerTexts()
    expect(titles.at(-2)).toBe('Coffee and cake')
    await saveScreenshot(f, 'session/facilitator-agenda-edited-1440x900')
    // The same editor on a facilitator's phone: every control reachable, 44 px targets.
    await f.setViewportSize({ width: 390, height: 844 })
    await panel.getByRole('button', { name: 'Edit step “Coffee and cake”' }).click()
    await panel.getByLabel('Title').waitFor()
    const small = await panel.locator('button:visible, input:not([type=checkbox]):visible, textarea:visible').evaluateAll((elements) =>
      elements.map((el) => el.getBoundingClientRect()).filter((box) => box.height > 0 && box.height < 43.5).length,
    )
    expect(small).toBe(0)
    await panel.getByLabel('Title').scrollIntoViewIfNeeded()
    await saveScreenshot(f, 'session/facilitator-step-editor-390x844')
    await f.keyboard.press('Escape')
    await panel.getByLabel('Title').waitFor({ state: 'detached' })
    expect(await f.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit step “Coffee and cake”')
    await f.setViewportSize({ width: 1440, height: 900 })

    await panel.getByRole('button', { name: 'Go to step “Coffee and cake”' }).click()
    for (const phone of phones) await phone.page.locator('.session-chip__title', { hasText: 'Coffee and cake' }).waitFor({ timeout: PATIENCE_MS })
    // A participant opens the step's instruction from the chip, and closes it again.
    const p = phones[1].page
    const chip = p.getByRole('button', { name: /Coffee and cake/ })
    await chip.tap()
    const info = p.getByTestId('step-info')
    await info.getByText('Ten minutes, then we vote.').waitFor({ timeout: PATIENCE_MS })
    expect(await info.getByRole('heading').innerText()).toBe('Coffee and cake (5 min)')
    expect(await chip.getAttribute('aria-expanded')).toBe('true')
    await saveScreenshot(p, 'session/participant-new-step-360x740')
    await info.getByRole('button', { name: 'Close the instruction' }).tap()
    await info.waitFor({ state: 'detached' })
  })

  it('Skip passes over a step, and "Next step" onto a step that names a zone brings both phones there', async () => {
    const f = facilitator.page
    const panel = f.locator('.session-panel')
    const titles = await panel.locator('.session-steps__go').allInnerTexts()
    await panel.getByRole('button', { name: `Go to step “${titles[0]}”` }).click()
    for (const phone of phones) await phone.page.locator('.session-chip__title', { hasText: titles[0] }).waitFor({ timeout: PATIENCE_MS })
    await panel.getByRole('button', { name: `Skip step “${titles[1]}”` }).click()
    await panel.locator('.session-steps > li').nth(1).and(panel.locator('[data-skipped="true"]')).waitFor({ timeout: PATIENCE_MS })

    // The third step, edited live, is now about one zone only.
    await panel.getByRole('button', { name: `Edit step “${titles[2]}”` }).click()
    const zones = panel.getByRole('group', { name: 'Zones of this step' })
    await zones.waitFor()
    const ticked = zones.getByRole('checkbox', { checked: true })
    while ((await ticked.count()) > 0) await ticked.first().uncheck()
    const citizens = zones.getByRole('checkbox', { name: 'Citizens & service users · Consulted', exact: true })
    await citizens.check()
    // The zone's name is shown beside its box, not squeezed out by it.
    const label = await citizens.evaluate((input) => {
      const box = input.getBoundingClientRect()
      const range = document.createRange()
      range.selectNodeContents(input.closest('label')!.lastChild!)
      const text = range.getBoundingClientRect()
      return { boxWidth: box.width, textWidth: text.width, textLeft: text.left, boxRight: box.right }
    })
    expect(label.boxWidth).toBeLessThan(40)
    expect(label.textWidth).toBeGreaterThan(50)
    expect(label.textLeft).toBeGreaterThanOrEqual(label.boxRight)
    await saveScreenshot(f, 'session/facilitator-step-zones-1440x900')
    await panel.getByRole('button', { name: 'Save step' }).click()
    await zones.waitFor({ state: 'detached' })

    await panel.getByRole('button', { name: 'Next step', exact: true }).click()
    expect(await panel.locator('.session-steps li[aria-current="step"] .session-steps__go').innerText()).toBe(titles[2])
    for (const phone of phones) {
      await phone.page.locator('.session-chip__title', { hasText: titles[2] }).waitFor({ timeout: PATIENCE_MS })
      await expect.poll(() => centreInZone(phone.page, 'citizens-consulted'), { timeout: PATIENCE_MS }).toBe(true)
    }
    await saveScreenshot(phones[1].page, 'session/participant-next-step-zone-360x740')
  })

  it('"Spotlight zone" frames the chosen zone on both phones and names it; "Back to the facilitator" returns a phone that panned away', async () => {
    const f = facilitator.page
    const select = f.getByLabel('Zone to spotlight')
    const option = select.locator('option').nth(1)
    const [zoneId, zoneLabel] = [await option.getAttribute('value'), await option.innerText()]
    await select.selectOption(zoneId!)
    await f.getByRole('button', { name: 'Spotlight zone', exact: true }).click()
    for (const phone of phones) {
      await expect.poll(() => centreInZone(phone.page, zoneId!), { timeout: PATIENCE_MS }).toBe(true)
      await phone.page.getByTestId('moved-notice').getByText(`Frida is showing “${zoneLabel}”.`).waitFor({ timeout: PATIENCE_MS })
    }
    await saveScreenshot(phones[0].page, 'session/participant-spotlight-390x844')
    await saveScreenshot(phones[1].page, 'session/participant-spotlight-360x740')
    await expectPhonesUsable(phones)

    // One phone pans far away (as a finger dragging the board would), then comes back with one tap.
    const p = phones[0].page
    await p.evaluate(() => {
      const editor = (window as unknown as { coboardEditor: { getCamera(): { x: number; y: number; z: number }; setCamera(c: object): void } }).coboardEditor
      const camera = editor.getCamera()
      editor.setCamera({ ...camera, x: camera.x + 3000, y: camera.y - 2000 })
    })
    expect(await centreInZone(p, zoneId!)).toBe(false)
    const back = p.getByRole('button', { name: 'Back to the facilitator' })
    await back.waitFor({ timeout: PATIENCE_MS })
    // tldraw offers its own "Back to content" on an empty view: it must not push our controls away.
    await p.getByRole('button', { name: 'Back to content' }).waitFor({ timeout: PATIENCE_MS })
    await saveScreenshot(p, 'session/participant-back-to-facilitator-390x844')
    expect(await controlsOffScreen(p)).toEqual([])
    await back.tap()
    await expect.poll(() => centreInZone(p, zoneId!), { timeout: PATIENCE_MS }).toBe(true)
    await back.waitFor({ state: 'detached', timeout: PATIENCE_MS })
    for (const phone of phones) await phone.page.getByTestId('moved-notice').getByRole('button', { name: 'Close' }).tap()
  })

  it('the facilitator’s cursor on a phone is labelled with name and stakeholder group', async () => {
    const f = facilitator.page
    const zoneId = await f.getByLabel('Zone to spotlight').inputValue()
    const zone = await zoneBounds(f, zoneId)
    // The facilitator looks at the spotlighted zone too and points at its middle.
    const point = await f.evaluate((bounds) => {
      const editor = (window as unknown as { coboardEditor: { zoomToBounds(b: object, o: object): void; pageToViewport(p: object): { x: number; y: number } } }).coboardEditor
      editor.zoomToBounds(bounds, { immediate: true })
      return editor.pageToViewport({ x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 })
    }, zone)
    await f.mouse.move(point.x - 20, point.y)
    await f.mouse.move(point.x, point.y, { steps: 4 })
    const label = `Frida · ${STAKEHOLDER_GROUP_LABELS['civil-servant-operational'].en}`
    await phones[0].page.locator('.tl-nametag', { hasText: label }).waitFor({ timeout: PATIENCE_MS })
  })

  it('a ready check counts both phones, by stakeholder group', async () => {
    const f = facilitator.page
    await f.getByRole('button', { name: 'Ready check' }).click()
    await f.getByTestId('ready-tally').getByText('0 of 2 ready').waitFor({ timeout: PATIENCE_MS })
    for (const phone of phones) await phone.page.getByTestId('ready-prompt').waitFor({ timeout: PATIENCE_MS })
    await saveScreenshot(phones[0].page, 'session/participant-ready-prompt-390x844')
    await saveScreenshot(phones[1].page, 'session/participant-ready-prompt-360x740')
    await expectPhonesUsable(phones)
    for (const phone of phones) await phone.page.getByRole('button', { name: 'I’m done' }).tap()
    await f.getByTestId('ready-tally').getByText('2 of 2 ready').waitFor({ timeout: PATIENCE_MS })
    await f.getByTestId('ready-tally').getByText(`${STAKEHOLDER_GROUP_LABELS.researcher.en}: 1 of 1`).waitFor()
    await f.getByRole('button', { name: 'Close ready check' }).click()
  })

  it('with the session panel open the board page has no axe violation at all', async () => {
    const f = facilitator.page
    await f.locator('.session-panel').waitFor()
    expect(await axeViolations(f)).toEqual([])
    await saveScreenshot(f, 'session/facilitator-panel-open-1440x900')
  })

  it('freezing the board disables "Add note" on both phones, says why, and nothing is added', async () => {
    const f = facilitator.page
    const before = await shapeCount(f)
    await f.getByRole('button', { name: 'Freeze board' }).click()
    for (const phone of phones) {
      const p = phone.page
      await p.getByTestId('frozen-notice').waitFor({ timeout: PATIENCE_MS })
      const addNote = p.getByRole('button', { name: 'Add note' })
      await expect.poll(() => addNote.getAttribute('aria-disabled'), { timeout: PATIENCE_MS }).toBe('true')
      expect(await addNote.getAttribute('title')).toBe('The board is frozen, so you cannot add notes now.')
      // Playwright will not tap an aria-disabled button of its own accord; a person can.
      await addNote.tap({ force: true })
      expect(await shapeCount(p)).toBe(before)
    }
    expect(await shapeCount(f)).toBe(before)
    await saveScreenshot(phones[1].page, 'session/participant-frozen-360x740')
    await expectPhonesUsable(phones)
    await f.getByRole('button', { name: 'Freeze board' }).click()
    for (const phone of phones) await expect.poll(() => phone.page.getByRole('button', { name: 'Add note' }).getAttribute('aria-disabled'), { timeout: PATIENCE_MS }).toBeNull()
  })

  it.each([
    { width: 390, height: 844 },
    { width: 360, height: 740 },
  ])('the facilitator’s own controls fit a $width×$height phone, with the session panel closed and open', async ({ width, height }) => {
    const f = facilitator.page
    await f.setViewportSize({ width, height })
    const toggle = f.getByRole('button', { name: 'Session', exact: true })
    const panel = f.locator('.session-panel')
    // Closed with the panel's own Close button (a phone's panel covers the screen under the chip).
    if ((await toggle.getAttribute('aria-expanded')) === 'true') await panel.locator('.session-panel__head').getByRole('button', { name: 'Close' }).click()
    await panel.waitFor({ state: 'detached' })
    // tldraw lays its menu out again for the new width a moment after the resize: wait for it.
    await expect.poll(() => controlsOffScreen(f), { timeout: PATIENCE_MS }).toEqual([])
    await saveScreenshot(f, `session/facilitator-phone-${width}x${height}`)
    // The row of the board's controls starts right of tldraw's menu, not under it.
    const row = await f.evaluate(() => ({
      menuRight: document.querySelector('.tlui-menu-zone')!.getBoundingClientRect().right,
      firstLeft: document.querySelector('.board-chrome > :first-child')!.getBoundingClientRect().left,
    }))
    expect(row.firstLeft).toBeGreaterThanOrEqual(row.menuRight)
    expect(await axeViolations(f)).toEqual([])
    // With a note selected the facilitator may mark what happened to it: the row still fits, and
    // the mark is reached from the Report menu.
    await f.evaluate(() => {
      const editor = (window as unknown as { coboardEditor: { createShapes(s: object[]): void; select(id: string): void } }).coboardEditor
      editor.createShapes([{ id: 'shape:phone-outcome', type: 'note', x: -4000, y: 0 }])
      editor.select('shape:phone-outcome')
    })
    // The row's own button for it is there, kept out of the row on a phone.
    await f.locator('.board-chrome .report-tools__outcome').waitFor({ state: 'attached', timeout: PATIENCE_MS })
    expect(await controlsOffScreen(f)).toEqual([])
    const rowWithNote = await f.evaluate(() => ({
      menuRight: document.querySelector('.tlui-menu-zone')!.getBoundingClientRect().right,
      firstLeft: document.querySelector('.board-chrome > :first-child')!.getBoundingClientRect().left,
    }))
    expect(rowWithNote.firstLeft).toBeGreaterThanOrEqual(rowWithNote.menuRight)
    await f.locator('.board-chrome').getByRole('button', { name: 'Report', exact: true }).click()
    await f.locator('.report-popover').getByRole('button', { name: /^Mark what happened to the note/ }).click()
    await f.getByRole('heading', { name: 'What happened to this note' }).waitFor({ timeout: PATIENCE_MS })
    await saveScreenshot(f, `session/facilitator-phone-outcome-${width}x${height}`)
    expect(await controlsOffScreen(f)).toEqual([])
    // Nothing of the board's bars lies over the form (the private writing / voting bar waits).
    expect(await f.locator('.every-voice').isVisible()).toBe(false)
    await f.keyboard.press('Escape')
    await f.evaluate(() => {
      const editor = (window as unknown as { coboardEditor: { deleteShapes(ids: string[]): void } }).coboardEditor
      editor.deleteShapes(['shape:phone-outcome'])
    })
    await toggle.click()
    await panel.waitFor()
    await saveScreenshot(f, `session/facilitator-phone-panel-${width}x${height}`)
    expect(await controlsOffScreen(f)).toEqual([])
    expect(await axeViolations(f)).toEqual([])
    await f.setViewportSize({ width: 1440, height: 900 })
  })

  it('the lobby of a participant’s browser lists the board they joined, and forgets it on request', async () => {
    const p = phones[0].page
    await p.goto(new URL(board.links.participant).origin + '/')
    const list = p.getByRole('region', { name: 'Boards opened in this browser' })
    const open = list.getByRole('link', { name: 'Library opening hours' })
    await open.waitFor({ timeout: PATIENCE_MS })
    await list.getByText('Your role: Participant', { exact: false }).waitFor()
    expect(await open.getAttribute('href')).toBe(board.links.participant)
    expect(await axeViolations(p)).toEqual([])
    await saveScreenshot(p, 'session/lobby-recent-boards-390x844')
    await list.getByRole('button', { name: 'Forget “Library opening hours” in this browser' }).tap()
    await open.waitFor({ state: 'detached' })
  })

  it('made no request to any other host and left no page errors', () => {
    const origin = new URL(board.links.facilitator).origin
    const all = [facilitator, ...phones]
    expect(foreignRequests(all.flatMap((open) => open.requests), origin)).toEqual([])
    expect(all.flatMap((open) => open.errors)).toEqual([])
  })
})
