import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { makeNote } from '../tldrawYjs/testing.ts'
import { planRestore } from './restorePlan.ts'

const page = { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} } as unknown as TLRecord
const frame = { ...makeNote('frame'), type: 'frame', x: 1000, y: 500 } as unknown as TLRecord
const note = (key: string, extra: object = {}) => ({ ...makeNote(key), ...extra }) as TLRecord

describe('planRestore', () => {
  it('all: brings the board back exactly, as changes on top of it', () => {
    const then = [page, note('a'), note('b', { x: 10 })]
    const now = [page, note('b', { x: 999 }), note('c')]
    const plan = planRestore(now, then, 'all')
    expect(plan.put.map((r) => r.id).sort()).toEqual(['shape:a', 'shape:b'])
    expect(plan.remove).toEqual(['shape:c'])
    expect(plan.counts).toEqual({ created: 1, changed: 1, removed: 1, shapes: 3 })
  })

  it('deleted: brings back only what was deleted, and leaves later notes and changes alone', () => {
    const then = [page, note('a'), note('b', { x: 10 })]
    const now = [page, note('b', { x: 999 }), note('c')]
    const plan = planRestore(now, then, 'deleted')
    expect(plan.put.map((r) => r.id)).toEqual(['shape:a'])
    expect(plan.remove).toEqual([])
  })

  it('deleted: a note whose frame is gone lands on the page where it was', () => {
    const inFrame = note('inside', { parentId: 'shape:frame', x: 20, y: 30 })
    const plan = planRestore([page], [page, frame, inFrame], 'deleted')
    const restored = plan.put.find((r) => r.id === 'shape:inside') as unknown as { parentId: string; x: number; y: number }
    // The frame itself was deleted too and comes back, so the note keeps its parent.
    expect(restored.parentId).toBe('shape:frame')
    const onlyNote = planRestore([page], [page, frame, inFrame].filter((r) => r.id !== 'shape:frame'), 'deleted')
    expect(onlyNote.put[0]).toMatchObject({ parentId: 'page:page', x: 20, y: 30 })
    const frameKept = planRestore([page], [page, frame, inFrame], 'deleted')
    expect(frameKept.counts.shapes).toBe(2)
  })

  it('deleted: bindings come back only when both ends are there', () => {
    const arrow = { ...note('arrow'), type: 'arrow' } as TLRecord
    const binding = { id: 'binding:1', typeName: 'binding', type: 'arrow', fromId: 'shape:arrow', toId: 'shape:a', props: {}, meta: {} } as unknown as TLRecord
    expect(planRestore([page, note('a')], [page, note('a'), arrow, binding], 'deleted').put.map((r) => r.id)).toEqual(['shape:arrow', 'binding:1'])
    expect(planRestore([page], [page, arrow, binding], 'deleted').put.map((r) => r.id)).toEqual(['shape:arrow'])
  })
})
