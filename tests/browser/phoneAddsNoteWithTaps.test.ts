import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { READABLE_ZOOM } from '../../client/src/board/zoneNavigation.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { waitForCanvas, waitForSynced } from './boardFixtures.ts'
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
import { controlsOffScreen, onScreenFontPx } from './onScreen.ts'

type Editor = {
  getZoomLevel(): number
  getEditingShapeId(): string | null
  getCurrentPageShapes(): Array<{ id: string; type: string; props: { richText?: unknown } }>
  getShapePageBounds(id: string): { x: number; y: number; w: number; h: number; center: { x: number; y: number } }
  getViewportPageBounds(): { center: { x: number; y: number } }
  pageToViewport(p: { x: number; y: number }): { x: number; y: number }
}

function editorCall<T>(page: Page, fn: string, arg?: unknown): Promise<T> {
  return page.evaluate(({ fn, arg }) => new Function('editor', 'arg', `return (${fn})(editor, arg)`)((window as unknown as { coboardEditor: Editor }).coboardEditor, arg), { fn, arg })
}

const PHONES = [
  { name: '390x844', width: 390, height: 844 },
  { name: '360x740', width: 360, height: 740 },
]

describe.each(PHONES)('a participant on a $name phone (touch)', ({ name, width, height }) => {
  let server: TestServer
  let browser: TestBrowser
  let page: Page
  let origin: string
  let requests: string[]
  let errors: string[]

  beforeAll(async () => {
    server = await startTestServer()
    const board = await server.createBoard({ template: 'stakeholder-map', locale: 'en', title: 'Youth services' })
    origin = new URL(board.links.participant).origin
    browser = await launchBrowser()
    const context = await browser.browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true, locale: 'en-GB' })
    requests = recordRequests(context)
    await rememberIdentity(context, { id: `phone-${name}`, name: 'Karin Johansson', group: 'citizen-service-user' })
    page = await context.newPage()
    errors = recordPageErrors(page)
    await page.goto(board.links.participant)
    await waitForCanvas(page)
    await waitForSynced(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('opens on a zone at a readable zoom, with every control on screen and the note tool in the toolbar', async () => {
    await page.getByRole('group', { name: 'Zones' }).getByRole('button', { name: /^Zone: / }).waitFor({ timeout: PATIENCE_MS })
    expect(await editorCall<number>(page, '(e) => e.getZoomLevel()')).toBeGreaterThanOrEqual(READABLE_ZOOM - 0.001)
    expect(await controlsOffScreen(page)).toEqual([])
    const noteTool = page.locator('[data-testid="tools.note"]')
    await noteTool.waitFor({ timeout: PATIENCE_MS })
    const box = (await noteTool.boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(width)
    expect(await axeViolations(page)).toEqual([])
    await saveScreenshot(page, `phone-${name}-board`)
  })

  it('switches zones from the zone list, which fits the screen', async () => {
    await page.getByRole('button', { name: /^Zone: / }).tap()
    const list = page.getByRole('region', { name: 'Zones of this board' })
    await list.waitFor({ timeout: PATIENCE_MS })
    const box = (await list.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(width)
    expect(box.y + box.height).toBeLessThanOrEqual(height)
    expect(await controlsOffScreen(page)).toEqual([])
    expect(await axeViolations(page)).toEqual([])
    await saveScreenshot(page, `phone-${name}-zone-list`)
    await list.getByRole('button', { name: 'Citizens & service users · Consulted' }).tap()
    await list.waitFor({ state: 'hidden', timeout: PATIENCE_MS })
    await page.getByRole('button', { name: 'Zone: Citizens & service users · Consulted' }).waitFor({ timeout: PATIENCE_MS })
  })

  it('adds a note to the current zone with two taps, shown at 14 px or more while it is typed', async () => {
    await page.getByRole('button', { name: 'Add note' }).tap()
    await page.waitForFunction(() => document.activeElement instanceof HTMLElement && document.activeElement.isContentEditable, undefined, { timeout: PATIENCE_MS })
    await page.keyboard.type('The bus stop is too far away')
    const editing = '.tl-shape[data-shape-type="note"] [contenteditable="true"]'
    expect(await onScreenFontPx(page, editing)).toBeGreaterThanOrEqual(14)
    await saveScreenshot(page, `phone-${name}-typing`)

    // The on-screen keyboard takes the lower part of the screen (Android resizes the page with
    // interactive-widget=resizes-content): the note being typed stays above it.
    const keyboard = Math.round(height * 0.42)
    await page.setViewportSize({ width, height: height - keyboard })
    await page.waitForFunction(
      ({ visibleHeight }) => {
        const note = document.querySelector('.tl-shape[data-shape-type="note"] [contenteditable="true"]')?.closest('.tl-shape')
        if (!note) return false
        const r = note.getBoundingClientRect()
        return r.top >= 0 && r.bottom <= visibleHeight
      },
      { visibleHeight: height - keyboard },
      { timeout: PATIENCE_MS },
    )
    await saveScreenshot(page, `phone-${name}-keyboard`)
    await page.setViewportSize({ width, height })

    await page.getByRole('button', { name: 'Done' }).tap()
    await page.waitForFunction(() => (window as unknown as { coboardEditor: Editor }).coboardEditor.getEditingShapeId() === null, undefined, { timeout: PATIENCE_MS })
    const where = await editorCall<{ inZone: boolean; count: number }>(
      page,
      `(editor) => {
        const notes = editor.getCurrentPageShapes().filter((s) => s.type === 'note')
        const zone = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && s.meta.coboard?.zone === 'citizens-consulted')
        const z = editor.getShapePageBounds(zone.id)
        const c = editor.getShapePageBounds(notes[0].id).center
        return { count: notes.length, inZone: c.x > z.x && c.x < z.x + z.w && c.y > z.y && c.y < z.y + z.h }
      }`,
    )
    expect(where).toEqual({ count: 1, inZone: true })
    await page.locator('.tl-shape[data-shape-type="note"]', { hasText: 'The bus stop is too far away' }).waitFor({ timeout: PATIENCE_MS })
    expect(await controlsOffScreen(page)).toEqual([])
    await saveScreenshot(page, `phone-${name}-note`)
  })

  it('made no request to any host but the server and left no page errors', () => {
    expect(foreignRequests(requests, origin)).toEqual([])
    expect(errors).toEqual([])
  })
})
