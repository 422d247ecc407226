import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { findZoneFrames } from '../../shared/templates/zoneMembership.ts'
import { readRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import { addNote } from '../helpers/boardContent.ts'
import { connectClient, type SyncClient } from '../helpers/clients.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { waitForCanvas, waitForSynced } from './boardFixtures.ts'
import { axeViolations, foreignRequests, launchBrowser, PATIENCE_MS, recordPageErrors, recordRequests, rememberIdentity, type TestBrowser } from './browser.ts'

// What the report tests (exports, outcomes, versions) share.

/** Axe violations that fail a test: serious and critical ones. */
export const serious = (violations: Awaited<ReturnType<typeof axeViolations>>) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')

/** Opens a link in a fresh context (downloads on; a phone with touch when asked), past the join form. */
export async function openAs(browser: Browser, link: string, viewport: { width: number; height: number }, phone = false) {
  const context = await browser.newContext({ viewport, locale: 'en-GB', acceptDownloads: true, ...(phone ? { hasTouch: true, isMobile: true } : {}) })
  const requests = recordRequests(context)
  await rememberIdentity(context, { id: `id-${viewport.width}`, name: 'Frida Holm', group: 'civil-servant-operational' })
  const page = await context.newPage()
  const errors = recordPageErrors(page)
  await page.goto(link)
  return { context, page, requests, errors }
}

/** Clicks an export button of the Report menu and returns the downloaded file's name and bytes. */
export async function download(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: PATIENCE_MS }),
    page.locator(`.report-popover button[data-format="${format}"]`).click(),
  ])
  const filePath = await file.path()
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(filePath) }
}

/**
 * Writes a note into a zone as a participant's client would: at (dx, dy) from the zone's corner,
 * above every shape so far (as notes written on the board are), with a group and a name.
 */
export function writeNoteInZone(doc: Y.Doc, zone: string, key: string, text: string, at: { dx: number; dy: number }, meta: Record<string, string>): void {
  const records = readRecords(doc)
  const bounds = findZoneFrames(records).find((f) => f.zoneId === zone)!.bounds
  const top = records.flatMap((r) => (r.typeName === 'shape' ? [r.index] : [])).sort().at(-1) as IndexKey
  addNote(doc, key, text, { x: bounds.x + at.dx, y: bounds.y + at.dy, index: getIndexAbove(top), meta })
}

/** Opens the board's side panel (agenda, rules, history) unless it is open already. */
export async function openBoardPanel(page: Page): Promise<void> {
  const toggle = page.locator('.board-template__toggle')
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
}

/** A board of the report tests: the server, a writing client, a browser, and the facilitator's page. */
export interface ReportSession {
  server: TestServer
  board: Awaited<ReturnType<TestServer['createBoard']>>
  writer: SyncClient
  browser: TestBrowser
  facilitator: Awaited<ReturnType<typeof openAs>>
  /** Other pages' errors and requests, checked with the facilitator's at the end. */
  pageErrors: string[]
  requests: string[]
  /** Keeps what a page recorded for the final check, then closes its context. */
  retire(opened: Awaited<ReturnType<typeof openAs>>): Promise<void>
}

/**
 * A stakeholder-map board for the whole `describe`: `seed` writes its content through a client
 * with `writerRole`'s link before the facilitator's page opens (1440×900); everything is closed
 * after, and a last test checks that no page called another host or left an error.
 */
export function useReportSession(options: { writerRole: 'participant' | 'facilitator'; seed: (session: ReportSession) => Promise<void> }): ReportSession {
  const session = { pageErrors: [] as string[], requests: [] as string[] } as ReportSession
  session.retire = async (opened) => {
    session.pageErrors.push(...opened.errors)
    session.requests.push(...opened.requests)
    await opened.context.close()
  }
  beforeAll(async () => {
    session.server = await startTestServer()
    session.board = await session.server.createBoard({ template: 'stakeholder-map', locale: 'en', title: 'Loneliness in Aarhus' })
    session.writer = await connectClient(session.server.wsUrl, session.board.id, session.board.tokens[options.writerRole])
    await options.seed(session)
    session.browser = await launchBrowser()
    session.facilitator = await openAs(session.browser.browser, session.board.links.facilitator, { width: 1440, height: 900 })
    await waitForCanvas(session.facilitator.page)
    await waitForSynced(session.facilitator.page)
  })
  afterAll(async () => {
    session.writer?.destroy()
    await session.browser?.close()
    await session.server?.close()
  })
  return session
}

/** The last test of a report session: no request left the server's origin, no page left an error. */
export function itLeftNoForeignRequestsOrErrors(session: ReportSession): void {
  it('made no request to any host but the server and left no page errors', () => {
    const origin = new URL(session.board.links.facilitator).origin
    expect(foreignRequests([...session.facilitator.requests, ...session.requests], origin)).toEqual([])
    expect([...session.facilitator.errors, ...session.pageErrors]).toEqual([])
  })
}
