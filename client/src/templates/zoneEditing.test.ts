import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TLShape } from 'tldraw'
import { generateTemplateRecords } from '../../../shared/templates/generateTemplateRecords.ts'
import { parseTemplate, type Template, type Zone } from '../../../shared/templates/templateSchema.ts'
import { boardZones, newZoneShapes, planAddition, type BoardZone } from './zoneEditing.ts'

const TEMPLATES_DIR = path.resolve(import.meta.dirname, '../../../templates')
const templates: Template[] = fs
  .readdirSync(TEMPLATES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const parsed = parseTemplate(JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, f), 'utf8')))
    if (!parsed.ok) throw new Error(`${f}: ${parsed.errors.join('; ')}`)
    return parsed.template
  })
const TEXTS = { label: 'New', prompt: 'What would you like to add here?' }

function zonesOf(template: Template): BoardZone[] {
  return boardZones(generateTemplateRecords(template, 'en').filter((r): r is TLShape => r.typeName === 'shape'))
}

// The board's zones after the plan, back in template form, so the schema's own rules (no
// overlaps, header references) judge the result.
function afterPlan(template: Template, axis: 'column' | 'row'): Template {
  const zones = zonesOf(template)
  const plan = planAddition(zones, axis, TEXTS)!
  const byId = new Map(template.zones.map((z) => [z.id, z]))
  const moved = zones.map((zone): Zone => {
    const change = plan.change.find((c) => c.shapeId === zone.shapeId)
    return { ...byId.get(zone.id)!, ...(change ? { x: change.x, y: change.y, w: change.w, h: change.h } : {}) }
  })
  return { ...template, zones: [...moved, ...plan.add] }
}

describe('adding a column or a row', () => {
  for (const template of templates.filter((t) => t.zones.length > 0)) {
    for (const axis of ['column', 'row'] as const) {
      it(`${template.id}: a new ${axis} fits without overlapping any zone`, () => {
        const result = parseTemplate(afterPlan(template, axis))
        expect(result.ok ? [] : result.errors).toEqual([])
      })
    }
  }

  it('adds a header and one cell per row for a grid column, labelled "column · row"', () => {
    const map = templates.find((t) => t.id === 'stakeholder-map')!
    const zones = zonesOf(map)
    const plan = planAddition(zones, 'column', TEXTS)!
    const rows = zones.filter((z) => z.kind === 'row-header')
    expect(plan.add.filter((z) => z.kind === 'column-header')).toHaveLength(1)
    expect(plan.add.filter((z) => z.kind === 'cell')).toHaveLength(rows.length)
    const header = plan.add[0]
    const last = zones.filter((z) => z.kind === 'column-header').sort((a, b) => b.x - a.x)[0]
    expect(header.x).toBe(last.x + last.w + 32)
    expect(plan.add[1].label.en).toBe(`New · ${rows.find((r) => r.id === plan.add[1].row)!.label}`)
    // The shared challenge above the grid grows with it; the side zone moves over.
    expect(plan.change.map((c) => c.shapeId)).toEqual(
      expect.arrayContaining(['shape:stakeholder-map/zone/shared-challenge', 'shape:stakeholder-map/zone/who-is-missing']),
    )
  })

  it('has nothing to copy on a blank board', () => {
    expect(planAddition([], 'row', TEXTS)).toBeUndefined()
  })

  it('makes locked frames with label and prompt texts, like the generated zones', () => {
    const map = templates.find((t) => t.id === 'stakeholder-map')!
    const plan = planAddition(zonesOf(map), 'row', TEXTS)!
    const shapes = newZoneShapes(map.id, plan.add, 'da', { locked: true })
    const frames = shapes.filter((s) => s.type === 'frame')
    expect(frames).toHaveLength(plan.add.length)
    expect(frames.every((f) => f.isLocked && f.index === undefined)).toBe(true)
    expect(shapes.filter((s) => s.type === 'text')).toHaveLength(plan.add.length * 2)
  })
})
