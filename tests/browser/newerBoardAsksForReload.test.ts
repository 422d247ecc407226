import { createTLSchema } from '@tldraw/tlschema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSchema } from '../../shared/tldrawYjs/recordsDoc.ts'
import { connectClient } from '../helpers/clients.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { openBoard, shapeCount, waitForSynced } from './boardFixtures.ts'
import { launchBrowser, type TestBrowser } from './browser.ts'

describe('a board saved by a newer coboard', () => {
  let server: TestServer
  let browser: TestBrowser

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('asks the user to reload instead of writing old records into it', async () => {
    const board = await server.createBoard({ template: 'blank', title: 'Future' })
    const pia = await openBoard(browser.browser, board.links.participant, { id: 'pia', name: 'Pia', group: 'other' })
    await waitForSynced(pia.page)

    // A newer client migrates the board while Pia has it open.
    const newer = await connectClient(server.wsUrl, board.id, board.tokens.facilitator, {
      origin: new URL(board.links.facilitator).origin,
    })
    const schema = createTLSchema().serialize()
    const [sequence, version] = Object.entries(schema.sequences)[0]
    writeSchema(newer.doc, { ...schema, sequences: { ...schema.sequences, [sequence]: version + 1 } })

    await pia.page.getByTestId('binding-stopped').getByText('saved by a newer version of coboard').waitFor({ timeout: 5000 })
    await pia.page.getByRole('button', { name: 'Reload the page' }).waitFor()
    // The editor turned read-only: the note tool does nothing.
    const before = await shapeCount(pia.page)
    await pia.page.locator('.tl-canvas').click({ position: { x: 600, y: 400 } })
    await pia.page.keyboard.press('n')
    await pia.page.mouse.click(600, 400)
    expect(await shapeCount(pia.page)).toBe(before)
    newer.destroy()
  })
})
