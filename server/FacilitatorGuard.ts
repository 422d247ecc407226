import type { Logger } from 'pino'
import * as Y from 'yjs'
import { BOARD_DOC_KEYS } from '../shared/boardDoc.ts'
import { canManageBoard, type Role } from '../shared/roles.ts'
import { getRecordsMap, recordFromYMap, upsertRecord, type YRecord } from '../shared/tldrawYjs/recordsDoc.ts'

/** Who made a transaction, as far as the guard cares. */
export type GuardOrigin = { role: Role; id: string } | 'trusted'

type JsonRecord = Record<string, unknown> & { id: string }

/**
 * Keeps facilitator-owned parts of a board as the facilitator left them: the locked template shapes
 * (zones, their labels and prompts, the header) and the board's `meta` map. When a participant's
 * update changes one of them — by a modified client, or a race with an unlock — the guard writes
 * the last facilitator-approved version back, as a server change, and logs it.
 */
export class FacilitatorGuard {
  private readonly protectedRecords = new Map<string, JsonRecord>()
  private meta: Record<string, unknown>
  private readonly records: Y.Map<YRecord>

  constructor(
    private readonly doc: Y.Doc,
    private readonly originOf: (origin: unknown) => GuardOrigin | undefined,
    private readonly log: Logger,
  ) {
    this.records = getRecordsMap(doc)
    for (const [id, map] of this.records) this.remember(id, map)
    this.meta = doc.getMap(BOARD_DOC_KEYS.meta).toJSON()
    doc.on('afterTransaction', this.onTransaction)
  }

  private remember(id: string, map: YRecord | undefined): void {
    if (!map) {
      this.protectedRecords.delete(id)
      return
    }
    const record = recordFromYMap(map) as unknown as JsonRecord
    if (isProtected(record)) this.protectedRecords.set(id, record)
    else this.protectedRecords.delete(id)
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    const origin = this.originOf(transaction.origin)
    if (origin === undefined) return
    const touched = this.touchedRecordIds(transaction)
    const metaTouched = transaction.changed.has(this.doc.getMap(BOARD_DOC_KEYS.meta) as Y.AbstractType<any>)
    if (origin === 'trusted' || canManageBoard(origin.role)) {
      for (const id of touched) this.remember(id, this.records.get(id))
      if (metaTouched) this.meta = this.doc.getMap(BOARD_DOC_KEYS.meta).toJSON()
      return
    }
    const reverts = [...touched].filter((id) => this.protectedRecords.has(id))
    if (reverts.length === 0 && !metaTouched) return
    this.log.warn({ conn: origin.id, role: origin.role, records: reverts, meta: metaTouched }, 'reverted changes to facilitator-owned board parts')
    // Why a microtask: a new transaction cannot start while this one is being cleaned up; the
    // revert still lands in the same group commit as the change it undoes.
    queueMicrotask(() => this.revert(reverts, metaTouched))
  }

  private revert(ids: string[], meta: boolean): void {
    this.doc.transact(() => {
      for (const id of ids) {
        const record = this.protectedRecords.get(id)
        if (record) upsertRecord(this.records, record as never)
      }
      if (meta) {
        const map = this.doc.getMap<unknown>(BOARD_DOC_KEYS.meta)
        for (const key of [...map.keys()]) if (!(key in this.meta)) map.delete(key)
        for (const [key, value] of Object.entries(this.meta)) {
          if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value)
        }
      }
    }, { source: 'server' })
  }

  /** Ids of the records a transaction added, removed or changed (at any depth). */
  private touchedRecordIds(transaction: Y.Transaction): Set<string> {
    const ids = new Set<string>()
    for (const [type, keys] of transaction.changed) {
      if (type === (this.records as Y.AbstractType<any>)) {
        for (const key of keys) if (key !== null) ids.add(key)
        continue
      }
      // A record's own map, or a nested map (props, meta) inside it.
      let current: Y.AbstractType<any> | null = type
      while (current && current._item) {
        const parent = current._item.parent as Y.AbstractType<any> | null
        if (parent === (this.records as Y.AbstractType<any>)) {
          if (current._item.parentSub) ids.add(current._item.parentSub)
          break
        }
        current = parent
      }
    }
    return ids
  }

  /** Stops watching the document. */
  dispose(): void {
    this.doc.off('afterTransaction', this.onTransaction)
  }
}

/** Template shapes the facilitator has locked: zones, labels, prompts and the header. */
function isProtected(record: JsonRecord): boolean {
  if (record.typeName !== 'shape' || record.isLocked !== true) return false
  const coboard = (record.meta as { coboard?: { example?: boolean } } | undefined)?.coboard
  return coboard !== undefined && coboard.example !== true
}
