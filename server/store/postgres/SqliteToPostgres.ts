import Database from 'better-sqlite3'
import { PgDatabase, type PgQueryable } from './PgDatabase.ts'
import { PostgresDocStore } from './PostgresDocStore.ts'

/** What a migration copied, table by table. */
export type MigrationCounts = Record<string, number>

/** Tables copied row for row (everything but the update log, which is renumbered per board). */
const PLAIN_TABLES: Array<{ table: string; columns: string[]; bytes?: string[] }> = [
  { table: 'boards', columns: ['id', 'title', 'template', 'locale', 'created_at'] },
  { table: 'board_links', columns: ['board_id', 'role', 'token_hash', 'created_at'] },
  { table: 'custom_templates', columns: ['id', 'json', 'created_at', 'owner_board_id'] },
  { table: 'board_assets', columns: ['board_id', 'id', 'mime_type', 'data', 'created_at'], bytes: ['data'] },
  { table: 'board_versions', columns: ['board_id', 'id', 'created_at', 'label', 'kind', 'note_count', 'bytes', 'snapshot'], bytes: ['snapshot'] },
  { table: 'board_votes', columns: ['board_id', 'id', 'config', 'status', 'started_at', 'ends_at', 'closed_at'] },
  { table: 'vote_ballots', columns: ['board_id', 'vote_id', 'voter_id', 'voter_group', 'dots', 'updated_at'] },
]

/**
 * Copies a coboard SQLite file into an empty PostgreSQL schema, in one transaction: all or
 * nothing. SQLite numbers every board's updates from one shared sequence; PostgreSQL numbers each
 * board's from 1, so each board's snapshot becomes sequence 0 and its updates 1…n, in order.
 */
export class SqliteToPostgres {
  constructor(private readonly options: { sqliteFile: string; databaseUrl: string; schema: string }) {}

  async run(onProgress: (table: string, rows: number) => void = () => {}): Promise<MigrationCounts> {
    // Creating the store creates the schema and tables, exactly as a server would.
    const store = new PostgresDocStore({ url: this.options.databaseUrl, schema: this.options.schema, poolSize: 1 })
    await store.checkIntegrity()
    await store.close()
    const sqlite = new Database(this.options.sqliteFile, { readonly: true, fileMustExist: true })
    const db = new PgDatabase({ url: this.options.databaseUrl, schema: this.options.schema, max: 1 })
    try {
      return await db.transaction(async (client) => {
        const existing = Number((await client.query('SELECT COUNT(*) AS n FROM boards')).rows[0].n)
        if (existing > 0) throw new Error(`the PostgreSQL schema "${this.options.schema}" already holds ${existing} board(s); migrate into an empty one`)
        const counts: MigrationCounts = {}
        const tables = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]))
        for (const spec of PLAIN_TABLES) {
          if (!tables.has(spec.table)) continue
          counts[spec.table] = await this.copyTable(sqlite, client, spec)
          onProgress(spec.table, counts[spec.table])
        }
        counts.board_updates = await this.copyLogs(sqlite, client)
        onProgress('board_updates', counts.board_updates)
        return counts
      })
    } finally {
      sqlite.close()
      await db.close()
    }
  }

  private async copyTable(sqlite: Database.Database, client: PgQueryable, spec: (typeof PLAIN_TABLES)[number]): Promise<number> {
    const available = new Set((sqlite.prepare(`PRAGMA table_info(${spec.table})`).all() as Array<{ name: string }>).map((c) => c.name))
    const columns = spec.columns.filter((c) => available.has(c))
    const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ')
    const insert = `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${placeholders})`
    let n = 0
    for (const row of sqlite.prepare(`SELECT ${columns.join(', ')} FROM ${spec.table}`).iterate() as Iterable<Record<string, unknown>>) {
      await client.query(insert, columns.map((c) => row[c] ?? null))
      n++
    }
    return n
  }

  private async copyLogs(sqlite: Database.Database, client: PgQueryable): Promise<number> {
    const snapshots = sqlite.prepare<[], { board_id: string; data: Buffer; updated_at: number }>('SELECT board_id, data, updated_at FROM board_snapshots')
    for (const row of snapshots.iterate()) {
      await client.query('INSERT INTO board_snapshots (board_id, seq, data, updated_at) VALUES ($1, 0, $2, $3)', [row.board_id, row.data, row.updated_at])
    }
    const updates = sqlite.prepare<[], { board_id: string; data: Buffer; created_at: number }>(
      'SELECT u.board_id, u.data, u.created_at FROM board_updates u LEFT JOIN board_snapshots s ON s.board_id = u.board_id WHERE u.seq > COALESCE(s.seq, 0) ORDER BY u.board_id, u.seq',
    )
    const next = new Map<string, number>()
    let n = 0
    for (const row of updates.iterate()) {
      const seq = (next.get(row.board_id) ?? 0) + 1
      next.set(row.board_id, seq)
      await client.query('INSERT INTO board_updates (board_id, seq, data, created_at) VALUES ($1, $2, $3, $4)', [row.board_id, seq, row.data, row.created_at])
      n++
    }
    for (const [boardId, seq] of next) await client.query('UPDATE boards SET last_seq = $1 WHERE id = $2', [seq, boardId])
    return n
  }
}
