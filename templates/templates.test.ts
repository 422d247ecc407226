import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../shared/locales.ts'
import { generateTemplateRecords, NOTE_SIZE, ZONE_PADDING, zoneTextLayout, zoneTextRect } from '../shared/templates/generateTemplateRecords.ts'
import { rectContains, rectsOverlap, zoneHoldsNotes, type Template } from '../shared/templates/templateSchema.ts'
import { FONT_SIZE, longestWordFits } from '../shared/templates/textLayout.ts'
import { loadShippedTemplates, TEMPLATES_DIR } from '../shared/templates/testFixtures.ts'

// The content checks a facilitator would notice: every template present and valid, every text
// translated, prompts that invite rather than order, and a layout that is readable and tidy.

const EXPECTED_IDS = ['blank', 'collective-author', 'compelling-repelling', 'coproduction-cycle', 'inside-outside', 'intended-actual', 'living-lab-kickoff', 'maturity-ladder', 'stakeholder-map']
const templates = loadShippedTemplates()
const raw = Object.fromEntries(
  readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(join(TEMPLATES_DIR, f), 'utf8')) as unknown]),
)
const byId = (id: string) => templates.find((t) => t.id === id) as Template

/** Words that are the same in English and a Scandinavian language, correctly. */
const SAME_AS_ENGLISH_ALLOWED = new Set(['Organisation'])
/** Zone grid: coordinates on an 8-unit grid, at least this much space between zones side by side. */
const GRID = 8
const GUTTER = 32

// Every Localized object in a file, with its path, found by walking the raw JSON.
function localizedTexts(node: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
  if (node === null || typeof node !== 'object') return []
  if ('en' in node) return [{ path, text: node as Record<string, unknown> }]
  return Object.entries(node).flatMap(([k, v]) => localizedTexts(v, `${path}/${k}`))
}

