import type { Logger } from 'pino'
import type { Config } from '../config.ts'
import type { DocStore } from '../store/DocStore.ts'
import { PostgresDocStore } from '../store/postgres/PostgresDocStore.ts'
import { SqliteDocStore } from '../store/SqliteDocStore.ts'
import { LocalRelay, type Relay } from './Relay.ts'
import { RedisRelay } from './RedisRelay.ts'

/** The store the configuration asks for: PostgreSQL with DATABASE_URL, else the SQLite file. */
export function openStore(config: Config, log: Logger): DocStore {
  if (config.databaseUrl) {
    return new PostgresDocStore({
      url: config.databaseUrl,
      schema: config.cluster.databaseSchema,
      poolSize: config.cluster.databasePoolSize,
      synchronousCommit: config.cluster.synchronousCommit,
      onError: (error) => log.warn({ err: error }, 'PostgreSQL connection problem'),
    })
  }
  return new SqliteDocStore({
    dataDir: config.dataDir,
    synchronous: config.sqliteSynchronous,
    onError: (message) => log.error({ error: message }, 'WAL checkpoint failed'),
    onDamagedRead: (report) =>
      log.error(report, 'board data is damaged: loaded what could still be read (restore coboard.sqlite from a backup to get the rest)'),
  })
}

/** Redis pub/sub between instances with REDIS_URL, else nothing to relay (one process). */
export function openRelay(config: Config, log: Logger): Relay {
  if (!config.redisUrl) {
    // Two such instances would each serve a board from its own copy: clients on one would not
    // see the other's changes until a reload.
    if (config.databaseUrl) log.warn('DATABASE_URL without REDIS_URL: run only one instance (several need REDIS_URL to relay updates)')
    return new LocalRelay()
  }
  return new RedisRelay({
    url: config.redisUrl,
    prefix: config.cluster.redisPrefix,
    log,
    heartbeatMs: config.cluster.heartbeatMs,
    instanceExpiryMs: config.cluster.instanceExpiryMs,
  })
}
