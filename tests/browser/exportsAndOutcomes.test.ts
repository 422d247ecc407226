import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../helpers/wait.ts'
import { waitForCanvas, waitForSynced } from './boardFixtures.ts'
import { ARTIFACTS_DIR, axeViolations, PATIENCE_MS, saveScreenshot } from './browser.ts'
import { controlsOffScreen } from './onScreen.ts'
import { download, itLeftNoForeignRequestsOrErrors, openAs, openBoardPanel, serious, useReportSession, writeNoteInZone } from './reportFixtures.ts'

/** Screenshots for the closing note (looked at by a person, not compared by the test). */
const shot = (page: Page, name: string) => saveScreenshot(page, `report/${name}`)

/**
 * Clicks an export button whose file takes many steps to draw (a PDF with a page per zone) and
 * returns the download, waiting as long as the "Drawing page n of m" status keeps moving.
 */
async function downloadWithProgress(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  let file: { name: string; bytes: Buffer } | undefined
  let failure: unknown
  const done = page.waitForEvent('download', { timeout: 0 }).then(
    async (d) => (file = { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) }),
    (error: unknown) => (failure = error),
  )
  await page.locator(`.report-popover button[data-format="${format}"]`).click()
  const status = page.locator('.report-export__status')
  let seen = ''
  while (!file && !failure) {
    const moved = page.waitForFunction((before) => document.querySelector('.report-export__status')?.textContent !== before, seen, { timeout: PATIENCE_MS })
    await Promise.race([done, moved])
    seen = (await status.textContent()) ?? ''
  }
  if (!file) throw failure
  return file
}

