import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { findZoneFrames } from '../../shared/templates/zoneMembership.ts'
import { readRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
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

describe('exports by zone', () => {
  const t = useTestServer()

  const get = (path: string, token: string) => fetch(`${t.server.url}/api/boards${path}`, { headers: { Authorization: `Bearer ${token}` } })

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
    const vote = (await (await fetch(`${t.server.url}/api/boards/${board.id}/votes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.tokens.facilitator}`, 'Content-Type': 'application/json' },
      body: '{}',
    })).json()) as { id: string }
    // Three citizens vote (fewer voters' figures would be withheld), one dot each on the same note.
    for (const k of ['a', 'b', 'c']) {
      const voter = await joinAsVoter(t.server, board, `voter-${k}-secret-0000000000`, 'citizen-service-user')
      expect((await voter.cast(vote.id, { 'shape:elderly': 1 })).status).toBe(200)
      voter.client.destroy()
    }
    await fetch(`${t.server.url}/api/boards/${board.id}/votes/${vote.id}/close`, { method: 'POST', headers: { Authorization: `Bearer ${board.tokens.facilitator}` } })

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
    expect(byNote.get('Red Cross local branch')?.[0]).not.toMatch(/Who is missing/)
    // A note that is a formula stays text in a spreadsheet.
    expect(byNote.has('=HYPERLINK("http://evil.example","click")')).toBe(false)
    expect(byNote.get(`'=HYPERLINK("http://evil.example","click")`)?.[3]).toBe('Other')

    const docx = await get(`/${board.id}/export?format=docx`, board.tokens.observer)
    expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/)
    const files = unzipSync(new Uint8Array(await docx.arrayBuffer()))
    const xml = strFromU8(files['word/document.xml'])
    const zoneAt = xml.indexOf('Who is missing')
    expect(zoneAt).toBeGreaterThan(0)
    expect(xml.indexOf('Lonely elderly people')).toBeGreaterThan(zoneAt)
    expect(xml).toContain('Astrid')
    expect(xml).toContain('<w:tbl>')
  })

  it('anonymous boards export no names; exports can be turned off for participants and observers; bad formats are named', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map', anonymous: true })
    const writer = await t.connect(board.id, board.tokens.participant)
    noteInZone(writer.doc, 'who-is-missing', 'n1', 'Young people who work evenings', { group: 'citizen-service-user' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    await waitFor(() => readRecords(facilitator.doc).some((r) => r.id === 'shape:n1'), 5000, 'note')
    const csv = await (await get(`/${board.id}/export?format=csv`, board.tokens.facilitator)).text()
    expect(csv).not.toContain('Author')
    expect(csv).toContain('Young people who work evenings')

    facilitator.doc.getMap('settings').set('exportsAllowed', false)
    const observer = await t.connect(board.id, board.tokens.observer)
    await waitFor(() => observer.doc.getMap('settings').get('exportsAllowed') === false, 5000, 'exports off')
    const refused = await get(`/${board.id}/export?format=md`, board.tokens.observer)
    expect(refused.status).toBe(403)
    expect((await get(`/${board.id}/export?format=md`, board.tokens.facilitator)).status).toBe(200)

    const bad = await get(`/${board.id}/export?format=pdf`, board.tokens.facilitator)
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(/Valid formats: md, csv, docx/)
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
