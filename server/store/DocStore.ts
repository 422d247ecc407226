import type { Locale } from '../../shared/locales.ts'
import type { Role } from '../../shared/roles.ts'
import type { BallotStore } from './BallotStore.ts'
import type { VersionStore } from './VersionStore.ts'

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

/** A facilitator's own template as stored: validated JSON and the board whose facilitator saved it. */
export interface StoredCustomTemplate {
  id: string
  json: string
  /** Null for templates saved before templates had owners: no board's facilitator may delete them. */
  ownerBoardId: string | null
}

/** Caps on custom templates, checked in the same transaction as the insert. */
export interface CustomTemplateQuota {
  maxPerBoard: number
  maxTotal: number
}

/** What the start-up integrity check found: nothing, or the problems and the boards they touch. */
export type IntegrityReport = { ok: true } | { ok: false; problems: string[]; damagedBoards: string[] }

/** What a board's log holds after a given sequence number (for an instance catching up). */
export interface StoredDocSince {
  /** The snapshot, when a compaction moved past `afterSeq` (the rows it replaced are gone). */
  snapshot: Uint8Array | null
  /** Updates after `afterSeq` (and after the snapshot), in sequence order, with their numbers. */
  updates: Array<{ seq: number; data: Uint8Array }>
  /** The highest sequence number the result covers (≥ afterSeq). */
  lastSeq: number
}

/** Boards and the hashes of their capability links. */
export interface BoardStore {
  /** Stores a new board with the hash of each role's token and its initial state (v2 snapshot). */
  createBoard(board: BoardRecord, tokenHashes: Record<Role, string>, initialState: Uint8Array): Promise<void>
  getBoard(id: string): Promise<BoardRecord | undefined>
  /** The role a token hash grants on a board, if any. */
  roleForTokenHash(boardId: string, tokenHash: string): Promise<Role | undefined>
  /** Replaces a role's token hash: the old link stops working. */
  replaceTokenHash(boardId: string, role: Role, tokenHash: string): Promise<void>
  /** The current token hash of each role, for each of these boards (to close rotated links' sockets). */
  tokenHashes(boardIds: readonly string[]): Promise<Map<string, Map<Role, string>>>
}

/** A board's document: an append-only update log with increasing sequence numbers, and a snapshot. */
export interface DocumentLogStore {
  /**
   * True when every board has its own gapless sequence (1, 2, 3, …): an instance that sees 5
   * after 3 knows it missed 4 (PostgreSQL). SQLite numbers all boards' updates from one sequence;
   * it serves one process, which never misses an update.
   */
  readonly gaplessSequence: boolean
  loadDoc(boardId: string): Promise<StoredDoc>
  /** What was stored after `afterSeq`: the snapshot if it is newer, and the later updates. */
  readSince(boardId: string, afterSeq: number): Promise<StoredDocSince>
  /** The highest sequence number stored for each of these boards (boards without updates may be left out). */
  latestSeqs(boardIds: readonly string[]): Promise<Map<string, number>>
  /** Appends one (merged) update to a board's log; resolves with its sequence number once durable. */
  appendUpdate(boardId: string, update: Uint8Array): Promise<number>
  /**
   * Replaces the log up to and including `upToSeq` with a snapshot (v2 encoding), atomically.
   * Rows after `upToSeq` are never touched; a snapshot older than the stored one is not written.
   * Resolves false when nothing was written (another writer holds the board's compaction, or
   * already compacted past `upToSeq`).
   */
  compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<boolean>
}

/** Facilitators' own templates. */
export interface TemplateStore {
  /** Stores a facilitator's own template (validated JSON) unless the id is taken or a cap is reached. */
  putCustomTemplate(template: StoredCustomTemplate, quota: CustomTemplateQuota): Promise<'stored' | 'taken' | 'board-quota' | 'total-quota'>
  listCustomTemplates(): Promise<StoredCustomTemplate[]>
  /** Removes a custom template; false when there was none with that id. */
  deleteCustomTemplate(id: string): Promise<boolean>
}

/** Uploaded images, in the store so that every instance can serve them. */
export interface AssetStore {
  /** Stores an image unless the board's images would then exceed `maxBoardBytes` (checked atomically). */
  putAsset(asset: StoredAsset, quota: { maxBoardBytes: number }): Promise<{ stored: true } | { stored: false; usedBytes: number }>
  getAsset(boardId: string, id: string): Promise<StoredAsset | undefined>
  /** The bytes of all images a board holds. */
  assetBytes(boardId: string): Promise<number>
}

/**
 * Durable storage, split by kind of data (boards and links, document log, templates, assets,
 * ballots, versions). Implementations: SqliteDocStore (embedded default) and PostgresDocStore
 * (several instances); both pass server/store/storeContract.ts. Every method that resolves has
 * made its write durable: callers rely on that to relay updates only after they are stored.
 */
export interface DocStore extends BoardStore, DocumentLogStore, TemplateStore, AssetStore {
  /** Kept versions of boards (history, restores). */
  readonly versions: VersionStore
  /** Votes and their secret ballots. */
  readonly ballots: BallotStore
  /** Checks the stored data for damage (run at start); names the boards whose data cannot be read. */
  checkIntegrity(): Promise<IntegrityReport>
  /**
   * Makes rows already deleted unreadable from the store's files, as far as the store can (after a
   * board was made anonymous, rows that held names were deleted). SQLite: deleted content is
   * zeroed as it is deleted (secure_delete); this moves the write-ahead log into the database and
   * truncates it, so that no older copy of a page remains. PostgreSQL: VACUUM of the tables that
   * held them (see README "Voting, private writing and anonymous boards" for what remains).
   */
  purgeDeleted(): Promise<void>
  /** Resolves when the store answers now; rejects with the reason when it does not (for /healthz). */
  ping(): Promise<void>
  close(): Promise<void>
}
