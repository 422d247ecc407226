import type { SerializedSchema, StoreSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import {
  getRecordsMap,
  readRecords,
  readSchema,
  SCHEMA_FIELD,
  TLDRAW_META_KEY,
  upsertRecord,
} from './recordsDoc.ts'
import { compareSchema } from './schemaVersion.ts'

/** Outcome of bringing a doc's records up to the running schema. */
export type DocMigration =
  /** The records already follow the running schema (or the doc is empty). */
  | { kind: 'current'; records: TLRecord[] }
  /** The records were migrated; `written` says whether the doc was updated too. */
  | { kind: 'migrated'; records: TLRecord[]; written: boolean }
  /** The doc was written by a newer coboard: nothing was read or written. */
  | { kind: 'needs-reload'; stored: SerializedSchema }
  /** A migration threw or the stored schema is unusable: nothing was written. */
  | { kind: 'failed'; reason: string }

/**
 * Reads a doc's records migrated to `schema`. With `write`, an older doc is migrated in place in
 * one transaction: only changed fields are written, records a migration removed are deleted, and
 * the stored schema becomes the running one — so this happens once per board. Used by the client
 * binding on load and usable by the server when it opens an old board.
 */
export function migrateDoc(
  doc: Y.Doc,
  schema: StoreSchema<TLRecord, any>,
  options: { write: boolean; origin?: unknown },
): DocMigration {
  const stored = readSchema(doc)
  const records = readRecords(doc)
  if (!stored) {
    // Records without a schema were written by code that follows the running schema (the
    // template seeder writes both); stamp the schema so later clients can compare.
    if (options.write && records.length > 0) {
      doc.transact(() => doc.getMap(TLDRAW_META_KEY).set(SCHEMA_FIELD, schema.serialize()), options.origin)
    }
    return { kind: 'current', records }
  }
  const relation = compareSchema(stored, schema)
  if (relation === 'newer') return { kind: 'needs-reload', stored }
  if (relation === 'same') return { kind: 'current', records }

  const byId = Object.fromEntries(records.map((record) => [record.id, record]))
  const result = schema.migrateStoreSnapshot({ store: byId, schema: stored })
  if (result.type === 'error') return { kind: 'failed', reason: result.reason }
  const migrated = Object.values(result.value) as TLRecord[]
  if (!options.write) return { kind: 'migrated', records: migrated, written: false }

  // Two clients may migrate the same board at once; migrations are deterministic and writes are
  // field-level, so both write the same values and the doc converges either way.
  doc.transact(() => {
    const root = getRecordsMap(doc)
    for (const record of migrated) upsertRecord(root, record)
    for (const id of Object.keys(byId)) if (!(id in result.value)) root.delete(id)
    doc.getMap(TLDRAW_META_KEY).set(SCHEMA_FIELD, schema.serialize())
  }, options.origin)
  return { kind: 'migrated', records: migrated, written: true }
}
