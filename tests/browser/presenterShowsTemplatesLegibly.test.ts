import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { legendEntries } from '../../shared/templates/zoneLegend.ts'
import { activeZones, parseTemplate, type Template } from '../../shared/templates/templateSchema.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { waitForCanvas } from './boardFixtures.ts'
import {
  ARTIFACTS_DIR,
  axeViolations,
  foreignRequests,
  launchBrowser,
  PATIENCE_MS,
  recordPageErrors,
  recordRequests,
  saveScreenshot,
  type TestBrowser,
} from './browser.ts'
import { onScreenFontPx } from './onScreen.ts'

const PROJECTOR = { width: 1920, height: 1080 }
// Zones the presenter steps through: all but row and column headers (see presentedZones).
const PRESENTED = ['zone', 'cell', 'band', 'reference']
const FLOAT = 0.001
// On the whole board every zone's name (cells are named by their row and column headers) is drawn
// at least this large: a projector at 1920×1080 read from the back of a room.
const WHOLE_BOARD_LABEL_PX = 14
// One template: its board, every zone on its own (up to 30 of them), axe: minutes on a busy machine.
const TEMPLATE_TIMEOUT_MS = 240_000
// Every template the server ships, one file each (the first test checks the API offers exactly these).
const TEMPLATE_IDS = fs
  .readdirSync(path.resolve(import.meta.dirname, '../../templates'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''))

/** The on-screen size of a zone's label and prompt as the presenter shows them, read from the DOM. */
async function zoneTextPx(page: Page, templateId: string, zoneId: string): Promise<{ label?: number; prompt?: number }> {
  const overlay = `.presenter-label[data-zone="${zoneId}"]`
  const shape = (part: string) => `.tl-shape[data-shape-id="shape:${templateId}/zone/${zoneId}/${part}"] .tl-rich-text`
  const hasOverlay = (await page.locator(overlay).count()) > 0
  const overlayPrompt = hasOverlay && (await page.locator(`${overlay} .presenter-label__prompt`).count()) > 0
  return {
    label: await onScreenFontPx(page, hasOverlay ? `${overlay} .presenter-label__label` : shape('label')),
    prompt: await onScreenFontPx(page, overlayPrompt ? `${overlay} .presenter-label__prompt` : shape('prompt')),
  }
}

describe('the presenter view on a 1920×1080 projector', () => {
  let server: TestServer
  let browser: TestBrowser
  let context: BrowserContext
  let origin: string
  let requests: string[]
  let errors: string[]
  let ids: string[]

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
    context = await browser.browser.newContext({ viewport: PROJECTOR, locale: 'en-GB' })
    requests = recordRequests(context)
    errors = []
    const response = await fetch(`${server.url}/api/templates?locale=en`)
    ids = ((await response.json()) as { templates: { id: string }[] }).templates.map((t) => t.id)
    origin = new URL((await server.createBoard({ template: 'blank' })).links.observer).origin
    fs.mkdirSync(path.join(ARTIFACTS_DIR, 'presenter'), { recursive: true })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('has every shipped template to show, and this test shows each of them', () => {
    expect(ids.length).toBeGreaterThanOrEqual(11)
    expect([...ids].sort()).toEqual([...TEMPLATE_IDS].sort())
  })

  it.each(TEMPLATE_IDS)('%s: whole board and every zone, labels ≥ 28 px and prompts ≥ 16 px on a zone, with the colour legend', async (id) => {
    const parsed = parseTemplate(await (await fetch(`${server.url}/api/templates/${id}`)).json())
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    const template: Template = parsed.template
    const board = await server.createBoard({ template: id, locale: 'en', title: template.title.en })
    const page = await context.newPage()
    try {
      errors.push(...recordPageErrors(page))
      await page.goto(board.links.observer.replace('#', '?view=presenter#'))
      await waitForCanvas(page)
      const zones = activeZones(template).filter((zone) => PRESENTED.includes(zone.kind))
      const select = page.getByRole('combobox', { name: 'Show' })
      await select.waitFor({ timeout: PATIENCE_MS })
      await expect.poll(() => select.locator('option').count(), { timeout: PATIENCE_MS }).toBe(zones.length + 1)

      // The whole board, with the legend naming every colour the template uses.
      await page.getByRole('button', { name: 'Whole board' }).click()
      const legend = legendEntries(activeZones(template).map((zone) => ({ ...zone, label: zone.label.en })))
      const entries = page.locator('.zone-legend__entry')
      await expect.poll(() => entries.count(), { timeout: PATIENCE_MS }).toBe(legend.length)
      for (const entry of legend) await page.locator(`.zone-legend__entry[data-accent="${entry.accent}"]`).getByText(entry.labels[0]).first().waitFor()
      await saveScreenshot(page, `presenter/${id}-board`)
      expect(await axeViolations(page)).toEqual([])
      const named = activeZones(template).filter((zone) => zone.kind !== 'cell')
      const small: string[] = []
      for (const zone of named) {
        const px = (await zoneTextPx(page, id, zone.id)).label
        if (px === undefined || px < WHOLE_BOARD_LABEL_PX - FLOAT) small.push(`${zone.id}: ${px?.toFixed(1)} px`)
      }
      expect(small, 'zone labels on the whole board').toEqual([])

      // Every zone on its own: label and prompt large enough to read from the back of the room.
      for (const [i, zone] of zones.entries()) {
        await select.selectOption(zone.id)
        await page.locator(`.tl-shape[data-shape-id="shape:${id}/zone/${zone.id}/label"]`).waitFor({ timeout: PATIENCE_MS })
        const px = await zoneTextPx(page, id, zone.id)
        // FLOAT: a rounding error of the DOM's arithmetic (27.99998 for a 28 px label), not a size.
        expect(px.label, `${zone.id} label`).toBeGreaterThanOrEqual(28 - FLOAT)
        if (zone.prompt) expect(px.prompt, `${zone.id} prompt`).toBeGreaterThanOrEqual(16 - FLOAT)
        if (i === 0) await saveScreenshot(page, `presenter/${id}-zone`)
      }

      // From the keyboard (as a presenter's clicker sends it): the first zone, then the whole board.
      if (zones.length > 1) {
        const first = await select.locator('option').nth(1).getAttribute('value')
        // Not from inside the list, which handles these keys itself.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
        await page.keyboard.press('Home')
        await page.keyboard.press('ArrowRight')
        await expect.poll(() => select.inputValue(), { timeout: PATIENCE_MS }).toBe(first)
        await page.keyboard.press('Home')
        await expect.poll(() => select.inputValue(), { timeout: PATIENCE_MS }).toBe('')
      }
    } finally {
      // A failed or timed-out template leaves no page behind to slow the next one.
      await page.close()
    }
  }, TEMPLATE_TIMEOUT_MS)

  it('made no request to any host but the server and left no page errors', () => {
    expect(foreignRequests(requests, origin)).toEqual([])
    expect(errors).toEqual([])
  })
})
