import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Locale } from '../../shared/locales.ts'
import type { Role } from '../../shared/roles.ts'
import type {
  BoardRecord,
  CustomTemplateQuota,
  DocStore,
  IntegrityReport,
  StoredAsset,
  StoredCustomTemplate,
  StoredDoc,
  StoredDocSince,
} from './DocStore.ts'
import { groupTokenHashes } from './tokenHashes.ts'
import { SqliteAssetStore } from './SqliteAssetStore.ts'
import { SqliteBallotStore } from './SqliteBallotStore.ts'
import { SqliteTemplateStore } from './SqliteTemplateStore.ts'
import { SqliteVersionStore } from './SqliteVersionStore.ts'
import { WalCheckpointer } from './WalCheckpointer.ts'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  locale TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS board_links (
  board_id TEXT NOT NULL REFERENCES boards(id),
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, role)
);
CREATE TABLE IF NOT EXISTS board_snapshots (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  updated_at INTEGER NOT NULL
);
-- AUTOINCREMENT: sequence numbers must never be reused after compaction deletes the newest rows,
-- or an update could hide behind an older snapshot's sequence number.
CREATE TABLE IF NOT EXISTS board_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id),
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS board_updates_by_board ON board_updates (board_id, seq);
CREATE TABLE IF NOT EXISTS custom_templates (
  id TEXT PRIMARY KEY,
  json TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  owner_board_id TEXT
);
CREATE TABLE IF NOT EXISTS board_assets (
  board_id TEXT NOT NULL REFERENCES boards(id),
  id TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, id)
);
`

/** Columns added after the first release, added to an older file at start. */
const MIGRATIONS: Array<{ table: string; column: string; ddl: string }> = [
  { table: 'custom_templates', column: 'owner_board_id', ddl: 'ALTER TABLE custom_templates ADD COLUMN owner_board_id TEXT' },
]

/** What `loadDoc` could not read of a damaged board, for the log. */
export interface DamagedBoardRead {
  boardId: string
  error: string
  snapshotLost: boolean
  updatesLost: number
  updatesRead: number
}

/** SQLite's answer when a page of the file is damaged (SQLITE_CORRUPT and its extended codes, SQLITE_NOTADB). */
function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
}

interface BoardRow {
  id: string
  title: string
  template: string
  locale: string
  created_at: number
}

/** The embedded default store: one SQLite file in the data directory, WAL mode. */
export class SqliteDocStore implements DocStore {
  readonly gaplessSequence = false
  private readonly db: Database.Database
  private readonly stmt
  /** Board versions, in the same file (and so in the same backups). */
  readonly versions: SqliteVersionStore
  /** Votes and their secret ballots, in the same file. */
  readonly ballots: SqliteBallotStore
  private readonly templates: SqliteTemplateStore
  private readonly assets: SqliteAssetStore

  private readonly checkpointer: WalCheckpointer

  private readonly onDamagedRead: (report: DamagedBoardRead) => void

  constructor(options: {
    dataDir: string
    synchronous: 'full' | 'normal'
    onError?: (message: string) => void
    /** Called when a board's data could only partly be read (damaged pages); the board still loads. */
    onDamagedRead?: (report: DamagedBoardRead) => void
  }) {
    this.onDamagedRead = options.onDamagedRead ?? (() => {})
    fs.mkdirSync(options.dataDir, { recursive: true })
    const file = path.join(options.dataDir, 'coboard.sqlite')
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    // WAL + NORMAL: a commit is written to the WAL before we relay, so it survives a killed process;
    // only an OS crash or power cut can lose the last commits, and clients hand those back when
    // they reconnect (Yjs sync). FULL adds an fsync per commit, on the event loop: see README.
    this.db.pragma(`synchronous = ${options.synchronous.toUpperCase()}`)
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('busy_timeout = 5000')
    // Deleted rows are overwritten with zeros, not left in free space: when a board is made
    // anonymous, the update rows that held names are deleted and must not be readable in the file.
    this.db.pragma('secure_delete = ON')
    this.db.exec(SCHEMA)
    for (const migration of MIGRATIONS) {
      const columns = this.db.prepare(`PRAGMA table_info(${migration.table})`).all() as Array<{ name: string }>
      if (!columns.some((c) => c.name === migration.column)) this.db.exec(migration.ddl)
    }
    this.db.exec('CREATE INDEX IF NOT EXISTS custom_templates_by_owner ON custom_templates (owner_board_id)')
    this.versions = new SqliteVersionStore(this.db)
    this.ballots = new SqliteBallotStore(this.db)
    this.templates = new SqliteTemplateStore(this.db)
    this.assets = new SqliteAssetStore(this.db)
    // Checkpoints (which fsync the database file) run on a worker thread, not between two updates.
    this.db.pragma('wal_autocheckpoint = 0')
    this.checkpointer = new WalCheckpointer(file, 1000, options.onError ?? (() => {}))
    this.stmt = {
      insertBoard: this.db.prepare(
        'INSERT INTO boards (id, title, template, locale, created_at) VALUES (@id, @title, @template, @locale, @createdAt)',
      ),
      insertLink: this.db.prepare(
        'INSERT INTO board_links (board_id, role, token_hash, created_at) VALUES (?, ?, ?, ?)',
      ),
      updateLink: this.db.prepare('UPDATE board_links SET token_hash = ?, created_at = ? WHERE board_id = ? AND role = ?'),
      getBoard: this.db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?'),
      roleForHash: this.db.prepare<[string, string], { role: string }>(
        'SELECT role FROM board_links WHERE board_id = ? AND token_hash = ?',
      ),
      linksOf: this.db.prepare<[string], { board_id: string; role: string; token_hash: string }>('SELECT board_id, role, token_hash FROM board_links WHERE board_id = ?'),
      getSnapshot: this.db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM board_snapshots WHERE board_id = ?',
      ),
      getUpdates: this.db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
      ),
      appendUpdate: this.db.prepare('INSERT INTO board_updates (board_id, data, created_at) VALUES (?, ?, ?)'),
      upsertSnapshot: this.db.prepare(
        `INSERT INTO board_snapshots (board_id, seq, data, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (board_id) DO UPDATE SET seq = excluded.seq, data = excluded.data, updated_at = excluded.updated_at`,
      ),
      latestSeq: this.db
        .prepare<[string, string], number | null>(
          'SELECT MAX(seq) FROM (SELECT MAX(seq) AS seq FROM board_updates WHERE board_id = ? UNION ALL SELECT seq FROM board_snapshots WHERE board_id = ?)',
        )
        .pluck(),
      snapshotSeq: this.db.prepare<[string], number>('SELECT seq FROM board_snapshots WHERE board_id = ?').pluck(),
      deleteUpdates: this.db.prepare('DELETE FROM board_updates WHERE board_id = ? AND seq <= ?'),
      updateSeqs: this.db.prepare<[string, number], number>('SELECT seq FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq').pluck(),
      updateSeqsScan: this.db
        .prepare<[string, number], number>('SELECT seq FROM board_updates NOT INDEXED WHERE board_id = ? AND seq > ? ORDER BY seq')
        .pluck(),
      updateBySeq: this.db.prepare<[number], Buffer>('SELECT data FROM board_updates WHERE seq = ?').pluck(),
    }
  }

  async createBoard(board: BoardRecord, tokenHashes: Record<Role, string>, initialState: Uint8Array): Promise<void> {
    const now = Date.now()
    this.db.transaction(() => {
      this.stmt.insertBoard.run(board)
      for (const [role, hash] of Object.entries(tokenHashes)) this.stmt.insertLink.run(board.id, role, hash, now)
      this.stmt.upsertSnapshot.run(board.id, 0, Buffer.from(initialState), now)
    })()
  }

  async getBoard(id: string): Promise<BoardRecord | undefined> {
    const row = this.stmt.getBoard.get(id)
    if (!row) return undefined
    return { id: row.id, title: row.title, template: row.template, locale: row.locale as Locale, createdAt: row.created_at }
  }

  async roleForTokenHash(boardId: string, tokenHash: string): Promise<Role | undefined> {
    return this.stmt.roleForHash.get(boardId, tokenHash)?.role as Role | undefined
  }

  async replaceTokenHash(boardId: string, role: Role, tokenHash: string): Promise<void> {
    this.stmt.updateLink.run(tokenHash, Date.now(), boardId, role)
  }

  async tokenHashes(boardIds: readonly string[]): Promise<Map<string, Map<Role, string>>> {
    return groupTokenHashes(boardIds.flatMap((id) => this.stmt.linksOf.all(id)))
  }

  async loadDoc(boardId: string): Promise<StoredDoc> {
    try {
      return this.readDoc(boardId)
    } catch (error) {
      if (!isCorruption(error)) throw error
      // A damaged page must not make the board fail to load for ever: read what is still there,
      // row by row, and say what was lost.
      return this.salvageDoc(boardId, error as Error)
    }
  }

  private readDoc(boardId: string): StoredDoc {
    // One read transaction so a concurrent compaction cannot slip between the two reads.
    return this.db.transaction(() => {
      const snapshot = this.stmt.getSnapshot.get(boardId)
      const snapshotSeq = snapshot?.seq ?? 0
      const rows = this.stmt.getUpdates.all(boardId, snapshotSeq)
      const updates = rows.map((row) => new Uint8Array(row.data))
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
        updates,
        lastSeq: rows.length > 0 ? rows[rows.length - 1].seq : snapshotSeq,
      }
    })()
  }

  private salvageDoc(boardId: string, cause: Error): StoredDoc {
    let snapshot: { seq: number; data: Buffer } | undefined
    let snapshotLost = false
    try {
      snapshot = this.stmt.getSnapshot.get(boardId)
    } catch {
      snapshotLost = true
    }
    const since = snapshot?.seq ?? 0
    const seqs: number[] = []
    try {
      seqs.push(...this.stmt.updateSeqs.all(boardId, since))
    } catch {
      // The index is damaged: scan the table instead, keeping the rows read before a bad page.
      seqs.length = 0
      try {
        for (const seq of this.stmt.updateSeqsScan.iterate(boardId, since)) seqs.push(seq)
      } catch {
        // What was read so far is what there is.
      }
    }
    const updates: Uint8Array[] = []
    let lost = 0
    for (const seq of seqs) {
      try {
        const data = this.stmt.updateBySeq.get(seq)
        if (data) updates.push(new Uint8Array(data))
      } catch {
        lost++
      }
    }
    this.onDamagedRead({ boardId, error: cause.message, snapshotLost, updatesLost: lost, updatesRead: updates.length })
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
      updates,
      lastSeq: seqs.length > 0 ? Math.max(since, seqs[seqs.length - 1]) : since,
    }
  }

  async checkIntegrity(): Promise<IntegrityReport> {
    let problems: string[]
    try {
      problems = (this.db.pragma('quick_check(20)') as Array<{ quick_check: string }>).map((row) => row.quick_check).filter((text) => text !== 'ok')
    } catch (error) {
      problems = [(error as Error).message]
    }
    if (problems.length === 0) return { ok: true }
    return { ok: false, problems, damagedBoards: this.findDamagedBoards() }
  }

  /** Boards any of whose rows cannot be read (image bytes are not read: they do not stop a board loading). */
  private findDamagedBoards(): string[] {
    const ids = new Set<string>()
    const sources = [
      'SELECT id FROM boards',
      'SELECT board_id FROM board_links',
      'SELECT board_id FROM board_snapshots',
      'SELECT board_id FROM board_updates',
      'SELECT board_id FROM board_assets',
    ]
    for (const sql of sources) {
      try {
        for (const id of this.db.prepare<[], string>(sql).pluck().iterate()) ids.add(id)
      } catch {
        // A damaged table still yields the ids read before the bad page.
      }
    }
    const checks = [
      this.db.prepare('SELECT * FROM boards WHERE id = ?'),
      this.db.prepare('SELECT * FROM board_links WHERE board_id = ?'),
      this.db.prepare('SELECT * FROM board_snapshots WHERE board_id = ?'),
      this.db.prepare('SELECT * FROM board_updates WHERE board_id = ?'),
      this.db.prepare('SELECT board_id, id, mime_type, length(data) FROM board_assets WHERE board_id = ?'),
    ]
    const damaged: string[] = []
    for (const id of ids) {
      try {
        for (const check of checks) check.all(id)
      } catch {
        damaged.push(id)
      }
    }
    return damaged.sort()
  }

  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    const result = this.stmt.appendUpdate.run(boardId, Buffer.from(update.buffer, update.byteOffset, update.byteLength), Date.now())
    return Number(result.lastInsertRowid)
  }

  async readSince(boardId: string, afterSeq: number): Promise<StoredDocSince> {
    return this.db.transaction(() => {
      const snapshot = this.stmt.getSnapshot.get(boardId)
      const newer = snapshot && snapshot.seq > afterSeq ? snapshot : undefined
      const from = Math.max(afterSeq, newer?.seq ?? 0)
      const updates = this.stmt.getUpdates.all(boardId, from).map((row) => ({ seq: row.seq, data: new Uint8Array(row.data) }))
      return {
        snapshot: newer ? new Uint8Array(newer.data) : null,
        updates,
        lastSeq: updates.length > 0 ? updates[updates.length - 1].seq : from,
      }
    })()
  }

  async latestSeqs(boardIds: readonly string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>()
    for (const id of boardIds) {
      const seq = this.stmt.latestSeq.get(id, id)
      if (seq !== null && seq !== undefined) result.set(id, seq)
    }
    return result
  }

  async compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<boolean> {
    return this.db.transaction(() => {
      // Never replace a newer snapshot with an older one (the same rule as PostgreSQL's fencing).
      if ((this.stmt.snapshotSeq.get(boardId) ?? -1) > upToSeq) return false
      this.stmt.upsertSnapshot.run(boardId, upToSeq, Buffer.from(snapshot), Date.now())
      this.stmt.deleteUpdates.run(boardId, upToSeq)
      return true
    })()
  }

  putCustomTemplate(template: StoredCustomTemplate, quota: CustomTemplateQuota): Promise<'stored' | 'taken' | 'board-quota' | 'total-quota'> {
    return this.templates.putCustomTemplate(template, quota)
  }

  listCustomTemplates(): Promise<StoredCustomTemplate[]> {
    return this.templates.listCustomTemplates()
  }

  deleteCustomTemplate(id: string): Promise<boolean> {
    return this.templates.deleteCustomTemplate(id)
  }

  putAsset(asset: StoredAsset, quota: { maxBoardBytes: number }): Promise<{ stored: true } | { stored: false; usedBytes: number }> {
    return this.assets.putAsset(asset, quota)
  }

  assetBytes(boardId: string): Promise<number> {
    return this.assets.assetBytes(boardId)
  }

  getAsset(boardId: string, id: string): Promise<StoredAsset | undefined> {
    return this.assets.getAsset(boardId, id)
  }

  async purgeDeleted(): Promise<void> {
    // The WAL still holds the pages as they were before the delete: move it into the database and
    // cut it to zero bytes. A reader in the way (busy) is retried by busy_timeout; if it stays
    // busy the next purge or the file's regular checkpoints move it, but old frames may then stay.
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>
    if (result?.busy) throw new Error('the write-ahead log could not be truncated: another connection was reading')
  }

  /** An embedded file answers as long as the process runs. */
  async ping(): Promise<void> {}

  async close(): Promise<void> {
    if (!this.db.open) return
    await this.checkpointer.stop()
    this.db.close()
  }
}
