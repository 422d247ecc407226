import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SqliteDocStore } from './SqliteDocStore.ts'
import { describeStoreContract } from './storeContract.ts'

describeStoreContract('SQLite', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coboard-contract-'))
  const stores: SqliteDocStore[] = [new SqliteDocStore({ dataDir, synchronous: 'normal' })]
  return {
    store: stores[0],
    async reopen() {
      await stores[stores.length - 1].close()
      stores.push(new SqliteDocStore({ dataDir, synchronous: 'normal' }))
      return stores[stores.length - 1]
    },
    async dispose() {
      for (const store of stores) await store.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
})
