import { describe, expect, it } from 'vitest'
import { type TLRecord, type TLShape } from '@tldraw/tlschema'
import { CLOSE } from '../../shared/closeCodes.ts'
import { deleteRecords, readRecord, readRecords, writeRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import { coboardMeta } from '../../shared/templates/generateTemplateRecords.ts'
import { addNote, noteText, updateNote } from '../helpers/boardContent.ts'
import { connectClient } from '../helpers/clients.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

const zoneOf = (records: TLRecord[]) =>
  records.find((r): r is TLShape => r.typeName === 'shape' && r.type === 'frame' && Boolean(coboardMeta(r)?.zone)) as TLShape

describe('zones stay where the facilitator put them', () => {
  const t = useTestServer()

  it("a participant's move, delete or retitle never reaches anyone; the sender is told to reload; their own notes are theirs", async () => {
    const board = await t.server.createBoard({ template: 'compelling-repelling', title: 'Volunteering in Aarhus' })
    const other = await t.connect(board.id, board.tokens.participant)
    const zone = zoneOf(readRecords(other.doc))
    expect(zone.isLocked).toBe(true)

    // A modified client ignores the lock and moves the zone...
    const mover = await t.connect(board.id, board.tokens.participant)
    writeRecords(mover.doc, [{ ...zone, x: zone.x + 500, isLocked: false }])
    await waitFor(() => mover.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'mover told to reload')
    // ...renames the board...
    const renamer = await t.connect(board.id, board.tokens.participant)
    renamer.doc.getMap('meta').set('title', 'Hijacked')
    await waitFor(() => renamer.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'renamer told to reload')
    // ...and deletes the zone.
    const deleter = await t.connect(board.id, board.tokens.participant)
    deleteRecords(deleter.doc, [zone.id])
    await waitFor(() => deleter.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'deleter told to reload')

    // A note written afterwards arrives, so everything before it would have too.
    const writer = await t.connect(board.id, board.tokens.participant)
    addNote(writer.doc, 'marker', 'Facilities, funding, access to users')
    await waitFor(() => noteText(other.doc, 'marker'), 5000, 'marker note')
    const seen = readRecord(other.doc, zone.id) as TLShape
    expect(seen.x).toBe(zone.x)
    expect(seen.isLocked).toBe(true)
    expect(other.doc.getMap('meta').get('title')).toBe('Volunteering in Aarhus')

    // Their own note moves freely, and nobody was closed for it.
    updateNote(writer.doc, 'marker', { x: 340 })
    await waitFor(() => (readRecord(other.doc, 'shape:marker') as TLShape | undefined)?.x === 340, 5000, 'own note moved')
    expect(writer.closes).toEqual([])

    // And the store agrees: a fresh server shows the zone where it was.
    await t.restart()
    const fresh = await t.connect(board.id, board.tokens.observer)
    expect((readRecord(fresh.doc, zone.id) as TLShape).x).toBe(zone.x)
    expect(fresh.doc.getMap('meta').get('title')).toBe('Volunteering in Aarhus')
  })

  it('the facilitator can move and unlock zones; an unlocked zone is open to participants', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    const participant = await t.connect(board.id, board.tokens.participant)
    const zone = zoneOf(readRecords(facilitator.doc))
    writeRecords(facilitator.doc, [{ ...zone, x: zone.x + 100 }])
    await waitFor(() => (readRecord(participant.doc, zone.id) as TLShape).x === zone.x + 100, 5000, 'facilitator move relayed')

    // Unlocked by the facilitator, the zone is open to everyone until it is locked again.
    writeRecords(facilitator.doc, [{ ...zone, x: zone.x + 100, isLocked: false }])
    await waitFor(() => (readRecord(participant.doc, zone.id) as TLShape).isLocked === false, 5000, 'unlock relayed')
    writeRecords(participant.doc, [{ ...zone, x: zone.x + 300, isLocked: false }])
    await waitFor(() => (readRecord(facilitator.doc, zone.id) as TLShape).x === zone.x + 300, 5000, 'participant moved unlocked zone')
    expect(participant.closes).toEqual([])
  })
})
