import { afterEach, describe, expect, it } from 'vitest'
import { TEST_DATABASE_URL } from '../../../tests/helpers/postgres.ts'
import { PgDatabase } from './PgDatabase.ts'

describe('PgDatabase', () => {
  const open: PgDatabase[] = []
  afterEach(async () => {
    for (const db of open.splice(0)) await db.close()
  })
  const connect = (synchronousCommit?: 'on' | 'off') => {
    const db = new PgDatabase({ url: TEST_DATABASE_URL, max: 2, synchronousCommit })
    open.push(db)
    return db
  }
  const setting = async (db: PgDatabase) => (await db.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0].synchronous_commit

  it('waits for the WAL on disk at each commit unless told otherwise (PG_SYNCHRONOUS_COMMIT)', async () => {
    expect(await setting(connect())).toBe('on')
    expect(await setting(connect('on'))).toBe('on')
    const relaxed = connect('off')
    expect(await setting(relaxed)).toBe('off')
    // Every connection of the pool, also inside a transaction.
    expect(await relaxed.transaction(async (client) => (await client.query('SHOW synchronous_commit')).rows[0].synchronous_commit)).toBe('off')
  })

  it('refuses a schema name that is not a plain identifier before connecting', () => {
    expect(() => new PgDatabase({ url: TEST_DATABASE_URL, schema: 'x; DROP TABLE boards' })).toThrow(/bad PostgreSQL schema name/)
  })
})
