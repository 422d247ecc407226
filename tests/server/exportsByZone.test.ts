import Database from 'better-sqlite3'
import { unzipSync, strFromU8 } from 'fflate'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../shared/closeCodes.ts'
import type { StakeholderGroup } from '../../shared/stakeholderGroups.ts'
import { findZoneFrames } from '../../shared/templates/zoneMembership.ts'
import { readRecords, writeSchema } from '../../shared/tldrawYjs/recordsDoc.ts'
import { noteV8, noteV8Schema, writeRaw } from '../../shared/tldrawYjs/testing.ts'
import { addNote } from '../helpers/boardContent.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { joinAsVoter } from '../helpers/voters.ts'
import { waitFor } from '../helpers/wait.ts'

/** Puts a note in the middle of a zone, as a participant of a group would. */
function noteInZone(doc: Y.Doc, zoneId: string, key: string, text: string, meta: Record<string, string>) {
  const frame = findZoneFrames(readRecords(doc)).find((f) => f.zoneId === zoneId)!
  addNote(doc, key, text, { x: frame.bounds.x + frame.bounds.w / 2 - 100, y: frame.bounds.y + frame.bounds.h / 2 - 100, meta })
}

/** Parses RFC 4180 CSV (quoted cells) into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\r') continue
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '')
    else cell += c
  }
  return rows
}

/** The paragraphs of a Word file's body under each Heading 1 (tables' cells included), by heading. */
function docxSections(xml: string): Map<string, string[]> {
  const sections = new Map<string, string[]>()
  let current: string[] = []
  for (const [paragraph] of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const text = [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
    if (/<w:pStyle w:val="Heading1"\/>/.test(paragraph)) sections.set(text, (current = []))
    else current.push(text)
  }
  return sections
}

/** Words of a Word file's body, for "nothing of this anywhere" checks. */
const docxText = (bytes: ArrayBuffer) => strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']).replace(/<[^>]+>/g, ' ')

describe('exports by zone', () => {
  const t = useTestServer()

  const get = (path: string, token: string) => fetch(`${t.server.url}/api/boards${path}`, { headers: { Authorization: `Bearer ${token}` } })
  const post = (path: string, token: string, body: unknown, method = 'POST', headers: Record<string, string> = {}) =>
    fetch(`${t.server.url}/api/boards${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })

  /** Runs a dot vote to its end: started on `zones` (all when empty), one ballot per voter, closed. */
  /** A closed vote: each ballot is cast by its own person, who joined the board as their group first. */
  async function runVote(board: { id: string; tokens: { facilitator: string; participant: string } }, zones: string[], ballots: Array<{ group: StakeholderGroup; dots: Record<string, number> }>) {
    const vote = (await (await post(`/${board.id}/votes`, board.tokens.facilitator, { zones })).json()) as { id: string }
    for (const [i, ballot] of ballots.entries()) {
      const voter = await joinAsVoter(t.server, board, `voter-secret-${vote.id.slice(0, 8)}-${i}`.padEnd(24, '0'), ballot.group)
      const put = await voter.cast(vote.id, ballot.dots)
      expect(put.status, await put.clone().text()).toBe(200)
      voter.client.destroy()
    }
    const closed = await fetch(`${t.server.url}/api/boards/${board.id}/votes/${vote.id}/close`, { method: 'POST', headers: { Authorization: `Bearer ${board.tokens.facilitator}` } })
    expect(closed.status).toBe(200)
  }
  const citizen = (dots: Record<string, number>) => ({ group: 'citizen-service-user' as const, dots })
  const volunteer = (dots: Record<string, number>) => ({ group: 'volunteer-association' as const, dots })

  it('Markdown, CSV and Word list every note under its zone, with group, author, votes and what happened', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map', title: 'Loneliness in Aarhus: who shares the work?' })
    const writer = await t.connect(board.id, board.tokens.participant)
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    const zones = findZoneFrames(readRecords(writer.doc)).map((f) => f.zoneId)
    expect(zones).toContain('who-is-missing')
    noteInZone(writer.doc, 'who-is-missing', 'elderly', 'Lonely elderly people', { group: 'citizen-service-user', authorName: 'Astrid' })
    noteInZone(writer.doc, 'civil-society-co-producing', 'red-cross', 'Red Cross local branch', { group: 'volunteer-association', authorName: 'Bo' })
    noteInZone(writer.doc, 'who-is-missing', 'formula', '=HYPERLINK("http://evil.example","click")', { group: 'other', authorName: 'Mallory' })
    await waitFor(() => readRecords(facilitator.doc).some((r) => r.id === 'shape:formula'), 5000, 'notes at the facilitator')
    facilitator.doc.getMap('outcomes').set('shape:elderly', { status: 'taken-forward', reason: 'A visiting-friend scheme is planned for spring', date: '2026-12-01' })
    // A vote, closed: its totals appear beside each note.
    // Three citizens vote (fewer voters' figures would be withheld), one dot each on the same note.
    await runVote(board, [], [1, 2, 3].map(() => citizen({ 'shape:elderly': 1 })))

    const md = await get(`/${board.id}/export?format=md`, board.tokens.participant)
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/)
    expect(md.headers.get('content-disposition')).toContain("filename*=UTF-8''Loneliness%20in%20Aarhus")
    const text = await md.text()
    const missingSection = text.slice(text.indexOf('## Who is missing'), text.indexOf('\n## ', text.indexOf('## Who is missing') + 3))
    expect(missingSection).toContain('Lonely elderly people')
    expect(missingSection).toContain('Astrid')
    expect(missingSection).toMatch(/3 votes/)
    expect(missingSection).toMatch(/Taken forward, 2026-12-01: A visiting-friend scheme/)
    expect(missingSection).not.toContain('Red Cross')
    expect(text).toContain('## Participation by stakeholder group')

    const csvResponse = await get(`/${board.id}/export?format=csv`, board.tokens.participant)
    const csvBytes = new Uint8Array(await csvResponse.arrayBuffer())
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 byte-order mark for Excel
    // TextDecoder drops the byte-order mark itself.
    const rows = parseCsv(new TextDecoder().decode(csvBytes))
    expect(rows[0]).toEqual(['Zone', 'Prompt', 'Note', 'Stakeholder group', 'Author', 'Votes', 'Votes by group', 'What happened', 'Reason or decision', 'Date'])
    const byNote = new Map(rows.slice(1).map((row) => [row[2], row]))
    expect(byNote.get('Lonely elderly people')?.[0]).toMatch(/Who is missing/)
    expect(byNote.get('Lonely elderly people')?.[5]).toBe('3')
    expect(byNote.get('Lonely elderly people')?.slice(7)).toEqual(['Taken forward', 'A visiting-friend scheme is planned for spring', '2026-12-01'])
    expect(byNote.get('Red Cross local branch')?.slice(7)).toEqual(['', '', ''])
    expect(byNote.get('Red Cross local branch')?.[0]).not.toMatch(/Who is missing/)
    // A note that is a formula stays text in a spreadsheet.
    expect(byNote.has('=HYPERLINK("http://evil.example","click")')).toBe(false)
    expect(byNote.get(`'=HYPERLINK("http://evil.example","click")`)?.[3]).toBe('Other')

    const docx = await get(`/${board.id}/export?format=docx`, board.tokens.observer)
    expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/)
    const files = unzipSync(new Uint8Array(await docx.arrayBuffer()))
    const xml = strFromU8(files['word/document.xml'])
    expect(xml).toContain('<w:tbl>')
    const sections = docxSections(xml)
    const under = (heading: string) => [...sections].find(([h]) => h.startsWith(heading))?.[1] ?? []
    const missing = under('Who is missing')
    expect(missing.length).toBeGreaterThan(0)
    // The note's row: text, group, author, votes, what happened (with its date), the reason.
    const row = missing.slice(missing.indexOf('Lonely elderly people'), missing.indexOf('Lonely elderly people') + 6)
    expect(row).toEqual(['Lonely elderly people', 'Citizen or service user', 'Astrid', '3 (Citizen or service user: 3)', 'Taken forward (2026-12-01)', 'A visiting-friend scheme is planned for spring'])
    expect(missing).not.toContain('Red Cross local branch')
    const civil = under('Civil society &amp; volunteers · Co-producing')
    expect(civil).toContain('Red Cross local branch')
    expect(civil).toContain('Not marked yet')
  })

  it('keeps each note’s votes from the vote that covered it, when a later vote was on another zone', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map', title: 'Two votes' })
    const writer = await t.connect(board.id, board.tokens.participant)
    noteInZone(writer.doc, 'who-is-missing', 'elderly', 'Lonely elderly people', { group: 'citizen-service-user' })
    noteInZone(writer.doc, 'who-is-missing', 'youth', 'Young people who work evenings', { group: 'citizen-service-user' })
    noteInZone(writer.doc, 'civil-society-co-producing', 'red-cross', 'Red Cross local branch', { group: 'volunteer-association' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    await waitFor(() => readRecords(facilitator.doc).filter((r) => r.typeName === 'shape' && r.type === 'note').length >= 3, 5000, 'notes')
    // First vote, on "Who is missing" only: three citizens (so their group's figures show).
    await runVote(board, ['who-is-missing'], [citizen({ 'shape:elderly': 3 }), citizen({ 'shape:elderly': 2 }), citizen({ 'shape:elderly': 1, 'shape:youth': 1 })])
    // Second vote, later, on the civil-society zone only: three volunteers.
    await runVote(board, ['civil-society-co-producing'], [volunteer({ 'shape:red-cross': 2 }), volunteer({ 'shape:red-cross': 1 }), volunteer({ 'shape:red-cross': 1 })])

    const rows = parseCsv(new TextDecoder().decode(await (await get(`/${board.id}/export?format=csv`, board.tokens.facilitator)).arrayBuffer()))
    const byNote = new Map(rows.slice(1).map((row) => [row[2], row]))
    expect(byNote.get('Lonely elderly people')?.slice(5, 7)).toEqual(['6', 'Citizen or service user: 6'])
    expect(byNote.get('Young people who work evenings')?.slice(5, 7)).toEqual(['1', 'Citizen or service user: 1'])
    expect(byNote.get('Red Cross local branch')?.slice(5, 7)).toEqual(['4', 'Volunteer or association: 4'])

    const md = await (await get(`/${board.id}/export?format=md`, board.tokens.facilitator)).text()
    const missing = md.slice(md.indexOf('## Who is missing'), md.indexOf('\n## ', md.indexOf('## Who is missing') + 3))
    expect(missing).toMatch(/Lonely elderly people — \*Citizen or service user · 6 votes/)
    // Participation: the most of each group who voted in one vote.
    const table = md.slice(md.indexOf('## Participation by stakeholder group'))
    expect(table).toContain('| Voted (most in one of 2 votes) |')
    expect(table).toMatch(/\| Citizen or service user \|[^\n]*\| 3 \|\n/)
    expect(table).toMatch(/\| Volunteer or association \|[^\n]*\| 3 \|\n/)
  })

  it('anonymous boards export no names; exports can be turned off for participants and observers; bad formats are named', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map', anonymous: true })
    const writer = await t.connect(board.id, board.tokens.participant)
    // A stock client writes a name into a note anyway: refused, so no export can carry it.
    noteInZone(writer.doc, 'who-is-missing', 'named', 'Evening buses to the centre', { group: 'citizen-service-user', authorName: 'Sigrid Kragh' })
    await waitFor(() => writer.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'the named note refused')
    const other = await t.connect(board.id, board.tokens.participant)
    noteInZone(other.doc, 'who-is-missing', 'n1', 'Young people who work evenings', { group: 'citizen-service-user' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    await waitFor(() => readRecords(facilitator.doc).some((r) => r.id === 'shape:n1'), 5000, 'note')
    const csv = await (await get(`/${board.id}/export?format=csv`, board.tokens.facilitator)).text()
    expect(csv).not.toContain('Author')
    expect(csv).toContain('Young people who work evenings')
    const md = await (await get(`/${board.id}/export?format=md`, board.tokens.facilitator)).text()
    const docx = docxText(await (await get(`/${board.id}/export?format=docx`, board.tokens.facilitator)).arrayBuffer())
    const json = await (await get(`/${board.id}/report`, board.tokens.participant)).text()
    expect(docx).toContain('Young people who work evenings')
    for (const [format, text] of Object.entries({ csv, md, docx, json })) {
      expect(text, format).not.toContain('Evening buses')
      expect(text, format).not.toContain('Sigrid')
      expect(text, format).not.toContain('Kragh')
    }

    const bad = await get(`/${board.id}/export?format=pdf`, board.tokens.facilitator)
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(/Valid formats: md, csv, docx/)
  })

  it('with exports off, participants and observers get 403 for every format, and the page’s report without names or votes', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map' })
    const writer = await t.connect(board.id, board.tokens.participant)
    noteInZone(writer.doc, 'who-is-missing', 'elderly', 'Lonely elderly people', { group: 'citizen-service-user', authorName: 'Astrid' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    await waitFor(() => readRecords(facilitator.doc).some((r) => r.id === 'shape:elderly'), 5000, 'note')
    await runVote(board, [], [1, 2, 3].map(() => citizen({ 'shape:elderly': 1 })))
    type Report = { zones: Array<{ notes: Array<{ text: string; author: string | null; votes: unknown }> }>; participation: unknown[] }
    const elderly = (report: Report) => report.zones.flatMap((z) => z.notes).find((n) => n.text === 'Lonely elderly people')!
    const before = (await (await get(`/${board.id}/report`, board.tokens.observer)).json()) as Report
    expect(elderly(before)).toMatchObject({ author: 'Astrid', votes: { total: 3 } })

    facilitator.doc.getMap('settings').set('exportsAllowed', false)
    const observer = await t.connect(board.id, board.tokens.observer)
    await waitFor(() => observer.doc.getMap('settings').get('exportsAllowed') === false, 5000, 'exports off')
    for (const role of ['observer', 'participant'] as const) {
      for (const format of ['md', 'csv', 'docx']) {
        const refused = await get(`/${board.id}/export?format=${format}`, board.tokens[role])
        expect(refused.status, `${role} ${format}`).toBe(403)
        expect(((await refused.json()) as { error: string }).error).toBe('forbidden')
      }
      // "What happened to our input" stays open, with the notes and their status only.
      const page = await get(`/${board.id}/report`, board.tokens[role])
      expect(page.status).toBe(200)
      const report = (await page.json()) as Report
      expect(elderly(report)).toMatchObject({ author: null, votes: null })
      expect(report.participation).toEqual([])
    }
    expect((await get(`/${board.id}/export?format=md`, board.tokens.facilitator)).status).toBe(200)
    expect(elderly((await (await get(`/${board.id}/report`, board.tokens.facilitator)).json()) as Report).author).toBe('Astrid')
  })

  it('exports a version kept by an older coboard with its notes migrated to the running schema', async () => {
    const board = await t.server.createBoard({ template: 'blank', title: 'Old board' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    // A version as a coboard with tldraw's note v8 kept it: plain `text`, no rich text.
    const old = new Y.Doc()
    Y.applyUpdate(old, Y.encodeStateAsUpdate(facilitator.doc))
    writeRaw(old, [noteV8('then', 'Written on the old version')])
    writeSchema(old, noteV8Schema())
    const snapshot = Y.encodeStateAsUpdateV2(old)
    const db = new Database(path.join(t.server.dataDir, 'coboard.sqlite'))
    try {
      db.prepare('INSERT INTO board_versions (board_id, id, created_at, label, kind, note_count, bytes, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(board.id, 'old-version', Date.UTC(2025, 0, 15), 'before the upgrade', 'manual', 2, snapshot.length, Buffer.from(snapshot))
    } finally {
      db.close()
    }
    const then = await (await get(`/${board.id}/export?format=md&version=old-version`, board.tokens.facilitator)).text()
    expect(then).toContain('Version: before the upgrade')
    expect(then).toContain('- Written on the old version')
  })

  it('exports a kept version of the board', async () => {
    const board = await t.server.createBoard({ template: 'blank', title: 'Kick-off' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    addNote(facilitator.doc, 'early', 'Written at the first meeting')
    const saved = (await (await fetch(`${t.server.url}/api/boards/${board.id}/versions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.tokens.facilitator}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ label: 'after the first meeting' }),
    })).json()) as { id: string }
    addNote(facilitator.doc, 'late', 'Written at the second meeting')
    await waitFor(async () => (await (await get(`/${board.id}/export?format=md`, board.tokens.facilitator)).text()).includes('second meeting'), 5000, 'current')
    const then = await (await get(`/${board.id}/export?format=md&version=${saved.id}`, board.tokens.facilitator)).text()
    expect(then).toContain('Written at the first meeting')
    expect(then).not.toContain('second meeting')
    expect(then).toContain('Version: after the first meeting')
  })
})
