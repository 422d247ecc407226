import type { Logger } from 'pino'
import { parseTemplate, type Template } from '../../shared/templates/templateSchema.ts'
import type { DocStore } from '../store/DocStore.ts'
import { customTemplateProblems } from './customTemplateLimits.ts'
import type { TemplateCatalog } from './TemplateCatalog.ts'

export interface CustomTemplatesOptions {
  store: DocStore
  catalog: TemplateCatalog
  log: Logger
  maxPerBoard: number
  maxTotal: number
  /** Largest template, as compact JSON (what is stored and what the lobby's list is made from). */
  maxBytes: number
}

/** Why a template was not saved, for the HTTP layer to put in words. */
export type SaveTemplateResult =
  | { ok: true; template: Template }
  | { ok: false; reason: 'invalid'; errors: string[] }
  | { ok: false; reason: 'taken'; id: string }
  | { ok: false; reason: 'board-quota' | 'total-quota' | 'too-large'; limit: number }

export type DeleteTemplateResult = 'deleted' | 'not-found' | 'built-in' | 'not-owner'

/**
 * Facilitators' own templates: validated, capped per board and overall, stored with the board
 * whose facilitator saved them (who alone may delete them), and offered in the lobby.
 */
export class CustomTemplates {
  private readonly owners = new Map<string, string | null>()

  constructor(private readonly options: CustomTemplatesOptions) {}

  /** Loads the stored templates into the catalogue; one that no longer validates is logged and skipped. */
  async load(): Promise<void> {
    for (const { id, json, ownerBoardId } of await this.options.store.listCustomTemplates()) {
      let parsed
      try {
        parsed = parseTemplate(JSON.parse(json))
      } catch {
        parsed = { ok: false as const, errors: ['not JSON'] }
      }
      if (parsed.ok && this.options.catalog.addCustom(parsed.template)) this.owners.set(id, ownerBoardId)
      else this.options.log.error({ template: id, errors: parsed.ok ? ['id taken by a shipped template'] : parsed.errors }, 'stored custom template skipped')
    }
  }

  /** Validates and stores a template owned by `ownerBoardId`, then offers it in the lobby. */
  async save(json: unknown, ownerBoardId: string): Promise<SaveTemplateResult> {
    const parsed = parseTemplate(json)
    if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors }
    const problems = customTemplateProblems(parsed.template)
    if (problems.length > 0) return { ok: false, reason: 'invalid', errors: problems }
    const { id } = parsed.template
    const text = JSON.stringify(parsed.template)
    if (Buffer.byteLength(text) > this.options.maxBytes) return { ok: false, reason: 'too-large', limit: this.options.maxBytes }
    if (this.options.catalog.get(id)) return { ok: false, reason: 'taken', id }
    // Store first, then list: a template in the lobby is always one that survives a restart.
    const stored = await this.options.store.putCustomTemplate(
      { id, json: text, ownerBoardId },
      { maxPerBoard: this.options.maxPerBoard, maxTotal: this.options.maxTotal },
    )
    if (stored === 'taken') return { ok: false, reason: 'taken', id }
    if (stored === 'board-quota') return { ok: false, reason: 'board-quota', limit: this.options.maxPerBoard }
    if (stored === 'total-quota') return { ok: false, reason: 'total-quota', limit: this.options.maxTotal }
    this.options.catalog.addCustom(parsed.template)
    this.owners.set(id, ownerBoardId)
    this.options.log.info({ template: id, board: ownerBoardId }, 'template added')
    return { ok: true, template: parsed.template }
  }

  /** The board whose facilitator owns a custom template (null: saved before templates had owners). */
  ownerOf(id: string): string | null | undefined {
    return this.owners.get(id)
  }

  /** Ids of the custom templates a board's facilitator saved. */
  ownedBy(boardId: string): string[] {
    return [...this.owners].filter(([, owner]) => owner === boardId).map(([id]) => id)
  }

  /** Deletes a custom template on behalf of a facilitator of `boardId`. Boards made from it keep their content. */
  async delete(id: string, boardId: string): Promise<DeleteTemplateResult> {
    if (!this.options.catalog.get(id)) return 'not-found'
    if (!this.options.catalog.isCustom(id)) return 'built-in'
    if (this.owners.get(id) !== boardId) return 'not-owner'
    await this.options.store.deleteCustomTemplate(id)
    this.options.catalog.removeCustom(id)
    this.owners.delete(id)
    this.options.log.info({ template: id, board: boardId }, 'template deleted')
    return 'deleted'
  }
}
