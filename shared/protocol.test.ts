import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAwareness,
  encodeAwarenessUpdate,
  encodePermissionDenied,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
} from './protocol.ts'

describe('protocol', () => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'note')
  const update = Y.encodeStateAsUpdate(doc)

  it('round-trips every client message type', () => {
    expect(decodeMessage(encodeSyncStep1(Y.encodeStateVector(doc)))).toEqual({ type: 'sync-step1', stateVector: Y.encodeStateVector(doc) })
    expect(decodeMessage(encodeSyncStep2(update))).toEqual({ type: 'sync-step2', update })
    expect(decodeMessage(encodeUpdate(update))).toEqual({ type: 'update', update })
    const awareness = encodeAwarenessUpdate([{ clientId: 7, clock: 3, state: { user: { name: 'Åse' } } }])
    expect(decodeMessage(encodeAwareness(awareness))).toEqual({ type: 'awareness', update: awareness })
    expect(decodeMessage(encodeQueryAwareness())).toEqual({ type: 'query-awareness' })
  })

  it('names what is wrong with malformed frames', () => {
    const cases: Array<[Uint8Array, RegExp]> = [
      [new Uint8Array([]), /empty message type/],
      [new Uint8Array([9]), /unknown message type 9/],
      [new Uint8Array([0, 7, 0]), /unknown sync message type 7/],
      [new Uint8Array([0, 2, 10, 1, 2]), /truncated sync payload/],
      [new Uint8Array([...encodeUpdate(update), 0]), /trailing bytes/],
      [encodePermissionDenied('x'), /clients may not send auth/],
      [new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0x0f]), /truncated awareness payload/],
    ]
    for (const [bytes, message] of cases) expect(() => decodeMessage(bytes)).toThrow(message)
  })

  it('never reads past the end of a frame that is a view into a larger buffer', () => {
    // ws hands out views into pooled buffers; a lying length must not read the neighbour's bytes.
    const pool = new Uint8Array(64).fill(7)
    pool.set([0, 2, 40], 10)
    const view = pool.subarray(10, 13)
    expect(() => decodeMessage(view)).toThrow(ProtocolError)
  })

  it('decodes awareness entries and rejects states that are not objects', () => {
    const entries = [
      { clientId: 1, clock: 1, state: { cursor: { x: 1, y: 2 } } },
      { clientId: 2, clock: 5, state: null },
    ]
    expect(decodeAwarenessUpdate(encodeAwarenessUpdate(entries))).toEqual(entries)
    const bad = encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: 'x' as unknown as null }])
    expect(() => decodeAwarenessUpdate(bad)).toThrow(/must be an object or null/)
    expect(() => decodeAwarenessUpdate(new Uint8Array([1, 1, 1, 3, 0x7b, 0x7b, 0x7b]))).toThrow(/malformed awareness/)
  })
})
