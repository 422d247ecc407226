import type { StoredVersion, VersionKind, VersionStore } from '../VersionStore.ts'
import type { PgDatabase } from './PgDatabase.ts'
import { ADVISORY } from './schema.ts'

interface VersionRow {
  board_id: string
  id: string
  created_at: string
  label: string | null
  kind: string
  note_count: number
  bytes: number
}

const toVersion = (row: VersionRow): StoredVersion => ({
  id: row.id,
  boardId: row.board_id,
  createdAt: Number(row.created_at),
  label: row.label,
  kind: row.kind as VersionKind,
  noteCount: row.note_count,
  bytes: row.bytes,
})

const INSERT = 'INSERT INTO board_versions (board_id, id, created_at, label, kind, note_count, bytes, snapshot) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)'
const values = (v: StoredVersion, snapshot: Uint8Array) => [v.boardId, v.id, v.createdAt, v.label, v.kind, v.noteCount, v.bytes, Buffer.from(snapshot)]

/** Board versions in PostgreSQL, beside the boards they belong to. */
export class PostgresVersionStore implements VersionStore {
  constructor(
    private readonly db: PgDatabase,
    private readonly ready: Promise<void>,
  ) {}

  private async q(text: string, values: unknown[]) {
    await this.ready
    return this.db.query(text, values)
  }

  async addVersion(v: StoredVersion, snapshot: Uint8Array): Promise<void> {
    await this.q(INSERT, values(v, snapshot))
  }

  async addVersionUnlessKeptSince(v: StoredVersion, snapshot: Uint8Array, since: number): Promise<number | null> {
    await this.ready
    return this.db.transaction(async (client) => {
      // Instances whose timers fire together check and insert one after the other.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADVISORY.versions, v.boardId])
      const { rows } = await client.query<{ newest: string | null }>('SELECT MAX(created_at) AS newest FROM board_versions WHERE board_id = $1', [v.boardId])
      const newest = rows[0]?.newest == null ? null : Number(rows[0].newest)
      if (newest !== null && newest > since) return newest
      await client.query(INSERT, values(v, snapshot))
      return null
    })
  }

  async listVersions(boardId: string): Promise<StoredVersion[]> {
    const { rows } = await this.q(
      'SELECT board_id, id, created_at, label, kind, note_count, bytes FROM board_versions WHERE board_id = $1 ORDER BY created_at DESC, id DESC',
      [boardId],
    )
    return rows.map(toVersion)
  }

  async getVersion(boardId: string, id: string) {
    const { rows } = await this.q('SELECT * FROM board_versions WHERE board_id = $1 AND id = $2', [boardId, id])
    const row = rows[0] as (VersionRow & { snapshot: Buffer }) | undefined
    return row ? { version: toVersion(row), snapshot: new Uint8Array(row.snapshot) } : undefined
  }

  async renameVersion(boardId: string, id: string, label: string | null): Promise<boolean> {
    return (await this.q('UPDATE board_versions SET label = $1 WHERE board_id = $2 AND id = $3', [label, boardId, id])).rowCount === 1
  }

  async deleteVersions(boardId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    await this.q('DELETE FROM board_versions WHERE board_id = $1 AND id = ANY($2)', [boardId, [...ids]])
  }
}
