import { describe, expect, it } from 'vitest'
import { CLOSE } from '../../shared/closeCodes.ts'
import { addNote } from '../helpers/boardContent.ts'
import type { SyncClient } from '../helpers/clients.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

const DONE = { status: 'taken-forward', reason: 'In the spring budget', date: '2026-12-01' }

/**
 * Who may mark what happened to notes (the `outcomes` root): the facilitator always, participants
 * only while the facilitator allows it, observers never; and only well-formed outcomes of notes.
 */
describe('what happened to notes follows the board’s rule', () => {
  const t = useTestServer()

  /** A board with one note, and an observer that sees what the server keeps. */
  async function board() {
    const created = await t.server.createBoard({ template: 'blank' })
    const facilitator = await t.connect(created.id, created.tokens.facilitator)
    const watcher = await t.connect(created.id, created.tokens.observer)
    addNote(facilitator.doc, 'idea', 'More benches in the park')
    await waitFor(() => watcher.doc.getMap('tldraw').has('shape:idea'), 5000, 'the note at the observer')
    let markers = 0
    /** Proves that everything sent before has been judged: a later marker arrived. */
    const settle = async () => {
      const key = `shape:marker-${++markers}`
      facilitator.doc.getMap('outcomes').set(key, { status: 'discussed', reason: '', date: '2026-01-01' })
      await waitFor(() => watcher.doc.getMap('outcomes').has(key), 5000, 'the facilitator’s marker outcome')
    }
    return { created, facilitator, watcher, settle }
  }

  const refused = (client: SyncClient) => waitFor(() => client.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'refusal (4409)')

  it('refuses a participant while the board does not allow it, and accepts one once the facilitator does', async () => {
    const { created, facilitator, watcher, settle } = await board()
    const early = await t.connect(created.id, created.tokens.participant)
    early.doc.getMap('outcomes').set('shape:idea', DONE)
    await refused(early)
    await settle()
    expect(watcher.doc.getMap('outcomes').has('shape:idea')).toBe(false)

    facilitator.doc.getMap('settings').set('participantsMayMarkOutcomes', true)
    const allowed = await t.connect(created.id, created.tokens.participant)
    await waitFor(() => allowed.doc.getMap('settings').get('participantsMayMarkOutcomes') === true, 5000, 'the rule at the participant')
    allowed.doc.getMap('outcomes').set('shape:idea', DONE)
    await waitFor(() => watcher.doc.getMap('outcomes').get('shape:idea') !== undefined, 5000, 'the participant’s outcome')
    expect(watcher.doc.getMap('outcomes').get('shape:idea')).toEqual(DONE)
    expect(allowed.closes).toEqual([])

    // Switched off again: refused again.
    facilitator.doc.getMap('settings').set('participantsMayMarkOutcomes', false)
    await waitFor(() => allowed.doc.getMap('settings').get('participantsMayMarkOutcomes') === false, 5000, 'the rule off')
    allowed.doc.getMap('outcomes').set('shape:idea', { ...DONE, status: 'decided' })
    await refused(allowed)
    await settle()
    expect(watcher.doc.getMap('outcomes').get('shape:idea')).toEqual(DONE)
  })

  it('never lets an observer mark a note, even when participants may', async () => {
    const { created, facilitator, watcher, settle } = await board()
    facilitator.doc.getMap('settings').set('participantsMayMarkOutcomes', true)
    const observer = await t.connect(created.id, created.tokens.observer)
    await waitFor(() => observer.doc.getMap('settings').get('participantsMayMarkOutcomes') === true, 5000, 'the rule at the observer')
    observer.doc.getMap('outcomes').set('shape:idea', DONE)
    await waitFor(() => observer.denied.length > 0, 5000, 'the observer told it may not write')
    await settle()
    expect(watcher.doc.getMap('outcomes').has('shape:idea')).toBe(false)
  })

  it.each([
    ['an unknown status', 'shape:idea', { ...DONE, status: 'forgotten' }],
    ['a date that is not YYYY-MM-DD', 'shape:idea', { ...DONE, date: '1 December 2026' }],
    ['an unknown field', 'shape:idea', { ...DONE, by: 'Mallory' }],
    ['a reason over 2,000 characters', 'shape:idea', { ...DONE, reason: 'x'.repeat(2001) }],
    ['a key that is not a note’s shape id', 'title', DONE],
  ])('refuses %s, even from the facilitator', async (_what, key, value) => {
    const { created, watcher, settle } = await board()
    const facilitator = await t.connect(created.id, created.tokens.facilitator)
    facilitator.doc.getMap('outcomes').set(key, value)
    await refused(facilitator)
    await settle()
    expect(watcher.doc.getMap('outcomes').has(key)).toBe(false)
  })
})
