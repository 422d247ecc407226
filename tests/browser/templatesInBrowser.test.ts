import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCALES, type Locale } from '../../shared/locales.ts'
import { generateExampleNoteRecords } from '../../shared/templates/generateTemplateRecords.ts'
import { activeZones, parseTemplate, rectContains, rectsOverlap, type Template } from '../../shared/templates/templateSchema.ts'
import { TEMPLATE_MESSAGES } from '../../client/src/templates/templateMessages.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { waitForCanvas, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import {
  ARTIFACTS_DIR,
  axeViolations,
  foreignRequests,
  launchBrowser,
  recordPageErrors,
  recordRequests,
  rememberIdentity,
  saveScreenshot,
  PATIENCE_MS,
  type TestBrowser,
} from './browser.ts'

const PROJECTOR = { width: 1920, height: 1080 }
const LAPTOP = { width: 1440, height: 900 }

// Like boardFixtures' openBoard, but at projector size and with a longer first-load deadline:
// the larger templates take a while to lay out on a busy two-core machine.
async function openAs(browser: TestTemplatesBrowser, link: string, identity: { id: string; name: string; group: string }): Promise<OpenBoard> {
  const context = await browser.newContext({ viewport: PROJECTOR, locale: 'en-GB' })
  const requests = recordRequests(context)
  await rememberIdentity(context, identity)
  const page = await context.newPage()
  const errors = recordPageErrors(page)
  await page.goto(link)
  await waitForCanvas(page, 45_000)
  return { context, page, requests, errors }
}
type TestTemplatesBrowser = TestBrowser['browser']

interface ZoneFrame {
  id: string
  zone: string
  kind: string
  isLocked: boolean
  x: number
  y: number
  w: number
  h: number
}

// The zone frames on the page, read from the editor that BoardEditor exposes for tests.
function zoneFrames(page: Page): Promise<ZoneFrame[]> {
  return page.evaluate(() => {
    type Shape = { id: string; type: string; x: number; y: number; isLocked: boolean; props: { w?: number; h?: number }; meta: { coboard?: { zone?: string; kind?: string; example?: boolean } } }
    const editor = (window as unknown as { coboardEditor: { getCurrentPageShapes(): Shape[] } }).coboardEditor
    return editor
      .getCurrentPageShapes()
      .filter((s) => s.type === 'frame' && s.meta.coboard?.zone)
      .map((s) => ({ id: s.id, zone: s.meta.coboard!.zone!, kind: s.meta.coboard!.kind ?? 'zone', isLocked: s.isLocked, x: s.x, y: s.y, w: s.props.w ?? 0, h: s.props.h ?? 0 }))
  })
}

function exampleNoteTexts(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Shape = { type: string; meta: { coboard?: { example?: boolean } } }
    const editor = (window as unknown as { coboardEditor: { getCurrentPageShapes(): Shape[] } }).coboardEditor
    return editor.getCurrentPageShapes().filter((s) => s.type === 'note' && s.meta.coboard?.example === true).length
  })
}

// The board's own "Whole board" (in the zone list): the fit people get, clear of the controls, so
// that the screenshots show the board as it opens (tldraw's plain zoomToFit put the title under
// the zone bar).
// `plain` keeps tldraw's zoomToFit: for a board without zones (no zone list) and while a panel is
// open (choosing "Whole board" closes it).
async function zoomToBoard(page: Page, fit: 'as-people-see' | 'plain' = 'as-people-see'): Promise<void> {
  const camera = () => page.evaluate(() => JSON.stringify((window as unknown as { coboardEditor: { getCamera(): object } }).coboardEditor.getCamera()))
  const usedTheBoards = await page.evaluate((plain) => {
    const whole = document.querySelector<HTMLButtonElement>('.zone-list__whole')
    if (whole && !plain) {
      whole.click()
      return true
    }
    ;(window as unknown as { coboardEditor: { zoomToFit(options?: object): void } }).coboardEditor.zoomToFit({ immediate: true })
    return false
  }, fit === 'plain')
  if (!usedTheBoards) return
  // It animates (220 ms): wait until the camera rests.
  let last = ''
  await expect
    .poll(
      async () => {
        const now = await camera()
        const resting = now === last
        last = now
        return resting
      },
      { timeout: PATIENCE_MS, interval: 300 },
    )
    .toBe(true)
}

