import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { Config } from '../config.ts'
import type { DocStore } from '../store/DocStore.ts'
import { SqliteDocStore } from '../store/SqliteDocStore.ts'
import { LocalRelay, type Relay } from './Relay.ts'

/*
 * The backends a configuration asks for. PostgreSQL's and Redis's client libraries are loaded
 * only when DATABASE_URL or REDIS_URL asks for them: a single-process server (the default) never
 * has them in memory.
 */

/** The store the configuration asks for: PostgreSQL with DATABASE_URL, else the SQLite file. */
export async function openStore(config: Config, log: Logger): Promise<DocStore> {
  if (config.databaseUrl) {
    const { PostgresDocStore } = await import('../store/postgres/PostgresDocStore.ts')
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
export async function openRelay(config: Config, log: Logger): Promise<Relay> {
  if (!config.redisUrl) {
    // Two such instances would each serve a board from its own copy: clients on one would not
    // see the other's changes until a reload.
    if (config.databaseUrl) log.warn('DATABASE_URL without REDIS_URL: run only one instance (several need REDIS_URL to relay updates)')
    return new LocalRelay()
  }
  const { RedisRelay } = await import('./RedisRelay.ts')
  return new RedisRelay({
    url: config.redisUrl,
    prefix: config.cluster.redisPrefix,
    log,
    heartbeatMs: config.cluster.heartbeatMs,
    instanceExpiryMs: config.cluster.instanceExpiryMs,
  })
}

/**
 * Redis for the per-address HTTP quotas (board creations, uploads, template saves) when several
 * instances run (REDIS_URL): counted in memory, each instance would give an address its own full
 * quota. While Redis is away a request waits at most a second for its count and is then let through.
 */
export async function openQuotaRedis(config: Config, log: Logger): Promise<Redis | undefined> {
  if (!config.redisUrl) return undefined
  const { Redis } = await import('ioredis')
  const client = new Redis(config.redisUrl, {
    // While Redis is away a request waits at most a second for its count, then goes through.
    commandTimeout: 1000,
    maxRetriesPerRequest: 1,
    retryStrategy: (times: number) => Math.min(times * 100, 1000),
    connectionName: `${config.cluster.redisPrefix}quotas`.replace(/[^A-Za-z0-9:_.-]/g, '_'),
  })
  client.on('error', (error: Error) => log.warn({ err: error, client: 'quotas' }, 'redis connection problem'))
  return client
}
