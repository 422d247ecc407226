import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { writeSession } from '../../shared/session/sessionState.ts'
import { connectClient, type SyncClient } from '../helpers/clients.ts'
import { occurrences, storeBytes, totalBytes } from '../helpers/leaks.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { joinAsVoter } from '../helpers/voters.ts'
import { waitFor } from '../helpers/wait.ts'
import { createNoteViaUi, openBoard, waitForNoteOnScreen, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import { ARTIFACTS_DIR, axeViolations, launchBrowser, PATIENCE_MS, type TestBrowser } from './browser.ts'
import { recordFrames } from './recordFrames.ts'

/*
 * Issue 11 in Chromium: a facilitator and three participants of different stakeholder groups.
 * Private writing on the agenda's silent-writing step: each participant's draft stays on their
 * device (checked in every websocket frame the browsers send and receive and in the server's
 * SQLite files) until they publish it or the facilitator says "Reveal all".
 * Dot voting: dots placed with taps, restored after a reload, results on every screen on close.
 */

const SHOTS = path.join(ARTIFACTS_DIR, 'voice')
const DRAFTS = {
  pia: 'Quiet idea: evening hours for carers',
  per: 'Bus stop closer to the library',
  pal: 'Volunteers could open on Sundays',
}

/** Whether the page's editor holds a note containing the text. */
async function hasNote(page: Page, text: string): Promise<boolean> {
  return page.evaluate((needle) => {
    const editor = (window as unknown as { coboardEditor: { getCurrentPageShapes(): Array<{ type: string; props: unknown }> } }).coboardEditor
    return editor.getCurrentPageShapes().some((shape) => shape.type === 'note' && JSON.stringify(shape.props).includes(needle))
  }, text)
}

/** Brings the notes into view (the whole board when there are none), as a person would zoom to them. */
async function zoomToFit(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Editor = {
      zoomToFit(o: object): void
      zoomToBounds(b: unknown, o: object): void
      getCurrentPageShapes(): Array<{ id: string; type: string }>
      getShapesPageBounds(ids: string[]): unknown
    }
    const editor = (window as unknown as { coboardEditor: Editor }).coboardEditor
    const notes = editor.getCurrentPageShapes().filter((shape) => shape.type === 'note').map((shape) => shape.id)
    const bounds = notes.length ? editor.getShapesPageBounds(notes) : undefined
    if (bounds) editor.zoomToBounds(bounds, { inset: 24, targetZoom: 1, animation: { duration: 0 } })
    else editor.zoomToFit({ animation: { duration: 0 } })
  })
}

