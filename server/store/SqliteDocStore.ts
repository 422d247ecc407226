import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Locale } from '../../shared/locales.ts'
import type { Role } from '../../shared/roles.ts'
import type { BoardRecord, DocStore, StoredAsset, StoredDoc } from './DocStore.ts'
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
  created_at INTEGER NOT NULL
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

interface BoardRow {
  id: string
  title: string
  template: string
  locale: string
  created_at: number
}

/** The embedded default store: one SQLite file in the data directory, WAL mode. */
export class SqliteDocStore implements DocStore {
  private readonly db: Database.Database
  private readonly stmt

  private readonly checkpointer: WalCheckpointer

  constructor(options: { dataDir: string; synchronous: 'full' | 'normal'; onError?: (message: string) => void }) {
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
    this.db.exec(SCHEMA)
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
      deleteUpdates: this.db.prepare('DELETE FROM board_updates WHERE board_id = ? AND seq <= ?'),
      putTemplate: this.db.prepare('INSERT OR IGNORE INTO custom_templates (id, json, created_at) VALUES (?, ?, ?)'),
      listTemplates: this.db.prepare<[], { id: string; json: string }>('SELECT id, json FROM custom_templates ORDER BY created_at'),
      putAsset: this.db.prepare(
        'INSERT INTO board_assets (board_id, id, mime_type, data, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      getAsset: this.db.prepare<[string, string], { mime_type: string; data: Buffer; created_at: number }>(
        'SELECT mime_type, data, created_at FROM board_assets WHERE board_id = ? AND id = ?',
      ),
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

  async loadDoc(boardId: string): Promise<StoredDoc> {
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

  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    const result = this.stmt.appendUpdate.run(boardId, Buffer.from(update.buffer, update.byteOffset, update.byteLength), Date.now())
    return Number(result.lastInsertRowid)
  }

  async compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.upsertSnapshot.run(boardId, upToSeq, Buffer.from(snapshot), Date.now())
      this.stmt.deleteUpdates.run(boardId, upToSeq)
    })()
  }

  async putCustomTemplate(id: string, json: string): Promise<boolean> {
    return this.stmt.putTemplate.run(id, json, Date.now()).changes === 1
  }

  async listCustomTemplates(): Promise<Array<{ id: string; json: string }>> {
    return this.stmt.listTemplates.all()
  }

  async putAsset(asset: StoredAsset): Promise<void> {
    this.stmt.putAsset.run(asset.boardId, asset.id, asset.mimeType, Buffer.from(asset.data), asset.createdAt)
  }

  async getAsset(boardId: string, id: string): Promise<StoredAsset | undefined> {
    const row = this.stmt.getAsset.get(boardId, id)
    if (!row) return undefined
    return { boardId, id, mimeType: row.mime_type, data: new Uint8Array(row.data), createdAt: row.created_at }
  }

  async close(): Promise<void> {
    if (!this.db.open) return
    await this.checkpointer.stop()
    this.db.close()
  }
}
