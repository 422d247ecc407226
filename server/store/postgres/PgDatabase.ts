import pg from 'pg'

/** A client inside a transaction, as `PgDatabase.transaction` hands it over. */
export type PgQueryable = Pick<pg.PoolClient, 'query'>

/**
 * The connection pool of the PostgreSQL store, in one schema (`search_path`), with a transaction
 * helper. Small on purpose: every store class shares it.
 */
export class PgDatabase {
  readonly pool: pg.Pool

  constructor(options: {
    url: string
    schema?: string
    max?: number
    /**
     * `off`: a commit returns before PostgreSQL's WAL reaches the disk. A killed coboard loses
     * nothing (the commit is in PostgreSQL's hands); a crashed PostgreSQL or machine may lose the
     * last fraction of a second, which the clients that hold it send back when they reconnect.
     */
    synchronousCommit?: 'on' | 'off'
    onError?: (error: Error) => void
  }) {
    const schema = options.schema ?? 'public'
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad PostgreSQL schema name ${JSON.stringify(schema)}`)
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.max ?? 10,
      options: `-c search_path=${schema} -c synchronous_commit=${options.synchronousCommit === 'off' ? 'off' : 'on'}`,
    })
    // An idle client whose server went away must not crash the process; the next query reconnects.
    this.pool.on('error', (error) => options.onError?.(error))
  }

  query<R extends pg.QueryResultRow = any>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(text, values)
  }

  /** Runs `work` in one transaction (READ COMMITTED unless `isolation` says otherwise). */
  async transaction<T>(work: (client: PgQueryable) => Promise<T>, isolation?: 'repeatable read'): Promise<T> {
    const client = await this.pool.connect()
    // A connection that cannot even roll back is broken: released with the error, the pool
    // discards it instead of handing it to the next caller.
    let broken: Error | undefined
    try {
      await client.query(isolation ? `BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}` : 'BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError
      })
      throw error
    } finally {
      client.release(broken)
    }
  }

  close(): Promise<void> {
    return this.pool.end()
  }
}
