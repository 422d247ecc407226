import fs from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { createNoteViaUi, noteCentre, waitForSynced, type OpenBoard } from './boardFixtures.ts'
import { axeViolations, foreignRequests, launchBrowser, saveScreenshot, type TestBrowser } from './browser.ts'
import { caretAfter, caretAtEnd, caretPath, clickUntilCaretIn, documentText, editorOf, OPENS_PAGES, openAt, openDocument, ownText, PAGE_LOAD, selectionHolds, typeText, undoStepClosed } from './documentFixtures.ts'
import { controlsOffScreen } from './onScreen.ts'

describe('the collective document, written together', () => {
  let server: TestServer
  let browser: TestBrowser
  let frida: OpenBoard
  let bo: OpenBoard
  let boardLinks: Record<'facilitator' | 'participant' | 'observer', string>

  beforeAll(async () => {
    server = await startTestServer()
    const board = await server.createBoard({ template: 'collective-author', title: 'Our account of the library project' })
    boardLinks = board.links as typeof boardLinks
    browser = await launchBrowser()
    frida = await openAt(browser.browser, board.links.facilitator, { id: 'fa', name: 'Frida', group: 'civil-servant-operational' }, { width: 1440, height: 900 })
    bo = await openAt(browser.browser, board.links.participant, { id: 'bo', name: 'Bo', group: 'citizen-service-user' }, { width: 1440, height: 900 })
    await Promise.all([waitForSynced(frida.page, PAGE_LOAD), waitForSynced(bo.page, PAGE_LOAD)])
    await Promise.all([openDocument(frida.page), openDocument(bo.page)])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('two people type in the same paragraph at once and both texts arrive intact on both screens', async () => {
    // Frida at the start of the paragraph, Bo at its end, at the same time.
    await editorOf(frida.page).click()
    await frida.page.getByRole('button', { name: 'Section heading' }).click()
    await expect.poll(() => caretPath(frida.page)).toContain('heading')
    await typeText(frida.page, 'What worked')
    await frida.page.keyboard.press('Enter')
    await typeText(frida.page, 'We met in the library.')
    await expect.poll(() => documentText(bo.page), { timeout: 5000 }).toContain('We met in the library.')
    await caretAfter(frida.page, 'We met in the library.')
    await frida.page.keyboard.press('Home')
    await caretAfter(bo.page, 'We met in the library.')
    await Promise.all([typeText(frida.page, 'Frida typed this sentence. '), typeText(bo.page, ' Bo typed that one.')])
    for (const page of [frida.page, bo.page]) {
      await expect.poll(() => documentText(page), { timeout: 5000 }).toContain('Frida typed this sentence.')
      await expect.poll(() => documentText(page), { timeout: 5000 }).toContain('Bo typed that one.')
    }
    expect(await documentText(frida.page)).toBe(await documentText(bo.page))
    // Undo takes back one's own typing only: a later burst of typing (Yjs joins changes closer
    // than 500 ms into one step) is taken back, the sentence before it stays.
    await undoStepClosed(bo.page)
    await typeText(bo.page, ' Oops')
    await expect.poll(() => documentText(frida.page), { timeout: 5000 }).toContain('Oops')
    await bo.page.keyboard.press('Control+z')
    await expect.poll(() => documentText(frida.page), { timeout: 5000 }).not.toContain('Oops')
    expect(await documentText(frida.page)).toContain('Frida typed this sentence.')
    expect(await documentText(frida.page)).toContain('Bo typed that one.')
    // Each writer's cursor is shown to the other, with their name.
    await expect.poll(() => bo.page.locator('.doc-cursor__label', { hasText: 'Frida' }).count(), { timeout: 5000 }).toBeGreaterThan(0)
  })

  it('a note from the board becomes a quote that links back to it', async () => {
    await createNoteViaUi(frida.page, 'Fewer e-mails', { x: 300, y: 300 })
    await frida.page.mouse.click((await noteCentre(frida.page, 'Fewer e-mails')).x, (await noteCentre(frida.page, 'Fewer e-mails')).y)
    await caretAfter(frida.page, 'Bo typed that one.')
    await frida.page.getByTestId('quote-note').click()
    const quote = bo.page.locator('.doc-note', { hasText: 'Fewer e-mails' })
    await quote.waitFor({ timeout: 5000 })
    await quote.getByRole('button', { name: 'Show on the board' }).click()
    await expect
      .poll(() => bo.page.evaluate(() => (window as unknown as { coboardEditor: { getSelectedShapes(): Array<{ type: string }> } }).coboardEditor.getSelectedShapes().map((s) => s.type)))
      .toEqual(['note'])
    // The note changes on the board: the quote says so and takes the new text when asked.
    await frida.page.evaluate(() => {
      const editor = (window as unknown as { coboardEditor: { getCurrentPageShapes(): Array<{ id: string; type: string; props: { richText?: unknown } }>; updateShape(partial: object): void } }).coboardEditor
      const note = editor.getCurrentPageShapes().find((shape) => shape.type === 'note' && JSON.stringify(shape.props.richText).includes('Fewer e-mails'))!
      editor.updateShape({ id: note.id, type: 'note', props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fewer e-mails, more calls' }] }] } } })
    })
    await quote.getByText('The note has changed on the board since it was quoted.', { exact: false }).waitFor({ timeout: 5000 })
    await quote.getByRole('button', { name: 'Use the current text' }).click()
    await frida.page.locator('.doc-note blockquote', { hasText: 'Fewer e-mails, more calls' }).waitFor({ timeout: 5000 })
  })

  it('a note dragged from the board onto the text becomes a quote, and stays where it was on the board', async () => {
    await createNoteViaUi(frida.page, 'A bus every hour', { x: 300, y: 560 })
    const positionOf = () =>
      frida.page.evaluate(() => {
        const editor = (window as unknown as { coboardEditor: { getCurrentPageShapes(): Array<{ type: string; x: number; y: number; props: { richText?: unknown } }> } }).coboardEditor
        const note = editor.getCurrentPageShapes().find((shape) => shape.type === 'note' && JSON.stringify(shape.props.richText).includes('A bus every hour'))
        return note ? { x: note.x, y: note.y } : undefined
      })
    const target = await editorOf(frida.page).locator('p').first().boundingBox()
    const translating = () =>
      frida.page
        .waitForFunction(() => (window as unknown as { coboardEditor: { isIn(path: string): boolean } }).coboardEditor.isIn('select.translating'), undefined, { timeout: 3000 })
        .then(
          () => true,
          () => false,
        )
    // A loaded machine sometimes loses the start of a drag: try again from where the note is then.
    let before: Awaited<ReturnType<typeof positionOf>>
    for (let attempt = 0; ; attempt++) {
      before = await positionOf()
      const from = await noteCentre(frida.page, 'A bus every hour')
      await frida.page.mouse.move(from.x, from.y)
      await frida.page.mouse.down()
      await frida.page.mouse.move(from.x + 10, from.y, { steps: 3 })
      await frida.page.mouse.move(from.x + 40, from.y, { steps: 4 })
      if (await translating()) break
      const state = await frida.page.evaluate(() => {
        const editor = (window as unknown as { coboardEditor: { getPath(): string; getSelectedShapeIds(): string[]; getEditingShapeId(): string | null } }).coboardEditor
        const el = document.elementFromPoint(0, 0)
        return { path: editor.getPath(), selected: editor.getSelectedShapeIds(), editing: editor.getEditingShapeId(), top: el?.className }
      })
      await frida.page.mouse.up()
      if (attempt === 2) throw new Error(`the board did not start moving the note: ${JSON.stringify({ state, from })}`)
    }
    try {
      await frida.page.mouse.move(target!.x + 40, target!.y + target!.height / 2, { steps: 12 })
      await frida.page.locator('.doc-pane--drop').waitFor({ timeout: 5000 })
    } finally {
      await frida.page.mouse.up()
    }
    await bo.page.locator('.doc-note', { hasText: 'A bus every hour' }).waitFor({ timeout: 5000 })
    await expect.poll(positionOf).toEqual(before)
    // The board marks the notes the document quotes.
    await expect.poll(() => bo.page.locator('.doc-quoted-badge').count(), { timeout: 5000 }).toBe(2)
    // Typing in the document is not taken for the board's shortcuts (n: note tool, Backspace: delete
    // the selected note) while the note is still selected on the board.
    await caretAfter(frida.page, 'We met in the library.')
    await frida.page.keyboard.type(' n')
    await frida.page.keyboard.press('Backspace')
    await frida.page.keyboard.press('Backspace')
    expect(await frida.page.evaluate(() => (window as unknown as { coboardEditor: { getCurrentToolId(): string } }).coboardEditor.getCurrentToolId())).toBe('select')
    expect(await positionOf()).toEqual(before)
  })

  it('comments on a selection: a thread others see, reply to and resolve', async () => {
    await caretAfter(bo.page, 'We met in the library.')
    await bo.page.keyboard.press('Shift+Home')
    await selectionHolds(bo.page, 'Frida typed this sentence. We met in the library.')
    await bo.page.getByTestId('comment-selection').click()
    await bo.page.getByTestId('new-comment').fill('Which library — the main one?')
    await bo.page.getByRole('button', { name: 'Add comment' }).click()
    const thread = frida.page.getByTestId('comment-thread')
    await thread.filter({ hasText: 'Which library — the main one?' }).waitFor({ timeout: 5000 })
    await thread.getByLabel('Your reply').fill('Yes, on Mølleparken.')
    await thread.getByRole('button', { name: 'Reply' }).click()
    await bo.page.getByTestId('comment-thread').filter({ hasText: 'Yes, on Mølleparken.' }).waitFor({ timeout: 5000 })
    await expect.poll(() => bo.page.locator('.doc-commented').count()).toBeGreaterThan(0)
    await bo.page.getByTestId('comment-thread').getByRole('button', { name: 'Resolve' }).click()
    await frida.page.getByText('1 resolved comment').waitFor({ timeout: 5000 })
  })

  it('a section the facilitator marks final cannot be changed by a participant, and the facilitator still can', async () => {
    const sectionId = await frida.page.locator('.doc-editor__content h2').first().getAttribute('data-section-id')
    expect(sectionId).toBeTruthy()
    await frida.page.getByTestId(`lock-${sectionId}`).click()
    await bo.page.locator('.doc-locked').first().waitFor({ timeout: 5000 })
    const before = await documentText(bo.page)
    await caretAfter(bo.page, 'We met in the library.')
    await bo.page.keyboard.type(' Sneaked in.')
    await bo.page.getByTestId('locked-notice').getByText('marked this section as final').waitFor({ timeout: 5000 })
    await expect.poll(() => documentText(bo.page), { timeout: 5000 }).toBe(before)
    expect(await ownText(bo.page)).not.toContain('Sneaked in')
    await caretAfter(frida.page, 'We met in the library.')
    await typeText(frida.page, ' Agreed in May.')
    await expect.poll(() => documentText(bo.page), { timeout: 5000 }).toContain('Agreed in May.')
    // Frida's change came after Bo's attempt: had the attempt gone out, it would have arrived first.
    expect(await documentText(frida.page)).not.toContain('Sneaked in')
    expect(await documentText(bo.page)).not.toContain('Sneaked in')
    // Bo was never cut off for trying.
    expect(await bo.page.locator('[data-testid="change-refused"], .banner--error').count()).toBe(0)
  })

  it('shows who wrote it and downloads the text as Markdown', async () => {
    await frida.page.getByTestId('authorship').getByText('Bo').first().waitFor({ timeout: 5000 })
    const [download] = await Promise.all([frida.page.waitForEvent('download'), frida.page.getByTestId('export-md').click()])
    const markdown = fs.readFileSync((await download.path())!, 'utf8')
    expect(markdown).toContain('## What worked')
    expect(markdown).toContain('Frida typed this sentence.')
    expect(markdown).toContain('Fewer e-mails')
    expect(markdown).toMatch(/Written by Bo and Frida/)
    // Word, with the comments as an appendix: a real .docx that opens (parsed here).
    await frida.page.getByLabel('Include comments').check()
    const [word] = await Promise.all([frida.page.waitForEvent('download'), frida.page.getByTestId('export-docx').click()])
    expect(word.suggestedFilename()).toBe('Our account of the library project.docx')
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync((await word.path())!)))['word/document.xml'])
    expect(xml).toContain('Frida typed this sentence.')
    expect(xml).toContain('Which library — the main one?')
  })

  it('writing while offline merges with what others wrote meanwhile', async () => {
    // A new, open section at the end (the first one is final now).
    await caretAtEnd(frida.page, 'We met in the library.')
    await frida.page.keyboard.press('Enter')
    await frida.page.getByRole('button', { name: 'Section heading' }).click()
    await expect.poll(() => caretPath(frida.page)).toContain('heading')
    await typeText(frida.page, 'What we would change')
    await frida.page.keyboard.press('Enter')
    await typeText(frida.page, 'Fewer meetings.')
    await expect.poll(() => documentText(bo.page), { timeout: 5000 }).toContain('Fewer meetings.')
    await bo.context.setOffline(true)
    await bo.page.locator('.connection-status[data-status="offline"]').waitFor({ timeout: 30_000 })
    await caretAfter(bo.page, 'Fewer meetings.')
    await typeText(bo.page, ' Written on the train.')
    await caretAfter(frida.page, 'Fewer meetings.')
    await typeText(frida.page, ' Written in the office.')
    expect(await documentText(frida.page)).not.toContain('on the train')
    await bo.context.setOffline(false)
    for (const page of [frida.page, bo.page]) {
      await expect.poll(() => documentText(page), { timeout: 15_000 }).toContain('Written on the train.')
      await expect.poll(() => documentText(page), { timeout: 15_000 }).toContain('Written in the office.')
    }
    expect(await documentText(bo.page)).toBe(await documentText(frida.page))
    expect(await bo.page.locator('.doc-editor__content h2').allInnerTexts()).toEqual(['What worked', 'What we would change'])
  })

  it('tables: one person makes a table, another writes in its cells', async () => {
    // At the end, in the open section (in the final one, only the facilitator could write in it).
    await caretAtEnd(frida.page, 'Written in the office.')
    await frida.page.getByRole('button', { name: 'Insert table' }).click()
    await expect.poll(() => caretPath(frida.page), { timeout: 5000 }).toContain('tableHeader')
    await typeText(frida.page, 'What')
    await frida.page.keyboard.press('Tab')
    await typeText(frida.page, 'Who')
    const header = bo.page.locator('.doc-editor__content table th', { hasText: 'Who' })
    await header.waitFor({ timeout: 10_000 })
    await clickUntilCaretIn(bo.page, bo.page.locator('.doc-editor__content table td').first(), 'tableCell')
    await typeText(bo.page, 'Timetable')
    await bo.page.keyboard.press('Tab')
    await typeText(bo.page, 'The council')
    await frida.page.locator('.doc-editor__content table td', { hasText: 'Timetable' }).waitFor({ timeout: 10_000 })
    await frida.page.locator('.doc-editor__content table td', { hasText: 'The council' }).waitFor({ timeout: 10_000 })
  })

  it('a frozen board holds the document too: a participant reads, told why, and writes again once it thaws', async () => {
    // Nothing selected on the board: tldraw's style panel for a selected note would cover the session chip.
    await frida.page.evaluate(() => {
      ;(window as unknown as { coboardEditor: { selectNone(): void } }).coboardEditor.selectNone()
    })
    await frida.page.getByRole('button', { name: 'Session', exact: true }).click()
    await frida.page.getByRole('button', { name: 'Freeze board' }).click()
    await bo.page.getByTestId('document-frozen').getByText('The facilitator has frozen the board.', { exact: false }).waitFor({ timeout: 10_000 })
    await expect.poll(() => editorOf(bo.page).getAttribute('contenteditable')).toBe('false')
    expect(await bo.page.getByRole('toolbar', { name: 'Text formatting' }).count()).toBe(0)
    expect(await bo.page.getByLabel('Your reply').count()).toBe(0)
    await saveScreenshot(bo.page, 'document/frozen-participant-1440x900')
    // The facilitator still writes.
    await caretAfter(frida.page, 'Written in the office.')
    await typeText(frida.page, ' Checked while frozen.')
    await expect.poll(() => documentText(bo.page), { timeout: 10_000 }).toContain('Checked while frozen.')
    await frida.page.getByRole('button', { name: 'Freeze board' }).click()
    await bo.page.getByTestId('document-frozen').waitFor({ state: 'detached', timeout: 10_000 })
    await expect.poll(() => editorOf(bo.page).getAttribute('contenteditable')).toBe('true')
    await caretAfter(bo.page, 'Checked while frozen.')
    await typeText(bo.page, ' Thawed.')
    await expect.poll(() => documentText(frida.page), { timeout: 10_000 }).toContain('Thawed.')
    await frida.page.getByRole('button', { name: 'Session', exact: true }).click()
  })

  it('a new document starts from the template’s sections, or a section for each zone of the board', async () => {
    const board = await server.createBoard({ template: 'collective-author', title: 'Second board' })
    const writer = await openAt(browser.browser, board.links.participant, { id: 'cz', name: 'Cai', group: 'researcher' }, { width: 1440, height: 900 })
    await waitForSynced(writer.page, PAGE_LOAD)
    await openDocument(writer.page)
    const template = writer.page.getByRole('button', { name: /^Start with the sections Our account, What worked, What we would change,? and Authorship$/ })
    const zones = writer.page.getByRole('button', { name: 'Start with a section for each zone of the board' })
    await template.waitFor({ timeout: 10_000 })
    // The template's outline comes first.
    expect(await writer.page.locator('.doc-pane__outlines button').first().innerText()).toContain('Our account')
    // The empty editor itself says where to write; a reader is told nothing is written yet.
    const empty = (page: typeof writer.page) => page.locator('.doc-editor .is-editor-empty').getAttribute('data-placeholder')
    await expect.poll(() => empty(writer.page)).toBe('Start writing here.')
    const reader = await openAt(browser.browser, board.links.observer, { id: 'ob', name: 'Oda', group: 'researcher' }, { width: 1440, height: 900 })
    await waitForSynced(reader.page, PAGE_LOAD)
    await openDocument(reader.page)
    await expect.poll(() => empty(reader.page), { timeout: 10_000 }).toBe('Nothing has been written in the document yet.')
    await reader.context.close()
    await saveScreenshot(writer.page, 'document/empty-document-1440x900')
    await template.click()
    await expect.poll(() => writer.page.locator('.doc-editor__content h2').allInnerTexts()).toEqual(['Our account', 'What worked', 'What we would change', 'Authorship'])
    expect(await zones.count()).toBe(0)
    // Emptied again, the zones' outline is still on offer.
    await editorOf(writer.page).click()
    await writer.page.keyboard.press('Control+a')
    await writer.page.keyboard.press('Delete')
    await zones.click()
    const headings = await writer.page.locator('.doc-editor__content h2').allInnerTexts()
    expect(headings).toContain('My account')
    expect(headings.length).toBeGreaterThan(3)
    await writer.context.close()
  }, OPENS_PAGES)

  it('on an anonymous board, the document shows groups, never names', async () => {
    const board = await server.createBoard({ template: 'collective-author', anonymous: true, title: 'Anonymous account' })
    const astrid = await openAt(browser.browser, board.links.participant, { id: 'an1', name: 'Astrid', group: 'citizen-service-user' }, { width: 1440, height: 900 })
    const bert = await openAt(browser.browser, board.links.participant, { id: 'an2', name: 'Bert', group: 'researcher' }, { width: 1440, height: 900 })
    await Promise.all([waitForSynced(astrid.page, PAGE_LOAD), waitForSynced(bert.page, PAGE_LOAD)])
    await Promise.all([openDocument(astrid.page), openDocument(bert.page)])
    await editorOf(astrid.page).click()
    await typeText(astrid.page, 'The waiting list was the real problem.')
    await astrid.page.keyboard.press('Shift+Home')
    await selectionHolds(astrid.page, 'The waiting list was the real problem.')
    // By keyboard: the shortcut opens the comment box on the selection.
    await astrid.page.keyboard.press('Control+Alt+m')
    await astrid.page.getByTestId('new-comment').fill('Say how long it was.')
    await astrid.page.getByRole('button', { name: 'Add comment' }).click()
    const thread = bert.page.getByTestId('comment-thread').filter({ hasText: 'Say how long it was.' })
    await thread.waitFor({ timeout: 5000 })
    await expect.poll(() => thread.innerText()).toMatch(/Citizen/)
    await bert.page.getByTestId('authorship').getByText(/Citizen/).first().waitFor({ timeout: 5000 })
    const pane = await bert.page.getByTestId('document-pane').innerText()
    expect(pane).not.toContain('Astrid')
    await astrid.context.close()
    await bert.context.close()
  }, OPENS_PAGES)

  it('reads well and works by keyboard at phone, laptop and large-screen sizes', async () => {
    await saveScreenshot(frida.page, 'document/document-1440x900')
    const serious = (await axeViolations(frida.page)).filter((v) => (v.impact === 'serious' || v.impact === 'critical') && v.targets.some((t) => t.includes('doc-')))
    expect(serious).toEqual([])
    for (const [viewport, name, touch] of [
      [{ width: 390, height: 844 }, '390x844', true],
      [{ width: 1920, height: 1080 }, '1920x1080', false],
    ] as const) {
      // On the large screen, an observer: reads, cannot write.
      const link = name === '1920x1080' ? boardLinks.observer : boardLinks.participant
      const reader = await openAt(browser.browser, link, { id: `p${name}`, name: 'Astrid', group: 'researcher' }, viewport, touch)
      await waitForSynced(reader.page, PAGE_LOAD)
      await openDocument(reader.page)
      await expect.poll(() => documentText(reader.page), { timeout: 5000 }).toContain('Agreed in May.')
      await saveScreenshot(reader.page, `document/document-${name}`)
      if (link === boardLinks.observer) {
        await reader.page.getByText('You can read the document.').waitFor()
        expect(await editorOf(reader.page).getAttribute('contenteditable')).toBe('false')
      }
      expect(await controlsOffScreen(reader.page)).toEqual([])
      const violations = (await axeViolations(reader.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(violations.filter((v) => v.targets.some((t) => t.includes('doc-')))).toEqual([])
      if (touch) {
        // Back on the board: the document's button is among the board's controls, all on screen.
        await reader.page.getByRole('button', { name: 'Close the document' }).click()
        await saveScreenshot(reader.page, `document/board-with-document-button-${name}`)
        expect(await controlsOffScreen(reader.page)).toEqual([])
        await openDocument(reader.page)
        const small = await reader.page.evaluate(() =>
          [...document.querySelectorAll('.doc-pane button')]
            .map((b) => b.getBoundingClientRect())
            .filter((r) => r.width > 1 && (r.width < 44 || r.height < 44)).length,
        )
        expect(small).toBe(0)
      }
      expect(foreignRequests(reader.requests, new URL(boardLinks.participant).origin)).toEqual([])
      expect(reader.errors).toEqual([])
      await reader.context.close()
    }
    expect(frida.errors).toEqual([])
    expect(bo.errors.filter((e) => !/WebSocket|ERR_INTERNET_DISCONNECTED|net::/.test(e))).toEqual([])
  }, OPENS_PAGES)
})
