import type Database from 'better-sqlite3'
import type { StoredVersion, VersionKind, VersionStore } from './VersionStore.ts'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS board_versions (
  board_id TEXT NOT NULL REFERENCES boards(id),
  id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  label TEXT,
  kind TEXT NOT NULL,
  note_count INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  snapshot BLOB NOT NULL,
  PRIMARY KEY (board_id, id)
);
CREATE INDEX IF NOT EXISTS board_versions_by_time ON board_versions (board_id, created_at);
`

interface VersionRow {
  board_id: string
  id: string
  created_at: number
  label: string | null
  kind: string
  note_count: number
  bytes: number
}

const toVersion = (row: VersionRow): StoredVersion => ({
  id: row.id,
  boardId: row.board_id,
  createdAt: row.created_at,
  label: row.label,
  kind: row.kind as VersionKind,
  noteCount: row.note_count,
  bytes: row.bytes,
})

/** Board versions in the embedded SQLite file, beside the boards they belong to. */
export class SqliteVersionStore implements VersionStore {
  private readonly stmt

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA)
    this.stmt = {
      insert: db.prepare(
        'INSERT INTO board_versions (board_id, id, created_at, label, kind, note_count, bytes, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      list: db.prepare<[string], VersionRow>(
        'SELECT board_id, id, created_at, label, kind, note_count, bytes FROM board_versions WHERE board_id = ? ORDER BY created_at DESC, id DESC',
      ),
      get: db.prepare<[string, string], VersionRow & { snapshot: Buffer }>('SELECT * FROM board_versions WHERE board_id = ? AND id = ?'),
      rename: db.prepare('UPDATE board_versions SET label = ? WHERE board_id = ? AND id = ?'),
      remove: db.prepare('DELETE FROM board_versions WHERE board_id = ? AND id = ?'),
      newest: db.prepare<[string], { created_at: number }>('SELECT MAX(created_at) AS created_at FROM board_versions WHERE board_id = ?'),
    }
  }

  async addVersion(v: StoredVersion, snapshot: Uint8Array): Promise<void> {
    this.stmt.insert.run(v.boardId, v.id, v.createdAt, v.label, v.kind, v.noteCount, v.bytes, Buffer.from(snapshot))
  }

  async addVersionUnlessKeptSince(v: StoredVersion, snapshot: Uint8Array, since: number): Promise<number | null> {
    // One process owns the file: a synchronous transaction is the check-and-insert.
    return this.db.transaction(() => {
      const newest = this.stmt.newest.get(v.boardId)?.created_at
      if (newest != null && newest > since) return newest
      this.stmt.insert.run(v.boardId, v.id, v.createdAt, v.label, v.kind, v.noteCount, v.bytes, Buffer.from(snapshot))
      return null
    })()
  }

  async listVersions(boardId: string): Promise<StoredVersion[]> {
    return this.stmt.list.all(boardId).map(toVersion)
  }

  async getVersion(boardId: string, id: string) {
    const row = this.stmt.get.get(boardId, id)
    return row ? { version: toVersion(row), snapshot: new Uint8Array(row.snapshot) } : undefined
  }

  async renameVersion(boardId: string, id: string, label: string | null): Promise<boolean> {
    return this.stmt.rename.run(label, boardId, id).changes === 1
  }

  async deleteVersions(boardId: string, ids: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const id of ids) this.stmt.remove.run(boardId, id)
    })()
  }
}
