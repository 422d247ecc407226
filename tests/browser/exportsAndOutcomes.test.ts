import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { findZoneFrames } from '../../shared/templates/zoneMembership.ts'
import { readRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import { addNote } from '../helpers/boardContent.ts'
import { connectClient, type SyncClient } from '../helpers/clients.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'
import { waitForCanvas, waitForSynced } from './boardFixtures.ts'
import {
  axeViolations,
  foreignRequests,
  launchBrowser,
  PATIENCE_MS,
  recordPageErrors,
  recordRequests,
  rememberIdentity,
  type TestBrowser,
} from './browser.ts'
import { controlsOffScreen } from './onScreen.ts'

/** Screenshots for the issue's closing note (looked at by a person, not compared by the test). */
const SHOTS = process.env.ISSUE12_SHOTS ?? path.resolve(import.meta.dirname, '../../test-artifacts/issue12')

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) })
}

const serious = (violations: Awaited<ReturnType<typeof axeViolations>>) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')

async function openAs(browser: Browser, link: string, viewport: { width: number; height: number }, phone = false) {
  const context = await browser.newContext({ viewport, locale: 'en-GB', acceptDownloads: true, ...(phone ? { hasTouch: true, isMobile: true } : {}) })
  const requests = recordRequests(context)
  await rememberIdentity(context, { id: `id-${viewport.width}`, name: 'Frida Holm', group: 'civil-servant-operational' })
  const page = await context.newPage()
  const errors = recordPageErrors(page)
  await page.goto(link)
  return { context, page, requests, errors }
}

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function download(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: PATIENCE_MS }),
    page.locator(`.report-popover button[data-format="${format}"]`).click(),
  ])
  const filePath = await file.path()
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(filePath) }
}

