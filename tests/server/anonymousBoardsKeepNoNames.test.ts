import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../shared/closeCodes.ts'
import { getRecordsMap } from '../../shared/tldrawYjs/recordsDoc.ts'
import { addNote, noteText, removeNotes } from '../helpers/boardContent.ts'
import { occurrences, storeFiles } from '../helpers/leaks.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

/** A tldraw v5 user record, as tldraw writes one for note attribution: it carries a name. */
function userRecord(name: string) {
  return new Y.Map<unknown>(Object.entries({ id: 'user:astrid', typeName: 'user', name, color: '#E69F00', imageUrl: '', meta: {} }))
}

describe('anonymous boards', () => {
  const t = useTestServer()

  it('are created on request, and by default from templates that call for it', async () => {
    const asked = await t.server.createBoard({ template: 'blank', anonymous: true })
    expect(asked.anonymous).toBe(true)
    const compelling = await t.server.createBoard({ template: 'compelling-repelling' })
    expect(compelling.anonymous).toBe(true)
    const overridden = await t.server.createBoard({ template: 'compelling-repelling', anonymous: false })
    expect(overridden.anonymous).toBe(false)
    const plain = await t.server.createBoard({ template: 'stakeholder-map' })
    expect(plain.anonymous).toBe(false)
    const info = await (await fetch(`${t.server.url}/api/boards/${asked.id}`, { headers: { Authorization: `Bearer ${asked.tokens.participant}` } })).json()
    expect(info).toMatchObject({ anonymous: true, role: 'participant' })
  })

  it('refuse records that carry names, from anyone; other boards keep tldraw’s attribution', async () => {
    const board = await t.server.createBoard({ template: 'blank', anonymous: true })
    const observer = await t.connect(board.id, board.tokens.observer)
    for (const token of [board.tokens.participant, board.tokens.facilitator]) {
      const writer = await t.connect(board.id, token)
      getRecordsMap(writer.doc).set('user:astrid', userRecord('Astrid Lindqvist'))
      await waitFor(() => writer.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'name refused')
    }
    const writer = await t.connect(board.id, board.tokens.participant)
    addNote(writer.doc, 'marker', 'marker')
    await waitFor(() => noteText(observer.doc, 'marker'), 5000, 'marker')
    expect(JSON.stringify(observer.doc.toJSON())).not.toContain('Astrid')

    const named = await t.server.createBoard({ template: 'blank' })
    const other = await t.connect(named.id, named.tokens.participant)
    getRecordsMap(other.doc).set('user:astrid', userRecord('Astrid Lindqvist'))
    const viewer = await t.connect(named.id, named.tokens.observer)
    await waitFor(() => getRecordsMap(viewer.doc).has('user:astrid'), 5000, 'attribution kept on named boards')
  })

  it('can be switched by the facilitator only before anyone writes; names already kept go', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    getRecordsMap(facilitator.doc).set('user:astrid', userRecord('Astrid Lindqvist'))
    const observer = await t.connect(board.id, board.tokens.observer)
    await waitFor(() => getRecordsMap(observer.doc).has('user:astrid'), 5000, 'user record on a named board')
    facilitator.doc.getMap('settings').set('anonymous', true)
    await waitFor(() => observer.doc.getMap('settings').get('anonymous') === true, 5000, 'switched on before writing')
    await waitFor(() => !getRecordsMap(observer.doc).has('user:astrid'), 5000, 'the name is gone')

    const participant = await t.connect(board.id, board.tokens.participant)
    addNote(participant.doc, 'first', 'The first note')
    await waitFor(() => noteText(facilitator.doc, 'first'), 5000, 'first note')
    facilitator.doc.getMap('settings').set('anonymous', false)
    await waitFor(() => facilitator.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'switch refused after writing')
    const fresh = await t.connect(board.id, board.tokens.observer)
    expect(fresh.doc.getMap('settings').get('anonymous')).toBe(true)
  })
  it('once switched, keep no name anywhere in the SQLite file or its WAL: not in the log, not in versions, not in freed pages', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    const observer = await t.connect(board.id, board.tokens.observer)
    // Before the switch the board keeps names: tldraw's user record, and a note's author name in
    // a note written and deleted again (so that nothing is on the board when the switch comes).
    getRecordsMap(facilitator.doc).set('user:astrid', userRecord('Astrid Lindqvist'))
    addNote(facilitator.doc, 'gone', 'Written, then deleted', { meta: { group: 'other', authorName: 'Bertil Bengtsson' } } as never)
    await waitFor(() => noteText(observer.doc, 'gone'), 5000, 'note with an author name')
    const named = await fetch(`${t.server.url}/api/boards/${board.id}/versions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.tokens.facilitator}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ label: 'with names' }),
    })
    expect(named.status).toBe(201)
    removeNotes(facilitator.doc, ['gone'])
    await waitFor(() => !noteText(observer.doc, 'gone'), 5000, 'note deleted')
    const rawStore = () => storeFiles(t.server.dataDir).map((f) => f.bytes)
    // The positive control: the raw files do hold the names before the switch.
    await waitFor(() => occurrences(rawStore(), 'Astrid Lindqvist') > 0 && occurrences(rawStore(), 'Bertil Bengtsson') > 0, 5000, 'names in the store')

    facilitator.doc.getMap('settings').set('anonymous', true)
    await waitFor(() => observer.doc.getMap('settings').get('anonymous') === true, 5000, 'switched')
    await waitFor(
      () => occurrences(rawStore(), 'Astrid Lindqvist') + occurrences(rawStore(), 'Bertil Bengtsson') === 0,
      10_000,
      'no name left in coboard.sqlite, -wal or -shm',
    )
    const files = storeFiles(t.server.dataDir)
    expect(files.map((f) => f.name)).toContain('coboard.sqlite')
    const { versions } = (await (await fetch(`${t.server.url}/api/boards/${board.id}/versions`, { headers: { Authorization: `Bearer ${board.tokens.facilitator}` } })).json()) as {
      versions: Array<{ label: string | null }>
    }
    expect(versions.map((v) => v.label)).not.toContain('with names')
    // The board still works, and loads from its new snapshot after a restart.
    const participant = await t.connect(board.id, board.tokens.participant)
    addNote(participant.doc, 'after', 'Written anonymously')
    await waitFor(() => noteText(observer.doc, 'after'), 5000, 'a note after the switch')
    await t.restart()
    const again = await t.connect(board.id, board.tokens.observer)
    expect(noteText(again.doc, 'after')).toBeTruthy()
    expect(again.doc.getMap('settings').get('anonymous')).toBe(true)
    expect(JSON.stringify(again.doc.toJSON())).not.toMatch(/Astrid|Bertil/)
  })

  it('cannot be switched once the collective document, comments, authorship or outcomes hold something', async () => {
    const board = await t.server.createBoard({ template: 'blank' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    facilitator.doc.getMap('outcomes').set('shape:somewhere', { status: 'discussed', reason: 'Astrid asked to wait', date: '2026-12-01' })
    const observer = await t.connect(board.id, board.tokens.observer)
    await waitFor(() => observer.doc.getMap('outcomes').size === 1, 5000, 'an outcome')
    facilitator.doc.getMap('settings').set('anonymous', true)
    await waitFor(() => facilitator.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'switch refused')
    const fresh = await t.connect(board.id, board.tokens.observer)
    expect(fresh.doc.getMap('settings').get('anonymous')).toBe(false)
  })
})
