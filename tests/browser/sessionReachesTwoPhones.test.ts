import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STAKEHOLDER_GROUP_LABELS } from '../../shared/stakeholderGroups.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { openBoard, shapeCount, waitForCanvas, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import { foreignRequests, launchBrowser, PATIENCE_MS, recordPageErrors, recordRequests, rememberIdentity, type TestBrowser } from './browser.ts'

// Issue 10, second round: a facilitator on a laptop edits the agenda live, spotlights a zone and
// freezes the board; two participants on phones (390×844 and 360×740, touch) follow.
const SHOTS = '/tmp/issue10b-shots'
const AXE_SOURCE = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js')

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) })
}

/** axe-core on the whole page; returns serious and critical violations. */
async function seriousViolations(page: Page) {
  await page.evaluate(fs.readFileSync(AXE_SOURCE, 'utf8'))
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  })
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
    await shot(f, 'facilitator-agenda-edited-1440x900')
    // The same editor on a facilitator's phone: every control reachable, 44 px targets.
    await f.setViewportSize({ width: 390, height: 844 })
    await panel.getByRole('button', { name: 'Edit step “Coffee and cake”' }).click()
    await panel.getByLabel('Title').waitFor()
    const small = await panel.locator('button:visible, input:not([type=checkbox]):visible, textarea:visible').evaluateAll((elements) =>
      elements.map((el) => el.getBoundingClientRect()).filter((box) => box.height > 0 && box.height < 43.5).length,
    )
    expect(small).toBe(0)
    await panel.getByLabel('Title').scrollIntoViewIfNeeded()
    await shot(f, 'facilitator-step-editor-390x844')
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
    await shot(p, 'participant-new-step-360x740')
    await info.getByRole('button', { name: 'Close the instruction' }).tap()
    await info.waitFor({ state: 'detached' })
  })

  it('"Spotlight zone" frames the chosen zone on both phones and names it', async () => {
    const f = facilitator.page
    const select = f.getByLabel('Zone to spotlight')
    const option = select.locator('option').nth(1)
    const [zoneId, zoneLabel] = [await option.getAttribute('value'), await option.innerText()]
    await select.selectOption(zoneId!)
    await f.getByRole('button', { name: 'Spotlight zone', exact: true }).click()
    for (const phone of phones) {
      const zone = await zoneBounds(phone.page, zoneId!)
      await expect
        .poll(async () => {
          const centre = await viewportCentre(phone.page)
          return centre.x > zone.x && centre.x < zone.x + zone.w && centre.y > zone.y && centre.y < zone.y + zone.h
        }, { timeout: PATIENCE_MS })
        .toBe(true)
      await phone.page.getByTestId('moved-notice').getByText(`Frida is showing “${zoneLabel}”.`).waitFor({ timeout: PATIENCE_MS })
    }
    await shot(phones[0].page, 'participant-spotlight-390x844')
    await shot(phones[1].page, 'participant-spotlight-360x740')
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
    for (const phone of phones) await phone.page.getByRole('button', { name: 'I’m done' }).tap()
    await f.getByTestId('ready-tally').getByText('2 of 2 ready').waitFor({ timeout: PATIENCE_MS })
    await f.getByTestId('ready-tally').getByText(`${STAKEHOLDER_GROUP_LABELS.researcher.en}: 1 of 1`).waitFor()
    await f.getByRole('button', { name: 'Close ready check' }).click()
  })

  it('with the session panel open the board page has no serious or critical axe violation', async () => {
    const f = facilitator.page
    await f.locator('.session-panel').waitFor()
    expect(await seriousViolations(f)).toEqual([])
    await shot(f, 'facilitator-panel-open-1440x900')
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
    await shot(phones[1].page, 'participant-frozen-360x740')
    await f.getByRole('button', { name: 'Freeze board' }).click()
    for (const phone of phones) await expect.poll(() => phone.page.getByRole('button', { name: 'Add note' }).getAttribute('aria-disabled'), { timeout: PATIENCE_MS }).toBeNull()
  })

  it('the lobby of a participant’s browser lists the board they joined, and forgets it on request', async () => {
    const p = phones[0].page
    await p.goto(new URL(board.links.participant).origin + '/')
    const list = p.getByRole('region', { name: 'Boards opened in this browser' })
    const open = list.getByRole('link', { name: 'Library opening hours' })
    await open.waitFor({ timeout: PATIENCE_MS })
    await list.getByText('Your role: Participant', { exact: false }).waitFor()
    expect(await open.getAttribute('href')).toBe(board.links.participant)
    expect(await seriousViolations(p)).toEqual([])
    await shot(p, 'lobby-recent-boards-390x844')
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
