import type { StoreSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import { readSchema } from '../../shared/tldrawYjs/recordsDoc.ts'
import { compareSchema } from '../../shared/tldrawYjs/schemaVersion.ts'
import type { DocumentLogStore } from '../store/DocStore.ts'
import { FROM_STORE } from './DocumentLog.ts'

/** A board's document as read from the store, with what the room needs to know about it. */
export interface LoadedBoardDoc {
  doc: Y.Doc
  stored: { lastSeq: number; logLength: number; bytes: number }
  /** How the board's tldraw schema relates to the server's: 'older' boards are migrated on load. */
  schema: 'older' | 'same' | 'newer'
}

/**
 * Reads a board's snapshot and update log into a fresh Y.Doc. A damaged row is logged and
 * skipped, so the rest of the board still opens; whatever it leaves Yjs waiting for is dropped,
 * because it would otherwise be integrated later inside some client's transaction.
 */
export async function loadBoardDoc(store: DocumentLogStore, boardId: string, schema: StoreSchema<TLRecord, any>, log: Logger): Promise<LoadedBoardDoc> {
  const stored = await store.loadDoc(boardId)
  const doc = new Y.Doc({ gc: true })
  let skipped = 0
  doc.transact(() => {
    if (stored.snapshot) {
      try {
        Y.applyUpdateV2(doc, stored.snapshot, FROM_STORE)
      } catch (error) {
        skipped++
        log.error({ err: error, board: boardId }, 'unreadable stored snapshot')
      }
    }
    for (const update of stored.updates) {
      try {
        Y.applyUpdate(doc, update, FROM_STORE)
      } catch (error) {
        skipped++
        log.error({ err: error, board: boardId }, 'skipping unreadable stored update')
      }
    }
  }, FROM_STORE)
  if (skipped > 0) log.error({ board: boardId, skipped }, 'board loaded with unreadable updates')
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
  const storedSchema = readSchema(doc)
  const relation = storedSchema ? compareSchema(storedSchema, schema) : 'same'
  if (relation === 'newer') log.warn({ board: boardId }, 'board follows a newer tldraw schema than this server; records are not validated')
  return {
    doc,
    stored: {
      lastSeq: stored.lastSeq,
      logLength: stored.updates.length,
      // The size limit counts what a joining client downloads (v1), not what the disk holds.
      bytes: Y.encodeStateAsUpdate(doc).length,
    },
    schema: relation,
  }
}
