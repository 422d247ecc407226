import { createTLSchema, type TLRecord, type TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../shared/closeCodes.ts'
import { getRecordsMap, readRecord, readRecords, readSchema, writeRecords, writeSchema } from '../../shared/tldrawYjs/recordsDoc.ts'
import { coboardMeta } from '../../shared/templates/generateTemplateRecords.ts'
import { addNote, noteText } from '../helpers/boardContent.ts'
import { connectRaw, forkDoc, updateOf } from '../helpers/rawClient.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

const zoneOf = (records: TLRecord[]) =>
  records.find((r): r is TLShape => r.typeName === 'shape' && r.type === 'frame' && Boolean(coboardMeta(r)?.zone)) as TLShape

/** Proves everything sent before it has been handled: a note written afterwards arrives. */
async function marker(writer: { doc: Y.Doc }, reader: { doc: Y.Doc }, key: string) {
  addNote(writer.doc, key, key)
  await waitFor(() => noteText(reader.doc, key) === key, 5000, `marker ${key}`)
}

describe('attacks on a board document are refused, attributed to their sender', () => {
  const t = useTestServer()

  it("a participant's update that waits for the facilitator's next change is judged as the participant's", async () => {
    const board = await t.server.createBoard({ template: 'compelling-repelling', title: 'Volunteering in Aarhus' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    const witness = await t.connect(board.id, board.tokens.observer)
    const zone = zoneOf(readRecords(facilitator.doc))
    // Everything the witness receives, and every state it goes through: a forbidden change must
    // never reach it, not even followed by its revert.
    const frames: Uint8Array[] = []
    const states: Array<{ title: unknown; x: number | undefined }> = []
    witness.doc.on('update', (update: Uint8Array) => frames.push(update))
    witness.doc.on('afterTransaction', () => states.push({ title: witness.doc.getMap('meta').get('title'), x: (readRecord(witness.doc, zone.id) as TLShape | undefined)?.x }))

    // The attacker predicts the ids of the facilitator's next two changes (a rename, a zone move)
    // and builds on them: its items wait for the facilitator's, and once integrated would land
    // in the title and the zone.
    const facilitatorNext = new Y.Doc()
    facilitatorNext.clientID = facilitator.doc.clientID
    Y.applyUpdate(facilitatorNext, Y.encodeStateAsUpdate(facilitator.doc))
    facilitatorNext.getMap('meta').set('title', 'Our shared challenge')
    writeRecords(facilitatorNext, [{ ...zone, x: zone.x + 10 }])
    const evil = forkDoc(facilitatorNext)
    evil.getMap('meta').set('title', 'Hijacked')
    writeRecords(evil, [{ ...zone, x: 777 }])
    const attacker = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant)
    attacker.sendUpdate(Y.encodeStateAsUpdate(evil, Y.encodeStateVector(facilitatorNext)))
    const bystander = await t.connect(board.id, board.tokens.participant)
    await marker(bystander, witness, 'before')
    expect(attacker.closedWith()).toBeUndefined() // held aside, not judged yet

    // The facilitator makes exactly those two changes: the attacker's update is now complete.
    facilitator.doc.getMap('meta').set('title', 'Our shared challenge')
    writeRecords(facilitator.doc, [{ ...zone, x: zone.x + 10 }])
    expect((await attacker.closed).code).toBe(CLOSE.changeRefused.code)
    await marker(facilitator, witness, 'after')
    expect(witness.doc.getMap('meta').get('title')).toBe('Our shared challenge')
    const seen = readRecord(witness.doc, zone.id) as TLShape
    expect(seen.x).toBe(zone.x + 10)
    expect(seen.isLocked).toBe(true)
    // The check can see a title in a frame: the facilitator's is there, the attacker's is not.
    expect(frames.some((frame) => Buffer.from(frame).includes('Our shared challenge'))).toBe(true)
    expect(frames.filter((frame) => Buffer.from(frame).includes('Hijacked'))).toEqual([])
    expect(states.filter((state) => state.title === 'Hijacked' || state.x === 777)).toEqual([])
    expect(states.length).toBeGreaterThan(2)
    // The zone is still protected afterwards.
    const participant = await t.connect(board.id, board.tokens.participant)
    writeRecords(participant.doc, [{ ...zone, x: 5 }])
    await waitFor(() => participant.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'zone still protected')
  })

  it('nobody can write a newer tldraw schema (which would make every client refuse the board)', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map' })
    const observer = await t.connect(board.id, board.tokens.observer)
    const schema = createTLSchema().serialize()
    for (const token of [board.tokens.participant, board.tokens.facilitator]) {
      const writer = await t.connect(board.id, token)
      const [sequence, version] = Object.entries(schema.sequences)[0]
      writeSchema(writer.doc, { ...schema, sequences: { ...schema.sequences, [sequence]: version + 1 } })
      await waitFor(() => writer.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'schema refused')
    }
    const writer = await t.connect(board.id, board.tokens.participant)
    await marker(writer, observer, 'after-schema')
    expect(readSchema(observer.doc)).toEqual(schema)
  })

  it('a record of 8,000 nested maps is refused; the board still loads and can be saved as a template', async () => {
    const board = await t.server.createBoard({ template: 'inside-outside' })
    const attacker = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant)
    const evil = forkDoc(attacker.doc)
    const update = updateOf(evil, () => {
      const record = new Y.Map<unknown>()
      getRecordsMap(evil).set('shape:deep', record)
      record.set('id', 'shape:deep')
      let parent: Y.Map<unknown> = record
      for (let i = 0; i < 8000; i++) {
        const child = new Y.Map<unknown>()
        parent.set('props', child)
        parent = child
      }
    })
    expect(update.length).toBeGreaterThan(60_000)
    attacker.sendUpdate(update)
    expect((await attacker.closed).code).toBe(CLOSE.changeRefused.code)

    const res = await fetch(`${t.server.url}/api/boards/${board.id}/template`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.tokens.facilitator}` },
      body: JSON.stringify({ title: 'Our inside-outside' }),
    })
    expect(res.status).toBe(201)
    await t.restart()
    const reader = await t.connect(board.id, board.tokens.observer)
    expect(readRecord(reader.doc, 'shape:deep' as TLRecord['id'])).toBeUndefined()
    expect(readRecords(reader.doc).length).toBeGreaterThan(10)
  })

  it('participants cannot delete the page or the document, and nobody can add a root of their own', async () => {
    const board = await t.server.createBoard({ template: 'blank' })
    const observer = await t.connect(board.id, board.tokens.observer)
    const page = readRecords(observer.doc).find((r) => r.typeName === 'page')!
    const document = readRecords(observer.doc).find((r) => r.typeName === 'document')!

    for (const id of [page.id, document.id]) {
      const participant = await t.connect(board.id, board.tokens.participant)
      getRecordsMap(participant.doc).delete(id)
      await waitFor(() => participant.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, `delete of ${id} refused`)
    }
    for (const token of [board.tokens.participant, board.tokens.facilitator]) {
      const writer = await t.connect(board.id, token)
      writer.doc.getMap('my-own-root').set('x', 1)
      writer.doc.getText('notes').insert(0, 'hello')
      await waitFor(() => writer.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'unknown root refused')
    }
    const writer = await t.connect(board.id, board.tokens.participant)
    await marker(writer, observer, 'after-roots')
    expect(readRecord(observer.doc, page.id)).toBeDefined()
    expect(readRecord(observer.doc, document.id)).toBeDefined()
    const fresh = await t.connect(board.id, board.tokens.observer)
    expect(fresh.doc.share.has('my-own-root')).toBe(false)
  })

  it('records must be valid tldraw records of a sane size, and carry their author’s own id', async () => {
    const board = await t.server.createBoard({ template: 'blank' })
    const observer = await t.connect(board.id, board.tokens.observer)
    const attempts: Array<[string, (doc: Y.Doc) => void]> = [
      ['a note whose width is text', (doc) => addNote(doc, 'bad', 'x', { props: { scale: 'big' } } as never)],
      ['a record under another id', (doc) => writeRecords(doc, [{ ...readRecords(observer.doc).find((r) => r.typeName === 'page')!, id: 'page:other' } as TLRecord])],
      ['a session record', (doc) => getRecordsMap(doc).set('camera:1', new Y.Map(Object.entries({ id: 'camera:1', typeName: 'camera', x: 0, y: 0, z: 1 })))],
      ['a note claiming another author', (doc) => addNote(doc, 'forged', 'x', { meta: { author: 'someone-else' } })],
      ['a record over 1 MiB', (doc) => addNote(doc, 'huge', 'y'.repeat(1_200_000))],
      // 400,000 UTF-16 units, 1.2 MB: the limit counts bytes.
      ['a record over 1 MiB of multibyte text', (doc) => addNote(doc, 'euro', '€'.repeat(400_000))],
    ]
    for (const [what, attempt] of attempts) {
      const participant = await t.connect(board.id, board.tokens.participant, { authorSecret: 'abcdefghijklmnopqrstuvwxyz' })
      attempt(participant.doc)
      await waitFor(() => participant.closes.some((c) => c.code === CLOSE.changeRefused.code || c.code === CLOSE.messageTooBig.code), 5000, what)
    }
    const writer = await t.connect(board.id, board.tokens.participant)
    await marker(writer, observer, 'after-records')
    for (const key of ['bad', 'forged', 'huge', 'euro']) expect(noteText(observer.doc, key), key).toBeUndefined()
    expect(readRecord(observer.doc, 'page:other' as TLRecord['id'])).toBeUndefined()
  })

  it("nobody can write under the Yjs client id of someone who is writing now", async () => {
    const board = await t.server.createBoard({ template: 'blank' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    const observer = await t.connect(board.id, board.tokens.observer)
    addNote(facilitator.doc, 'mine', 'The facilitator’s note')
    await waitFor(() => noteText(observer.doc, 'mine'), 5000, 'facilitator note')
    // The attacker takes the facilitator's next clock, so the server would drop the facilitator's real change.
    const squat = new Y.Doc()
    Y.applyUpdate(squat, Y.encodeStateAsUpdate(facilitator.doc))
    // Set after applying: Yjs picks a new id for a doc that receives structs under its own id.
    squat.clientID = facilitator.doc.clientID
    const attacker = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant)
    attacker.sendUpdate(updateOf(squat, () => addNote(squat, 'squat', 'Not the facilitator')))
    expect((await attacker.closed).code).toBe(CLOSE.forbidden.code)
    addNote(facilitator.doc, 'next', 'The facilitator’s next note')
    await waitFor(() => noteText(observer.doc, 'next'), 5000, 'facilitator’s next change arrives')
    expect(noteText(observer.doc, 'squat')).toBeUndefined()
  })
})

describe('notes are protected from other participants', () => {
  const t = useTestServer()

  it('participants move and edit any note but delete only their own; the facilitator any; the rule can be switched off', async () => {
    const board = await t.server.createBoard({ template: 'stakeholder-map' })
    const astrid = await t.connect(board.id, board.tokens.participant, { authorSecret: 'astrid-secret-0123456789' })
    const bo = await t.connect(board.id, board.tokens.participant, { authorSecret: 'bo-secret-0123456789abcd' })
    const observer = await t.connect(board.id, board.tokens.observer)
    const { authorIdFor } = await import('../../shared/policy/boardRules.ts')
    addNote(astrid.doc, 'astrid', 'Lonely elderly people', { meta: { author: authorIdFor(board.id, 'astrid-secret-0123456789') } })
    await waitFor(() => noteText(bo.doc, 'astrid'), 5000, 'astrid note at bo')

    // Bo may move and edit it...
    writeRecords(bo.doc, [{ ...(readRecord(bo.doc, 'shape:astrid' as TLRecord['id']) as TLShape), x: 999 }])
    await waitFor(() => (readRecord(observer.doc, 'shape:astrid' as TLRecord['id']) as TLShape).x === 999, 5000, 'moved by bo')
    // ...but not delete it (Ctrl+A, Delete).
    getRecordsMap(bo.doc).delete('shape:astrid')
    await waitFor(() => bo.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'bo refused')
    await marker(astrid, observer, 'still-here')
    expect(noteText(observer.doc, 'astrid')).toBe('Lonely elderly people')

    // Astrid may delete her own.
    getRecordsMap(astrid.doc).delete('shape:astrid')
    await waitFor(() => noteText(observer.doc, 'astrid') === undefined, 5000, 'own delete')
    expect(astrid.closes).toEqual([])

    // The facilitator may delete anyone's, and may switch the rule off.
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    addNote(astrid.doc, 'astrid2', 'Red Cross local branch', { meta: { author: authorIdFor(board.id, 'astrid-secret-0123456789') } })
    await waitFor(() => noteText(facilitator.doc, 'astrid2'), 5000, 'second note')
    getRecordsMap(facilitator.doc).delete('shape:astrid2')
    await waitFor(() => noteText(observer.doc, 'astrid2') === undefined, 5000, 'facilitator delete')
    facilitator.doc.getMap('settings').set('deleteOwnNotesOnly', false)
    addNote(astrid.doc, 'astrid3', 'Municipal elderly-care staff', { meta: { author: authorIdFor(board.id, 'astrid-secret-0123456789') } })
    const bo2 = await t.connect(board.id, board.tokens.participant, { authorSecret: 'bo-secret-0123456789abcd' })
    await waitFor(() => noteText(bo2.doc, 'astrid3') && bo2.doc.getMap('settings').get('deleteOwnNotesOnly') === false, 5000, 'rule off at bo')
    getRecordsMap(bo2.doc).delete('shape:astrid3')
    await waitFor(() => noteText(observer.doc, 'astrid3') === undefined, 5000, 'bo deletes with the rule off')
  })
})
