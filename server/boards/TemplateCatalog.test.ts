import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { validTemplateJson } from '../../shared/templates/testFixtures.ts'
import { TemplateCatalog, TemplateCatalogError } from './TemplateCatalog.ts'

const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url))
const dirs: string[] = []

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'coboard-templates-'))
  dirs.push(dir)
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('TemplateCatalog', () => {
  it('loads the shipped templates in lobby order, the blank board last', () => {
    const catalog = new TemplateCatalog(TEMPLATES_DIR)
    expect(catalog.ids()).toEqual([
      'stakeholder-map', 'compelling-repelling', 'intended-actual', 'power-and-mode', 'maturity-ladder', 'inside-outside',
      'coproduction-cycle', 'capacity-diagnosis', 'collective-author', 'living-lab-kickoff', 'blank',
    ])
    expect(catalog.get('stakeholder-map')?.zones.length).toBeGreaterThan(0)
    expect(catalog.get('no-such-template')).toBeUndefined()
  })

  it('lists localized entries for the lobby', () => {
    const catalog = new TemplateCatalog(TEMPLATES_DIR)
    const sv = catalog.list('sv')
    const map = sv.find((e) => e.id === 'stakeholder-map')!
    expect(map.title).toBe('Aktörskarta')
    expect(map.summary).toMatch(/sektorsgränserna/)
    expect(map.durationMinutes).toBe(47)
    expect(map.sources).toContain('Hoppe et al. (2024)')
    expect(map.suggestedGroups).toContain('citizen-service-user')
    // 15 grid cells + shared challenge + who is missing + report back; headers do not count.
    expect(map.zoneCount).toBe(18)
    expect(map.thumbnail.zones.find((z) => z.id === 'shared-challenge')?.label).toBe('Gemensam utmaning')
    expect(map.thumbnailSvg).toMatch(/^<svg [^>]*role="img" aria-label="Aktörskarta"/)
    expect(map.thumbnailSvg).toContain('<title>Vilka saknas — och varför?</title>')
    // The extension column is not part of the default board, so not of the thumbnail either.
    const cr = sv.find((e) => e.id === 'compelling-repelling')!
    expect(cr.thumbnail.zones.some((z) => z.id === 'citizen-side')).toBe(false)
  })

  it('stops start-up naming the file and the problem when a template is invalid', () => {
    const bad = validTemplateJson()
    delete bad.zones[0].prompt.nb
    const dir = dirWith({ 'test-board.json': JSON.stringify(bad) })
    expect(() => new TemplateCatalog(dir)).toThrow(TemplateCatalogError)
    expect(() => new TemplateCatalog(dir)).toThrow(/test-board\.json is invalid:\n {2}zones\[0\] "challenge" › prompt › nb: missing Norwegian Bokmål \(nb\) text/)
  })

  it('names the file when it is not JSON', () => {
    const dir = dirWith({ 'broken.json': '{ "id": ' })
    expect(() => new TemplateCatalog(dir)).toThrow(/broken\.json is not valid JSON/)
  })

  it('refuses a file whose name does not match its id', () => {
    const dir = dirWith({ 'other-name.json': JSON.stringify(validTemplateJson()) })
    expect(() => new TemplateCatalog(dir)).toThrow(/other-name\.json has id "test-board"/)
  })

  it('refuses an empty or missing directory', () => {
    expect(() => new TemplateCatalog(dirWith({}))).toThrow(/no template files/)
    expect(() => new TemplateCatalog(join(tmpdir(), 'coboard-does-not-exist'))).toThrow(/cannot read template directory/)
  })

  it('does not share state between instances', () => {
    const one = new TemplateCatalog(dirWith({ 'test-board.json': JSON.stringify(validTemplateJson()) }))
    const two = new TemplateCatalog(TEMPLATES_DIR)
    expect(one.ids()).toEqual(['test-board'])
    expect(two.ids()).not.toContain('test-board')
    expect(JSON.parse(readFileSync(join(TEMPLATES_DIR, 'blank.json'), 'utf8')).id).toBe('blank')
  })
})
