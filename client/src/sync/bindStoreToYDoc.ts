/*
 * Keeps a tldraw store and a board's Y.Doc in step (document-scope records only).
 *
 * Usage (board page, after the provider's first sync so the doc already holds the board):
 *
 *   const binding = bindStoreToYDoc({
 *     store,                       // the TLStore handed to <Tldraw store={store}>
 *     doc: provider.doc,
 *     readOnly: role === 'observer',
 *     onError: (error) => {        // error.kind === 'needs-reload': "please reload the page"
 *       setBindingError(error)
 *     },
 *   })
 *   if (binding.getError()?.kind === 'needs-reload') showReloadMessage()
 *   // ...on unmount:
 *   binding.dispose()
 *
 * Encoding and schema handling: shared/tldrawYjs (field-level records, stored schema).
 */
import type { RecordsDiff, SerializedSchema } from '@tldraw/store'
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { migrateDoc } from '../../../shared/tldrawYjs/migrateDoc.ts'
import {
  changedPaths,
  getRecordsMap,
  isDocumentRecord,
  readSchema,
  recordFromYMap,
  SCHEMA_FIELD,
  TLDRAW_META_KEY,
  upsertRecord,
} from '../../../shared/tldrawYjs/recordsDoc.ts'
import { compareSchema } from '../../../shared/tldrawYjs/schemaVersion.ts'

/** Why a binding stopped or what it had to skip; shown to the user by the board page. */
export type BindingError =
  /** The board was saved by a newer coboard: the binding did not touch store or doc. */
  | { kind: 'needs-reload'; stored: SerializedSchema }
  /** Migrating an older board failed: the binding did not touch the store or the doc. */
  | { kind: 'migration-failed'; reason: string }
  /** Records in the doc that failed validation and were left out of the store (not fatal). */
  | { kind: 'invalid-records'; ids: string[] }

/** Schedules `flush` once, returning a function that cancels it. */
export type FlushScheduler = (flush: () => void) => () => void

/** Options of bindStoreToYDoc. */
export interface BindStoreOptions {
  store: TLStore
  doc: Y.Doc
  /** Observers: the doc is never written (no local changes, no migration write-back); local
   *  edits stay local, so also put the editor in read-only mode. */
  readOnly?: boolean
  /** Called for every error, fatal (needs-reload, migration-failed) or not (invalid-records). */
  onError?: (error: BindingError) => void
  /** How local changes are batched; defaults to the next animation frame (see defaultScheduler). */
  schedule?: FlushScheduler
  /** Records that stay on this device (private drafts): never written to the doc, never removed
   *  when the doc's records replace the store's. Written once this answers false. */
  keepLocal?: (record: TLRecord) => boolean
}

/** A live binding between a store and a doc. */
export interface StoreBinding {
  /** The fatal error that stopped the binding, or null while it runs. */
  getError(): BindingError | null
  /** Writes pending local changes to the doc now (also done on every frame and on dispose). */
  flush(): void
  /** Writes pending changes, then stops listening to both sides. */
  dispose(): void
}

/** The tagged origin of every transaction a binding writes (one object per binding). */
export interface StoreBindingOrigin {
  readonly source: 'tldraw-store'
}

/** True when a Y transaction origin belongs to some store binding (not the network). */
export function isStoreBindingOrigin(origin: unknown): origin is StoreBindingOrigin {
  return (
    typeof origin === 'object' && origin !== null && (origin as { source?: unknown }).source === 'tldraw-store'
  )
}

/**
 * Next animation frame, or after 100 ms if no frame comes first (hidden tabs get no frames, and a
 * change made just before switching tab must still leave); a 0 ms timer where there is no
 * requestAnimationFrame (Node tests).
 */
