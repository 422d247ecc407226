import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { dropSchema, TEST_DATABASE_URL, uniqueTestNamespace } from '../../../tests/helpers/postgres.ts'
import { PostgresDocStore } from './PostgresDocStore.ts'
import { ADVISORY } from './schema.ts'

const u = (...values: number[]) => new Uint8Array(values)

describe('PostgresDocStore compaction across instances', () => {
  const cleanup: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
  })

  it('skips a compaction while another instance holds the board’s lock, keeping every row, and runs once it is free', async () => {
    const { schema } = uniqueTestNamespace()
    const store = new PostgresDocStore({ url: TEST_DATABASE_URL, schema })
    cleanup.push(() => dropSchema(schema), () => store.close())
    await store.createBoard({ id: 'b', title: 'B', template: 'blank', locale: 'en', createdAt: 0 }, { facilitator: 'f', participant: 'p', observer: 'o' }, u(0))
    for (const value of [1, 2, 3]) await store.appendUpdate('b', u(value))

    // Another instance is compacting this board: it holds the lock inside its transaction.
    const other = new pg.Client({ connectionString: TEST_DATABASE_URL })
    await other.connect()
    cleanup.push(() => other.end())
    await other.query('BEGIN')
    await other.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADVISORY.compaction, 'b'])
    expect(await store.compact('b', u(9, 9), 3)).toBe(false)
    expect(await store.readSince('b', 0)).toEqual({ snapshot: null, updates: [1, 2, 3].map((v) => ({ seq: v, data: u(v) })), lastSeq: 3 })

    await other.query('COMMIT')
    expect(await store.compact('b', u(9, 9), 2)).toBe(true)
    expect(await store.readSince('b', 0)).toEqual({ snapshot: u(9, 9), updates: [{ seq: 3, data: u(3) }], lastSeq: 3 })
  })
})
