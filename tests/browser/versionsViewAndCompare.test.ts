import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { findZoneFrames } from '../../shared/templates/zoneMembership.ts'
import { readRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import { removeNotes, updateNote } from '../helpers/boardContent.ts'
import { waitFor } from '../helpers/wait.ts'
import { waitForCanvas } from './boardFixtures.ts'
import { axeViolations, PATIENCE_MS, recordPageErrors, saveScreenshot } from './browser.ts'
import { download, itLeftNoForeignRequestsOrErrors, openBoardPanel, serious, useReportSession, writeNoteInZone } from './reportFixtures.ts'

const shot = (page: Page, name: string) => saveScreenshot(page, `report/${name}`)

type Editor = {
  getInstanceState(): { isReadonly: boolean }
  updateShape(partial: object): void
  getShape(id: string): { x: number } | undefined
}

/**
 * Living labs meet for months: the facilitator opens a kept version read-only, exports it, and
 * compares it with the board now — notes added, removed, moved and edited, counted per zone.
 */
describe('kept versions in the browser: view, export and compare', () => {
  // The facilitator's client writes: on a new board only the facilitator deletes notes written without an author.
  const session = useReportSession({
    writerRole: 'facilitator',
    seed: async ({ server, board, writer }) => {
      const note = (key: string, text: string, dx: number, dy: number) =>
        writeNoteInZone(writer.doc, 'who-is-missing', key, text, { dx, dy }, { group: 'citizen-service-user', authorName: 'Astrid' })
      note('elderly', 'Lonely elderly people', 40, 80)
      note('library', 'The library’s reading circle', 300, 80)
      note('bus', 'No bus after 18:00', 40, 320)
      note('bench', 'Benches on the way to the shop', 300, 320)
      const notesOnServer = async () =>
        ((await (await fetch(`${server.url}/api/boards/${board.id}/report`, { headers: { Authorization: `Bearer ${board.tokens.facilitator}` } })).json()) as { zones: Array<{ notes: unknown[] }> }).zones.flatMap((z) => z.notes).length
      await waitFor(async () => (await notesOnServer()) === 4, 10_000, 'the first workshop’s notes on the server')
      const saved = await fetch(`${server.url}/api/boards/${board.id}/versions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${board.tokens.facilitator}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ label: 'After the first workshop' }),
      })
      expect(saved.status).toBe(201)
      // The second workshop: one note added, one removed, one moved to another zone, one edited.
      note('cafe', 'Village hall café', 40, 560)
      removeNotes(writer.doc, ['bus'])
      const civil = findZoneFrames(readRecords(writer.doc)).find((f) => f.zoneId === 'civil-society-co-producing')!.bounds
      updateNote(writer.doc, 'library', { x: civil.x + 150, y: civil.y + 150 })
      updateNote(writer.doc, 'bench', { props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Benches with backs on the way to the shop' }] }] } } as never })
      await waitFor(async () => (await notesOnServer()) === 4 && (await (await fetch(`${server.url}/api/boards/${board.id}/export?format=md`, { headers: { Authorization: `Bearer ${board.tokens.facilitator}` } })).text()).includes('Benches with backs'), 10_000, 'the second workshop on the server')
    },
  })

  it('opens a kept version read-only from the history, clearly labelled, without touching the board', async () => {
    const { page } = session.facilitator
    await openBoardPanel(page)
    const version = page.locator('.history-version', { hasText: 'After the first workshop' })
    await version.waitFor({ timeout: PATIENCE_MS })
    const view = version.getByRole('link', { name: /^View the version of .*, read-only$/ })
    const [tab] = await Promise.all([page.context().waitForEvent('page', { timeout: PATIENCE_MS }), view.click()])
    const sockets: string[] = []
    tab.on('websocket', (socket) => sockets.push(socket.url()))
    const errors = recordPageErrors(tab)
    const heading = tab.getByRole('heading', { level: 1, name: /^Version “After the first workshop”, .* \(read-only\)$/ })
    await heading.waitFor({ timeout: PATIENCE_MS })
    await waitForCanvas(tab)
    // The board as it was: the removed note is there, the later one is not, the edited one has its old words.
    await tab.locator('.tl-canvas .tl-shape', { hasText: 'No bus after 18:00' }).first().waitFor({ timeout: PATIENCE_MS })
    expect(await tab.locator('.tl-canvas .tl-shape', { hasText: 'Village hall café' }).count()).toBe(0)
    expect(await tab.locator('.tl-canvas .tl-shape', { hasText: 'Benches on the way to the shop' }).count()).toBe(1)
    const state = await tab.evaluate(() => {
      const editor = (window as unknown as { coboardEditor: Editor }).coboardEditor
      const before = editor.getShape('shape:library')!.x
      // An edit in read-only mode changes nothing.
      editor.updateShape({ id: 'shape:library', type: 'note', x: before + 500 })
      return { readonly: editor.getInstanceState().isReadonly, moved: editor.getShape('shape:library')!.x !== before }
    })
    expect(state).toEqual({ readonly: true, moved: false })
    expect(sockets).toEqual([])
    expect(serious(await axeViolations(tab))).toEqual([])
    await shot(tab, 'version-view-1440x900')
    await tab.setViewportSize({ width: 390, height: 844 })
    await heading.waitFor()
    await shot(tab, 'version-view-390x844')
    // Nothing reached the live board.
    expect(readRecords(session.writer.doc).some((r) => r.id === 'shape:bus')).toBe(false)
    session.pageErrors.push(...errors)
    await tab.close()
  })

  it('exports the kept version from the Report menu', async () => {
    const { page } = session.facilitator
    await page.getByRole('button', { name: 'Report', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Export the board' })
    await dialog.waitFor({ timeout: PATIENCE_MS })
    const picker = dialog.getByLabel('Which version')
    const value = await picker.locator('option', { hasText: 'After the first workshop' }).getAttribute('value')
    await picker.selectOption(value!)
    const md = (await download(page, 'md')).bytes.toString('utf8')
    expect(md).toContain('Version: After the first workshop')
    expect(md).toContain('No bus after 18:00')
    expect(md).not.toContain('Village hall café')
    await picker.selectOption('')
    expect((await download(page, 'md')).bytes.toString('utf8')).toContain('Village hall café')
    await dialog.getByRole('button', { name: 'Close' }).click()
  })

  it('compares the kept version with the board now: added, removed, moved and edited, per zone', async () => {
    const { page } = session.facilitator
    await openBoardPanel(page)
    const compare = page.getByRole('region', { name: 'Compare versions' })
    await compare.waitFor({ timeout: PATIENCE_MS })
    const from = compare.getByLabel('Earlier version')
    await from.selectOption((await from.locator('option', { hasText: 'After the first workshop' }).getAttribute('value'))!)
    await compare.getByLabel('Later version').selectOption({ label: 'The board now' })
    await compare.getByRole('button', { name: 'Compare' }).click()
    const result = compare.getByTestId('comparison')
    await result.waitFor({ timeout: PATIENCE_MS })
    const text = (await result.textContent()) ?? ''
    for (const line of ['1 note added', '1 note removed', '1 note moved to another zone', '1 note edited', '1 note unchanged']) expect(text).toContain(line)
    expect(await result.locator('li', { hasText: 'Village hall café' }).count()).toBe(1)
    expect(await result.locator('li', { hasText: 'No bus after 18:00' }).count()).toBe(1)
    expect(await result.locator('li', { hasText: 'Before: Benches on the way to the shop' }).count()).toBe(1)

    const row = async (zone: string) =>
      Object.fromEntries(
        await result.locator(`tbody[data-zone="${zone}"] [data-count]`).evaluateAll((cells) => cells.map((cell) => [cell.getAttribute('data-count'), Number(cell.textContent)])),
      )
    expect(await row('who-is-missing')).toEqual({ before: 4, added: 1, removed: 1, movedIn: 0, movedOut: 1, edited: 1, after: 3 })
    expect(await row('civil-society-co-producing')).toEqual({ before: 0, added: 0, removed: 0, movedIn: 1, movedOut: 0, edited: 0, after: 1 })
    const headers = await result.locator('thead th').allTextContents()
    expect(headers).toEqual(['Before → after', 'Added', 'Removed', 'Moved in', 'Moved out', 'Edited'])
    expect(serious(await axeViolations(page))).toEqual([])
    await result.scrollIntoViewIfNeeded()
    await shot(page, 'compare-versions-1440x900')
  })

  itLeftNoForeignRequestsOrErrors(session)
})
