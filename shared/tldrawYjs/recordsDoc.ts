import type { RecordsDiff, SerializedSchema, StoreSchema, UnknownRecord } from '@tldraw/store'
import { createTLSchema, type TLRecord } from '@tldraw/tlschema'
import { isEqual } from '@tldraw/utils'
import * as Y from 'yjs'

/*
 * How a board's tldraw records live in its Y.Doc (measured in bench/encoding.ts, decided in
 * docs/encoding.md): field-level.
 *
 *   doc.getMap(RECORDS_KEY): Y.Map<recordId, Y.Map<field, value>>
 *     - every top-level field of a record is its own key, so dragging a note writes only x and y;
 *     - `props` and `meta` (plain objects) are nested Y.Maps, one key per prop, so that one person
 *       recolouring a note while another edits its text keeps both changes;
 *     - every other value (richText, arrays, nested objects below props) is stored whole.
 *   doc.getMap(TLDRAW_META_KEY).get(SCHEMA_FIELD): the tldraw SerializedSchema the records follow.
 *
 * This module is pure (no DOM, no editor): the server uses it to seed template content.
 */

/** Root Y.Map holding one nested Y.Map per document-scope tldraw record, keyed by record id. */
export const RECORDS_KEY = 'tldraw'

/** Root Y.Map holding data about the records map itself (the serialized tldraw schema). */
export const TLDRAW_META_KEY = 'tldrawMeta'

/** Key in the TLDRAW_META_KEY map under which the SerializedSchema of the records is kept. */
export const SCHEMA_FIELD = 'schema'

/** Record fields stored as a nested Y.Map (one key per entry) when their value is a plain object. */
export const NESTED_FIELDS: ReadonlySet<string> = new Set(['props', 'meta'])

/** One record in the doc: field name -> value, or -> nested Y.Map for NESTED_FIELDS. */
export type YRecord = Y.Map<unknown>

// An immutable schema used only for scope look-ups when the caller passes none.
const DEFAULT_SCHEMA = createTLSchema()

/** The root map of records of a board's Y.Doc. */
export function getRecordsMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap<YRecord>(RECORDS_KEY)
}

/**
 * True for records that belong in the shared document (shapes, pages, bindings, assets, the
 * document record, v5 user records); false for session and presence records (instance, camera,
 * page state, pointer, instance_presence) and for types the schema does not know.
 */
export function isDocumentRecord(
  record: Pick<UnknownRecord, 'typeName'>,
  schema: StoreSchema<any, any> = DEFAULT_SCHEMA,
): boolean {
  const type = (schema.types as Record<string, { scope: string } | undefined>)[record.typeName]
  return type?.scope === 'document'
}

/** Converts one YRecord to a plain record (not validated; may follow an older schema). */
export function recordFromYMap(map: YRecord): TLRecord {
  return map.toJSON() as TLRecord
}

/** All records in the doc, in no particular order (not validated; may follow an older schema). */
export function readRecords(doc: Y.Doc): TLRecord[] {
  const records: TLRecord[] = []
  for (const map of getRecordsMap(doc).values()) records.push(recordFromYMap(map))
  return records
}

/** One record by id, or undefined. */
export function readRecord(doc: Y.Doc, id: string): TLRecord | undefined {
  const map = getRecordsMap(doc).get(id)
  return map ? recordFromYMap(map) : undefined
}

/**
 * Upserts records in one transaction, writing only the fields (and props/meta entries) whose value
 * differs from what the doc holds. Throws on a session/presence record: those never go to Yjs.
 */
export function writeRecords(
  doc: Y.Doc,
  records: readonly TLRecord[],
  origin?: unknown,
  schema: StoreSchema<any, any> = DEFAULT_SCHEMA,
): void {
  for (const record of records) assertDocumentRecord(record, schema)
  doc.transact(() => {
    const root = getRecordsMap(doc)
    for (const record of records) upsertRecord(root, record)
  }, origin)
}

/** Deletes records by id in one transaction; unknown ids are ignored. */
export function deleteRecords(doc: Y.Doc, ids: readonly string[], origin?: unknown): void {
  doc.transact(() => {
    const root = getRecordsMap(doc)
    for (const id of ids) if (root.has(id)) root.delete(id)
  }, origin)
}

/**
 * Applies a tldraw RecordsDiff (e.g. from `store.listen`) in one transaction: added and updated
 * records are upserted field by field, removed ones deleted. Non-document records are skipped, so
 * a diff straight from the store is safe to pass.
 */
export function applyRecordDiff(
  doc: Y.Doc,
  diff: RecordsDiff<TLRecord>,
  origin?: unknown,
  schema: StoreSchema<any, any> = DEFAULT_SCHEMA,
): void {
  doc.transact(() => {
    const root = getRecordsMap(doc)
    for (const record of Object.values(diff.added)) {
      if (isDocumentRecord(record, schema)) upsertRecord(root, record)
    }
    for (const [, to] of Object.values(diff.updated)) {
      if (isDocumentRecord(to, schema)) upsertRecord(root, to)
    }
    for (const record of Object.values(diff.removed)) {
      if (isDocumentRecord(record, schema) && root.has(record.id)) root.delete(record.id)
    }
  }, origin)
}

