import type { TLNoteShape, TLParentId, TLRecord, TLShapeId } from '@tldraw/tlschema'
import { toRichText } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { coboardMeta, generateExampleNoteRecords, generateTemplateRecords, NOTE_SIZE, zoneShapeId } from './generateTemplateRecords.ts'
import { activeZones, parseTemplate, rectContains, zoneHoldsNotes, type Template, type Zone } from './templateSchema.ts'
import { loadShippedTemplates, validTemplateJson } from './testFixtures.ts'
import { assignNotesToZones, findZoneFrames, groupNotesByZone, noteHoldingFrames, zoneFrameOfNote } from './zoneMembership.ts'

const templates = loadShippedTemplates()
const coboardMetaOf = (r: TLRecord) => coboardMeta(r as never)
const fixture = (() => {
  const r = parseTemplate(validTemplateJson())
  if (!r.ok) throw new Error(r.errors.join('\n'))
  return r.template
})()

// A participant's note as tldraw would create it, at (x, y) relative to its parent.
function note(id: string, x: number, y: number, parentId: TLParentId = 'page:page' as TLParentId): TLNoteShape {
  return {
    id: `shape:${id}` as TLShapeId, typeName: 'shape', type: 'note', x, y, rotation: 0, index: 'b1' as never, parentId, isLocked: false, opacity: 1, meta: {},
    props: { color: 'yellow', labelColor: 'black', size: 'm', font: 'draw', fontSizeAdjustment: 1, align: 'middle', verticalAlign: 'middle', growY: 0, url: '', richText: toRichText('hi'), scale: 1, textLastEditedBy: null },
  }
}

// A point in the zone that no other zone inside it covers: the free area where a note would go.
function freePoint(template: Template, zone: Zone): { x: number; y: number } {
  const inner = template.zones.filter((z) => z !== zone && rectContains(zone, z))
  for (let y = zone.y + zone.h - NOTE_SIZE / 2 - 24; y > zone.y; y -= 8) {
    for (let x = zone.x + zone.w / 2; x < zone.x + zone.w; x += 8) {
      if (!inner.some((z) => x >= z.x && x <= z.x + z.w && y >= z.y && y <= z.y + z.h)) return { x, y }
    }
  }
  throw new Error(`no free point in ${zone.id}`)
}

// Drops one note into each zone that holds notes, centred on a free point of the zone.
function dropOneNotePerZone(template: Template, parented: boolean): TLNoteShape[] {
  return activeZones(template, true)
    .filter(zoneHoldsNotes)
    .map((zone) => {
      const centre = freePoint(template, zone)
      const x = centre.x - NOTE_SIZE / 2
      const y = centre.y - NOTE_SIZE / 2
      return parented ? note(`in-${zone.id}`, x - zone.x, y - zone.y, zoneShapeId(template.id, zone.id)) : note(`in-${zone.id}`, x, y)
    })
}

