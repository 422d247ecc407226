import type { Locale } from '../../../shared/locales.ts'
import type { Role } from '../../../shared/roles.ts'
import type {
  BoardRecord,
  CustomTemplateQuota,
  DocStore,
  IntegrityReport,
  StoredAsset,
  StoredCustomTemplate,
  StoredDoc,
  StoredDocSince,
} from '../DocStore.ts'
import { groupTokenHashes } from '../tokenHashes.ts'
import { PgDatabase, type PgQueryable } from './PgDatabase.ts'
import { PostgresBallotStore } from './PostgresBallotStore.ts'
import { PostgresVersionStore } from './PostgresVersionStore.ts'
import { ADVISORY, POSTGRES_SCHEMA } from './schema.ts'

const bytes = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength)

/**
 * The store of record when coboard runs as several instances: every instance reads and writes the
 * same PostgreSQL database. Appends take the board row's lock to number the board's updates
 * without gaps, so commits of one board happen in sequence order whichever instance makes them.
 */
export class PostgresDocStore implements DocStore {
  readonly gaplessSequence = true
  readonly versions: PostgresVersionStore
  readonly ballots: PostgresBallotStore
  private readonly db: PgDatabase
  private readonly ready: Promise<void>

  constructor(options: {
    url: string
    schema?: string
    poolSize?: number
    synchronousCommit?: 'on' | 'off'
    onError?: (error: Error) => void
  }) {
    this.db = new PgDatabase({
      url: options.url,
      schema: options.schema,
      max: options.poolSize,
      synchronousCommit: options.synchronousCommit,
      onError: options.onError,
    })
    this.ready = this.createSchema(options.schema ?? 'public')
    // Callers see the failure on their first query; this only keeps it from being "unhandled".
    this.ready.catch(() => {})
    this.versions = new PostgresVersionStore(this.db, this.ready)
    this.ballots = new PostgresBallotStore(this.db, this.ready)
  }

