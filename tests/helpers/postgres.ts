import crypto from 'node:crypto'
import pg from 'pg'

/** The PostgreSQL and Redis this machine and CI run (README, "Several instances"). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** A fresh schema name per test (other engineers share the database), and a Redis prefix to match. */
export function uniqueTestNamespace(): { schema: string; redisPrefix: string } {
  const id = crypto.randomBytes(6).toString('hex')
  return { schema: `t_${id}`, redisPrefix: `coboard-test-${id}:` }
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  } finally {
    await client.end()
  }
}
