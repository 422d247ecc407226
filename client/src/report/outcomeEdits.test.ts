import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_BOARD_SETTINGS } from '../../../shared/boardDoc.ts'
import { mayExport, mayMarkOutcomes, readOutcome, writeOutcome } from './outcomeEdits.ts'

describe('outcome edits', () => {
  it('writes, reads and removes a note outcome under the note id', () => {
    const doc = new Y.Doc()
    expect(writeOutcome(doc, 'shape:n1', { status: 'decided', reason: '  Council agreed  ', date: '2026-11-23' })).toEqual({ ok: true })
    expect(readOutcome(doc, 'shape:n1')).toEqual({ status: 'decided', reason: 'Council agreed', date: '2026-11-23' })
    writeOutcome(doc, 'shape:n1', null)
    expect(readOutcome(doc, 'shape:n1')).toBeUndefined()
  })

  it('refuses what the server would refuse', () => {
    const doc = new Y.Doc()
    expect(writeOutcome(doc, 'not-a-shape', { status: 'decided', reason: '', date: '2026-11-23' }).ok).toBe(false)
    expect(writeOutcome(doc, 'shape:n1', { status: 'decided', reason: 'x'.repeat(2001), date: '2026-11-23' }).ok).toBe(false)
    expect(writeOutcome(doc, 'shape:n1', { status: 'decided', reason: '', date: '23/11/2026' }).ok).toBe(false)
    expect(doc.getMap('outcomes').size).toBe(0)
  })

  it('mirrors who may mark and export', () => {
    const allowing = { ...DEFAULT_BOARD_SETTINGS, participantsMayMarkOutcomes: true, exportsAllowed: false }
    expect(mayMarkOutcomes('facilitator', DEFAULT_BOARD_SETTINGS)).toBe(true)
    expect(mayMarkOutcomes('participant', DEFAULT_BOARD_SETTINGS)).toBe(false)
    expect(mayMarkOutcomes('participant', allowing)).toBe(true)
    expect(mayMarkOutcomes('observer', allowing)).toBe(false)
    expect(mayExport('observer', DEFAULT_BOARD_SETTINGS)).toBe(true)
    expect(mayExport('observer', allowing)).toBe(false)
    expect(mayExport('facilitator', allowing)).toBe(true)
  })
})
