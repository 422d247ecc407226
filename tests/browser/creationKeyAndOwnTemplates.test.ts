import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CREATE_KEY_HEADER } from '../../shared/api/boards.ts'
import { validTemplateJson } from '../../shared/templates/testFixtures.ts'
import { MESSAGES } from '../../client/src/i18n/messages.ts'
import { TEMPLATE_MESSAGES } from '../../client/src/templates/templateMessages.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { openBoard, waitForSynced } from './boardFixtures.ts'
import { axeViolations, foreignRequests, launchBrowser, recordPageErrors, recordRequests, saveScreenshot, type TestBrowser } from './browser.ts'

const KEY = 'town-hall-workshops-2027-Kx9'
const en = MESSAGES.en
const t = TEMPLATE_MESSAGES.en

describe('a server that restricts board creation, and the facilitator’s own templates', () => {
  let server: TestServer
  let browser: TestBrowser
  let origin: string

  beforeAll(async () => {
    server = await startTestServer({ env: { CREATE_BOARDS: 'key', CREATE_BOARDS_KEY: KEY } })
    browser = await launchBrowser()
    // Links carry the server's public origin; the page must run there (Origin checks, localStorage).
    const probe = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [CREATE_KEY_HEADER]: KEY },
      body: JSON.stringify({ template: 'blank' }),
    })
    origin = new URL((await probe.json()).links.facilitator).origin
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('the lobby asks for the creation key once, says when it is wrong, and remembers the right one', async () => {
    const context = await browser.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    const requests = recordRequests(context)
    const page = await context.newPage()
    const errors = recordPageErrors(page)
    await page.goto(`${origin}/`)
    const key = page.getByLabel(en.creationKeyLabel)
    await key.waitFor()
    expect(await key.getAttribute('type')).toBe('password')
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('button', { name: en.createBoard }).click()
    await page.getByRole('alert').filter({ hasText: en.creationKeyMissing }).waitFor()
    await key.fill('not-the-key-at-all')
    await page.getByRole('button', { name: en.createBoard }).click()
    await page.getByRole('alert').filter({ hasText: en.creationKeyWrong }).waitFor()
    await saveScreenshot(page, 'lobby-creation-key-wrong')

    await key.fill(KEY)
    await page.getByLabel('Name of the board').fill('Harbour district')
    await page.getByRole('button', { name: en.createBoard }).click()
    await page.getByRole('heading', { name: en.linksTitle('Harbour district') }).waitFor()

    // Next time the key is there already: nothing to type.
    await page.goto(`${origin}/`)
    await page.getByLabel(en.creationKeyLabel).waitFor()
    expect(await page.getByLabel(en.creationKeyLabel).inputValue()).toBe(KEY)
    await page.getByRole('button', { name: en.createBoard }).click()
    await page.getByRole('heading', { name: en.linksTitle(en.untitledBoard) }).waitFor()
    expect(foreignRequests(requests, origin)).toEqual([])
    // The two refusals (401, 403) are logged by Chromium as failed requests; nothing else.
    expect(errors.filter((e) => !/status of 40[13]/.test(e))).toEqual([])
    await context.close()
  })

  it('the facilitator imports a template, sees it among the board’s own, and deletes it', async () => {
    const created = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [CREATE_KEY_HEADER]: KEY },
      body: JSON.stringify({ template: 'blank', title: 'Template workshop' }),
    })
    const board = (await created.json()) as { id: string; links: { facilitator: string } }
    const facilitator = await openBoard(browser.browser, board.links.facilitator, {
      id: 'f-own',
      name: 'Frida',
      group: 'researcher',
    })
    const page = facilitator.page
    await waitForSynced(page, 30_000)
    await page.getByRole('button', { name: t.panelToggleOpen }).click()
    const own = page.getByRole('region', { name: t.ownTemplatesHeading })
    await own.getByText(t.ownTemplatesEmpty).waitFor()

    await page.getByLabel(t.importTemplate).setInputFiles({
      name: 'our-harbour.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...validTemplateJson(), id: 'our-harbour' })),
    })
    await page.getByRole('status').filter({ hasText: t.imported('our-harbour') }).waitFor()
    const remove = own.getByRole('button', { name: t.deleteTemplate('Test board') })
    await remove.waitFor()
    await remove.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'templates/own-templates')
    const ids = async () => ((await (await fetch(`${server.url}/api/templates`)).json()).templates as Array<{ id: string }>).map((e) => e.id)
    expect(await ids()).toContain('our-harbour')

    page.once('dialog', (dialog) => void dialog.accept())
    await remove.click()
    await page.getByRole('status').filter({ hasText: t.deletedTemplate('Test board') }).waitFor()
    await own.getByText(t.ownTemplatesEmpty).waitFor()
    expect(await ids()).not.toContain('our-harbour')
    expect(facilitator.errors).toEqual([])
    await facilitator.context.close()
  })
})