describe('zone membership', () => {
  for (const template of [...templates, fixture]) {
    it.each([false, true])(`${template.id}: a note dropped into each zone belongs to it (parented: %s)`, (parented) => {
      const records = generateTemplateRecords(template, 'en', { includeExtensions: true })
      const dropped = dropOneNotePerZone(template, parented)
      const membership = assignNotesToZones([...records, ...dropped])
      for (const n of dropped) expect(membership.get(n.id), n.id).toBe(n.id.slice('shape:in-'.length))
    })

    it(`${template.id}: example notes belong to the zone they were written for`, () => {
      const records = [...generateTemplateRecords(template, 'sv', { includeExtensions: true }), ...generateExampleNoteRecords(template, 'sv', { includeExtensions: true })]
      const membership = assignNotesToZones(records)
      for (const example of generateExampleNoteRecords(template, 'sv', { includeExtensions: true })) {
        expect(membership.get(example.id)).toBe((example.meta as any).coboard.zone)
      }
    })
  }

  it('gives the innermost zone when zones are nested (band)', () => {
    const records = generateTemplateRecords(fixture, 'en')
    const inInner = note('a', 400, 1500)
    const inBandOnly = note('b', 20, 1600)
    const membership = assignNotesToZones([...records, inInner, inBandOnly])
    expect(membership.get(inInner.id)).toBe('inner')
    expect(membership.get(inBandOnly.id)).toBe('outer')
  })

  it('returns null for a note outside every zone, and for a note on a header or reference panel', () => {
    const records = generateTemplateRecords(fixture, 'en')
    const outside = note('far', 5000, 5000)
    const onHeader = note('header', 400 + 44 - 100, 432 + 60 - 100) // centre on the "Column A" header
    const onReference = note('ref', 760, 600)
    const membership = assignNotesToZones([...records, outside, onHeader, onReference])
    expect(membership.get(outside.id)).toBeNull()
    expect(membership.get(onHeader.id)).toBeNull()
    expect(membership.get(onReference.id)).toBeNull()
  })

  it('prefers frame parenting over geometry (an unlocked frame that received the note)', () => {
    const records = generateTemplateRecords(fixture, 'en')
    // Parented to "challenge" but its relative position would put its centre elsewhere on the page.
    const n = note('p', 0, 1400, zoneShapeId(fixture.id, 'challenge'))
    expect(assignNotesToZones([...records, n]).get(n.id)).toBe('challenge')
  })

  it('finds zone frames by their meta marker and ignores other frames', () => {
    const records = generateTemplateRecords(fixture, 'en')
    const plainFrame = { ...(records[0] as any), id: 'shape:user-frame', meta: {} }
    const found = findZoneFrames([...records, plainFrame])
    expect(found.map((f) => f.zoneId).sort()).toEqual(fixture.zones.map((z) => z.id).sort())
  })

  it('groups notes by zone for exports', () => {
    const records = generateTemplateRecords(fixture, 'en')
    const a = note('a', 400, 1500)
    const b = note('b', 420, 1520)
    const c = note('c', 9000, 0)
    const groups = groupNotesByZone([...records, a, b, c])
    expect(groups.get('inner')?.map((n) => n.id)).toEqual([a.id, b.id])
    expect(groups.get(null)?.map((n) => n.id)).toEqual([c.id])
  })

  it('judges a frame without a holdsNotes marker by its kind, and never takes an example frame for a zone', () => {
    const records = generateTemplateRecords(fixture, 'en')
    const unmarked = records.map((r) => {
      const meta = r.typeName === 'shape' ? (coboardMetaOf(r) as Record<string, unknown> | undefined) : undefined
      if (!meta?.zone) return r
      const { holdsNotes: _dropped, ...rest } = meta
      return { ...r, meta: { coboard: rest } } as TLRecord
    })
    const onHeader = note('header', 400 + 44 - 100, 432 + 60 - 100)
    const inInner = note('inner', 400, 1500)
    const membership = assignNotesToZones([...unmarked, onHeader, inInner])
    expect(membership.get(onHeader.id)).toBeNull()
    expect(membership.get(inInner.id)).toBe('inner')
    const example = records.map((r) => (r.id === zoneShapeId(fixture.id, 'inner') ? ({ ...r, meta: { coboard: { ...coboardMetaOf(r), example: true } } } as TLRecord) : r))
    expect(findZoneFrames(example).map((f) => f.zoneId)).not.toContain('inner')
  })

  it('answers one note at a time through any lookup (a live editor), exactly as for a whole board', () => {
    const records = [...generateTemplateRecords(fixture, 'en'), note('a', 400, 1500), note('p', 0, 1400, zoneShapeId(fixture.id, 'challenge')), note('far', 9000, 0)]
    const byId = new Map(records.map((r) => [r.id as string, r]))
    const lookup = (id: string) => byId.get(id) as never
    const frames = noteHoldingFrames(findZoneFrames(records))
    const all = assignNotesToZones(records)
    for (const r of records) {
      if (r.typeName !== 'shape' || r.type !== 'note') continue
      expect(zoneFrameOfNote(r as TLNoteShape, lookup, frames)?.zoneId ?? null).toBe(all.get(r.id))
    }
  })
})