describe('exports and outcomes in the browser', () => {
  const session = useReportSession({
    writerRole: 'participant',
    seed: async ({ writer }) => {
      writeNoteInZone(session.writer.doc, 'who-is-missing', 'elderly', 'Lonely elderly people', { dx: 40, dy: 80 }, { group: 'citizen-service-user', authorName: 'Astrid' })
      writeNoteInZone(session.writer.doc, 'who-is-missing', 'cafe', 'Village hall café', { dx: 40, dy: 320 }, { group: 'volunteer-association', authorName: 'Bo' })
    },
  })

  beforeAll(async () => {
    await session.facilitator.page.locator('.tl-canvas .tl-shape', { hasText: 'Village hall café' }).first().waitFor({ timeout: PATIENCE_MS })
  })

  it('downloads Markdown, CSV and Word from the Report menu, named by title and date', async () => {
    const { page } = session.facilitator
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
    const { page } = session.facilitator
    const png = await download(page, 'png')
    expect(png.name).toMatch(/^Loneliness in Aarhus – \d{4}-\d{2}-\d{2}\.png$/)
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
    fs.mkdirSync(path.join(ARTIFACTS_DIR, 'report'), { recursive: true })
    fs.writeFileSync(path.join(ARTIFACTS_DIR, 'report', 'export-whole-board.png'), png.bytes)
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

    // A3, with a page per zone after the whole board, so that a large board stays legible on paper.
    await page.getByLabel('Paper size of the PDF').selectOption('a3')
    await page.getByLabel('Add one page per zone to the PDF').check()
    const zonePages = await page.evaluate(() => {
      const editor = (window as unknown as { coboardEditor: { getCurrentPageShapes(): Array<{ type: string; meta: { coboard?: { zone?: string; kind?: string } } }> } }).coboardEditor
      return editor.getCurrentPageShapes().filter((s) => s.type === 'frame' && ['zone', 'cell'].includes(s.meta.coboard?.kind ?? '')).length
    })
    expect(zonePages).toBeGreaterThan(10)
    const bookPdf = await downloadWithProgress(page, 'pdf')
    const book = bookPdf.bytes.toString('latin1')
    expect(book.startsWith('%PDF-')).toBe(true)
    expect(book).toContain(`/Count ${1 + zonePages}`)
    expect(book.match(/\/Type \/Page /g)).toHaveLength(1 + zonePages)
    // Every page is A3, upright or turned to its picture.
    const boxes = [...book.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [m[1], m[2]].sort().join('x'))
    expect(new Set(boxes)).toEqual(new Set(['1190.55x841.89']))
    fs.writeFileSync(path.join(ARTIFACTS_DIR, 'report', 'export-a3-zone-pages.pdf'), bookPdf.bytes)
    await page.getByLabel('Add one page per zone to the PDF').uncheck()
    await page.getByLabel('Paper size of the PDF').selectOption('a4')

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
    const { page } = session.facilitator
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
    await waitFor(() => session.writer.doc.getMap('outcomes').has('shape:elderly'), PATIENCE_MS, 'the outcome at another client')
    await page.evaluate(() => {
      const editor = (window as unknown as { coboardEditor: { zoomToSelection(options: object): void } }).coboardEditor
      editor.zoomToSelection({ animation: { duration: 0 } })
    })
    await page.locator('[data-outcome="taken-forward"]').first().waitFor({ timeout: PATIENCE_MS })
    await shot(page, 'outcome-badge-1440x900')

    const participantPage = session.board.links.participant.replace('#', '?view=outcomes#')
    const phone = await openAs(session.browser.browser, participantPage, { width: 390, height: 844 }, true)
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
    await session.retire(phone)
  })

  it('turning exports off hides them from an observer’s Report menu, and the server refuses them', async () => {
    const { page } = session.facilitator
    await openBoardPanel(page)
    const exportsSwitch = page.getByRole('switch', { name: 'Participants and observers may download exports' })
    const markSwitch = page.getByRole('switch', { name: 'Participants may mark what happened to notes' })
    expect(await exportsSwitch.isChecked()).toBe(true)
    expect(await markSwitch.isChecked()).toBe(false)
    expect(serious(await axeViolations(page))).toEqual([])
    await exportsSwitch.uncheck()
    await markSwitch.check()
    await waitFor(() => session.writer.doc.getMap('settings').get('exportsAllowed') === false, PATIENCE_MS, 'exports off at another client')
    await waitFor(() => session.writer.doc.getMap('settings').get('participantsMayMarkOutcomes') === true, PATIENCE_MS, 'marking allowed at another client')
    await shot(page, 'board-rules-1440x900')

    const observer = await openAs(session.browser.browser, session.board.links.observer, { width: 1440, height: 900 })
    await waitForCanvas(observer.page)
    await observer.page.getByRole('button', { name: 'Report', exact: true }).click()
    const dialog = observer.page.getByRole('dialog', { name: 'Export the board' })
    await dialog.waitFor({ timeout: PATIENCE_MS })
    expect(await dialog.getByRole('link', { name: 'What happened to our input' }).count()).toBe(1)
    expect(await dialog.locator('button[data-format]').count()).toBe(0)
    await shot(observer.page, 'report-menu-observer-exports-off-1440x900')
    for (const format of ['md', 'csv', 'docx']) {
      const refused = await fetch(`${session.server.url}/api/boards/${session.board.id}/export?format=${format}`, { headers: { Authorization: `Bearer ${session.board.tokens.observer}` } })
      expect(refused.status).toBe(403)
    }
    await session.retire(observer)

    // Back on for the facilitator's own checks below.
    await exportsSwitch.check()
    await markSwitch.uncheck()
    await waitFor(() => session.writer.doc.getMap('settings').get('exportsAllowed') === true, PATIENCE_MS, 'exports on again')
    await page.locator('.board-template__toggle').click()
  })

  it.each([
    { name: '390x844', width: 390, height: 844, phone: true },
    { name: '1920x1080', width: 1920, height: 1080, phone: false },
  ])('the Report menu fits and is accessible at $name', async ({ name, width, height, phone }) => {
    const opened = await openAs(session.browser.browser, session.board.links.facilitator, { width, height }, phone)
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
    await session.retire(opened)
  })

  itLeftNoForeignRequestsOrErrors(session)
})
