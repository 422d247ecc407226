import { Store } from '@tldraw/store'
import { createTLSchema, type TLFrameShape, type TLNoteShape, type TLRecord, type TLShape, type TLTextShape } from '@tldraw/tlschema'
import { describe, expect, it, vi } from 'vitest'
import { LOCALES } from '../locales.ts'
import {
  coboardMeta,
  DEFAULT_PAGE_ID,
  exampleNoteShapeId,
  generateBoardSeedRecords,
  generateExampleNoteRecords,
  generatePageRecord,
  generateTemplateRecords,
  NOTE_SIZE,
  zoneShapeId,
} from './generateTemplateRecords.ts'
import { activeZones, parseTemplate, rectContains, rectsOverlap, type Template } from './templateSchema.ts'
import { loadShippedTemplates, validTemplateJson } from './testFixtures.ts'

const schema = createTLSchema()
const templates = loadShippedTemplates()
const fixture = (() => {
  const r = parseTemplate(validTemplateJson())
  if (!r.ok) throw new Error(r.errors.join('\n'))
  return r.template
})()
const all = [...templates, fixture]

function validateWithTldraw(record: TLRecord): void {
  const type = (schema.types as Record<string, { validate(r: unknown): unknown }>)[record.typeName]
  type.validate(record)
}
const frames = (records: TLRecord[]) => records.filter((r): r is TLFrameShape => r.typeName === 'shape' && r.type === 'frame')
const texts = (records: TLRecord[]) => records.filter((r): r is TLTextShape => r.typeName === 'shape' && r.type === 'text')
const notes = (records: TLRecord[]) => records.filter((r): r is TLNoteShape => r.typeName === 'shape' && r.type === 'note')
const SIZE_ORDER = { s: 0, m: 1, l: 2, xl: 3 }
const plain = (rt: unknown) => JSON.stringify(rt).match(/"text":"([^"]*)"/g)?.map((m) => JSON.parse(m.slice(7))).join('\n') ?? ''

