import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locale } from '../../shared/locales.ts'
import type { StakeholderGroup } from '../../shared/stakeholderGroups.ts'
import { parseTemplate, zoneHoldsNotes, type Template } from '../../shared/templates/templateSchema.ts'
import { templateThumbnail, thumbnailSvg, type TemplateThumbnail } from '../../shared/templates/templateThumbnail.ts'

/** One template as the lobby lists it (`GET /api/templates`), in one locale. */
export interface TemplateCatalogEntry {
  id: string
  title: string
  summary: string
  purpose: string
  suggestedGroups: StakeholderGroup[]
  durationMinutes: number
  /** Short citations, e.g. "Hoppe et al. (2024)". */
  sources: string[]
  /** Zones that hold notes (headers and reference panels not counted; extensions left out). */
  zoneCount: number
  thumbnail: TemplateThumbnail
  thumbnailSvg: string
  /** True for templates facilitators imported or saved from a board (not shipped in templates/). */
  custom: boolean
}

/** Raised at start-up when a template file is missing, unreadable or invalid. */
export class TemplateCatalogError extends Error {
  override name = 'TemplateCatalogError'
}

/** The workshop templates, loaded and validated once from a directory of `<id>.json` files. */
export class TemplateCatalog {
  private readonly templates: Map<string, Template>
  private readonly customIds = new Set<string>()

  /** Reads every `*.json` in `directory`; throws TemplateCatalogError naming the file and the problem. */
  constructor(directory: string) {
    let files: string[]
    try {
      files = readdirSync(directory).filter((f) => f.endsWith('.json')).sort()
    } catch (error) {
      throw new TemplateCatalogError(`cannot read template directory ${directory}: ${(error as Error).message}`)
    }
    if (files.length === 0) throw new TemplateCatalogError(`no template files (*.json) in ${directory}`)
    const templates = new Map<string, Template>()
    for (const file of files) {
      const path = join(directory, file)
      let json: unknown
      try {
        json = JSON.parse(readFileSync(path, 'utf8'))
      } catch (error) {
        throw new TemplateCatalogError(`template ${path} is not valid JSON: ${(error as Error).message}`)
      }
      const result = parseTemplate(json)
      if (!result.ok) {
        throw new TemplateCatalogError(`template ${path} is invalid:\n  ${result.errors.join('\n  ')}`)
      }
      const expected = file.slice(0, -'.json'.length)
      if (result.template.id !== expected) {
        throw new TemplateCatalogError(`template ${path} has id "${result.template.id}"; rename the file to ${result.template.id}.json or change the id to "${expected}"`)
      }
      templates.set(result.template.id, result.template)
    }
    this.templates = templates
  }

  /** Adds a facilitator's own template (already validated); false when the id is taken. */
  addCustom(template: Template): boolean {
    if (this.templates.has(template.id)) return false
    this.templates.set(template.id, template)
    this.customIds.add(template.id)
    return true
  }

  /** Removes a facilitator's own template; shipped templates cannot be removed (false). */
  removeCustom(id: string): boolean {
    if (!this.customIds.has(id)) return false
    this.customIds.delete(id)
    return this.templates.delete(id)
  }

  /** Whether a template is a facilitator's own rather than one shipped in templates/. */
  isCustom(id: string): boolean {
    return this.customIds.has(id)
  }

  /** Ids of all templates, in lobby order (`order`, then id). */
  ids(): string[] {
    return this.sorted().map((t) => t.id)
  }

  private sorted(): Template[] {
    return [...this.templates.values()].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
  }

  /** A validated template by id, or undefined. */
  get(id: string): Template | undefined {
    return this.templates.get(id)
  }

  /** The catalogue for the lobby in one locale, in lobby order. */
  list(locale: Locale): TemplateCatalogEntry[] {
    return this.sorted().map((t) => {
      const thumbnail = templateThumbnail(t, locale)
      return {
        id: t.id,
        title: t.title[locale],
        summary: t.summary[locale],
        purpose: t.purpose[locale],
        suggestedGroups: [...t.suggestedGroups],
        durationMinutes: t.durationMinutes,
        sources: t.sources.map((s) => s.short),
        zoneCount: thumbnail.zones.filter(zoneHoldsNotes).length,
        thumbnail,
        thumbnailSvg: thumbnailSvg(thumbnail, t.title[locale]),
        custom: this.customIds.has(t.id),
        defaultAnonymous: t.defaultAnonymous ?? false,
      }
    })
  }
}
