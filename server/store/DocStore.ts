import type { Locale } from '../../shared/locales.ts'
import type { Role } from '../../shared/roles.ts'

/** A board's metadata as the store keeps it (its content lives in the Yjs update log). */
export interface BoardRecord {
  id: string
  title: string
  template: string
  locale: Locale
  createdAt: number
}

/** What a board's document is made of on disk: a snapshot plus the updates appended after it. */
export interface StoredDoc {
  /**
   * The latest snapshot, in Yjs update encoding v2: a board that lived through many moves takes a
   * fraction of the space of v1 (see docs/encoding.md). The update log stays v1, as on the wire.
   */
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** Sequence number of the last update in the log (or of the snapshot when the log is empty). */
  lastSeq: number
}

/** An uploaded image, addressed by an unguessable id. */
export interface StoredAsset {
  boardId: string
  id: string
  mimeType: string
  data: Uint8Array
  createdAt: number
}

/**
 * Durable storage for boards, their capability-link hashes and their Yjs update logs.
 * Implementations: SqliteDocStore (embedded default). Every method that resolves has made its
 * write durable: callers rely on that to relay updates only after they are stored.
 */
export interface DocStore {
  /** Stores a new board with the hash of each role's token and its initial state (v2 snapshot). */
  createBoard(board: BoardRecord, tokenHashes: Record<Role, string>, initialState: Uint8Array): Promise<void>
  getBoard(id: string): Promise<BoardRecord | undefined>
  /** The role a token hash grants on a board, if any. */
  roleForTokenHash(boardId: string, tokenHash: string): Promise<Role | undefined>
  /** Replaces a role's token hash: the old link stops working. */
  replaceTokenHash(boardId: string, role: Role, tokenHash: string): Promise<void>
  loadDoc(boardId: string): Promise<StoredDoc>
  /** Appends one (merged) update to a board's log; resolves with its sequence number once durable. */
  appendUpdate(boardId: string, update: Uint8Array): Promise<number>
  /** Replaces the log up to and including `upToSeq` with a snapshot (v2 encoding), atomically. */
  compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void>
  /** Stores a facilitator's own template (validated JSON); false when the id is taken. */
  putCustomTemplate(id: string, json: string): Promise<boolean>
  listCustomTemplates(): Promise<Array<{ id: string; json: string }>>
  putAsset(asset: StoredAsset): Promise<void>
  getAsset(boardId: string, id: string): Promise<StoredAsset | undefined>
  close(): Promise<void>
}
