import { createTLSchema } from '@tldraw/tlschema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSchema } from '../../shared/tldrawYjs/recordsDoc.ts'
import * as Y from 'yjs'
import { SqliteDocStore } from '../../server/store/SqliteDocStore.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { openBoard, shapeCount, waitForSynced } from './boardFixtures.ts'
import { launchBrowser, PATIENCE_MS, type TestBrowser } from './browser.ts'

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

    // A newer coboard saved the board (say the server was upgraded, then rolled back) while Pia
    // had it open: no client may write such a schema any more (the server refuses it), so the
    // newer board is written straight into the store while the server is down.
    const port = server.port
    await server.close()
    const store = new SqliteDocStore({ dataDir: server.dataDir, synchronous: 'normal' })
    const stored = await store.loadDoc(board.id)
    const doc = new Y.Doc()
    Y.applyUpdateV2(doc, stored.snapshot!)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    const before = Y.encodeStateVector(doc)
    const schema = createTLSchema().serialize()
    const [sequence, version] = Object.entries(schema.sequences)[0]
    writeSchema(doc, { ...schema, sequences: { ...schema.sequences, [sequence]: version + 1 } })
    await store.appendUpdate(board.id, Y.encodeStateAsUpdate(doc, before))
    await store.close()
    server = await startTestServer({ dataDir: server.dataDir, env: { PORT: String(port) } })

    await pia.page.getByTestId('binding-stopped').getByText('saved by a newer version of coboard').waitFor({ timeout: PATIENCE_MS })
    await pia.page.getByRole('button', { name: 'Reload the page' }).waitFor()
    // The editor turned read-only: the note tool does nothing.
    const shapesBefore = await shapeCount(pia.page)
    await pia.page.locator('.tl-canvas').click({ position: { x: 600, y: 400 } })
    await pia.page.keyboard.press('n')
    await pia.page.mouse.click(600, 400)
    expect(await shapeCount(pia.page)).toBe(shapesBefore)
  })
})
