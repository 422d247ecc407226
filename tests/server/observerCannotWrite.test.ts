import { describe, expect, it } from 'vitest'
import { addNote, noteKeys, noteText } from '../helpers/boardContent.ts'
import { connectClient } from '../helpers/clients.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

describe('observer links', () => {
  const t = useTestServer()

  it("an observer sees the board live, but its edits reach neither others nor the store", async () => {
    const board = await t.server.createBoard()
    const participant = await connectClient(t.server.wsUrl, board.id, board.tokens.participant)
    const observer = await connectClient(t.server.wsUrl, board.id, board.tokens.observer)
    t.clients.push(participant, observer)

    addNote(participant.doc, 'p1', 'Finding the people in need')
    await waitFor(() => noteText(observer.doc, 'p1'), 5000, 'observer sees live edits')

    addNote(observer.doc, 'o1', 'I should not be able to write this')
    await waitFor(() => observer.denied.length > 0, 5000, 'observer told it may not write')
    expect(observer.denied[0]).toMatch(/view the board but not change it/)

    // A marker edit after the observer's proves the participant would have seen it by now.
    addNote(participant.doc, 'p2', 'marker')
    await waitFor(() => noteText(observer.doc, 'p2'), 5000, 'marker')
    expect(noteText(participant.doc, 'o1')).toBeUndefined()

    // Told once, not on every keystroke.
    addNote(observer.doc, 'o2', 'again')
    addNote(participant.doc, 'p3', 'marker 2')
    await waitFor(() => noteText(observer.doc, 'p3'), 5000, 'marker 2')
    expect(observer.denied).toHaveLength(1)

    // Not stored either: a fresh client after the room is unloaded and reloaded sees no trace.
    await t.restart()
    const fresh = await connectClient(t.server.wsUrl, board.id, board.tokens.facilitator)
    t.clients.push(fresh)
    expect(noteKeys(fresh.doc)).toEqual(['p1', 'p2', 'p3'])
  })
})
