import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { openBoard, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import { foreignRequests, launchBrowser, PATIENCE_MS, type TestBrowser } from './browser.ts'

/** Drops a PNG of the given size (noise, so it does not compress) onto the canvas, as a user would. */
function dropNoisePng(page: Page, side: number) {
  return page.evaluate(async (size) => {
    const canvas = document.createElement('canvas')
    canvas.width = size
    canvas.height = size
    const context = canvas.getContext('2d')!
    const pixels = context.createImageData(size, size)
    for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256)
    context.putImageData(pixels, 0, 0)
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'))
    const file = new File([blob], 'photo.png', { type: 'image/png' })
    const editor = (window as unknown as { coboardEditor: { putExternalContent(c: object): Promise<void>; getViewportPageBounds(): { center: object } } }).coboardEditor
    await editor.putExternalContent({ type: 'files', files: [file], point: editor.getViewportPageBounds().center })
    return blob.size
  }, side)
}

function imageAssetSources(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const editor = (window as unknown as { coboardEditor: { getAssets(): Array<{ type: string; props: { src: string | null } }> } }).coboardEditor
    return editor.getAssets().filter((asset) => asset.type === 'image').map((asset) => asset.props.src ?? '')
  })
}

describe('adding an image', () => {
  let server: TestServer
  let browser: TestBrowser
  let anna: OpenBoard
  let origin: string

  beforeAll(async () => {
    server = await startTestServer({ env: { MAX_UPLOAD_BYTES: String(64 * 1024) } })
    const board = await server.createBoard({ template: 'blank', title: 'Photos from the site visit' })
    origin = new URL(board.links.participant).origin
    browser = await launchBrowser()
    anna = await openBoard(browser.browser, board.links.participant, { id: 'anna', name: 'Anna', group: 'researcher' })
    await waitForSynced(anna.page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('uploads it to the server and stores only a link to it in the board', async () => {
    const bytes = await dropNoisePng(anna.page, 64)
    expect(bytes).toBeLessThan(64 * 1024)
    const [src] = await anna.page
      .waitForFunction(
        () => {
          const editor = (window as unknown as { coboardEditor: { getAssets(): Array<{ type: string; props: { src: string | null } }> } }).coboardEditor
          const sources = editor.getAssets().filter((a) => a.type === 'image').map((a) => a.props.src ?? '')
          return sources.length > 0 && sources.every((s) => s.startsWith('/api/')) ? sources : false
        },
        undefined,
        { timeout: PATIENCE_MS },
      )
      .then((handle) => handle.jsonValue() as Promise<string[]>)
    expect(src).toMatch(/^\/api\/boards\/[^/]+\/assets\/[^/]+$/)
    const response = await fetch(origin + src)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect((await response.arrayBuffer()).byteLength).toBe(bytes)
    await anna.page.locator('.tl-image').first().waitFor({ timeout: PATIENCE_MS })
  })

  it('refuses an image over the size limit with a clear message, and stores nothing', async () => {
    const before = await imageAssetSources(anna.page)
    const bytes = await dropNoisePng(anna.page, 400)
    expect(bytes).toBeGreaterThan(64 * 1024)
    await anna.page.locator('.tlui-toast__title', { hasText: 'File size is too big' }).waitFor({ timeout: PATIENCE_MS })
    expect(await imageAssetSources(anna.page)).toEqual(before)
  })

  it('made no request to any host but the server', () => {
    expect(foreignRequests(anna.requests, origin)).toEqual([])
  })
})
