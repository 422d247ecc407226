import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { waitForCanvas, waitForSynced } from './boardFixtures.ts'
import { launchBrowser, PATIENCE_MS, recordPageErrors, rememberIdentity, saveScreenshot, type TestBrowser } from './browser.ts'

type Box = { id: string; x: number; y: number; w: number; h: number }

// A zone of the stakeholder map and the notes whose centre is in it, in page units.
async function zoneAndNotes(page: Page, zoneId: string): Promise<{ zone: Box; notes: Box[] }> {
  return page.evaluate((zoneId) => {
    type Shape = { id: string; type: string; meta: { coboard?: { zone?: string } } }
    type Editor = { getCurrentPageShapes(): Shape[]; getShapePageBounds(id: string): { x: number; y: number; w: number; h: number } }
    const editor = (window as unknown as { coboardEditor: Editor }).coboardEditor
    const box = (id: string) => ({ id, ...JSON.parse(JSON.stringify(editor.getShapePageBounds(id))) })
    const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && s.meta.coboard?.zone === zoneId)!
    const zone = box(frame.id)
    const notes = editor
      .getCurrentPageShapes()
      .filter((s) => s.type === 'note')
      .map((s) => box(s.id))
      .filter((n) => n.x + n.w / 2 > zone.x && n.x + n.w / 2 < zone.x + zone.w && n.y + n.h / 2 > zone.y && n.y + n.h / 2 < zone.y + zone.h)
    return { zone, notes }
  }, zoneId)
}

function overlapping(notes: readonly Box[]): string[] {
  const pairs: string[] = []
  for (let i = 0; i < notes.length; i++)
    for (let j = i + 1; j < notes.length; j++) {
      const [a, b] = [notes[i], notes[j]]
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) pairs.push(`${a.id} × ${b.id}`)
    }
  return pairs
}

function createNotes(page: Page, notes: Array<{ id: string; x: number; y: number; text?: string }>): Promise<void> {
  return page.evaluate((notes) => {
    type Editor = { createShapes(s: object[]): void }
    const editor = (window as unknown as { coboardEditor: Editor }).coboardEditor
    for (const n of notes) {
      const richText = { type: 'doc', content: [{ type: 'paragraph', content: n.text ? [{ type: 'text', text: n.text }] : [] }] }
      editor.createShapes([{ id: `shape:${n.id}`, type: 'note', x: n.x, y: n.y, props: { richText } }])
    }
  }, notes)
}