describe('shipped templates', () => {
  it('are the nine templates of the content specification, one file each, named by id', () => {
    expect(Object.keys(raw).sort()).toEqual(EXPECTED_IDS.map((id) => `${id}.json`))
    expect(templates.map((t) => t.id).sort()).toEqual(EXPECTED_IDS)
  })

  describe.each(Object.keys(raw))('%s', (file) => {
    const texts = localizedTexts(raw[file])

    it('has every text in en, da, sv and nb, none missing or empty', () => {
      const problems = texts.flatMap(({ path, text }) =>
        LOCALES.filter((l) => typeof text[l] !== 'string' || (text[l] as string).trim() === '').map((l) => `${path}: ${l}`),
      )
      expect(problems).toEqual([])
    })

    it('has real translations: da, sv and nb differ from English (except an allowlist)', () => {
      const copies = texts.flatMap(({ path, text }) =>
        (['da', 'sv', 'nb'] as const)
          .filter((l) => text[l] === text.en && !SAME_AS_ENGLISH_ALLOWED.has(text.en as string))
          .map((l) => `${path}: ${l} = "${text.en}"`),
      )
      expect(copies).toEqual([])
    })
  })

  describe.each(EXPECTED_IDS)('%s', (id) => {
    const t = byId(id)

    it('has an agenda whose minutes add up to the duration, and sources with short and full forms', () => {
      expect(t.agenda.length).toBeGreaterThan(0)
      expect(t.agenda.reduce((s, a) => s + a.minutes, 0)).toBe(t.durationMinutes)
      for (const s of t.sources) expect(s.full).toContain(s.short.split(/[ ,&(]/)[0])
      if (id !== 'blank') expect(t.sources.length).toBeGreaterThan(0)
    })

    it.each(LOCALES)('words zone prompts as questions or invitations, never as bare orders (%s)', (locale) => {
      // Sentences may describe or ask, but none may open with a command verb.
      const bossy = /^(write|list|place|add|describe|name|put|think|give|skriv|sæt|sätt|sett|placer|placera|plasser|tænk|tänk|tenk|tilføj|lägg|legg|beskriv|giv|ge|gi)\b/i
      for (const zone of t.zones.filter(zoneHoldsNotes)) {
        const prompt = zone.prompt![locale]
        expect(prompt, `${zone.id}`).toMatch(/\?/)
        for (const sentence of prompt.split(/(?<=[.?!])\s+/)) expect(sentence, `${zone.id}`).not.toMatch(bossy)
      }
    })

    it('lays zones out on an 8-unit grid with consistent gutters and no overlaps', () => {
      for (const z of t.zones) for (const v of [z.x, z.y, z.w, z.h]) expect(v % GRID, `${z.id}`).toBe(0)
      for (const a of t.zones) {
        for (const b of t.zones) {
          if (a === b || rectContains(a, b) || rectContains(b, a)) continue
          const gap = Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w), b.y - (a.y + a.h), a.y - (b.y + b.h))
          expect(gap, `${a.id} / ${b.id}`).toBeGreaterThanOrEqual(GUTTER)
        }
      }
    })

    it.each(LOCALES)('fits each zone’s text inside it, with room for a note where notes go (%s)', (locale) => {
      for (const zone of t.zones) {
        const used = zoneTextLayout(zone, locale).height
        const needed = zoneHoldsNotes(zone) ? used + NOTE_SIZE + ZONE_PADDING : used
        expect(needed, `${zone.id}`).toBeLessThanOrEqual(zone.h)
        // A band's own text must not run under the zones inside it.
        if (zone.kind === 'band') {
          for (const inner of t.zones.filter((z) => z !== zone && rectContains(zone, z))) {
            expect(rectsOverlap(zoneTextRect(zone, locale), inner), `${zone.id} text over ${inner.id}`).toBe(false)
          }
        }
      }
    })

    it.each(LOCALES)('never splits a word: the longest word of each zone text fits its width (%s)', (locale) => {
      for (const zone of t.zones) {
        const layout = zoneTextLayout(zone, locale)
        for (const box of [layout.label, layout.prompt, layout.body]) {
          if (box) expect(longestWordFits(box.text, box.w, box.size), `${zone.id}: "${box.text}"`).toBe(true)
        }
      }
    })

    it('keeps zone labels readable on a 1920×1080 projector showing the whole board', () => {
      for (const includeExtensions of [false, true]) {
        const shapes = generateTemplateRecords(t, 'da', { includeExtensions }).filter((r) => r.typeName === 'shape' && r.parentId === 'page:page') as any[]
        const left = Math.min(...shapes.map((s) => s.x))
        const top = Math.min(...shapes.map((s) => s.y))
        const width = Math.max(...shapes.map((s) => s.x + (s.props.w ?? 0))) - left
        const height = Math.max(...shapes.map((s) => s.y + (s.props.h ?? 100))) - top
        const zoom = Math.min(1920 / width, 1080 / height)
        expect(FONT_SIZE.xl * zoom).toBeGreaterThanOrEqual(15)
      }
    })
  })

  it('stakeholder map: the spec’s zones and example notes are there', () => {
    const t = byId('stakeholder-map')
    const labels = t.zones.map((z) => z.label.en)
    for (const l of ['Shared challenge', 'Public organisations', 'Civil society & volunteers', 'Citizens & service users', 'Private sector', 'Knowledge institutions', 'Co-producing', 'Consulted', 'Affected, not yet involved', 'Who is missing — and why?']) {
      expect(labels).toContain(l)
    }
    expect(t.examples.map((e) => e.text.en)).toEqual(['Red Cross local branch', 'Lonely elderly people', 'Municipal elderly-care staff', 'Regional innovation strategist', 'University researchers'])
    expect(t.agenda.map((a) => a.minutes)).toEqual([5, 7, 15, 10, 5, 5])
  })

  it('compelling/repelling: values panel is reference-only, the service-user column is an extension that says why', () => {
    const t = byId('compelling-repelling')
    const values = t.zones.find((z) => z.id === 'values-at-stake')!
    expect(values.kind).toBe('reference')
    expect(values.body!.en).toMatch(/equal access.*authenticity/s)
    const ext = t.zones.filter((z) => z.extension)
    expect(ext.map((z) => z.id)).toContain('citizen-side')
    expect(ext.every((z) => z.column === 'citizen-side' || z.id === 'citizen-side')).toBe(true)
    const note = t.zones.find((z) => z.id === 'citizen-side')!.prompt!
    expect(note.en).toMatch(/no data from service users/)
    expect(note.da).toMatch(/ingen data fra brugere/)
    expect(note.sv).toMatch(/inga data från brukare/)
    expect(note.nb).toMatch(/ingen data fra tjenestebrukere/)
    expect(t.agenda.map((a) => a.minutes)).toEqual([5, 7, 10, 5, 10, 5])
  })

  it('intended vs actual: the scale is a band holding the four co-production levels, in order', () => {
    const t = byId('intended-actual')
    const scale = t.zones.find((z) => z.id === 'involvement-scale')!
    expect(scale.kind).toBe('band')
    const steps = t.zones.filter((z) => z !== scale && rectContains(scale, z)).sort((a, b) => a.x - b.x)
    expect(steps.map((s) => s.label.en)).toEqual(['Consumer co-production', 'Strategic (participative) co-production', 'Enhanced co-production', 'Networked co-production'])
    expect(t.agenda.map((a) => a.minutes)).toEqual([7, 10, 8, 10, 5])
  })

  it('maturity ladder: rungs run from ad hoc (bottom) to culture (top), and the board says rungs can be skipped', () => {
    const t = byId('maturity-ladder')
    const rungs = t.zones.filter((z) => z.kind === 'row-header').sort((a, b) => b.y - a.y)
    expect(rungs.map((r) => r.label.en)).toEqual(['Ad hoc facilitation — individual', 'Ad hoc facilitation — collective', 'Pilot projects', 'Projects', 'Programmes', 'Culture'])
    expect(t.notice?.en).toMatch(/need not climb rung by rung/)
  })

  it('inside/outside: the outer band wholly contains the enablers/inhibitors grid', () => {
    const t = byId('inside-outside')
    const band = t.zones.find((z) => z.kind === 'band')!
    expect(band.label.en).toBe('Co-production on the outside')
    for (const z of t.zones.filter((z) => z !== band)) expect(rectContains(band, z)).toBe(true)
  })
})
