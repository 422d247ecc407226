import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeUpdate, rewriteUpdate, splitUpdate, structKey } from './yjsUpdates.ts'

function docWith(build: (doc: Y.Doc) => void): Y.Doc {
  const doc = new Y.Doc()
  build(doc)
  return doc
}

function stateOf(update: Uint8Array | Uint8Array[]): unknown {
  const doc = new Y.Doc()
  // Root types must be defined before toJSON can read them.
  for (const name of ['m', 'tldraw']) doc.getMap(name)
  for (const name of ['t', 'doc']) doc.getText(name)
  doc.getArray('list')
  for (const part of Array.isArray(update) ? update : [update]) Y.applyUpdate(doc, part)
  return { json: doc.toJSON(), pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null }
}

describe('rewriteUpdate', () => {
  it('with nothing to change, writes an update with the same effect', () => {
    const doc = docWith((d) => {
      d.getMap('tldraw').set('a', 1)
      d.getText('t').insert(0, 'hello world')
      d.getText('t').delete(0, 6)
    })
    const update = Y.encodeStateAsUpdate(doc)
    expect(stateOf(rewriteUpdate(decodeUpdate(update), new Set(), []))).toEqual(stateOf(update))
  })

  it('turns chosen items into GC: their content has no effect, later items from the same client still apply', () => {
    const doc = new Y.Doc()
    const map = doc.getMap('m')
    map.set('kept', 'yes')
    map.set('forbidden', 'no')
    map.set('later', 'also yes')
    const update = Y.encodeStateAsUpdate(doc)
    const decoded = decodeUpdate(update)
    const forbidden = decoded.structs.find((s) => s instanceof Y.Item && s.parentSub === 'forbidden')!
    const rewritten = rewriteUpdate(decoded, new Set([structKey(forbidden)]), [])
    const result = stateOf(rewritten) as { json: { m: unknown }; pending: boolean }
    expect(result.json.m).toEqual({ kept: 'yes', later: 'also yes' })
    expect(result.pending).toBe(false)
    // The receiver knows the whole clock range, so the sender's next update is not held back.
    const receiver = new Y.Doc()
    Y.applyUpdate(receiver, rewritten)
    expect(Y.getState(receiver.store, doc.clientID)).toBe(Y.getState(doc.store, doc.clientID))
  })

  it('drops chosen delete ranges', () => {
    const base = new Y.Doc()
    base.getMap('m').set('a', 1)
    base.getMap('m').set('b', 2)
    const receiver = new Y.Doc()
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(base))
    const sv = Y.encodeStateVector(base)
    base.getMap('m').delete('a')
    base.getMap('m').delete('b')
    const decoded = decodeUpdate(Y.encodeStateAsUpdate(base, sv))
    const [client, ranges] = [...decoded.deletes][0]
    const aItem = decodeUpdate(Y.encodeStateAsUpdate(base)).structs.find((s) => s instanceof Y.Item && s.parentSub === 'a')!
    expect(ranges.length).toBeGreaterThan(0)
    Y.applyUpdate(receiver, rewriteUpdate(decoded, new Set(), [{ client, clock: aItem.id.clock, len: 1 }]))
    expect(receiver.getMap('m').toJSON()).toEqual({ a: 1 })
  })
})

describe('splitUpdate', () => {
  it('returns a small update unchanged', () => {
    const update = Y.encodeStateAsUpdate(docWith((d) => d.getMap('m').set('x', 1)))
    expect(splitUpdate(update, 1024)).toEqual([update])
  })

  it('cuts a large update into parts under the limit that together have the same effect', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    for (let i = 0; i < 400; i++) a.getMap('tldraw').set(`note-${i}`, { text: `note ${i} `.repeat(20), x: i })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    b.getText('doc').insert(0, 'Our shared account. '.repeat(3000))
    b.getText('doc').delete(100, 500)
    for (let i = 0; i < 50; i++) b.getMap('tldraw').delete(`note-${i}`)
    const update = Y.encodeStateAsUpdate(b)
    const parts = splitUpdate(update, 16 * 1024)
    expect(parts.length).toBeGreaterThan(4)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(16 * 1024)
    expect(stateOf(parts)).toEqual(stateOf(update))
  })

  it('never cuts a surrogate pair in two', () => {
    const doc = docWith((d) => d.getText('t').insert(0, '😀'.repeat(5000)))
    const update = Y.encodeStateAsUpdate(doc)
    const parts = splitUpdate(update, 1000)
    expect(parts.length).toBeGreaterThan(10)
    const result = new Y.Doc()
    for (const part of parts) Y.applyUpdate(result, part)
    expect(result.getText('t').toString()).toBe('😀'.repeat(5000))
  })

  it('parts applied in order leave nothing pending, whatever the mix of clients', () => {
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
    for (let round = 0; round < 30; round++) {
      for (const [i, doc] of docs.entries()) {
        doc.getArray('list').insert(0, [`${i}-${round}-${'x'.repeat(200)}`])
        doc.getMap('tldraw').set(`k${round % 7}`, round * 10 + i)
      }
      // exchange so that later items depend on other clients' items
      for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from))
    }
    const update = Y.encodeStateAsUpdate(docs[0])
    const parts = splitUpdate(update, 4096)
    expect(parts.length).toBeGreaterThan(3)
    expect(stateOf(parts)).toEqual(stateOf(update))
  })

  it('cuts between records, so that each record arrives whole', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      for (let i = 0; i < 300; i++) {
        const record = new Y.Map<unknown>()
        for (let f = 0; f < 10; f++) record.set(`field${f}`, `value ${f} of record ${i} `.repeat(3))
        doc.getMap('tldraw').set(`shape:${i}`, record)
      }
    })
    const parts = splitUpdate(Y.encodeStateAsUpdate(doc), 20_000)
    expect(parts.length).toBeGreaterThan(5)
    const receiver = new Y.Doc()
    for (const part of parts) {
      Y.applyUpdate(receiver, part)
      for (const record of receiver.getMap<Y.Map<unknown>>('tldraw').values()) expect(record.size).toBe(10)
    }
    expect(receiver.getMap('tldraw').size).toBe(300)
  })
})
