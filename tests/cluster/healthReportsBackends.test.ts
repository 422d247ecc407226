import { afterEach, describe, expect, it } from 'vitest'
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../helpers/postgres.ts'
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy.ts'
import { waitFor } from '../helpers/wait.ts'
import { useCluster } from './cluster.ts'

/** The same URL, reaching its service through a proxy on this port. */
function through(url: string, port: number): string {
  const parsed = new URL(url)
  parsed.hostname = '127.0.0.1'
  parsed.port = String(port)
  return parsed.toString()
}

describe('/healthz tells a load balancer when an instance lost PostgreSQL or Redis', () => {
  const cluster = useCluster()
  const proxies: TcpProxy[] = []
  afterEach(async () => {
    for (const proxy of proxies.splice(0)) await proxy.close()
  })

  it('answers 503 naming what is unreachable, and 200 again once it is back', async () => {
    const pg = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(TEST_DATABASE_URL).port || 5432) })
    const redis = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(TEST_REDIS_URL).port || 6379) })
    proxies.push(pg, redis)
    const [instance] = await cluster.start(1, { DATABASE_URL: through(TEST_DATABASE_URL, pg.port), REDIS_URL: through(TEST_REDIS_URL, redis.port) })
    const health = async () => {
      const res = await fetch(`${instance.url}/healthz`)
      return { status: res.status, body: (await res.json()) as { ok: boolean; problems?: string[] } }
    }
    const unhealthy = async () => {
      const h = await health()
      return h.status === 503 ? h.body : undefined
    }
    expect(await health()).toEqual({ status: 200, body: { ok: true } })

    pg.cut()
    const noDatabase = await waitFor(unhealthy, 10_000, '503 without PostgreSQL')
    expect(noDatabase).toEqual({ ok: false, problems: [expect.stringMatching(/^PostgreSQL unreachable/)] })
    pg.restore()
    await waitFor(async () => (await health()).status === 200, 15_000, '200 with PostgreSQL back')

    redis.cut()
    const noRedis = await waitFor(unhealthy, 10_000, '503 without Redis')
    expect(noRedis).toEqual({ ok: false, problems: [expect.stringMatching(/^Redis unreachable/)] })
    // The address quotas live in Redis: without it a new board is still created (uncounted).
    const created = await fetch(`${instance.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: 'stakeholder-map' }),
    })
    expect(created.status).toBe(201)
    redis.restore()
    await waitFor(async () => (await health()).status === 200, 15_000, '200 with Redis back')
  })
})