export const defaultScheduler: FlushScheduler = (flush) => {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(flush, 0)
    return () => clearTimeout(timer)
  }
  let done = false
  const run = () => {
    if (done) return
    done = true
    cancelAnimationFrame(frame)
    clearTimeout(timer)
    flush()
  }
  const frame = requestAnimationFrame(run)
  const timer = setTimeout(run, 100)
  return () => {
    done = true
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

// Record types tldraw recreates at once when missing (see createIntegrityChecker in tlschema).
const REQUIRED_TYPES: ReadonlySet<string> = new Set(['document', 'page'])

// What a frame's local changes did to one record.
type Pending = { kind: 'added' } | { kind: 'removed' } | { kind: 'updated'; paths: Set<string> }

/** Binds a tldraw store to a Y.Doc until `dispose()`; see the usage example at the top. */
export function bindStoreToYDoc(options: BindStoreOptions): StoreBinding {
  const { store, doc, readOnly = false, onError, schedule = defaultScheduler, keepLocal = () => false } = options
  const origin: StoreBindingOrigin = { source: 'tldraw-store' }
  const root = getRecordsMap(doc)
  const meta = doc.getMap<unknown>(TLDRAW_META_KEY)

  let error: BindingError | null = null
  let stopped = false
  // True once the doc's records have replaced the store's (or we wrote to the doc ourselves).
  let loaded = false
  // Observers of an older board cannot migrate it in place, so each record is migrated on read.
  let storedSchemaForReads: SerializedSchema | undefined
  const pending = new Map<string, Pending>()
  let cancelScheduledFlush: (() => void) | null = null
  // Collected by the Y observers, processed once per transaction in afterTransaction.
  const touched = new Set<string>()
  const deletedRemotely = new Set<string>()
  let schemaTouched = false

  const fail = (e: BindingError) => {
    error = e
    onError?.(e)
    stop()
  }

  // ---- Y -> store ----------------------------------------------------------------------------

  /** Validated document-scope records from the doc's; reports the invalid ones. */
  const toStoreRecords = (records: TLRecord[], migrate: boolean): TLRecord[] => {
    const valid: TLRecord[] = []
    const invalid: string[] = []
    for (const raw of records) {
      let record = raw
      if (migrate && storedSchemaForReads) {
        const migrated = store.schema.migratePersistedRecord(record, storedSchemaForReads)
        if (migrated.type === 'error') {
          invalid.push(record.id)
          continue
        }
        record = migrated.value
      }
      if (!isDocumentRecord(record, store.schema)) {
        // Another client (or a hostile one) put a session record in the doc: never load it.
        invalid.push(record.id)
        continue
      }
      try {
        const before = store.get(record.id) ?? null
        valid.push(store.schema.validateRecord(store, record, before ? 'updateRecord' : 'createRecord', before))
      } catch {
        invalid.push(record.id)
      }
    }
    if (invalid.length) onError?.({ kind: 'invalid-records', ids: invalid })
    return valid
  }

  /** Replaces the store's document records with the doc's (migrating an older board). */
  const loadWholeDoc = (): void => {
    const migration = migrateDoc(doc, store.schema, { write: !readOnly, origin })
    if (migration.kind === 'needs-reload') return fail({ kind: 'needs-reload', stored: migration.stored })
    if (migration.kind === 'failed') return fail({ kind: 'migration-failed', reason: migration.reason })
    storedSchemaForReads =
      migration.kind === 'migrated' && !migration.written ? readSchema(doc) : undefined
    if (migration.records.length === 0) return // empty board: leave the store as it is
    // Local edits made before the board arrived would be replaced by it anyway.
    store._flushHistory()
    pending.clear()
    // migrateDoc already migrated these records: do not migrate them twice.
    const records = toStoreRecords(migration.records, false)
    const keep = new Set(migration.records.map((r) => r.id))
    const typesInDoc = new Set(migration.records.map((r) => r.typeName))
    store.mergeRemoteChanges(() => {
      // A board without a page or document record (not seeded by the server) keeps the store's
      // defaults: removing them would only make tldraw recreate them as local changes.
      const stale = store
        .allRecords()
        .filter(
          (record) =>
            isDocumentRecord(record, store.schema) &&
            !keep.has(record.id) &&
            !keepLocal(record) &&
            (typesInDoc.has(record.typeName) || !REQUIRED_TYPES.has(record.typeName)),
        )
        .map((record) => record.id)
      if (stale.length) store.remove(stale)
      if (records.length) store.put(records)
    })
    loaded = true
  }

  /** Merges the given records from the doc into the store. */
  const applyRemote = (ids: Set<string>, deleted: Set<string>): void => {
    // Write this frame's local changes first, so that what we read back from the doc includes
    // them; otherwise putting the doc's version of a record would drop a local edit made since
    // the last flush. A record deleted remotely in this transaction is not resurrected by a local
    // edit of it (delete wins, as in Yjs itself).
    store._flushHistory()
    flushLocal(deleted)
    const puts: TLRecord[] = []
    const removes: TLRecord['id'][] = []
    for (const id of ids) {
      const map = root.get(id)
      if (map instanceof Y.Map) puts.push(recordFromYMap(map))
      else if (store.has(id as TLRecord['id'])) removes.push(id as TLRecord['id'])
    }
    const records = toStoreRecords(puts, true)
    if (!records.length && !removes.length) return
    store.mergeRemoteChanges(() => {
      if (removes.length) store.remove(removes)
      if (records.length) store.put(records)
    })
  }

  const onRecordsDeep = (events: Y.YEvent<any>[], transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    for (const event of events) {
      if (event.path.length === 0) {
        for (const [id, change] of event.changes.keys) {
          touched.add(id)
          if (change.action === 'delete') deletedRemotely.add(id)
        }
      } else {
        touched.add(String(event.path[0]))
      }
    }
  }

  const onMeta = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (transaction.origin !== origin && event.keysChanged.has(SCHEMA_FIELD)) schemaTouched = true
  }

  const onAfterTransaction = (transaction: Y.Transaction) => {
    if (stopped || transaction.origin === origin) return
    if (!schemaTouched && touched.size === 0) return
    const ids = new Set(touched)
    const deleted = new Set(deletedRemotely)
    const schemaChanged = schemaTouched
    touched.clear()
    deletedRemotely.clear()
    schemaTouched = false
    if (schemaChanged) {
      const stored = readSchema(doc)
      const relation = stored ? compareSchema(stored, store.schema) : 'same'
      // A newer client migrated the board while we are on it: stop before we write old records.
      if (stored && relation === 'newer') return fail({ kind: 'needs-reload', stored })
      if (relation === 'older') return loadWholeDoc()
    }
    if (!loaded) return loadWholeDoc()
    applyRemote(ids, deleted)
  }

  // ---- store -> Y ----------------------------------------------------------------------------

  const record = (id: string, next: Pending) => {
    const current = pending.get(id)
    if (next.kind === 'updated' && current) {
      if (current.kind === 'updated') for (const path of next.paths) current.paths.add(path)
      // 'added' stays added (the whole record is written); 'removed' cannot be updated.
      return
    }
    pending.set(id, next)
  }

  const onStoreChange = ({ changes }: { changes: RecordsDiff<TLRecord> }) => {
    if (stopped) return
    for (const added of Object.values(changes.added)) record(added.id, { kind: 'added' })
    for (const [from, to] of Object.values(changes.updated)) {
      record(to.id, { kind: 'updated', paths: new Set(changedPaths(from, to)) })
    }
    for (const removed of Object.values(changes.removed)) record(removed.id, { kind: 'removed' })
    if (pending.size && !cancelScheduledFlush) {
      cancelScheduledFlush = schedule(() => {
        cancelScheduledFlush = null
        // Take in changes the store has not delivered yet, so the frame goes out whole.
        store._flushHistory()
        flushLocal()
      })
    }
  }

  /** Writes all pending local changes in one transaction, reading values from the store now. */
  const flushLocal = (deletedRemotelyNow: ReadonlySet<string> = new Set()): void => {
    cancelScheduledFlush?.()
    cancelScheduledFlush = null
    if (stopped || readOnly || pending.size === 0) {
      pending.clear()
      return
    }
    const entries = [...pending]
    pending.clear()
    doc.transact(() => {
      if (!meta.has(SCHEMA_FIELD)) meta.set(SCHEMA_FIELD, store.schema.serialize())
      for (const [id, change] of entries) {
        const current = store.get(id as TLRecord['id'])
        if (change.kind === 'removed' || !current) {
          if (root.has(id)) root.delete(id)
        } else if (keepLocal(current)) {
          continue
        } else if (change.kind === 'added' || !root.has(id)) {
          if (change.kind === 'updated' && deletedRemotelyNow.has(id)) continue
          upsertRecord(root, current)
        } else {
          upsertRecord(root, current, change.paths)
        }
      }
    }, origin)
    loaded = true
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  let unlistenStore: (() => void) | null = null

  const stop = () => {
    if (stopped) return
    stopped = true
    cancelScheduledFlush?.()
    cancelScheduledFlush = null
    pending.clear()
    unlistenStore?.()
    root.unobserveDeep(onRecordsDeep)
    meta.unobserve(onMeta)
    doc.off('afterTransaction', onAfterTransaction)
  }

  root.observeDeep(onRecordsDeep)
  meta.observe(onMeta)
  doc.on('afterTransaction', onAfterTransaction)
  if (!readOnly) unlistenStore = store.listen(onStoreChange, { source: 'user', scope: 'document' })
  loadWholeDoc()

  return {
    getError: () => error,
    flush: () => {
      store._flushHistory()
      flushLocal()
    },
    dispose: () => {
      if (!stopped) {
        store._flushHistory()
        flushLocal()
      }
      stop()
    },
  }
}