describe('exports, outcomes and versions in the browser', () => {
  let server: TestServer
  let browser: TestBrowser
  let writer: SyncClient
  let board: Awaited<ReturnType<TestServer['createBoard']>>
  let facilitator: Awaited<ReturnType<typeof openAs>>
  const pageErrors: string[] = []
  const requests: string[] = []

  beforeAll(async () => {
    server = await startTestServer()
    board = await server.createBoard({ template: 'stakeholder-map', locale: 'en', title: 'Loneliness in Aarhus' })
    writer = await connectClient(server.wsUrl, board.id, board.tokens.participant)
    const frame = (zone: string) => findZoneFrames(readRecords(writer.doc)).find((f) => f.zoneId === zone)!.bounds
    const missing = frame('who-is-missing')
    // Above the zone frames, as notes written on the board are.
    const top = readRecords(writer.doc).flatMap((r) => (r.typeName === 'shape' ? [r.index] : [])).sort().at(-1) as IndexKey
    addNote(writer.doc, 'elderly', 'Lonely elderly people', { x: missing.x + 40, y: missing.y + 80, index: getIndexAbove(top), meta: { group: 'citizen-service-user', authorName: 'Astrid' } })
    // A kept version before the second session's note, to compare with the board now.
    await waitFor(async () => {
      const list = (await (await fetch(`${server.url}/api/boards/${board.id}/report`, { headers: { Authorization: `Bearer ${board.tokens.facilitator}` } })).json()) as { zones: Array<{ notes: unknown[] }> }
      return list.zones.some((zone) => zone.notes.length > 0)
    }, 10_000, 'the note on the server')
    const saved = await fetch(`${server.url}/api/boards/${board.id}/versions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.tokens.facilitator}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ label: 'After the first workshop' }),
    })
    expect(saved.status).toBeLessThan(300)
    addNote(writer.doc, 'cafe', 'Village hall café', { x: missing.x + 40, y: missing.y + 320, index: getIndexAbove(getIndexAbove(top)), meta: { group: 'volunteer-association', authorName: 'Bo' } })
    browser = await launchBrowser()
    facilitator = await openAs(browser.browser, board.links.facilitator, { width: 1440, height: 900 })
    await waitForCanvas(facilitator.page)
    await waitForSynced(facilitator.page)
    await facilitator.page.locator('.tl-canvas .tl-shape', { hasText: 'Village hall café' }).first().waitFor({ timeout: PATIENCE_MS })
  })

  afterAll(async () => {
    writer?.destroy()
    await browser?.close()
    await server?.close()
  })

  it('downloads Markdown, CSV and Word from the Report menu, named by title and date', async () => {
    const { page } = facilitator
    await page.getByRole('button', { name: 'Report', exact: true }).click()
    await page.getByRole('dialog', { name: 'Export the board' }).waitFor({ timeout: PATIENCE_MS })
    await shot(page, 'report-menu-1440x900')

    const md = await download(page, 'md')
    expect(md.name).toMatch(/^Loneliness in Aarhus – \d{4}-\d{2}-\d{2}\.md$/)
    const text = md.bytes.toString('utf8')
    const zone = text.indexOf('## Who is missing')
    expect(zone).toBeGreaterThan(-1)
    expect(text.indexOf('Lonely elderly people', zone)).toBeGreaterThan(zone)

    const csv = await download(page, 'csv')
    expect(csv.name).toMatch(/\.csv$/)
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.bytes.toString('utf8')).toContain('Village hall café')

    const docx = await download(page, 'docx')
    expect(docx.name).toMatch(/\.docx$/)
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it('draws the board as PNG, SVG and PDF with tldraw’s export, and one zone as PDF', async () => {
    const { page } = facilitator
    const png = await download(page, 'png')
    expect(png.name).toMatch(/^Loneliness in Aarhus – \d{4}-\d{2}-\d{2}\.png$/)
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
    fs.mkdirSync(SHOTS, { recursive: true })
    fs.writeFileSync(path.join(SHOTS, 'export-whole-board.png'), png.bytes)
    // Decoded by the browser, at the board's proportions (page bounds plus padding).
    const decoded = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
      const editor = (window as unknown as { coboardEditor: { getCurrentPageBounds(): { w: number; h: number } } }).coboardEditor
      const bounds = editor.getCurrentPageBounds()
      return { width: bitmap.width, height: bitmap.height, expected: (bounds.w + 48) / (bounds.h + 48) }
    }, png.bytes.toString('base64'))
    expect(decoded.width).toBeGreaterThan(0)
    expect(decoded.height).toBeGreaterThan(0)
    expect(decoded.width / decoded.height).toBeCloseTo(decoded.expected, 1)

    const svg = await download(page, 'svg')
    expect(svg.name).toMatch(/\.svg$/)
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
      return { root: doc.documentElement.nodeName, error: doc.getElementsByTagName('parsererror').length }
    }, svg.bytes.toString('utf8'))
    expect(parsed).toEqual({ root: 'svg', error: 0 })
    expect(svg.bytes.toString('utf8')).toContain('Lonely elderly people')

    const pdf = await download(page, 'pdf')
    expect(pdf.name).toMatch(/\.pdf$/)
    const pdfText = pdf.bytes.toString('latin1')
    expect(pdfText.startsWith('%PDF-')).toBe(true)
    expect(pdfText).toContain('/Count 1')

    const scope = page.getByLabel('What to export')
    const zoneValue = await scope.locator('option', { hasText: 'Who is missing' }).first().getAttribute('value')
    await scope.selectOption(zoneValue!)
    const zonePdf = await download(page, 'pdf')
    expect(zonePdf.name).toMatch(/Who is missing/)
    expect(zonePdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(serious(await axeViolations(page))).toEqual([])
    await page.keyboard.press('Escape')
  })

  it('marks what happened to a note, which shows as a badge and on a participant’s phone', async () => {
    const { page } = facilitator
    await page.evaluate(() => {
      const editor = (window as unknown as { coboardEditor: { select(id: string): void } }).coboardEditor
      editor.select('shape:elderly')
    })
    await page.getByRole('button', { name: /Mark what happened to the note “Lonely elderly people”/ }).click()
    const dialog = page.getByRole('dialog', { name: 'What happened to this note' })
    await dialog.getByLabel('Taken forward', { exact: true }).check()
    await dialog.getByLabel('Reason or decision').fill('A visiting-friend scheme starts in spring')
    await dialog.getByLabel('Date').fill('2026-12-01')
    expect(serious(await axeViolations(page))).toEqual([])
    await shot(page, 'outcome-form-1440x900')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await page.locator('[data-outcome="taken-forward"]').first().waitFor({ timeout: PATIENCE_MS })
    await waitFor(() => writer.doc.getMap('outcomes').has('shape:elderly'), PATIENCE_MS, 'the outcome at another client')
    await page.evaluate(() => {
      const editor = (window as unknown as { coboardEditor: { zoomToSelection(options: object): void } }).coboardEditor
      editor.zoomToSelection({ animation: { duration: 0 } })
    })
    await page.locator('[data-outcome="taken-forward"]').first().waitFor({ timeout: PATIENCE_MS })
    await shot(page, 'outcome-badge-1440x900')

    const participantPage = board.links.participant.replace('#', '?view=outcomes#')
    const phone = await openAs(browser.browser, participantPage, { width: 390, height: 844 }, true)
    await phone.page.getByRole('heading', { name: 'What happened to our input' }).waitFor({ timeout: PATIENCE_MS })
    const zone = phone.page.getByRole('region', { name: /Who is missing/ })
    const note = zone.locator('li', { hasText: 'Lonely elderly people' })
    await expect.poll(() => note.textContent()).toContain('Taken forward')
    expect(await note.textContent()).toContain('A visiting-friend scheme starts in spring')
    expect(await note.textContent()).toContain('1 December 2026')
    expect(await zone.locator('li', { hasText: 'Village hall café' }).textContent()).toContain('Not marked yet')
    expect(await controlsOffScreen(phone.page)).toEqual([])
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    expect(serious(await axeViolations(phone.page))).toEqual([])
    await shot(phone.page, 'outcomes-page-390x844')
    pageErrors.push(...phone.errors)
    requests.push(...phone.requests)
    await phone.context.close()
  })

  it('compares the kept version with the board now and lists the added note', async () => {
    const { page } = facilitator
    await page.locator('.board-template__toggle').click()
    const compare = page.getByRole('region', { name: 'Compare versions' })
    await compare.waitFor({ timeout: PATIENCE_MS })
    await compare.getByLabel('Earlier version').selectOption({ index: 0 })
    await compare.getByLabel('Later version').selectOption({ label: 'The board now' })
    await compare.getByRole('button', { name: 'Compare' }).click()
    const result = compare.getByTestId('comparison')
    await result.waitFor({ timeout: PATIENCE_MS })
    expect(await result.textContent()).toContain('1 note added')
    expect(await result.locator('li', { hasText: 'Village hall café' }).count()).toBe(1)
    expect(await result.textContent()).toContain('1 note unchanged')
    await compare.scrollIntoViewIfNeeded()
    await shot(page, 'compare-versions-1440x900')
  })

  it.each([
    { name: '390x844', width: 390, height: 844, phone: true },
    { name: '1920x1080', width: 1920, height: 1080, phone: false },
  ])('the Report menu fits and is accessible at $name', async ({ name, width, height, phone }) => {
    const opened = await openAs(browser.browser, board.links.facilitator, { width, height }, phone)
    await waitForCanvas(opened.page)
    await waitForSynced(opened.page)
    await opened.page.getByRole('button', { name: 'Report', exact: true }).click()
    const dialog = opened.page.getByRole('dialog', { name: 'Export the board' })
    await dialog.waitFor({ timeout: PATIENCE_MS })
    const box = (await dialog.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(width)
    expect(box.y + box.height).toBeLessThanOrEqual(height)
    for (const button of await dialog.getByRole('button').all()) {
      const b = (await button.boundingBox())!
      expect(b.height).toBeGreaterThanOrEqual(44)
    }
    expect(serious(await axeViolations(opened.page))).toEqual([])
    await shot(opened.page, `report-menu-${name}`)
    await opened.page.keyboard.press('Escape')
    await shot(opened.page, `board-${name}`)
    pageErrors.push(...opened.errors)
    requests.push(...opened.requests)
    await opened.context.close()
  })

  it('made no request to any host but the server and left no page errors', () => {
    const origin = new URL(board.links.facilitator).origin
    expect(foreignRequests([...facilitator.requests, ...requests], origin)).toEqual([])
    expect([...facilitator.errors, ...pageErrors]).toEqual([])
  })
})