  private async createSchema(schema: string): Promise<void> {
    // Several instances starting at once create the tables once, one after the other.
    await this.db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, 0)', [ADVISORY.schema])
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
      await client.query(POSTGRES_SCHEMA)
    })
  }

  private async q<R extends Record<string, any> = any>(text: string, values?: unknown[]) {
    await this.ready
    return this.db.query<R>(text, values)
  }

  private async tx<T>(work: (client: PgQueryable) => Promise<T>, isolation?: 'repeatable read'): Promise<T> {
    await this.ready
    return this.db.transaction(work, isolation)
  }

  async createBoard(board: BoardRecord, tokenHashes: Record<Role, string>, initialState: Uint8Array): Promise<void> {
    const now = Date.now()
    await this.tx(async (client) => {
      await client.query('INSERT INTO boards (id, title, template, locale, created_at) VALUES ($1, $2, $3, $4, $5)', [
        board.id,
        board.title,
        board.template,
        board.locale,
        board.createdAt,
      ])
      for (const [role, hash] of Object.entries(tokenHashes)) {
        await client.query('INSERT INTO board_links (board_id, role, token_hash, created_at) VALUES ($1, $2, $3, $4)', [board.id, role, hash, now])
      }
      await client.query('INSERT INTO board_snapshots (board_id, seq, data, updated_at) VALUES ($1, 0, $2, $3)', [board.id, bytes(initialState), now])
    })
  }

  async getBoard(id: string): Promise<BoardRecord | undefined> {
    const { rows } = await this.q('SELECT id, title, template, locale, created_at FROM boards WHERE id = $1', [id])
    const row = rows[0]
    if (!row) return undefined
    return { id: row.id, title: row.title, template: row.template, locale: row.locale as Locale, createdAt: Number(row.created_at) }
  }

  async roleForTokenHash(boardId: string, tokenHash: string): Promise<Role | undefined> {
    const { rows } = await this.q('SELECT role FROM board_links WHERE board_id = $1 AND token_hash = $2', [boardId, tokenHash])
    return rows[0]?.role as Role | undefined
  }

  async replaceTokenHash(boardId: string, role: Role, tokenHash: string): Promise<void> {
    await this.q('UPDATE board_links SET token_hash = $1, created_at = $2 WHERE board_id = $3 AND role = $4', [tokenHash, Date.now(), boardId, role])
  }

  async tokenHashes(boardIds: readonly string[]): Promise<Map<string, Map<Role, string>>> {
    const { rows } = await this.q('SELECT board_id, role, token_hash FROM board_links WHERE board_id = ANY($1)', [[...boardIds]])
    return groupTokenHashes(rows)
  }

  async loadDoc(boardId: string): Promise<StoredDoc> {
    const since = await this.readSince(boardId, -1)
    return { snapshot: since.snapshot, updates: since.updates.map((u) => u.data), lastSeq: since.lastSeq }
  }

  async readSince(boardId: string, afterSeq: number): Promise<StoredDocSince> {
    // One snapshot of the database, so a compaction by another instance cannot slip between the reads.
    return this.tx(async (client) => {
      const snap = await client.query('SELECT seq, data FROM board_snapshots WHERE board_id = $1 AND seq > $2', [boardId, afterSeq])
      const snapshot = snap.rows[0] as { seq: string; data: Buffer } | undefined
      const from = Math.max(afterSeq, snapshot ? Number(snapshot.seq) : 0)
      const { rows } = await client.query('SELECT seq, data FROM board_updates WHERE board_id = $1 AND seq > $2 ORDER BY seq', [boardId, from])
      const updates = rows.map((row: { seq: string; data: Buffer }) => ({ seq: Number(row.seq), data: new Uint8Array(row.data) }))
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
        updates,
        lastSeq: updates.length > 0 ? updates[updates.length - 1].seq : from,
      }
    }, 'repeatable read')
  }

  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    // One statement, one round trip: the UPDATE locks the board's row until COMMIT, so the
    // board's sequence has no gaps and its rows commit in sequence order.
    const { rows } = await this.q(
      `WITH next AS (UPDATE boards SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq)
       INSERT INTO board_updates (board_id, seq, data, created_at) SELECT $1, last_seq, $2, $3 FROM next RETURNING seq`,
      [boardId, bytes(update), Date.now()],
    )
    if (rows.length === 0) throw new Error(`no board ${boardId}`)
    return Number(rows[0].seq)
  }

  async latestSeqs(boardIds: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await this.q('SELECT id, last_seq FROM boards WHERE id = ANY($1)', [[...boardIds]])
    return new Map(rows.map((row: { id: string; last_seq: string }) => [row.id, Number(row.last_seq)]))
  }

  async compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<boolean> {
    return this.tx(async (client) => {
      // One compaction of a board at a time, across instances; a second attempt does not wait.
      const lock = await client.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS got', [ADVISORY.compaction, boardId])
      if (!lock.rows[0].got) return false
      // Fencing by sequence: a snapshot older than the stored one is refused, and only rows up to
      // `upToSeq` go — an update another instance appended meanwhile has a higher number and stays.
      const written = await client.query(
        `INSERT INTO board_snapshots (board_id, seq, data, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id) DO UPDATE SET seq = excluded.seq, data = excluded.data, updated_at = excluded.updated_at
         WHERE board_snapshots.seq <= excluded.seq`,
        [boardId, upToSeq, bytes(snapshot), Date.now()],
      )
      if (written.rowCount !== 1) return false
      await client.query('DELETE FROM board_updates WHERE board_id = $1 AND seq <= $2', [boardId, upToSeq])
      return true
    })
  }

  async putCustomTemplate(template: StoredCustomTemplate, quota: CustomTemplateQuota): Promise<'stored' | 'taken' | 'board-quota' | 'total-quota'> {
    return this.tx(async (client) => {
      // Counted and inserted under one lock, so two instances cannot both take the last place.
      await client.query('SELECT pg_advisory_xact_lock($1, 0)', [ADVISORY.templates])
      if ((await client.query('SELECT 1 FROM custom_templates WHERE id = $1', [template.id])).rowCount) return 'taken' as const
      const total = Number((await client.query('SELECT COUNT(*) AS n FROM custom_templates')).rows[0].n)
      if (total >= quota.maxTotal) return 'total-quota' as const
      if (template.ownerBoardId !== null) {
        const mine = Number((await client.query('SELECT COUNT(*) AS n FROM custom_templates WHERE owner_board_id = $1', [template.ownerBoardId])).rows[0].n)
        if (mine >= quota.maxPerBoard) return 'board-quota' as const
      }
      await client.query('INSERT INTO custom_templates (id, json, created_at, owner_board_id) VALUES ($1, $2, $3, $4)', [
        template.id,
        template.json,
        Date.now(),
        template.ownerBoardId,
      ])
      return 'stored' as const
    })
  }

  async listCustomTemplates(): Promise<StoredCustomTemplate[]> {
    const { rows } = await this.q('SELECT id, json, owner_board_id FROM custom_templates ORDER BY created_at, id')
    return rows.map((row) => ({ id: row.id, json: row.json, ownerBoardId: row.owner_board_id }))
  }

  async deleteCustomTemplate(id: string): Promise<boolean> {
    return (await this.q('DELETE FROM custom_templates WHERE id = $1', [id])).rowCount === 1
  }

  async putAsset(asset: StoredAsset, quota: { maxBoardBytes: number }): Promise<{ stored: true } | { stored: false; usedBytes: number }> {
    return this.tx(async (client) => {
      // The board's row lock serialises uploads to one board across instances.
      await client.query('SELECT 1 FROM boards WHERE id = $1 FOR UPDATE', [asset.boardId])
      const used = Number((await client.query('SELECT COALESCE(SUM(octet_length(data)), 0) AS n FROM board_assets WHERE board_id = $1', [asset.boardId])).rows[0].n)
      if (used + asset.data.byteLength > quota.maxBoardBytes) return { stored: false as const, usedBytes: used }
      await client.query('INSERT INTO board_assets (board_id, id, mime_type, data, created_at) VALUES ($1, $2, $3, $4, $5)', [
        asset.boardId,
        asset.id,
        asset.mimeType,
        bytes(asset.data),
        asset.createdAt,
      ])
      return { stored: true as const }
    })
  }

  async getAsset(boardId: string, id: string): Promise<StoredAsset | undefined> {
    const { rows } = await this.q('SELECT mime_type, data, created_at FROM board_assets WHERE board_id = $1 AND id = $2', [boardId, id])
    const row = rows[0]
    return row ? { boardId, id, mimeType: row.mime_type, data: new Uint8Array(row.data), createdAt: Number(row.created_at) } : undefined
  }

  async assetBytes(boardId: string): Promise<number> {
    const { rows } = await this.q('SELECT COALESCE(SUM(octet_length(data)), 0) AS n FROM board_assets WHERE board_id = $1', [boardId])
    return Number(rows[0].n)
  }

  /** PostgreSQL checks its own pages (checksums, WAL); what is left to check is that it answers. */
  async checkIntegrity(): Promise<IntegrityReport> {
    await this.q('SELECT 1 FROM boards LIMIT 1')
    return { ok: true }
  }

  /**
   * VACUUM prunes deleted rows from their pages (checked with pageinspect: a deleted row's bytes
   * stay on its page after DELETE and are gone after VACUUM). PostgreSQL's write-ahead log, its
   * archives, replicas and backups keep older copies until they are recycled: not ours to erase.
   */
  async purgeDeleted(): Promise<void> {
    await this.q('VACUUM board_updates, board_snapshots, board_versions')
  }

  async ping(): Promise<void> {
    await this.q('SELECT 1')
  }

  async close(): Promise<void> {
    await this.ready.catch(() => {})
    await this.db.close()
  }
}
