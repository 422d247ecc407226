import { toRichText, type TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { makeNote } from '../tldrawYjs/testing.ts'
import { compareVersions } from './compareVersions.ts'

const zoneFrame = (zone: string, x: number) =>
  ({
    ...makeNote(`frame-${zone}`),
    type: 'frame',
    x,
    y: 0,
    props: { w: 1000, h: 1000, name: zone, color: 'black' },
    meta: { coboard: { template: 't', zone, kind: 'zone', holdsNotes: true } },
  }) as unknown as TLRecord
const note = (key: string, text: string, x: number) => ({ ...makeNote(key), x, y: 100, props: { ...makeNote(key).props, richText: toRichText(text) } }) as TLRecord

describe('compareVersions', () => {
  it('finds notes added, removed, moved between zones and edited, with counts per zone', () => {
    const frames = [zoneFrame('hopes', 0), zoneFrame('worries', 2000)]
    const before = [...frames, note('a', 'Better buses', 100), note('b', 'Less paperwork', 200), note('c', 'Too slow', 2100), note('d', 'Same', 300)]
    const after = [...frames, note('a', 'Better buses at night', 100), note('b', 'Less paperwork', 2200), note('e', 'New idea', 400), note('d', 'Same', 300)]
    const diff = compareVersions(before, after)
    expect(diff.added.map((n) => n.id)).toEqual(['shape:e'])
    expect(diff.removed.map((n) => n.id)).toEqual(['shape:c'])
    expect(diff.moved).toEqual([{ id: 'shape:b', text: 'Less paperwork', before: { text: 'Less paperwork', zone: 'hopes' }, after: { text: 'Less paperwork', zone: 'worries' } }])
    expect(diff.edited.map((n) => n.text)).toEqual(['Better buses at night'])
    expect(diff.unchanged).toBe(1)
    expect(diff.perZone.hopes).toEqual({ added: 1, removed: 0, movedIn: 0, movedOut: 1, edited: 1, before: 3, after: 3 })
    expect(diff.perZone.worries).toEqual({ added: 0, removed: 1, movedIn: 1, movedOut: 0, edited: 0, before: 1, after: 1 })
  })

  it('lists a note that was moved and edited under both, counting the edit in the zone it is in now', () => {
    const frames = [zoneFrame('hopes', 0), zoneFrame('worries', 2000)]
    const diff = compareVersions([...frames, note('a', 'Buses', 100)], [...frames, note('a', 'Buses at night', 2100)])
    expect(diff.moved.map((n) => n.id)).toEqual(['shape:a'])
    expect(diff.edited.map((n) => n.before?.text)).toEqual(['Buses'])
    expect(diff.unchanged).toBe(0)
    expect(diff.perZone.hopes).toMatchObject({ movedOut: 1, edited: 0 })
    expect(diff.perZone.worries).toMatchObject({ movedIn: 1, edited: 1 })
  })
})
