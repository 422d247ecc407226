import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordsMap } from '../../shared/tldrawYjs/recordsDoc.ts'
import { addNote, noteKeys, noteText } from '../helpers/boardContent.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

interface Version {
  id: string
  createdAt: number
  label: string | null
  kind: 'auto' | 'manual' | 'restore'
  noteCount: number
}

describe('board history', () => {
  const t = useTestServer({ env: { VERSION_INTERVAL_SECONDS: '1' } })

  const api = (path: string, token: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${t.server.url}/api/boards${path}`, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${token}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    })

  it('after everything was deleted, the facilitator brings the notes back for everyone from an automatic version', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map', title: 'Kickoff' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    const observer = await t.connect(board.id, board.tokens.observer)
    for (const key of ['red-cross', 'elderly', 'staff']) addNote(facilitator.doc, key, `Actor ${key}`)
    // An automatic version is kept at most VERSION_INTERVAL_SECONDS after the activity.
    const versions = await waitFor(async () => {
      const list = ((await (await api(`/${board.id}/versions`, board.tokens.facilitator)).json()) as { versions: Version[] }).versions
      return list.find((v) => v.kind === 'auto' && v.noteCount === 3) ? list : undefined
    }, 10_000, 'automatic version')
    const auto = versions!.find((v) => v.kind === 'auto' && v.noteCount === 3)!

    // Ctrl+A, Delete — and then someone keeps writing.
    facilitator.doc.transact(() => {
      for (const key of ['red-cross', 'elderly', 'staff']) getRecordsMap(facilitator.doc).delete(`shape:${key}`)
    })
    addNote(facilitator.doc, 'later', 'Written after the slip')
    await waitFor(() => noteKeys(observer.doc).join() === 'later', 5000, 'deletes seen by the observer')

    const res = await api(`/${board.id}/versions/${auto.id}/restore`, board.tokens.facilitator, { method: 'POST', body: { mode: 'deleted' } })
    expect(res.status).toBe(200)
    const result = (await res.json()) as { shapes: number; removed: number; before: Version }
    expect(result).toMatchObject({ shapes: 3, removed: 0 })
    expect(result.before.kind).toBe('restore')
    // Every client receives the restore as an ordinary change; what came later stays.
    await waitFor(() => noteKeys(observer.doc).length === 4, 5000, 'notes back at the observer')
    expect(noteText(observer.doc, 'elderly')).toBe('Actor elderly')
    expect(noteText(facilitator.doc, 'later')).toBe('Written after the slip')
  })

  it('restores a whole version, keeps the board as it was before, and that can be restored in turn', async () => {
    const board = await t.server.createBoard({ template: 'blank' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    const observer = await t.connect(board.id, board.tokens.observer)
    addNote(facilitator.doc, 'first', 'First workshop')
    await waitFor(() => noteText(observer.doc, 'first'), 5000, 'first note')
    const saved = await api(`/${board.id}/versions`, board.tokens.facilitator, { method: 'POST', body: { label: 'after the first workshop' } })
    expect(saved.status).toBe(201)
    const named = (await saved.json()) as Version
    expect(named).toMatchObject({ kind: 'manual', label: 'after the first workshop', noteCount: 1 })

    addNote(facilitator.doc, 'second', 'Second workshop')
    await waitFor(() => noteText(observer.doc, 'second'), 5000, 'second note')
    const restored = (await (await api(`/${board.id}/versions/${named.id}/restore`, board.tokens.facilitator, { method: 'POST', body: { mode: 'all' } })).json()) as {
      removed: number
      before: Version
    }
    expect(restored.removed).toBe(1)
    await waitFor(() => noteKeys(observer.doc).join() === 'first', 5000, 'board as it was')

    await api(`/${board.id}/versions/${restored.before.id}/restore`, board.tokens.facilitator, { method: 'POST', body: { mode: 'all' } })
    await waitFor(() => noteKeys(observer.doc).join() === 'first,second', 5000, 'restore undone')

    // Versions survive a restart.
    await t.restart()
    const list = ((await (await api(`/${board.id}/versions`, board.tokens.facilitator)).json()) as { versions: Version[] }).versions
    expect(list.some((v) => v.label === 'after the first workshop')).toBe(true)
    expect(list.filter((v) => v.kind === 'restore')).toHaveLength(2)
  })

  it('names versions, compares two (notes added, removed, moved, edited, per zone) and hands out a version to view', async () => {
    const board = await t.server.createBoard({ template: 'blank' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    addNote(facilitator.doc, 'kept', 'Kept as it was')
    addNote(facilitator.doc, 'edited', 'First wording')
    addNote(facilitator.doc, 'gone', 'Deleted later')
    const first = (await (await api(`/${board.id}/versions`, board.tokens.facilitator, { method: 'POST', body: {} })).json()) as Version
    const renamed = await api(`/${board.id}/versions/${first.id}`, board.tokens.facilitator, { method: 'PATCH', body: { label: 'Session 1' } })
    expect(await renamed.json()).toEqual({ id: first.id, label: 'Session 1' })

    addNote(facilitator.doc, 'edited', 'Second wording')
    getRecordsMap(facilitator.doc).delete('shape:gone')
    addNote(facilitator.doc, 'new', 'Added at session 2')
    const compare = async () =>
      (await (await api(`/${board.id}/versions/compare?from=${first.id}&to=current`, board.tokens.facilitator)).json()) as {
        added: Array<{ text: string }>
        removed: Array<{ text: string }>
        edited: Array<{ text: string }>
        unchanged: number
        perZone: Record<string, { added: number; removed: number; edited: number }>
      }
    await waitFor(async () => (await compare()).added.length === 1, 5000, 'compare sees session 2')
    const diff = await compare()
    expect(diff.added.map((n) => n.text)).toEqual(['Added at session 2'])
    expect(diff.removed.map((n) => n.text)).toEqual(['Deleted later'])
    expect(diff.edited.map((n) => n.text)).toEqual(['Second wording'])
    expect(diff.unchanged).toBe(1)
    expect(diff.perZone['']).toMatchObject({ added: 1, removed: 1, edited: 1 })

    const snapshot = await api(`/${board.id}/versions/${first.id}/snapshot`, board.tokens.facilitator)
    expect(snapshot.headers.get('content-type')).toBe('application/octet-stream')
    const doc = new Y.Doc()
    Y.applyUpdateV2(doc, new Uint8Array(await snapshot.arrayBuffer()))
    expect(noteKeys(doc)).toEqual(['edited', 'gone', 'kept'])
  })

  it('only the facilitator sees or restores history; unknown versions and modes are refused clearly', async () => {
    const board = await t.server.createBoard({ template: 'blank' })
    for (const token of [board.tokens.participant, board.tokens.observer]) {
      const res = await api(`/${board.id}/versions`, token)
      expect(res.status).toBe(403)
      expect(((await res.json()) as { message: string }).message).toMatch(/facilitator/)
    }
    const missing = await api(`/${board.id}/versions/nope/restore`, board.tokens.facilitator, { method: 'POST', body: { mode: 'all' } })
    expect(missing.status).toBe(404)
    const badMode = await api(`/${board.id}/versions/nope/restore`, board.tokens.facilitator, { method: 'POST', body: { mode: 'everything' } })
    expect(badMode.status).toBe(400)
    expect(((await badMode.json()) as { message: string }).message).toMatch(/mode/)
  })
})
