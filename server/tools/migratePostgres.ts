import fs from 'node:fs'
import path from 'node:path'
import { ConfigError, loadConfig } from '../config.ts'
import { SqliteToPostgres } from '../store/postgres/SqliteToPostgres.ts'

/*
 * npm run migrate:postgres [-- path/to/coboard.sqlite]
 * Copies a SQLite deployment (DATA_DIR/coboard.sqlite unless a file is given) into the empty
 * PostgreSQL database of DATABASE_URL (schema DATABASE_SCHEMA, default public). Stop the old
 * server first; start the new instances with the same DATABASE_URL afterwards.
 */
let config
try {
  config = loadConfig(process.env)
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message)
    process.exit(2)
  }
  throw error
}
if (!config.databaseUrl) {
  console.error('Set DATABASE_URL to the PostgreSQL database to migrate into (e.g. postgres://coboard:PASSWORD@localhost:5432/coboard).')
  process.exit(2)
}
const file = path.resolve(process.argv[2] ?? path.join(config.dataDir, 'coboard.sqlite'))
if (!fs.existsSync(file)) {
  console.error(`No SQLite file at ${file}: pass its path, or set DATA_DIR.`)
  process.exit(2)
}
try {
  const counts = await new SqliteToPostgres({ sqliteFile: file, databaseUrl: config.databaseUrl, schema: config.cluster.databaseSchema }).run((table, rows) =>
    console.log(`${table.padEnd(18)} ${rows} row(s)`),
  )
  console.log(`Migrated ${counts.boards ?? 0} board(s) from ${file} into schema "${config.cluster.databaseSchema}".`)
} catch (error) {
  console.error(`Migration failed, nothing was written: ${(error as Error).message}`)
  process.exit(1)
}
