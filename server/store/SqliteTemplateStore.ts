import type Database from 'better-sqlite3'
import type { CustomTemplateQuota, StoredCustomTemplate, TemplateStore } from './DocStore.ts'

/** Facilitators' own templates in the SQLite file (table `custom_templates`, made by SqliteDocStore). */
export class SqliteTemplateStore implements TemplateStore {
  private readonly stmt

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      put: db.prepare('INSERT OR IGNORE INTO custom_templates (id, json, created_at, owner_board_id) VALUES (?, ?, ?, ?)'),
      exists: db.prepare<[string], number>('SELECT 1 FROM custom_templates WHERE id = ?').pluck(),
      count: db.prepare<[], number>('SELECT COUNT(*) FROM custom_templates').pluck(),
      countOfBoard: db.prepare<[string], number>('SELECT COUNT(*) FROM custom_templates WHERE owner_board_id = ?').pluck(),
      list: db.prepare<[], { id: string; json: string; owner_board_id: string | null }>('SELECT id, json, owner_board_id FROM custom_templates ORDER BY created_at, id'),
      delete: db.prepare('DELETE FROM custom_templates WHERE id = ?'),
    }
  }

  async putCustomTemplate(template: StoredCustomTemplate, quota: CustomTemplateQuota): Promise<'stored' | 'taken' | 'board-quota' | 'total-quota'> {
    // Counted and inserted in one transaction, so two saves at once cannot both take the last place.
    return this.db.transaction(() => {
      if (this.stmt.exists.get(template.id)) return 'taken' as const
      if (this.stmt.count.get()! >= quota.maxTotal) return 'total-quota' as const
      if (template.ownerBoardId !== null && this.stmt.countOfBoard.get(template.ownerBoardId)! >= quota.maxPerBoard) return 'board-quota' as const
      return this.stmt.put.run(template.id, template.json, Date.now(), template.ownerBoardId).changes === 1 ? ('stored' as const) : ('taken' as const)
    })()
  }

  async listCustomTemplates(): Promise<StoredCustomTemplate[]> {
    return this.stmt.list.all().map((row) => ({ id: row.id, json: row.json, ownerBoardId: row.owner_board_id }))
  }

  async deleteCustomTemplate(id: string): Promise<boolean> {
    return this.stmt.delete.run(id).changes === 1
  }
}