/**
 * Creates or updates one record in the records map (call inside a transaction). With `paths`
 * ("x", "props.color", ...) only those paths are compared and written; without, all fields are,
 * and fields the record no longer has are deleted. Returns true when anything was written.
 */
export function upsertRecord(
  root: Y.Map<YRecord>,
  record: UnknownRecord,
  paths?: Iterable<string>,
): boolean {
  let map = root.get(record.id)
  if (!map) {
    map = new Y.Map<unknown>()
    // Fill the new map before inserting it so the record arrives whole in one update.
    for (const [field, value] of Object.entries(record)) map.set(field, toYValue(field, value))
    root.set(record.id, map)
    return true
  }
  const fields = record as unknown as Record<string, unknown>
  let wrote = false
  if (paths) {
    for (const path of paths) {
      const dot = path.indexOf('.')
      if (dot === -1) wrote = writeField(map, path, fields[path]) || wrote
      else {
        const field = path.slice(0, dot)
        const key = path.slice(dot + 1)
        const nested = map.get(field)
        const value = fields[field]
        if (nested instanceof Y.Map && isPlainObject(value)) {
          wrote = writeEntry(nested, key, value[key]) || wrote
        } else {
          wrote = writeField(map, field, value) || wrote
        }
      }
    }
    return wrote
  }
  for (const [field, value] of Object.entries(record)) {
    wrote = writeField(map, field, value) || wrote
  }
  for (const field of [...map.keys()]) {
    if (!(field in fields)) {
      map.delete(field)
      wrote = true
    }
  }
  return wrote
}

/**
 * The paths that differ between two versions of one record: top-level field names, and
 * "props.<key>" / "meta.<key>" inside nested fields. Pure; used to write only what changed.
 */
export function changedPaths(from: UnknownRecord, to: UnknownRecord): string[] {
  const a = from as unknown as Record<string, unknown>
  const b = to as unknown as Record<string, unknown>
  const paths: string[] = []
  for (const field of unionKeys(a, b)) {
    const before = a[field]
    const after = b[field]
    // tldraw records are immutable and structurally shared: identity means unchanged.
    if (before === after) continue
    if (NESTED_FIELDS.has(field) && isPlainObject(before) && isPlainObject(after)) {
      for (const key of unionKeys(before, after)) {
        if (!isEqual(before[key], after[key])) paths.push(`${field}.${key}`)
      }
    } else if (!isEqual(before, after)) {
      paths.push(field)
    }
  }
  return paths
}

/** Stores the SerializedSchema the doc's records follow. */
export function writeSchema(doc: Y.Doc, schema: SerializedSchema, origin?: unknown): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>(TLDRAW_META_KEY)
    if (!isEqual(meta.get(SCHEMA_FIELD), schema)) meta.set(SCHEMA_FIELD, schema)
  }, origin)
}

/** The SerializedSchema the doc's records follow, or undefined when none was written. */
export function readSchema(doc: Y.Doc): SerializedSchema | undefined {
  const value = doc.getMap<unknown>(TLDRAW_META_KEY).get(SCHEMA_FIELD)
  if (!isPlainObject(value) || typeof value.schemaVersion !== 'number') return undefined
  return value as unknown as SerializedSchema
}

function assertDocumentRecord(record: TLRecord, schema: StoreSchema<any, any>): void {
  if (!isDocumentRecord(record, schema)) {
    throw new Error(`${record.id} (${record.typeName}) is not a document-scope record`)
  }
}

// Sets one top-level field if its value changed; props/meta become (or stay) nested maps.
function writeField(map: YRecord, field: string, value: unknown): boolean {
  if (value === undefined) {
    if (!map.has(field)) return false
    map.delete(field)
    return true
  }
  const current = map.get(field)
  if (NESTED_FIELDS.has(field) && isPlainObject(value)) {
    if (!(current instanceof Y.Map)) {
      map.set(field, toYValue(field, value))
      return true
    }
    let wrote = false
    for (const [key, entry] of Object.entries(value)) wrote = writeEntry(current, key, entry) || wrote
    for (const key of [...current.keys()]) {
      if (!(key in value)) {
        current.delete(key)
        wrote = true
      }
    }
    return wrote
  }
  if (isEqual(current instanceof Y.AbstractType ? current.toJSON() : current, value)) return false
  map.set(field, value)
  return true
}

// Sets one entry of a nested map if its value changed.
function writeEntry(map: Y.Map<unknown>, key: string, value: unknown): boolean {
  if (value === undefined) {
    if (!map.has(key)) return false
    map.delete(key)
    return true
  }
  if (map.has(key) && isEqual(map.get(key), value)) return false
  map.set(key, value)
  return true
}

function toYValue(field: string, value: unknown): unknown {
  if (!NESTED_FIELDS.has(field) || !isPlainObject(value)) return value
  const nested = new Y.Map<unknown>()
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) nested.set(key, entry)
  return nested
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): Set<string> {
  return new Set([...Object.keys(a), ...Object.keys(b)])
}