async function seriousAxe(page: Page) {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** A screenshot of a phase at one screen size, kept in test-artifacts/voice/. */
async function shot(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.setViewportSize(size)
  await page.waitForTimeout(200)
  await zoomToFit(page)
  await page.waitForTimeout(200)
  await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}.png`) })
}

const PHONE = { width: 390, height: 844 }
const LAPTOP = { width: 1440, height: 900 }
const WIDE = { width: 1920, height: 1080 }

describe('every voice counts: private writing and dot voting in Chromium', () => {
  let server: TestServer
  let browser: TestBrowser
  let facilitator: OpenBoard
  let people: OpenBoard[]
  let board: Awaited<ReturnType<TestServer['createBoard']>>
  /** The facilitator's second device (a script): moves the agenda, as the session panel would. */
  let agenda: SyncClient
  const frames: Array<{ sent: Buffer[]; received: Buffer[] }> = []
  const allFrames = () => frames.flatMap((f) => [...f.sent, ...f.received])

  beforeAll(async () => {
    server = await startTestServer()
    board = await server.createBoard({ template: 'blank', title: 'Library opening hours' })
    browser = await launchBrowser()
    agenda = await connectClient(server.wsUrl, board.id, board.tokens.facilitator)
    facilitator = await openBoard(browser.browser, board.links.facilitator, { id: 'fac', name: 'Frida Facilitator', group: 'researcher' })
    frames.push(recordFrames(facilitator.page))
    await facilitator.page.reload()
    people = []
    for (const [id, name, group] of [
      ['p1', 'Pia Citizen', 'citizen-service-user'],
      ['p2', 'Per Staff', 'civil-servant-operational'],
      ['p3', 'Pål Volunteer', 'volunteer-association'],
    ] as const) {
      const context = await browser.browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-GB' })
      await context.addInitScript((value) => window.localStorage.setItem('coboard:identity', value), JSON.stringify({ id, name, group }))
      const page = await context.newPage()
      frames.push(recordFrames(page))
      await page.goto(board.links.participant)
      await page.locator('.tl-canvas').waitFor({ timeout: PATIENCE_MS })
      people.push({ context, page, requests: [], errors: [] })
    }
    await Promise.all([facilitator, ...people].map((p) => waitForSynced(p.page)))
  })

  afterAll(async () => {
    agenda?.destroy()
    await browser?.close()
    await server?.close()
  })

  it('on the silent-writing step, keeps each draft on its writer’s device until published or "Reveal all"', async () => {
    const [pia, per, pal] = people
    // The agenda reaches the template's silent-writing step: "Start private writing" is for it.
    writeSession(agenda.doc, { currentStepId: 'silent-writing' })
    await facilitator.page.getByTestId('writing-step').filter({ hasText: 'For “Silent writing”, with 5 minutes on the timer' }).waitFor({ timeout: PATIENCE_MS })
    await facilitator.page.getByRole('button', { name: 'Start private writing' }).click()
    await waitFor(() => (agenda.doc.getMap('session').get('timer') as { status: string; durationMs?: number } | undefined)?.durationMs === 5 * 60_000, PATIENCE_MS, 'the step’s 5 minutes on the timer')
    for (const p of people) await p.page.getByRole('status').filter({ hasText: 'Private writing' }).waitFor({ timeout: PATIENCE_MS })

    // All three write privately.
    await createNoteViaUi(pia.page, DRAFTS.pia, { x: 500, y: 300 })
    await createNoteViaUi(per.page, DRAFTS.per, { x: 700, y: 300 })
    await createNoteViaUi(pal.page, DRAFTS.pal, { x: 600, y: 500 })
    for (const p of people) await p.page.getByTestId('note-draft').first().waitFor({ timeout: PATIENCE_MS })
    for (const group of ['Citizen', 'Civil servant', 'Volunteer']) {
      await facilitator.page.getByTestId('draft-counts').filter({ hasText: group }).waitFor({ timeout: PATIENCE_MS })
    }
    expect(await facilitator.page.getByTestId('draft-counts').textContent()).not.toMatch(/evening|library|Sundays/)

    // Pia reloads: her draft comes back from this device, still a draft.
    await pia.page.reload()
    await pia.page.locator('.tl-canvas').waitFor({ timeout: PATIENCE_MS })
    await waitForSynced(pia.page)
    await pia.page.getByTestId('note-draft').first().waitFor({ timeout: PATIENCE_MS })
    expect(await hasNote(pia.page, DRAFTS.pia)).toBe(true)
    for (const other of [facilitator, per, pal]) expect(await hasNote(other.page, DRAFTS.pia)).toBe(false)

    // The leak check: no frame any browser sent or received, no byte of the store, holds a draft.
    const privately = allFrames()
    const stored = storeBytes(server.dataDir)
    expect(privately.length).toBeGreaterThan(20)
    for (const text of Object.values(DRAFTS)) {
      expect(occurrences(privately, text), text).toBe(0)
      expect(occurrences(stored, text), text).toBe(0)
    }

    // Per publishes his own: the positive control — his text now is in frames others received, and in the store.
    await per.page.getByRole('button', { name: /Publish my notes/ }).click()
    await waitForNoteOnScreen(facilitator.page, DRAFTS.per, PATIENCE_MS)
    const received = frames.filter((_, i) => i !== 2).flatMap((f) => f.received)
    expect(occurrences(received, DRAFTS.per)).toBeGreaterThan(0)
    await waitFor(() => occurrences(storeBytes(server.dataDir), DRAFTS.per) > 0, PATIENCE_MS, 'the published note in the store')
    const after = allFrames()
    const storedAfter = storeBytes(server.dataDir)
    for (const text of [DRAFTS.pia, DRAFTS.pal]) {
      expect(occurrences(after, text), text).toBe(0)
      expect(occurrences(storedAfter, text), text).toBe(0)
    }
    console.log(
      `leak check (private writing): ${after.length} frames sent and received (${totalBytes(after)} bytes) and ${totalBytes(storedAfter)} store bytes inspected; ` +
        `drafts found 0 times; the published note found ${occurrences(after, DRAFTS.per)} times in frames, ${occurrences(storedAfter, DRAFTS.per)} in the store`,
    )

    await shot(pia.page, 'private-writing-participant', PHONE)
    await shot(facilitator.page, 'private-writing-facilitator', LAPTOP)
    await shot(per.page, 'private-writing-published', WIDE)
    expect(await seriousAxe(pia.page)).toEqual([])
    expect(await seriousAxe(facilitator.page)).toEqual([])

    // The step's time runs out (the facilitator's other device sets the timer to end now): "Reveal all" is offered.
    writeSession(agenda.doc, { timer: { status: 'running', endsAt: Date.now() + 500, durationMs: 5 * 60_000, sound: false } })
    await facilitator.page.getByTestId('writing-time-up').waitFor({ timeout: PATIENCE_MS })
    await shot(facilitator.page, 'private-writing-time-up', LAPTOP)
    await facilitator.page.getByRole('button', { name: 'Reveal all' }).click()
    for (const other of [facilitator, per, pal]) await waitForNoteOnScreen(other.page, DRAFTS.pia, PATIENCE_MS)
    for (const other of [facilitator, pia, per]) await waitForNoteOnScreen(other.page, DRAFTS.pal, PATIENCE_MS)
    await pia.page.getByTestId('note-draft').waitFor({ state: 'detached', timeout: PATIENCE_MS })
    await pal.page.getByTestId('note-draft').waitFor({ state: 'detached', timeout: PATIENCE_MS })
  })

  it('runs a dot vote: taps, a reload keeps the dots, results on every screen when closed', async () => {
    const [pia, per, pal] = people
    const DRAFT_TEXT = DRAFTS.pia
    const PUBLISHED_TEXT = DRAFTS.per
    for (const p of [facilitator, ...people]) await zoomToFit(p.page)
    // On the agenda's dot-vote step the form starts with that step's minutes.
    writeSession(agenda.doc, { currentStepId: 'dot-vote', timer: { status: 'idle' } })
    await facilitator.page.getByRole('button', { name: 'Start voting' }).click()
    await waitFor(async () => (await facilitator.page.getByLabel('Closes by itself after (minutes)').inputValue()) === '5', PATIENCE_MS, 'minutes from the step')
    await facilitator.page.getByLabel('Dots per person').fill('3')
    await facilitator.page.getByLabel('Most dots on one note').fill('2')
    await facilitator.page.getByLabel('Closes by itself after (minutes)').fill('30')
    await facilitator.page.getByRole('button', { name: 'Start the vote' }).click()
    await facilitator.page.getByRole('button', { name: 'Close voting' }).waitFor({ timeout: PATIENCE_MS })

    for (const p of people) await p.page.getByTestId('dots-left').filter({ hasText: '3 of 3 dots left' }).waitFor({ timeout: PATIENCE_MS })
    await pal.page.getByText(/^Closes in 29:\d\d$/).waitFor({ timeout: PATIENCE_MS })
    const add = (page: Page, text: string) => page.getByRole('button', { name: new RegExp(`^Add a dot to “${text.slice(0, 12)}`) })
    await add(pia.page, DRAFT_TEXT).click()
    await pia.page.getByTestId('dots-left').filter({ hasText: '2 of 3' }).waitFor()
    await add(pia.page, DRAFT_TEXT).click()
    await pia.page.getByTestId('dots-left').filter({ hasText: '1 of 3' }).waitFor()
    await expect(add(pia.page, DRAFT_TEXT).isDisabled()).resolves.toBe(true) // at most 2 on one note
    await add(pia.page, PUBLISHED_TEXT).click()
    await pia.page.getByTestId('dots-left').filter({ hasText: '0 of 3' }).waitFor()
    // By keyboard: the dot buttons are ordinary buttons.
    await add(per.page, PUBLISHED_TEXT).focus()
    await per.page.keyboard.press('Enter')
    await per.page.getByTestId('dots-left').filter({ hasText: '2 of 3' }).waitFor()
    await add(pal.page, DRAFT_TEXT).click()
    await pal.page.getByTestId('dots-left').filter({ hasText: '2 of 3' }).waitFor()

    // A reload shows the same dots (the ballot is on the server, not in the board).
    await pia.page.reload()
    await pia.page.locator('.tl-canvas').waitFor({ timeout: PATIENCE_MS })
    await pia.page.getByTestId('dots-left').filter({ hasText: '0 of 3' }).waitFor({ timeout: PATIENCE_MS })
    // Others' ballots are nowhere on the other screens while the vote runs.
    expect(await per.page.getByTestId('note-result').count()).toBe(0)

    await facilitator.page.getByTestId('vote-progress').filter({ hasText: '3 people have voted (5 dots)' }).waitFor({ timeout: PATIENCE_MS })

    // Three more people vote from scripts (as three more phones would, each joined with its
    // group): two citizens — with Pia, three, enough for their group's figures to be shown — and a
    // researcher. The hidden groups (one civil servant, one volunteer, one researcher) are then
    // three people together: their dots are shown only together, as "other groups".
    const reader = await connectClient(server.wsUrl, board.id, board.tokens.participant)
    const voteId = (await waitFor(() => [...reader.doc.getMap<{ status: string }>('votes').entries()].find(([, v]) => v.status === 'open')?.[0], PATIENCE_MS, 'open vote')) as string
    reader.destroy()
    const idOf = (text: string) =>
      facilitator.page.evaluate((needle) => {
        const editor = (window as unknown as { coboardEditor: { getCurrentPageShapes(): Array<{ id: string; type: string; props: unknown }> } }).coboardEditor
        return editor.getCurrentPageShapes().find((shape) => shape.type === 'note' && JSON.stringify(shape.props).includes(needle))!.id
      }, text)
    const busStop = await idOf(PUBLISHED_TEXT)
    const sundays = await idOf(DRAFTS.pal)
    for (const [group, note] of [['citizen-service-user', busStop], ['citizen-service-user', busStop], ['researcher', sundays]] as const) {
      const phone = await joinAsVoter(server, board, randomBytes(16).toString('base64url'), group)
      expect((await phone.cast(voteId, { [note]: 1 })).status).toBe(200)
      phone.client.destroy()
    }
    await facilitator.page.getByTestId('vote-progress').filter({ hasText: '6 people have voted (8 dots)' }).waitFor({ timeout: PATIENCE_MS })
    await shot(pia.page, 'voting-participant', PHONE)
    await shot(facilitator.page, 'voting-facilitator', LAPTOP)
    await shot(per.page, 'voting-participant', WIDE)
    expect(await seriousAxe(pia.page)).toEqual([])

    const closedAt = Date.now()
    await facilitator.page.getByRole('button', { name: 'Close voting' }).click()
    const onScreen = await Promise.all(
      [facilitator, ...people].map(async (p) => {
        await p.page.getByTestId('note-result').filter({ hasText: '4 dots' }).first().waitFor({ timeout: PATIENCE_MS })
        return Date.now() - closedAt
      }),
    )
    console.log(`close → results on all ${onScreen.length} screens: ${Math.max(...onScreen)} ms (slowest)`)
    const results = facilitator.page.getByTestId('vote-results')
    await results.waitFor({ timeout: PATIENCE_MS })
    expect(await results.textContent()).toContain('6 people voted with 8 dots')
    expect(await results.textContent()).toContain('Citizen or service user: 3 voters')
    expect(await results.textContent()).toContain('Volunteer or association: fewer than 3 voters, hidden')
    // On the bus-stop note: 4 dots, of which the citizens' 3 (Pia's and the two scripted ones);
    // Per's one dot is in the total and in "other groups", never as his group's.
    const busStopResult = pia.page.getByTestId('note-result').filter({ hasText: '4 dots' })
    expect(await busStopResult.textContent()).toContain('Citizen or service user: 3')
    expect(await busStopResult.textContent()).toContain('Other groups together: 1')
    expect(await busStopResult.textContent()).not.toContain('Civil servant')

    // The projector (presenter view, observer link) shows the results on the notes too.
    const presenter = await facilitator.context.newPage()
    await presenter.setViewportSize(WIDE)
    await presenter.goto(board.links.observer.replace('#', '?view=presenter#'))
    await presenter.getByTestId('note-result').filter({ hasText: '4 dots' }).first().waitFor({ timeout: PATIENCE_MS })
    expect(await presenter.getByTestId('note-vote').count()).toBe(0)
    fs.mkdirSync(SHOTS, { recursive: true })
    await presenter.screenshot({ path: path.join(SHOTS, 'results-presenter-1920x1080.png') })
    // The participation table, read-only, on the projector.
    await presenter.getByRole('button', { name: 'Participation' }).click()
    const onProjector = presenter.getByRole('region', { name: 'Participation by stakeholder group' })
    await onProjector.getByRole('rowheader', { name: 'Citizen or service user' }).waitFor({ timeout: PATIENCE_MS })
    expect(await onProjector.locator('input').count()).toBe(0)
    await presenter.screenshot({ path: path.join(SHOTS, 'participation-presenter-1920x1080.png') })
    await presenter.close()

    await shot(facilitator.page, 'results-facilitator', LAPTOP)
    await shot(pia.page, 'results-participant', PHONE)
    await shot(pal.page, 'results-participant', WIDE)
    expect(await seriousAxe(facilitator.page)).toEqual([])

    await facilitator.page.getByRole('button', { name: 'Participation' }).click()
    const panel = facilitator.page.getByRole('region', { name: 'Participation by stakeholder group' })
    await panel.waitFor()
    await panel.getByLabel('People intended from Elected politician').fill('2')
    await panel.getByText('No one from “Elected politician” has joined yet.').waitFor()
    await shot(facilitator.page, 'participation', LAPTOP)
    await shot(facilitator.page, 'participation', PHONE)
    expect(await seriousAxe(facilitator.page)).toEqual([])
  })
})
