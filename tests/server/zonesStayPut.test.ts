import { describe, expect, it } from 'vitest'
import { createShapeId, type TLRecord, type TLShape } from '@tldraw/tlschema'
import { deleteRecords, readRecord, readRecords, writeRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import { coboardMeta } from '../../shared/templates/generateTemplateRecords.ts'
import { connectClient } from '../helpers/clients.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

const zoneOf = (records: TLRecord[]) =>
  records.find((r): r is TLShape => r.typeName === 'shape' && r.type === 'frame' && Boolean(coboardMeta(r)?.zone)) as TLShape

describe('zones stay where the facilitator put them', () => {
  const t = useTestServer()

  it("a participant's move, delete or retitle is reverted for everyone; their own notes are theirs", async () => {
    const board = await t.server.createBoard({ template: 'compelling-repelling', title: 'Volunteering in Aarhus' })
    const participant = await connectClient(t.server.wsUrl, board.id, board.tokens.participant)
    const other = await connectClient(t.server.wsUrl, board.id, board.tokens.participant)
    t.clients.push(participant, other)
    const zone = zoneOf(readRecords(participant.doc))
    expect(zone.isLocked).toBe(true)

    // A modified client ignores the lock and moves the zone, and renames the board.
    writeRecords(participant.doc, [{ ...zone, x: zone.x + 500, isLocked: false }])
    participant.doc.getMap('meta').set('title', 'Hijacked')
    await waitFor(() => (readRecord(participant.doc, zone.id) as TLShape).x === zone.x, 5000, 'move reverted at the mover')
    await waitFor(() => participant.doc.getMap('meta').get('title') === 'Volunteering in Aarhus', 5000, 'title reverted')
    expect((readRecord(other.doc, zone.id) as TLShape).x).toBe(zone.x)
    expect((readRecord(other.doc, zone.id) as TLShape).isLocked).toBe(true)

    deleteRecords(participant.doc, [zone.id])
    await waitFor(() => readRecord(other.doc, zone.id) && readRecord(participant.doc, zone.id), 5000, 'delete reverted')

    // A note of their own moves freely.
    const note = { ...zone, id: createShapeId('mine'), type: 'note', isLocked: false, meta: {}, props: {} } as unknown as TLShape
    writeRecords(participant.doc, [note])
    writeRecords(participant.doc, [{ ...note, x: note.x + 40 }])
    await waitFor(() => (readRecord(other.doc, note.id) as TLShape | undefined)?.x === note.x + 40, 5000, 'own note moved')
  })

  it('the facilitator can move and unlock zones', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map' })
    const facilitator = await connectClient(t.server.wsUrl, board.id, board.tokens.facilitator)
    const participant = await connectClient(t.server.wsUrl, board.id, board.tokens.participant)
    t.clients.push(facilitator, participant)
    const zone = zoneOf(readRecords(facilitator.doc))
    writeRecords(facilitator.doc, [{ ...zone, x: zone.x + 100 }])
    await waitFor(() => (readRecord(participant.doc, zone.id) as TLShape).x === zone.x + 100, 5000, 'facilitator move relayed')

    // Unlocked by the facilitator, the zone is open to everyone until it is locked again.
    writeRecords(facilitator.doc, [{ ...zone, x: zone.x + 100, isLocked: false }])
    await waitFor(() => (readRecord(participant.doc, zone.id) as TLShape).isLocked === false, 5000, 'unlock relayed')
    writeRecords(participant.doc, [{ ...zone, x: zone.x + 300, isLocked: false }])
    await waitFor(() => (readRecord(facilitator.doc, zone.id) as TLShape).x === zone.x + 300, 5000, 'participant moved unlocked zone')
  })
})
