import { describe, expect, it } from 'vitest'
import { parseTemplate, rectContains, rectsOverlap } from './templateSchema.ts'
import { text, validTemplateJson } from './testFixtures.ts'

function errorsOf(json: unknown): string[] {
  const result = parseTemplate(json)
  if (result.ok) throw new Error('expected the template to be rejected')
  return result.errors
}

describe('parseTemplate', () => {
  it('accepts a valid template and fills defaults', () => {
    const result = parseTemplate(validTemplateJson())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.template.zones[0].kind).toBe('zone')
    expect(result.template.version).toBe(1)
  })

  it('names the zone and the language when a Norwegian prompt is missing', () => {
    const json = validTemplateJson()
    delete json.zones[3].prompt.nb
    expect(errorsOf(json)).toEqual(['zones[3] "col-a-row-1" › prompt › nb: missing Norwegian Bokmål (nb) text'])
  })

  it('rejects empty and whitespace-only translations', () => {
    const json = validTemplateJson()
    json.title.da = '   '
    expect(errorsOf(json)).toEqual(['title › da: Danish (da) text is empty'])
  })

  it('reports an example note placed in a zone that does not exist', () => {
    const json = validTemplateJson()
    json.examples[1].zone = 'nowhere'
    expect(errorsOf(json)).toEqual(['examples[1] › zone: example note refers to unknown zone "nowhere"'])
  })

  it('reports an example note placed on a header, which holds no notes', () => {
    const json = validTemplateJson()
    json.examples[1].zone = 'col-a'
    expect(errorsOf(json)[0]).toContain('a column-header that does not hold notes')
  })

  it('reports a negative width with the zone id and the rule', () => {
    const json = validTemplateJson()
    json.zones[0].w = -10
    expect(errorsOf(json)).toEqual(['zones[0] "challenge" › w: w must be greater than 0 (board units)'])
  })

  it('reports duplicate zone ids', () => {
    const json = validTemplateJson()
    json.zones[6].id = 'challenge'
    expect(errorsOf(json)).toContain('zones[6] "challenge" › id: duplicate zone id "challenge"; zone ids must be unique')
  })

  it('rejects ids that are not kebab-case', () => {
    const json = validTemplateJson()
    json.id = 'Test Board'
    expect(errorsOf(json)[0]).toMatch(/^id: template id must be kebab-case/)
  })

  it('reports overlapping zones by id', () => {
    const json = validTemplateJson()
    json.zones[4].x = 600 // the reference panel now covers the cell
    expect(errorsOf(json)).toContain(
      'zones[4] "values": zone "values" overlaps zone "col-a-row-1"; move one of them, or make the outer one a "band" that wholly contains the other',
    )
  })

  it('allows a zone inside a band but not one sticking out of it', () => {
    expect(parseTemplate(validTemplateJson()).ok).toBe(true)
    const json = validTemplateJson()
    json.zones[6].h = 700 // "inner" now pokes out of the bottom of "outer"
    expect(errorsOf(json)[0]).toContain('zone "inner" overlaps zone "outer"')
  })

  it('requires a prompt on zones that hold notes', () => {
    const json = validTemplateJson()
    delete json.zones[0].prompt
    expect(errorsOf(json)).toEqual(['zones[0] "challenge" › prompt: zone "challenge" holds notes and needs a guiding prompt'])
  })

  it('checks that cells refer to existing row and column headers', () => {
    const json = validTemplateJson()
    json.zones[3].row = 'row-9'
    json.zones[3].column = 'challenge'
    expect(errorsOf(json)).toEqual([
      'zones[3] "col-a-row-1" › row: zone "col-a-row-1" refers to unknown row "row-9"',
      'zones[3] "col-a-row-1" › column: zone "col-a-row-1": column "challenge" must be a zone of kind "column-header", not "zone"',
    ])
  })

  it('requires positive whole agenda minutes that add up to the duration', () => {
    const json = validTemplateJson()
    json.agenda[1].minutes = 0
    expect(errorsOf(json)).toContain('agenda[1] "talk" › minutes: minutes must be greater than 0')
    const json2 = validTemplateJson()
    json2.durationMinutes = 20
    expect(errorsOf(json2)).toEqual(['durationMinutes: durationMinutes is 20 but the agenda steps add up to 15'])
  })

  it('names unknown fields, so a typo does not pass silently', () => {
    const json = validTemplateJson()
    json.zones[0].promt = text('typo')
    expect(errorsOf(json)).toEqual(['zones[0] "challenge": unknown field(s): promt'])
  })

  it('rejects unknown stakeholder groups and an unknown language', () => {
    const json = validTemplateJson()
    json.suggestedGroups = ['mayor']
    json.summary.fi = 'Testi'
    const errors = errorsOf(json)
    expect(errors).toContain('summary: unknown field(s): fi')
    expect(errors.some((e) => e.startsWith('suggestedGroups[0]: unknown stakeholder group'))).toBe(true)
  })

  it('accepts an activity on agenda steps and defaultAnonymous on the template, and names a wrong value', () => {
    const json = validTemplateJson()
    json.agenda[0].activity = 'silent-writing'
    json.defaultAnonymous = true
    const result = parseTemplate(json)
    expect(result.ok && result.template.agenda[0].activity).toBe('silent-writing')
    expect(result.ok && result.template.defaultAnonymous).toBe(true)
    json.agenda[1].activity = 'brainstorm'
    json.defaultAnonymous = 'yes'
    expect(errorsOf(json)).toEqual([
      'defaultAnonymous: defaultAnonymous must be true or false',
      'agenda[1] "talk" › activity: activity must be one of: silent-writing, discussion, dot-vote, report-back, other',
    ])
  })

  it('accepts document sections for the collective document, and names a duplicate id or a missing language', () => {
    const json = validTemplateJson() as ReturnType<typeof validTemplateJson> & { document?: unknown }
    json.document = { sections: [{ id: 'our-account', title: text('Our account') }, { id: 'what-worked', title: text('What worked') }] }
    const result = parseTemplate(json)
    expect(result.ok && result.template.document?.sections.map((s) => s.id)).toEqual(['our-account', 'what-worked'])
    json.document = { sections: [{ id: 'our-account', title: { ...text('Our account'), sv: undefined } }] }
    expect(errorsOf(json)).toEqual(['document › sections[0] "our-account" › title › sv: missing Swedish (sv) text'])
    json.document = { sections: [{ id: 'our-account', title: text('Our account') }, { id: 'our-account', title: text('Again') }] }
    expect(errorsOf(json)).toEqual(['document › sections[1] "our-account" › id: duplicate document section id "our-account"'])
    json.document = { sections: [] }
    expect(errorsOf(json)).toEqual(['document › sections: document sections: give at least one section, or leave "document" out'])
  })

  it('explains a missing text object instead of a type error', () => {
    const json = validTemplateJson()
    delete json.purpose
    expect(errorsOf(json)).toEqual(['purpose: missing text (give en, da, sv and nb)'])
  })

  it('does not throw on input that is not an object', () => {
    expect(errorsOf(null).length).toBeGreaterThan(0)
    expect(errorsOf('stakeholder-map').length).toBeGreaterThan(0)
  })
})

describe('rectangles', () => {
  it('treats touching edges as not overlapping', () => {
    expect(rectsOverlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 })).toBe(false)
    expect(rectsOverlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 9, y: 9, w: 10, h: 10 })).toBe(true)
    expect(rectContains({ x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 0, w: 10, h: 10 })).toBe(true)
  })
})
