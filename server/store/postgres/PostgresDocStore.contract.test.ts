import { dropSchema, TEST_DATABASE_URL, uniqueTestNamespace } from '../../../tests/helpers/postgres.ts'
import { describeStoreContract } from '../storeContract.ts'
import { PostgresDocStore } from './PostgresDocStore.ts'

describeStoreContract('PostgreSQL', async () => {
  const { schema } = uniqueTestNamespace()
  const stores: PostgresDocStore[] = [new PostgresDocStore({ url: TEST_DATABASE_URL, schema })]
  return {
    store: stores[0],
    async reopen() {
      // Another instance's pool on the same database: it sees what the first one committed.
      stores.push(new PostgresDocStore({ url: TEST_DATABASE_URL, schema }))
      return stores[stores.length - 1]
    },
    async dispose() {
      for (const store of stores) await store.close()
      await dropSchema(schema)
    },
  }
})
