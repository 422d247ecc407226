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

/**
 * Durable storage for boards, their capability-link hashes and their Yjs update logs.
 * Implementations: SqliteDocStore (embedded default). Every method that resolves has made its
 * write durable: callers rely on that to relay updates only after they are stored.
 */
export interface DocStore {
  /** Kept versions of boards (history, restores). */
  readonly versions: VersionStore
  /** Votes and their secret ballots. */
  readonly ballots: BallotStore
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
  /** Stores a facilitator's own template (validated JSON) unless the id is taken or a cap is reached. */
  putCustomTemplate(template: StoredCustomTemplate, quota: CustomTemplateQuota): Promise<'stored' | 'taken' | 'board-quota' | 'total-quota'>
  listCustomTemplates(): Promise<StoredCustomTemplate[]>
  /** Removes a custom template; false when there was none with that id. */
  deleteCustomTemplate(id: string): Promise<boolean>
  /** Stores an image unless the board's images would then exceed `maxBoardBytes` (checked atomically). */
  putAsset(asset: StoredAsset, quota: { maxBoardBytes: number }): Promise<{ stored: true } | { stored: false; usedBytes: number }>
  getAsset(boardId: string, id: string): Promise<StoredAsset | undefined>
  /** The bytes of all images a board holds. */
  assetBytes(boardId: string): Promise<number>
  /** Checks the stored data for damage (run at start); names the boards whose data cannot be read. */
  checkIntegrity(): Promise<IntegrityReport>
  close(): Promise<void>
}
