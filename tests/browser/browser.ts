import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

/** Debian's Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * How long a browser test waits for something that will happen (a sync, a render, a panel): long.
 * On a loaded two-core machine a page can stall for seconds; a short wait only makes the test
 * flaky, never faster, because every wait returns as soon as its condition holds. How fast things
 * happen is measured by `npm run bench:client`, not asserted here.
 */
export const PATIENCE_MS = 30_000

/** Where browser tests leave screenshots (git-ignored). */
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../test-artifacts')

/** A headless Chromium; each `newContext()` is a fresh, isolated profile. */
export interface TestBrowser {
  browser: Browser
  close(): Promise<void>
}

/**
 * Launches headless Chromium with the flags that keep it from calling Google's services.
 * playwright's `launch` always starts from a new temporary user-data dir of its own (and refuses
 * `--user-data-dir`), and every context we open is a fresh incognito-like profile.
 */
export async function launchBrowser(options: { extraArgs?: string[] } = {}): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
  })
  return { browser, close: () => browser.close() }
}

/** Every URL the pages of a context requested, to check that none left the test server. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = []
  context.on('request', (request) => urls.push(request.url()))
  return urls
}

/** The requested URLs whose host is not the test server's (data: and blob: URLs are local). */
export function foreignRequests(urls: readonly string[], serverUrl: string): string[] {
  const host = new URL(serverUrl).host
  return urls.filter((url) => {
    const parsed = new URL(url)
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false
    return parsed.host !== host
  })
}

/** Collects console errors and uncaught page errors, to fail tests that leave them behind. */
export function recordPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  return errors
}

/** Saves a screenshot under test-artifacts/ (`name` may hold a folder: 'session/presenter-1920x1080'). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const file = path.join(ARTIFACTS_DIR, `${name}.png`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  await page.screenshot({ path: file })
}

/** Presets the remembered identity so a test can skip the join form. */
export async function rememberIdentity(
  context: BrowserContext,
  identity: { id: string; name: string; group: string },
): Promise<void> {
  await context.addInitScript((value) => {
    // A tab opened with rel="noopener" starts as about:blank, whose opaque origin has no storage.
    if (window.location.protocol === 'about:') return
    if (!window.localStorage.getItem('coboard:identity')) {
      window.localStorage.setItem('coboard:identity', value)
    }
  }, JSON.stringify(identity))
}

/** One axe-core rule violation, trimmed to what a failing test should print. */
export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

const AXE_SOURCE_PATH = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js')

/**
 * Runs axe-core on the page and returns its violations. axe is evaluated through the DevTools
 * protocol, which the page's Content-Security-Policy does not govern, so the page keeps its
 * production CSP (an injected <script> tag would be refused).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = fs.readFileSync(AXE_SOURCE_PATH, 'utf8')
  await page.evaluate(source)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }))
  })
}