function viewportWidth(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { coboardEditor: { getViewportScreenBounds(): { w: number } } }).coboardEditor.getViewportScreenBounds().w)
}

// Resizes the window and waits until the editor has taken in its new size, then fits the board.
async function resizeAndFit(page: Page, size: { width: number; height: number }): Promise<void> {
  const before = await viewportWidth(page)
  await page.setViewportSize(size)
  await expect.poll(() => viewportWidth(page), { timeout: PATIENCE_MS }).not.toBe(before)
  await zoomToBoard(page)
}

async function fetchTemplate(server: TestServer, id: string): Promise<Template> {
  const response = await fetch(`${server.url}/api/templates/${id}`)
  expect(response.status).toBe(200)
  const parsed = parseTemplate(await response.json())
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
  return parsed.template
}

async function catalogueIds(server: TestServer): Promise<string[]> {
  const response = await fetch(`${server.url}/api/templates?locale=en`)
  const body = (await response.json()) as { templates: { id: string }[] }
  return body.templates.map((t) => t.id)
}

// axe-core on one part of the page (tldraw's own UI is not ours to fix here).
async function axeViolationsIn(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8'))
  return page.evaluate(async (include) => {
    type Axe = { run(context: object, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> }
    const axe = (window as unknown as { axe: Axe }).axe
    const result = await axe.run({ include: [include] }, { resultTypes: ['violations'] })
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }, selector)
}

async function openPanel(page: Page, locale: Locale): Promise<void> {
  await page.getByRole('button', { name: TEMPLATE_MESSAGES[locale].panelToggleOpen }).click()
  await page.getByRole('button', { name: TEMPLATE_MESSAGES[locale].panelToggleClose }).waitFor()
}

// Zones the schema allows to overlap: a band and a zone wholly inside it.
function unexpectedOverlaps(frames: readonly ZoneFrame[]): string[] {
  const problems: string[] = []
  for (let i = 0; i < frames.length; i++) {
    for (let j = i + 1; j < frames.length; j++) {
      const [a, b] = [frames[i], frames[j]]
      if (!rectsOverlap(a, b)) continue
      if ((a.kind === 'band' && rectContains(a, b)) || (b.kind === 'band' && rectContains(b, a))) continue
      problems.push(`${a.zone} overlaps ${b.zone}`)
    }
  }
  return problems
}

describe('templates in the browser', () => {
  let server: TestServer
  let browser: TestBrowser
  let ids: string[]
  let origin: string
  const opened: OpenBoard[] = []

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
    ids = await catalogueIds(server)
    origin = new URL((await server.createBoard({ template: 'blank' })).links.facilitator).origin
    fs.mkdirSync(path.join(ARTIFACTS_DIR, 'templates'), { recursive: true })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('lists the eleven templates in the catalogue', () => {
    expect(ids).toHaveLength(11)
  })

  it.each([
    'stakeholder-map',
    'compelling-repelling',
    'intended-actual',
    'power-and-mode',
    'maturity-ladder',
    'inside-outside',
    'coproduction-cycle',
    'capacity-diagnosis',
    'collective-author',
    'living-lab-kickoff',
    'blank',
  ])('%s: lays out the board, shows the agenda, toggles examples and keeps zones from participants', async (id) => {
    const locale = LOCALES[ids.indexOf(id) % LOCALES.length]
    const template = await fetchTemplate(server, id)
    const board = await server.createBoard({ template: id, locale, title: `Workshop ${id}` })

    const facilitator = await openAs(browser.browser, board.links.facilitator, { id: `f-${id}`, name: 'Frida', group: 'researcher' })
    opened.push(facilitator)
    const page = facilitator.page
    await waitForSynced(page, 30_000)

    // Every zone is on the board, locked, and its label is in the DOM in the board's language.
    const zones = activeZones(template)
    const frames = await zoneFrames(page)
    expect(frames.map((f) => f.zone).sort()).toEqual(zones.map((z) => z.id).sort())
    expect(frames.every((f) => f.isLocked)).toBe(true)
    await zoomToBoard(page)
    for (const zone of zones) {
      await page.locator('.tl-shape').getByText(zone.label[locale], { exact: true }).filter({ visible: true }).first().waitFor({ state: 'visible', timeout: PATIENCE_MS })
    }
    await saveScreenshot(page, `templates/${id}`)

    // The agenda panel opens from a labelled button and lists the steps in the board's language.
    await openPanel(page, locale)
    const steps = page.locator('.agenda-step')
    expect(await steps.count()).toBe(template.agenda.length)
    for (const [i, step] of template.agenda.entries()) {
      await expect.poll(() => steps.nth(i).textContent(), { timeout: PATIENCE_MS }).toContain(step.title[locale])
    }
    for (const source of template.sources) await page.getByText(source.short, { exact: true }).waitFor()

    // The facilitator's example switch adds the template's example notes and takes them away again.
    const examples = generateExampleNoteRecords(template, locale)
    const toggle = page.getByRole('switch', { name: TEMPLATE_MESSAGES[locale].showExamples })
    if (examples.length > 0) {
      await toggle.check()
      await expect.poll(() => exampleNoteTexts(page), { timeout: PATIENCE_MS }).toBe(examples.length)
      await saveScreenshot(page, `templates/${id}-examples`)
      await toggle.uncheck()
      await expect.poll(() => exampleNoteTexts(page), { timeout: PATIENCE_MS }).toBe(0)
    } else {
      expect(await toggle.count()).toBe(0)
    }

    await facilitator.context.close()
    if (zones.length > 0) await participantCannotMoveZone(board.links.participant, id)
  })

  // The two templates issue 9 added, in every language: screenshots to look at before shipping
  // (test-artifacts/templates/<id>-<locale>.png at 1920×1080, -1440 at 1440×900, and -examples with the example notes shown).
  describe.each(['power-and-mode', 'capacity-diagnosis'])('%s in every language', (id) => {
    it.each(LOCALES)('%s: every zone label is on the board, laid out as the template says', async (locale) => {
      const template = await fetchTemplate(server, id)
      const board = await server.createBoard({ template: id, locale, title: `Workshop ${id} ${locale}` })
      const facilitator = await openAs(browser.browser, board.links.facilitator, { id: `f-${id}-${locale}`, name: 'Frida', group: 'researcher' })
      opened.push(facilitator)
      const page = facilitator.page
      await waitForSynced(page, 30_000)
      const frames = await zoneFrames(page)
      expect(frames.map((f) => [f.zone, f.x, f.y, f.w, f.h]).sort()).toEqual(template.zones.map((z) => [z.id, z.x, z.y, z.w, z.h]).sort())
      expect(unexpectedOverlaps(frames)).toEqual([])
      await zoomToBoard(page)
      for (const zone of template.zones) {
        await page.locator('.tl-shape').getByText(zone.label[locale], { exact: true }).filter({ visible: true }).first().waitFor({ state: 'visible', timeout: PATIENCE_MS })
      }
      await saveScreenshot(page, `templates/${id}-${locale}`)
      // The same board on a 1440×900 laptop.
      await resizeAndFit(page, LAPTOP)
      await saveScreenshot(page, `templates/${id}-${locale}-1440`)
      await resizeAndFit(page, PROJECTOR)
      await openPanel(page, locale)
      await page.getByRole('switch', { name: TEMPLATE_MESSAGES[locale].showExamples }).check()
      await expect.poll(() => exampleNoteTexts(page)).toBe(generateExampleNoteRecords(template, locale).length)
      await page.getByRole('button', { name: TEMPLATE_MESSAGES[locale].panelToggleClose }).click()
      await zoomToBoard(page)
      await saveScreenshot(page, `templates/${id}-${locale}-examples`)
      await facilitator.context.close()
      // Three full-board screenshots with a window resize in between: more than the default minute
      // on a busy two-core machine.
    }, 180_000)
  })

  async function participantCannotMoveZone(link: string, id: string): Promise<void> {
    const participant = await openAs(browser.browser, link, { id: `p-${id}`, name: 'Per', group: 'citizen-service-user' })
    opened.push(participant)
    const page = participant.page
    await waitForSynced(page, 30_000)
    const before = await zoneFrames(page)
    // Drag from the middle of the largest zone: a locked frame must not move.
    const target = [...before].sort((a, b) => b.w * b.h - a.w * a.h)[0]
    const start = await page.evaluate(
      ({ shapeId }) => {
        type Editor = {
          getShapePageBounds(id: string): { center: { x: number; y: number } }
          pageToViewport(p: { x: number; y: number }): { x: number; y: number }
          zoomToBounds(b: object, o: object): void
        }
        const editor = (window as unknown as { coboardEditor: Editor }).coboardEditor
        const bounds = editor.getShapePageBounds(shapeId)
        return editor.pageToViewport(bounds.center)
      },
      { shapeId: target.id },
    )
    await page.mouse.move(start.x, start.y)
    await page.mouse.down()
    for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + i * 15, start.y + i * 10)
    await page.mouse.up()
    // Unlocking, moving or deleting through the editor itself is refused for participants too.
    await page.evaluate(
      ({ shapeId }) => {
        type Editor = {
          updateShapes(partials: object[]): void
          deleteShapes(ids: string[]): void
          toggleLock(ids: string[]): void
          run(fn: () => void, options: object): void
        }
        const editor = (window as unknown as { coboardEditor: Editor }).coboardEditor
        editor.toggleLock([shapeId])
        editor.run(() => {
          editor.updateShapes([{ id: shapeId, type: 'frame', x: 5000, isLocked: false }])
          editor.deleteShapes([shapeId])
        }, { ignoreShapeLock: true })
      },
      { shapeId: target.id },
    )
    const after = await zoneFrames(page)
    expect(after).toEqual(before)
    // tldraw's lock action is not offered to participants: not in the context menu of a selection.
    await participant.context.close()
  }

  it("offers tldraw's lock action to the facilitator only", async () => {
    const board = await server.createBoard({ template: 'living-lab-kickoff', locale: 'en' })
    for (const [role, offered] of [['facilitator', 1], ['participant', 0]] as const) {
      const person = await openAs(browser.browser, board.links[role], { id: `lock-${role}`, name: role, group: 'other' })
      opened.push(person)
      const page = person.page
      await waitForSynced(page, 30_000)
      // A note of one's own, selected; its context menu is where tldraw offers "Toggle locked".
      const centre = await page.evaluate((id) => {
        type Editor = {
          createShapes(shapes: object[]): void
          select(...ids: string[]): void
          getShapePageBounds(id: string): { center: { x: number; y: number } }
          pageToViewport(p: { x: number; y: number }): { x: number; y: number }
          zoomToBounds(b: object, o: object): void
        }
        const editor = (window as unknown as { coboardEditor: Editor }).coboardEditor
        editor.createShapes([{ id, type: 'note', x: 4000, y: 0 }])
        editor.zoomToBounds(editor.getShapePageBounds(id), { immediate: true, targetZoom: 1 })
        editor.select(id)
        return editor.pageToViewport(editor.getShapePageBounds(id).center)
      }, `shape:lock-check-${role}`)
      await page.mouse.click(centre.x, centre.y, { button: 'right' })
      // tldraw keeps "Toggle locked" in the context menu's Edit submenu.
      await page.locator('[data-testid="context-menu-sub.edit-button"]').click()
      await page.locator('[data-testid="context-menu-sub.edit-content"]').waitFor()
      expect(await page.locator('[data-testid="context-menu.toggle-lock"]').count()).toBe(offered)
      await page.keyboard.press('Escape')
      await person.context.close()
    }
  })

  it("shows a facilitator's change to a zone to participants", async () => {
    const board = await server.createBoard({ template: 'collective-author', locale: 'sv' })
    const facilitator = await openAs(browser.browser, board.links.facilitator, { id: 'f-adapt', name: 'Frida', group: 'researcher' })
    const participant = await openAs(browser.browser, board.links.participant, { id: 'p-adapt', name: 'Per', group: 'other' })
    opened.push(facilitator, participant)
    await Promise.all([waitForSynced(facilitator.page, 30_000), waitForSynced(participant.page, 30_000)])
    const zone = (await zoneFrames(facilitator.page))[0]
    await openPanel(facilitator.page, 'sv')
    await facilitator.page.getByRole('button', { name: TEMPLATE_MESSAGES.sv.unlockZones }).click()
    await facilitator.page.evaluate(({ id, x }) => {
      const editor = (window as unknown as { coboardEditor: { updateShapes(p: object[]): void } }).coboardEditor
      editor.updateShapes([{ id, type: 'frame', x }])
    }, { id: zone.id, x: zone.x + 400 })
    await facilitator.page.getByRole('button', { name: TEMPLATE_MESSAGES.sv.lockZones }).click()
    await expect
      .poll(async () => (await zoneFrames(participant.page)).find((f) => f.id === zone.id), { timeout: PATIENCE_MS })
      .toMatchObject({ x: zone.x + 400, isLocked: true })
    await facilitator.context.close()
    await participant.context.close()
  })

  it('lets the facilitator add a column and a row, and save the board as a template', async () => {
    const board = await server.createBoard({ template: 'stakeholder-map', locale: 'en' })
    const facilitator = await openAs(browser.browser, board.links.facilitator, { id: 'f-grid', name: 'Frida', group: 'researcher' })
    opened.push(facilitator)
    const page = facilitator.page
    await waitForSynced(page, 30_000)
    const before = await zoneFrames(page)
    const columns = before.filter((f) => f.kind === 'column-header').length
    const rows = before.filter((f) => f.kind === 'row-header').length
    await openPanel(page, 'en')
    expect(await axeViolationsIn(page, '.board-template')).toEqual([])

    await page.getByRole('button', { name: 'Add column' }).click()
    await expect.poll(async () => (await zoneFrames(page)).length, { timeout: PATIENCE_MS }).toBe(before.length + 1 + rows)
    await page.getByRole('button', { name: 'Add row' }).click()
    await expect.poll(async () => (await zoneFrames(page)).length, { timeout: PATIENCE_MS }).toBe(before.length + 1 + rows + 1 + columns + 1)
    const after = await zoneFrames(page)
    expect(unexpectedOverlaps(after)).toEqual([])
    expect(after.every((f) => f.isLocked)).toBe(true)
    await zoomToBoard(page, 'plain')
    await page.locator('.tl-shape').getByText('New column', { exact: true }).filter({ visible: true }).first().waitFor()
    await saveScreenshot(page, 'templates/stakeholder-map-extended')

    // Unlocking lets the facilitator adapt the zones; locking again protects them.
    await page.getByRole('button', { name: 'Unlock zones to adapt them' }).click()
    await expect.poll(async () => (await zoneFrames(page)).every((f) => !f.isLocked), { timeout: PATIENCE_MS }).toBe(true)
    await page.getByRole('button', { name: 'Lock zones' }).click()
    await expect.poll(async () => (await zoneFrames(page)).every((f) => f.isLocked), { timeout: PATIENCE_MS }).toBe(true)

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Save board as template' }).click()
    const file = await download
    const saved = parseTemplate(JSON.parse(fs.readFileSync(await file.path(), 'utf8')))
    if (!saved.ok) throw new Error(saved.errors.join('\n'))
    expect(saved.template.zones).toHaveLength(after.length)
    expect(saved.template.zones.some((z) => z.label.en === 'New column')).toBe(true)
    await page.getByRole('status').filter({ hasText: `Saved as template “${saved.template.id}”` }).waitFor()
    expect(await catalogueIds(server)).toContain(saved.template.id)

    const exported = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export template (JSON)' }).click()
    expect((await exported).suggestedFilename()).toBe('stakeholder-map.json')
    await facilitator.context.close()
  })

  it('refuses a malformed template file with the specific problems and changes nothing', async () => {
    const board = await server.createBoard({ template: 'intended-actual', locale: 'en' })
    const facilitator = await openAs(browser.browser, board.links.facilitator, { id: 'f-import', name: 'Frida', group: 'researcher' })
    opened.push(facilitator)
    const page = facilitator.page
    await waitForSynced(page, 30_000)
    const catalogueBefore = await catalogueIds(server)
    const shapesBefore = await zoneFrames(page)
    // The panel works from the keyboard: Enter on its button opens it, Escape closes it again.
    const toggle = page.getByRole('button', { name: 'Show agenda' })
    await toggle.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'Agenda and template' }).waitFor()
    await page.getByRole('region', { name: 'Agenda and template' }).getByRole('button').first().focus()
    await page.keyboard.press('Escape')
    await page.getByRole('region', { name: 'Agenda and template' }).waitFor({ state: 'hidden' })
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show agenda')
    await openPanel(page, 'en')

    const template = JSON.parse(JSON.stringify(await fetchTemplate(server, 'stakeholder-map'))) as Record<string, unknown> & {
      zones: Array<Record<string, unknown> & { prompt?: Record<string, string> }>
    }
    template.id = 'broken-map'
    delete template.zones[0].prompt!.nb
    template.zones[1].promt = template.zones[1].prompt
    await page.getByLabel('Import a template file').setInputFiles({
      name: 'broken-map.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(template)),
    })
    const alert = page.getByRole('alert').filter({ hasText: 'The template was not imported' })
    await alert.waitFor()
    await alert.getByText(/prompt › nb: missing Norwegian Bokmål \(nb\) text/).waitFor()
    await alert.getByText(/zones\[1\] "[a-z-]+": unknown field\(s\): promt/).waitFor()
    await saveScreenshot(page, 'templates/import-refused')

    await page.getByLabel('Import a template file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') })
    await page.getByRole('alert').filter({ hasText: 'This file is not JSON' }).waitFor()

    expect(await catalogueIds(server)).toEqual(catalogueBefore)
    expect(await zoneFrames(page)).toEqual(shapesBefore)
    // Chromium logs the refused POST (400) as a console error; that one is expected here.
    expect(facilitator.errors.filter((e) => !e.includes('status of 400'))).toEqual([])
    facilitator.errors.length = 0
    await facilitator.context.close()
  })

  it('offers the templates as accessible cards in the lobby and opens the chosen one laid out', async () => {
    const context = await browser.browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' })
    await rememberIdentity(context, { id: 'lobby', name: 'Lene', group: 'researcher' })
    const page = await context.newPage()
    await page.goto(`${origin}/`)
    await page.getByLabel('Language of the board').selectOption('da')
    const card = page.getByRole('radio', { name: 'Aktørkort' })
    await card.check()
    // Each card describes duration, suggested groups and sources.
    const label = page.locator('label.template-card[data-template="stakeholder-map"]')
    await label.getByText(/47 min/).waitFor()
    await label.getByText(/Hoppe et al\./).first().waitFor()
    expect(await axeViolations(page)).toEqual([])
    await saveScreenshot(page, 'templates/lobby-picker')
    await page.getByRole('button', { name: 'Create board' }).click()
    await page.getByRole('link', { name: 'Open the board as facilitator' }).click()
    // The new board opens laid out, in Danish.
    await waitForCanvas(page, 45_000)
    await page.locator('.tl-shape').getByText('Fælles udfordring', { exact: true }).filter({ visible: true }).first().waitFor()
    await context.close()
  })

  it('made no request to any host but the server', () => {
    expect(foreignRequests(opened.flatMap((o) => o.requests), origin)).toEqual([])
    expect(opened.flatMap((o) => o.errors)).toEqual([])
  })
})
