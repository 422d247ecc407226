import type { Logger } from 'pino'
import { parseTemplate, type Template } from '../../shared/templates/templateSchema.ts'
import { CoalescedRun } from '../cluster/CoalescedRun.ts'
import type { Relay } from '../cluster/Relay.ts'
import type { DocStore, StoredCustomTemplate } from '../store/DocStore.ts'
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
  /**
   * Other instances that share the store (a cluster): they announce their changes through it,
   * and what this instance knows is re-read from the store when older than `maxAgeMs`.
   */
  relay?: Relay
  maxAgeMs?: number
}

/** Why a template was not saved, for the HTTP layer to put in words. */
export type SaveTemplateResult =
  | { ok: true; template: Template }
  | { ok: false; reason: 'invalid'; errors: string[] }
  | { ok: false; reason: 'taken'; id: string }
  | { ok: false; reason: 'board-quota' | 'total-quota' | 'too-large'; limit: number }

export type DeleteTemplateResult = 'deleted' | 'not-found' | 'built-in' | 'not-owner'

/** How often an unknown template id may make an instance re-read the store. */
const MISS_RELOAD_INTERVAL_MS = 1000

/**
 * Facilitators' own templates: validated, capped per board and overall, stored with the board
 * whose facilitator saved them (who alone may delete them), and offered in the lobby.
 *
 * The store is the truth; the catalogue holds a copy. With several instances, one that saves or
 * deletes a template announces it and the others reload; because an announcement may be lost,
 * lists re-read the store when the copy is older than `maxAgeMs`, and a template this instance
 * does not know is looked up in the store before it is called unknown.
 */
export class CustomTemplates {
  private readonly owners = new Map<string, string | null>()
  /** The stored JSON of each custom template in the catalogue (to see what changed on reload). */
  private readonly known = new Map<string, string>()
  /** Stored templates that do not load, by id and JSON: logged once, not on every reload. */
  private readonly refused = new Map<string, string>()
  private loadedAt = Number.NEGATIVE_INFINITY
  private readonly reloads = new CoalescedRun(async () => {
    const startedAt = Date.now()
    this.apply(await this.options.store.listCustomTemplates())
    this.loadedAt = startedAt
  })
  private readonly unsubscribe: () => void

  constructor(private readonly options: CustomTemplatesOptions) {
    this.unsubscribe =
      options.relay?.onAnnouncement((topic) => {
        if (topic !== 'templates') return
        this.loadedAt = Number.NEGATIVE_INFINITY
        this.reload().catch((error: unknown) => options.log.error({ err: error }, 'reloading custom templates failed'))
      }) ?? (() => {})
  }

  private get shared(): boolean {
    return this.options.relay?.shared ?? false
  }

  /** Loads the stored templates into the catalogue; one that no longer validates is logged and skipped. */
  load(): Promise<void> {
    return this.reload()
  }

  /** Re-reads the store if another instance may have changed the templates since (for lists). */
  async ensureFresh(): Promise<void> {
    if (this.shared && Date.now() - this.loadedAt > (this.options.maxAgeMs ?? 5000)) await this.reload()
  }

  /**
   * A template by id; for one this instance does not know, the store is re-read first — at most
   * once a second, so that asking for made-up ids cannot keep the store busy.
   */
  async find(id: string): Promise<Template | undefined> {
    const template = this.options.catalog.get(id)
    if (template || !this.shared || Date.now() - this.loadedAt < MISS_RELOAD_INTERVAL_MS) return template
    await this.reload()
    return this.options.catalog.get(id)
  }

  // One reload at a time; a request for another while one runs gets one more after it.
  private reload(): Promise<void> {
    return this.reloads.run()
  }

  private apply(stored: StoredCustomTemplate[]): void {
    const { catalog, log } = this.options
    const present = new Set<string>()
    for (const { id, json, ownerBoardId } of stored) {
      present.add(id)
      this.owners.set(id, ownerBoardId)
      if (this.known.get(id) === json || this.refused.get(id) === json) continue
      if (this.known.delete(id)) catalog.removeCustom(id)
      const errors = this.admit(id, json)
      if (errors) {
        this.refused.set(id, json)
        log.error({ template: id, errors }, 'stored custom template skipped')
      }
    }
    for (const id of [...this.known.keys(), ...this.refused.keys()]) {
      if (present.has(id)) continue
      if (this.known.delete(id)) catalog.removeCustom(id)
      this.refused.delete(id)
      this.owners.delete(id)
    }
  }

  // Adds a stored template to the catalogue; the reasons when it cannot be.
  private admit(id: string, json: string): string[] | undefined {
    let parsed
    try {
      parsed = parseTemplate(JSON.parse(json))
    } catch {
      return ['not JSON']
    }
    if (!parsed.ok) return parsed.errors
    if (!this.options.catalog.addCustom(parsed.template)) return ['id taken by a shipped template']
    this.known.set(id, json)
    return undefined
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
    if (this.options.catalog.addCustom(parsed.template)) this.known.set(id, text)
    this.owners.set(id, ownerBoardId)
    this.options.relay?.announce('templates')
    this.options.log.info({ template: id, board: ownerBoardId }, 'template added')
    return { ok: true, template: parsed.template }
  }

  /** The board whose facilitator owns a custom template (null: saved before templates had owners). */
  ownerOf(id: string): string | null | undefined {
    return this.owners.get(id)
  }

  /** Ids of the custom templates a board's facilitator saved. */
  ownedBy(boardId: string): string[] {
    return [...this.owners].filter(([id, owner]) => owner === boardId && this.known.has(id)).map(([id]) => id)
  }

  /** Deletes a custom template on behalf of a facilitator of `boardId`. Boards made from it keep their content. */
  async delete(id: string, boardId: string): Promise<DeleteTemplateResult> {
    if (!(await this.find(id))) return 'not-found'
    if (!this.options.catalog.isCustom(id)) return 'built-in'
    if (this.owners.get(id) !== boardId) return 'not-owner'
    const deleted = await this.options.store.deleteCustomTemplate(id)
    this.options.catalog.removeCustom(id)
    this.known.delete(id)
    this.owners.delete(id)
    // False: another instance deleted it first (this one had not heard yet).
    if (!deleted) return 'not-found'
    this.options.relay?.announce('templates')
    this.options.log.info({ template: id, board: boardId }, 'template deleted')
    return 'deleted'
  }

  /** Stops listening for other instances' announcements. */
  stop(): void {
    this.unsubscribe()
  }
}