describe('generateTemplateRecords', () => {
  it('tldraw rejects a broken record, so the validation below is live', () => {
    const [frame] = frames(generateTemplateRecords(templates[1], 'en'))
    expect(() => validateWithTldraw({ ...frame, props: { ...frame.props, w: -1 } } as TLRecord)).toThrow()
    expect(() => validateWithTldraw({ ...frame, parentId: 'nowhere' } as unknown as TLRecord)).toThrow()
  })

  for (const template of all) {
    describe(template.id, () => {
      it.each(LOCALES)('every record passes tldraw 5 validation (%s)', (locale) => {
        const records = generateTemplateRecords(template, locale, { includeExamples: true, includeExtensions: true })
        for (const record of records) expect(() => validateWithTldraw(record), record.id).not.toThrow()
        // The page record and the shapes load into a real tldraw store (which validates on put).
        const store = new Store({ schema, props: {} as never })
        store.put([generatePageRecord(template, locale), ...records])
        expect(store.allRecords()).toHaveLength(records.length + 1)
      })

      it('is deterministic: two runs give identical records, byte for byte', () => {
        const random = vi.spyOn(Math, 'random')
        const now = vi.spyOn(Date, 'now')
        for (const locale of LOCALES) {
          const a = generateTemplateRecords(template, locale, { includeExamples: true })
          const b = generateTemplateRecords(template, locale, { includeExamples: true })
          expect(b).toEqual(a)
          expect(JSON.stringify(b)).toBe(JSON.stringify(a))
          // Plain JSON (no undefined, no class instances), so it survives the Y.Doc and exports.
          expect(JSON.parse(JSON.stringify(a))).toStrictEqual(a)
        }
        expect(random).not.toHaveBeenCalled()
        expect(now).not.toHaveBeenCalled()
        random.mockRestore()
        now.mockRestore()
      })

      it('gives every record a unique id and a parent that exists', () => {
        const records = generateTemplateRecords(template, 'en', { includeExamples: true, includeExtensions: true })
        const ids = new Set(records.map((r) => r.id))
        expect(ids.size).toBe(records.length)
        for (const r of records as TLShape[]) expect(r.parentId === DEFAULT_PAGE_ID || ids.has(r.parentId), r.id).toBe(true)
      })

      it.each(LOCALES)('turns each zone into a locked, labelled frame with its label and prompt (%s)', (locale) => {
        const records = generateTemplateRecords(template, locale)
        const zones = activeZones(template)
        expect(frames(records)).toHaveLength(zones.length)
        for (const zone of zones) {
          const frame = records.find((r) => r.id === zoneShapeId(template.id, zone.id)) as TLFrameShape
          expect(frame.isLocked).toBe(true)
          expect(frame.props.name).toBe(zone.label[locale])
          expect([frame.x, frame.y, frame.props.w, frame.props.h]).toEqual([zone.x, zone.y, zone.w, zone.h])
          expect(coboardMeta(frame)).toMatchObject({ template: template.id, zone: zone.id, kind: zone.kind })
          const children = texts(records).filter((t) => t.parentId === frame.id)
          expect(children.every((t) => t.isLocked)).toBe(true)
          const label = children.find((t) => coboardMeta(t)?.part === 'label')!
          expect(plain(label.props.richText)).toBe(zone.label[locale])
          if (zone.prompt) {
            const prompt = children.find((t) => coboardMeta(t)?.part === 'prompt')!
            expect(plain(prompt.props.richText)).toBe(zone.prompt[locale])
            // The label reads larger than the prompt, and sits above it.
            expect(SIZE_ORDER[label.props.size]).toBeGreaterThan(SIZE_ORDER[prompt.props.size])
            expect(prompt.y).toBeGreaterThan(label.y)
          }
        }
      })

      it.each(LOCALES)('shows the title, purpose and short source in a header above the zones (%s)', (locale) => {
        const records = generateTemplateRecords(template, locale)
        const header = texts(records).filter((t) => t.parentId === DEFAULT_PAGE_ID)
        const all = header.map((t) => plain(t.props.richText)).join('\n')
        expect(all).toContain(template.title[locale])
        expect(all).toContain(template.purpose[locale])
        for (const source of template.sources) expect(all).toContain(source.short)
        const top = Math.min(0, ...activeZones(template).map((z) => z.y))
        for (const t of header) expect(t.y).toBeLessThan(top)
      })

      it('adds example notes only when asked, each inside its zone and clear of the others', () => {
        expect(notes(generateTemplateRecords(template, 'en'))).toEqual([])
        for (const locale of LOCALES) {
          const withExamples = notes(generateTemplateRecords(template, locale, { includeExamples: true }))
          expect(withExamples).toEqual(generateExampleNoteRecords(template, locale))
          const expected = template.examples.filter((e) => activeZones(template).some((z) => z.id === e.zone))
          expect(withExamples.map((n) => plain(n.props.richText))).toEqual(
            activeZones(template).flatMap((z) => expected.filter((e) => e.zone === z.id).map((e) => e.text[locale])),
          )
          const rects = withExamples.map((n) => ({ x: n.x, y: n.y, w: NOTE_SIZE * n.props.scale, h: NOTE_SIZE * n.props.scale }))
          withExamples.forEach((note, i) => {
            const meta = coboardMeta(note)!
            expect(meta.example).toBe(true)
            expect(note.isLocked).toBe(false)
            const zone = template.zones.find((z) => z.id === meta.zone)!
            expect(rectContains(zone, rects[i]), `${note.id} in ${locale}`).toBe(true)
            expect(note.props.scale).toBeGreaterThanOrEqual(0.5)
            rects.forEach((other, j) => j !== i && expect(rectsOverlap(rects[i], other)).toBe(false))
            // Nor does it lie over another zone (e.g. a zone inside the band it belongs to).
            for (const z of activeZones(template)) if (z !== zone && !rectContains(z, zone)) expect(rectsOverlap(rects[i], z), `${note.id} over ${z.id}`).toBe(false)
          })
        }
      })
    })
  }

  it('derives ids from template id and zone id', () => {
    const records = generateTemplateRecords(fixture, 'en', { includeExamples: true })
    expect(records.map((r) => r.id)).toContain('shape:test-board/zone/challenge')
    expect(records.map((r) => r.id)).toContain('shape:test-board/zone/challenge/label')
    expect(exampleNoteShapeId('test-board', 'inner', 0)).toBe('shape:test-board/example/inner/0')
    expect(records.map((r) => r.id)).toContain('shape:test-board/example/inner/0')
  })

  it('draws a band below the zones inside it', () => {
    const records = frames(generateTemplateRecords(fixture, 'en'))
    const outer = records.find((f) => coboardMeta(f)?.zone === 'outer')!
    const inner = records.find((f) => coboardMeta(f)?.zone === 'inner')!
    expect(outer.index < inner.index).toBe(true)
  })

  it('seeds a board with document, page and shapes that load into a tldraw store', () => {
    const seed = generateBoardSeedRecords(templates[0], 'nb', { includeExamples: true })
    expect(seed.slice(0, 2).map((r) => r.id)).toEqual(['document:document', 'page:page'])
    expect(seed.slice(2)).toEqual(generateTemplateRecords(templates[0], 'nb', { includeExamples: true }))
    const store = new Store({ schema, props: {} as never })
    store.put(seed)
    expect(store.get('document:document' as never)).toMatchObject({ name: templates[0].title.nb })
    expect(generateBoardSeedRecords(templates[0], 'nb')).toEqual(generateBoardSeedRecords(templates[0], 'nb'))
  })

  it('uses the same page id as tldraw’s default page', () => {
    expect(DEFAULT_PAGE_ID).toBe('page:page')
    expect(generatePageRecord(fixture, 'da')).toMatchObject({ id: 'page:page', typeName: 'page', name: 'Test board (da)' })
  })

  it('leaves extension zones off unless asked, and the extension says the paper has no service-user data', () => {
    const t = templates.find((x) => x.id === 'compelling-repelling') as Template
    const defaultZones = frames(generateTemplateRecords(t, 'en')).map((f) => coboardMeta(f)?.zone)
    expect(defaultZones).not.toContain('citizen-side')
    const withExt = generateTemplateRecords(t, 'en', { includeExtensions: true })
    expect(frames(withExt).map((f) => coboardMeta(f)?.zone)).toContain('citizen-side')
    const prompt = texts(withExt).find((x) => x.id === `${zoneShapeId(t.id, 'citizen-side')}/prompt`)!
    expect(plain(prompt.props.richText)).toMatch(/no data from service users/)
  })
})
