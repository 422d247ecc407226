import { Redis } from 'ioredis'
import { afterEach } from 'vitest'
import { type ChildServer, startChildServer } from '../helpers/childServer.ts'
import { dropSchema, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueTestNamespace } from '../helpers/postgres.ts'
import { startTestServer, tempDataDir, type TestServer } from '../helpers/testServer.ts'
import { RedisRelay } from '../../server/cluster/RedisRelay.ts'
import { createLogger } from '../../server/logger.ts'
import { DroppingRelay } from './DroppingRelay.ts'

/** An instance running inside the test process, whose relay can lose messages on demand. */
export interface InProcessInstance extends TestServer {
  relay: DroppingRelay
}

/**
 * Several coboard processes on one PostgreSQL schema and one Redis prefix (both fresh per test,
 * and removed after it), as `npm start` runs them with DATABASE_URL and REDIS_URL.
 */
export function useCluster(baseEnv: Record<string, string> = {}) {
  const servers: ChildServer[] = []
  const inProcess: InProcessInstance[] = []
  const clients: Array<{ destroy(): void }> = []
  let namespace = uniqueTestNamespace()
  const used: string[] = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const server of servers.splice(0)) {
      if (server.process.exitCode === null && server.process.signalCode === null) {
        server.process.kill('SIGKILL')
        await server.exited
      }
    }
    for (const instance of inProcess.splice(0)) await instance.close()
    for (const schema of used.splice(0)) await dropSchema(schema)
    namespace = uniqueTestNamespace()
  })
  const envFor = (env: Record<string, string>) => {
    if (!used.includes(namespace.schema)) used.push(namespace.schema)
    return {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: namespace.schema,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: namespace.redisPrefix,
      INSTANCE_HEARTBEAT_MS: '200',
      INSTANCE_EXPIRY_MS: '1500',
      CATCH_UP_CHECK_MS: '500',
      MAX_MESSAGES_PER_SECOND: '100000',
      ...baseEnv,
      ...env,
    }
  }
  return {
    clients,
    get namespace() {
      return namespace
    },
    /** Starts `count` instances sharing this test's database schema and Redis prefix. */
    async start(count: number, env: Record<string, string> = {}): Promise<ChildServer[]> {
      const instanceEnv = envFor(env)
      // One after the other: the first creates the tables (the others would wait on its lock anyway).
      const started: ChildServer[] = []
      for (let i = 0; i < count; i++) {
        const server = await startChildServer(tempDataDir(), instanceEnv)
        servers.push(server)
        started.push(server)
      }
      return started
    },
    /**
     * Starts `count` instances in this process (same schema and prefix as `start`), each on the
     * real Redis relay wrapped in a DroppingRelay, so that a test can lose relayed messages at will.
     */
    async startInProcess(count: number, env: Record<string, string> = {}): Promise<InProcessInstance[]> {
      const instanceEnv = envFor(env)
      const started: InProcessInstance[] = []
      for (let i = 0; i < count; i++) {
        const relay = new DroppingRelay(
          new RedisRelay({
            url: TEST_REDIS_URL,
            prefix: namespace.redisPrefix,
            log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
            heartbeatMs: Number(instanceEnv.INSTANCE_HEARTBEAT_MS),
            instanceExpiryMs: Number(instanceEnv.INSTANCE_EXPIRY_MS),
          }),
        )
        const server = await startTestServer({ env: instanceEnv, deps: { relay } })
        const instance = { ...server, relay }
        inProcess.push(instance)
        started.push(instance)
      }
      return started
    },
    /** Cuts the Redis subscriber connections of this test's instances (as a Redis restart would). */
    async cutPubSub(): Promise<number> {
      const admin = new Redis(TEST_REDIS_URL)
      try {
        const list = String(await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub'))
        const ids = list
          .split('\n')
          .filter((line) => line.includes(`name=${namespace.redisPrefix}`))
          .map((line) => /(?:^|\s)id=(\d+)/.exec(line)?.[1])
          .filter((id): id is string => Boolean(id))
        for (const id of ids) await admin.call('CLIENT', 'KILL', 'ID', id)
        return ids.length
      } finally {
        admin.disconnect()
      }
    },
  }
}
