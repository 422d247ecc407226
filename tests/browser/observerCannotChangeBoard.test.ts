import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import {
  createNoteViaUi,
  noteCentre,
  openBoard,
  shapeCount,
  waitForNoteOnScreen,
  waitForSynced,
  type OpenBoard,
} from './boardFixtures.ts'
import { foreignRequests, launchBrowser, saveScreenshot, type TestBrowser } from './browser.ts'

function notePosition(board: OpenBoard) {
  return board.page.evaluate(() => {
    const editor = (window as unknown as { coboardEditor: { getCurrentPageShapes(): Array<{ type: string; x: number; y: number }> } }).coboardEditor
    const note = editor.getCurrentPageShapes().find((shape) => shape.type === 'note')
    return note ? { x: note.x, y: note.y } : undefined
  })
}

describe('an observer', () => {
  let server: TestServer
  let browser: TestBrowser
  let facilitator: OpenBoard
  let observer: OpenBoard
  let origin: string

  beforeAll(async () => {
    server = await startTestServer()
    const board = await server.createBoard({ template: 'blank', title: 'Council briefing' })
    origin = new URL(board.links.facilitator).origin
    browser = await launchBrowser()
    facilitator = await openBoard(browser.browser, board.links.facilitator, { id: 'fa', name: 'Frida', group: 'civil-servant-operational' })
    observer = await openBoard(browser.browser, board.links.observer, { id: 'ob', name: 'Olof', group: 'elected-politician' })
    await Promise.all([waitForSynced(facilitator.page), waitForSynced(observer.page)])
  })

  afterAll(async () => {
    if (observer) await saveScreenshot(observer.page, 'observer')
    await browser?.close()
    await server?.close()
  })

  it('sees changes live and is told the board is view only', async () => {
    await createNoteViaUi(facilitator.page, 'Budget 2027', { x: 450, y: 300 })
    await waitForNoteOnScreen(observer.page, 'Budget 2027', 2000)
    await observer.page.getByText('View only').waitFor()
  })

  it('cannot create a shape', async () => {
    const before = await shapeCount(observer.page)
    await observer.page.locator('.tl-canvas').click({ position: { x: 700, y: 500 } })
    await observer.page.keyboard.press('n')
    await observer.page.mouse.click(750, 550)
    await observer.page.keyboard.type('sneaky')
    await observer.page.keyboard.press('Escape')
    expect(await shapeCount(observer.page)).toBe(before)
    expect(await shapeCount(facilitator.page)).toBe(before)
  })

  it('cannot move a shape', async () => {
    const before = await notePosition(facilitator)
    const centre = await noteCentre(observer.page, 'Budget 2027')
    await observer.page.mouse.move(centre.x, centre.y)
    await observer.page.mouse.down()
    for (let step = 1; step <= 10; step++) await observer.page.mouse.move(centre.x + step * 20, centre.y + step * 15)
    await observer.page.mouse.up()
    expect(await notePosition(observer)).toEqual(before)
    expect(await notePosition(facilitator)).toEqual(before)
  })

  it('made no request to any host but the server and left no page errors', () => {
    expect(foreignRequests([...facilitator.requests, ...observer.requests], origin)).toEqual([])
    expect([...facilitator.errors, ...observer.errors]).toEqual([])
  })
})