describe('notes find their place in a zone', () => {
  let server: TestServer
  let browser: TestBrowser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    server = await startTestServer()
    const board = await server.createBoard({ template: 'stakeholder-map', locale: 'en', title: 'Tidy notes' })
    browser = await launchBrowser()
    const context = await browser.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' })
    await rememberIdentity(context, { id: 'tidy', name: 'Frida', group: 'researcher' })
    page = await context.newPage()
    errors = recordPageErrors(page)
    await page.goto(board.links.facilitator)
    await waitForCanvas(page)
    await waitForSynced(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('moves a note put on top of another to a free spot of the same zone', async () => {
    const { zone } = await zoneAndNotes(page, 'shared-challenge')
    const at = { x: zone.x + 400, y: zone.y + 140 }
    await createNotes(page, [{ id: 'first', ...at, text: 'Library' }, { id: 'second', ...at, text: 'Youth club' }])
    const { notes } = await zoneAndNotes(page, 'shared-challenge')
    expect(notes.map((n) => n.id).sort()).toEqual(['shape:first', 'shape:second'])
    expect(overlapping(notes)).toEqual([])
  })

  it('moves a note dropped on another (by hand) next to it', async () => {
    await createNotes(page, [{ id: 'dropped', x: 4200, y: 1200, text: 'Sports hall' }])
    const from = await page.evaluate(() => {
      type Editor = { getShapePageBounds(id: string): { center: { x: number; y: number } }; pageToViewport(p: object): { x: number; y: number }; zoomToBounds(b: object, o: object): void; getCurrentPageBounds(): object }
      const editor = (window as unknown as { coboardEditor: Editor }).coboardEditor
      editor.zoomToBounds({ x: 0, y: -100, w: 4600, h: 1600 }, { immediate: true })
      return editor.pageToViewport(editor.getShapePageBounds('shape:dropped').center)
    })
    const to = await page.evaluate(() => {
      type Editor = { getShapePageBounds(id: string): { center: { x: number; y: number } }; pageToViewport(p: object): { x: number; y: number } }
      const editor = (window as unknown as { coboardEditor: Editor }).coboardEditor
      return editor.pageToViewport(editor.getShapePageBounds('shape:first').center)
    })
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12)
    await page.mouse.up()
    await expect
      .poll(async () => {
        const { notes } = await zoneAndNotes(page, 'shared-challenge')
        return { ids: notes.map((n) => n.id).sort(), overlaps: overlapping(notes) }
      }, { timeout: PATIENCE_MS })
      .toEqual({ ids: ['shape:dropped', 'shape:first', 'shape:second'], overlaps: [] })
  })

  it('keeps a note that grows with long text inside its zone instead of over the next zone', async () => {
    const { zone } = await zoneAndNotes(page, 'private-co-producing')
    const text = 'The bus only comes twice a day, and the last one leaves before the youth club closes, so the youngest cannot stay.'
    await createNotes(page, [{ id: 'long', x: zone.x + zone.w - 230, y: zone.y + zone.h - 220, text: 'short' }])
    await page.evaluate((text) => {
      type Editor = { updateShapes(s: object[]): void }
      const editor = (window as unknown as { coboardEditor: Editor }).coboardEditor
      editor.updateShapes([{ id: 'shape:long', type: 'note', props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } } }])
    }, text)
    await expect
      .poll(async () => {
        const { notes } = await zoneAndNotes(page, 'private-co-producing')
        const note = notes.find((n) => n.id === 'shape:long')
        return note ? note.h > 200 * 0.7 && note.y + note.h <= zone.y + zone.h - 20 : false
      }, { timeout: PATIENCE_MS })
      .toBe(true)
  })

  it('tidies a zone into a grid, and example notes keep out of the way of participants’ notes', async () => {
    await page.getByRole('button', { name: /^Zone: |Choose a zone/ }).click()
    await page.getByRole('region', { name: 'Zones of this board' }).getByRole('button', { name: 'Shared challenge' }).click()
    await page.getByRole('button', { name: 'Zone: Shared challenge' }).waitFor({ timeout: PATIENCE_MS })
    await page.getByRole('button', { name: 'Zone: Shared challenge' }).click()
    await page.getByRole('button', { name: 'Tidy this zone' }).click()
    await page.getByRole('status').filter({ hasText: '3 notes in “Shared challenge” arranged in a grid' }).waitFor({ timeout: PATIENCE_MS })
    const { notes } = await zoneAndNotes(page, 'shared-challenge')
    expect(overlapping(notes)).toEqual([])
    // One row, side by side from the zone's left, in the order they were in.
    expect(new Set(notes.map((n) => n.y)).size).toBe(1)
    expect(notes.map((n) => n.x).sort((a, b) => a - b)).toEqual([24, 240, 456])
    await page.keyboard.press('Escape')

    // Example notes, shown after participants have written, do not cover their notes.
    const { zone } = await zoneAndNotes(page, 'public-consulted')
    await createNotes(page, [{ id: 'early', x: zone.x + 24, y: zone.y + 150, text: 'Parents' }])
    await page.getByRole('button', { name: 'Show agenda' }).click()
    await page.getByRole('switch', { name: 'Show example notes' }).check()
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { coboardEditor: { getCurrentPageShapes(): Array<{ type: string; meta: { coboard?: { example?: boolean } } }> } }).coboardEditor.getCurrentPageShapes().filter((s) => s.meta.coboard?.example).length), { timeout: PATIENCE_MS })
      .toBeGreaterThan(0)
    for (const zoneId of ['public-consulted', 'private-co-producing', 'public-co-producing', 'shared-challenge', 'who-is-missing']) {
      expect(overlapping((await zoneAndNotes(page, zoneId)).notes), zoneId).toEqual([])
    }
    await saveScreenshot(page, 'notes-tidy')
    expect(errors).toEqual([])
  })
})
