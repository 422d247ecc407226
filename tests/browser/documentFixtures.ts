import { expect } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { waitForCanvas, type OpenBoard } from './boardFixtures.ts'
import { recordPageErrors, recordRequests, rememberIdentity } from './browser.ts'

/*
 * Helpers of the collective document's browser test: opening boards, and putting the caret and
 * typing while waiting on what the editor itself (ProseMirror's state, through TipTap's
 * `element.editor`) says, never on time.
 */

// Tests that open boards in new browser windows: each window builds a board and a document, which
// takes a while on a loaded two-core machine (a page has been seen to need over 30 s there).
export const OPENS_PAGES = 180_000
export const PAGE_LOAD = 90_000

/** Opens a board link in a fresh browser context of this size (touch: a phone), past the join form. */
export async function openAt(browser: Browser, link: string, identity: { id: string; name: string; group: string }, viewport: { width: number; height: number }, touch = false): Promise<OpenBoard> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', hasTouch: touch, isMobile: touch, acceptDownloads: true })
  const requests = recordRequests(context)
  await rememberIdentity(context, identity)
  const page = await context.newPage()
  const errors = recordPageErrors(page)
  // The console says only "Failed to load resource": name what failed.
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`response ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`)
  })
  await page.goto(link)
  await waitForCanvas(page, PAGE_LOAD)
  return { context, page, requests, errors }
}

/** The document's editor on a page. */
export const editorOf = (page: Page) => page.getByTestId('document-editor')
/** The document's text as the reader sees it, without others' cursor name tags. */
export const documentText = (page: Page) =>
  editorOf(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.doc-cursor, .ProseMirror-separator, .ProseMirror-trailingBreak').forEach((node) => node.remove())
    return [...copy.children].map((block) => (block.textContent ?? '').trim()).join('\n')
  })

/** Opens the document beside the board and waits until its editor is ready. */
export async function openDocument(page: Page): Promise<void> {
  await page.getByTestId('document-toggle').click()
  await editorOf(page).waitFor()
  await page.locator('.doc-editor__content[contenteditable]').first().waitFor()
}

/** What the writer's own editor holds (ProseMirror's document, so what it sends to the others). */
export const ownText = (page: Page) =>
  editorOf(page).evaluate((root) => {
    const { state } = (root as unknown as { editor: { state: { doc: { content: { size: number }; textBetween(from: number, to: number, separator: string): string } } } }).editor
    return state.doc.textBetween(0, state.doc.content.size, '\n')
  })

/** The nodes around the caret as the editor itself has it, innermost first ('paragraph', 'tableCell', 'table', 'doc'). */
export const caretPath = (page: Page) =>
  editorOf(page).evaluate((root) => {
    const { $from } = (root as unknown as { editor: { state: { selection: { $from: { depth: number; node(depth: number): { type: { name: string } } } } } } }).editor.state.selection
    return Array.from({ length: $from.depth + 1 }, (_, i) => $from.node($from.depth - i).type.name)
  })

/** Types at the caret and waits until the writer's own editor holds it (only then can others see it). */
export async function typeText(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text)
  await expect.poll(() => ownText(page), { timeout: 10_000 }).toContain(text.trim())
}

/** Clicks into a node of the document until the editor has its caret there (a click can land while others' changes redraw it). */
export async function clickUntilCaretIn(page: Page, target: ReturnType<Page['locator']>, node: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await target.click()
    try {
      await expect.poll(() => caretPath(page), { timeout: 5000 }).toContain(node)
      return
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

/** Waits until the page's selection holds `text` (a keyboard selection is the browser's first). */
export async function selectionHolds(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? ''), { timeout: 5000 }).toContain(text)
}

/**
 * Puts the caret at the very end of the document (in its last block, the empty paragraph the
 * editor keeps after a table or a quote). The caret first goes into a known paragraph: a click
 * on the middle of the editor may land on a quoted note, where Ctrl+End does not move the caret.
 */
export async function caretAtEnd(page: Page, knownText: string): Promise<void> {
  await caretAfter(page, knownText)
  await page.keyboard.press('Control+End')
  await expect
    .poll(
      () =>
        editorOf(page).evaluate((root) => {
          const { state } = (root as unknown as { editor: { state: { doc: { content: { size: number } }; selection: { $from: { depth: number; after(depth: number): number } } } } }).editor
          const { $from } = state.selection
          return $from.depth > 0 && $from.after(1) === state.doc.content.size
        }),
      { timeout: 5000 },
    )
    .toBe(true)
}

/** Puts the caret at the end of the block holding `text`. */
export async function caretAfter(page: Page, text: string): Promise<void> {
  // Others' cursor name tags sit inside the text, so the block is found by its text without them.
  const index = await editorOf(page).evaluate((root, wanted) => {
    return [...root.children].findIndex((block) => {
      const copy = block.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.doc-cursor').forEach((node) => node.remove())
      return (copy.textContent ?? '').includes(wanted)
    })
  }, text)
  if (index < 0) throw new Error(`no block with "${text}"`)
  const block = editorOf(page).locator(':scope > *').nth(index)
  const box = (await block.boundingBox())!
  await block.click({ position: { x: box.width - 4, y: box.height - 6 } })
  await page.keyboard.press('End')
  // The editor itself has the caret there (not just the page), at the end of that block.
  await expect
    .poll(
      () =>
        editorOf(page).evaluate((root) => {
          const { $from } = (root as unknown as { editor: { state: { selection: { $from: { parentOffset: number; parent: { textContent: string; content: { size: number } } } } } } }).editor.state.selection
          return $from.parentOffset === $from.parent.content.size ? $from.parent.textContent : ''
        }),
      { timeout: 5000 },
    )
    .toContain(text)
}

/**
 * Waits until the writer's last change stands as a step of its own for undo: Yjs joins changes
 * less than its capture time (500 ms) apart into one step, as people expect of a typing burst.
 */
export async function undoStepClosed(page: Page): Promise<void> {
  await editorOf(page).evaluate(async (root) => {
    type UndoState = { undoManager: { lastChange: number; captureTimeout: number } }
    const { state } = (root as unknown as { editor: { state: { plugins: Array<{ key: string; getState(state: unknown): UndoState | undefined }> } } }).editor
    const undo = state.plugins.find((plugin) => plugin.key === 'y-undo$')?.getState(state)?.undoManager
    if (!undo) throw new Error('no undo manager')
    while (Date.now() - undo.lastChange <= undo.captureTimeout) await new Promise((resolve) => setTimeout(resolve, 50))
  })
}
