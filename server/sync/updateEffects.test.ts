import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { analyzeUpdate, type Effect } from './updateEffects.ts'

/** A room doc and a client doc that starts from it (as after sync). */
function roomAndClient() {
  const room = new Y.Doc()
  room.getMap('tldraw').set('shape:zone', new Y.Map(Object.entries({ x: 1, isLocked: true })))
  room.getMap('meta').set('title', 'Workshop')
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
  return { room, client }
}

/** The update a change on `doc` produces. */
function change(doc: Y.Doc, fn: () => void): Uint8Array {
  let update: Uint8Array | undefined
  const listener = (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u)
  doc.on('update', listener)
  doc.transact(fn)
  doc.off('update', listener)
  if (!update) throw new Error('no update')
  return update
}

const summary = (effects: Effect[]) =>
  effects.map((e) => ({ kind: e.kind, parent: e.parent?.join('/'), key: e.key, content: e.content, ...(e.kind === 'insert' && e.values ? { values: e.values } : {}) }))

describe('analyzeUpdate', () => {
  it('locates a new record, its fields and nested maps', () => {
    const { room, client } = roomAndClient()
    const update = change(client, () => {
      const record = new Y.Map<unknown>()
      record.set('x', 10)
      const props = new Y.Map<unknown>()
      props.set('color', 'yellow')
      record.set('props', props)
      client.getMap('tldraw').set('shape:note', record)
    })
    const analysis = analyzeUpdate(room, update)
    expect(analysis.status).toBe('ready')
    if (analysis.status !== 'ready') return
    expect(summary(analysis.effects)).toEqual(
      expect.arrayContaining([
        { kind: 'insert', parent: 'tldraw', key: 'shape:note', content: 'map' },
        { kind: 'insert', parent: 'tldraw/shape:note', key: 'x', content: 'value', values: [10] },
        { kind: 'insert', parent: 'tldraw/shape:note', key: 'props', content: 'map' },
        { kind: 'insert', parent: 'tldraw/shape:note/props', key: 'color', content: 'value', values: ['yellow'] },
      ]),
    )
    expect(analysis.writesClients).toEqual(new Set([client.clientID]))
  })

  it('sees an overwrite as an insert plus the delete of the old value, and a record delete as such', () => {
    const { room, client } = roomAndClient()
    const move = change(client, () => (client.getMap('tldraw').get('shape:zone') as Y.Map<unknown>).set('x', 777))
    const moved = analyzeUpdate(room, move)
    expect(moved.status === 'ready' && summary(moved.effects)).toEqual([
      { kind: 'insert', parent: 'tldraw/shape:zone', key: 'x', content: 'value', values: [777] },
      { kind: 'delete', parent: 'tldraw/shape:zone', key: 'x', content: 'value' },
    ])
    const fresh = roomAndClient()
    const remove = change(fresh.client, () => fresh.client.getMap('tldraw').delete('shape:zone'))
    const removed = analyzeUpdate(fresh.room, remove)
    // Deleting a map deletes its entries too; the policy judges them as part of the record's delete.
    expect(removed.status === 'ready' && summary(removed.effects)).toEqual([
      { kind: 'delete', parent: 'tldraw', key: 'shape:zone', content: 'map' },
      { kind: 'delete', parent: 'tldraw/shape:zone', key: 'x', content: 'value' },
      { kind: 'delete', parent: 'tldraw/shape:zone', key: 'isLocked', content: 'value' },
    ])
  })

  it('reports an update whose items wait for another client as waiting, and names what it needs', () => {
    const { room, client } = roomAndClient()
    const facilitator = new Y.Doc()
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(room))
    // The facilitator's next change is not at the server yet; a participant builds on it.
    const unseen = change(facilitator, () => facilitator.getMap('meta').set('title', 'New title'))
    Y.applyUpdate(client, unseen)
    const dependent = change(client, () => client.getMap('meta').set('title', 'Hijacked'))
    const analysis = analyzeUpdate(room, dependent)
    expect(analysis.status).toBe('waiting')
    if (analysis.status === 'waiting') expect(analysis.needs.client).toBe(facilitator.clientID)
    // Once the dependency is in the room, the same update is ready and attributed to its sender.
    Y.applyUpdate(room, unseen)
    const later = analyzeUpdate(room, dependent)
    expect(later.status === 'ready' && summary(later.effects)).toEqual([
      { kind: 'insert', parent: 'meta', key: 'title', content: 'value', values: ['Hijacked'] },
      { kind: 'delete', parent: 'meta', key: 'title', content: 'value' },
    ])
  })

  it('waits for a gap in the sender’s own clock and for deletes of unknown items', () => {
    const { room, client } = roomAndClient()
    change(client, () => client.getMap('tldraw').set('a', 1))
    const second = change(client, () => client.getMap('tldraw').set('b', 2))
    expect(analyzeUpdate(room, second).status).toBe('waiting')
  })

  it('calls garbage malformed, never throws', () => {
    const { room } = roomAndClient()
    expect(analyzeUpdate(room, new Uint8Array([1, 2, 3, 4, 5, 200, 200, 200])).status).toBe('malformed')
  })

  it('finds nothing new in an update the doc already has', () => {
    const { room } = roomAndClient()
    const analysis = analyzeUpdate(room, Y.encodeStateAsUpdate(room))
    expect(analysis.status === 'ready' && analysis.empty).toBe(true)
  })

  it('gives paths of thousands of nested maps without recursion, cut at the depth limit', () => {
    const { room, client } = roomAndClient()
    const update = change(client, () => {
      let parent = client.getMap('tldraw')
      for (let i = 0; i < 8000; i++) {
        const child = new Y.Map<unknown>()
        parent.set('k', child)
        parent = child
      }
    })
    const analysis = analyzeUpdate(room, update)
    expect(analysis.status).toBe('ready')
    if (analysis.status === 'ready') expect(Math.max(...analysis.effects.map((e) => e.parent?.length ?? 0))).toBeLessThanOrEqual(32)
  })
})
