/**
 * bench:cluster — one room of N clients spread over 1, 2 and 3 instances on PostgreSQL + Redis,
 * and 100 rooms × 10 clients over 2 instances, next to the single SQLite process in the same run.
 * Every client changes a field of its own note 5 times a second; every receiver times each update.
 *
 *   npm run bench:cluster                          # N = 50, 200; 15 s per run
 *   BENCH_SECONDS=10 BENCH_N=50 BENCH_ROOMS=0 npm run bench:cluster
 *   DATABASE_URL=postgres://… REDIS_URL=redis://… npm run bench:cluster
 *   BENCH_RELAXED=2,3 npm run bench:cluster        # also these counts with PG_SYNCHRONOUS_COMMIT=off ('' for none)
 *
 * The machine's cores are shared by the instances, PostgreSQL, Redis and the load generator: read
 * the cost columns (CPU seconds per 1,000 delivered updates, RSS), not a speed-up.
 * Each cluster run gets a fresh PostgreSQL schema and Redis prefix, dropped afterwards.
 */
import crypto from 'node:crypto'
import os from 'node:os'
import pg from 'pg'
import { type ClusterResult, type Instance, runClusterLoad, startInstance } from './support/clusterLoad.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15)
const SIZES = (process.env.BENCH_N ?? '50,200').split(',').map(Number)
const INSTANCE_COUNTS = (process.env.BENCH_INSTANCES ?? '1,2,3').split(',').map(Number)
const ROOMS = Number(process.env.BENCH_ROOMS ?? 100)
// Instance counts also run with PG_SYNCHRONOUS_COMMIT=off: what the commit's fsync costs.
const RELAXED_COUNTS = (process.env.BENCH_RELAXED ?? '2').split(',').filter(Boolean).map(Number)
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a')

async function withInstances<T>(
  kind: 'sqlite' | 'cluster' | 'cluster-relaxed',
  count: number,
  run: (instances: Instance[]) => Promise<T>,
): Promise<T> {
  const id = crypto.randomBytes(5).toString('hex')
  const schema = `bench_${id}`
  const env: Record<string, string> =
    kind === 'sqlite'
      ? {}
      : {
          DATABASE_URL,
          DATABASE_SCHEMA: schema,
          REDIS_URL,
          REDIS_PREFIX: `coboard-bench-${id}:`,
          MAX_CONNECTIONS_PER_BOARD: '1000',
          PG_SYNCHRONOUS_COMMIT: kind === 'cluster-relaxed' ? 'off' : 'on',
        }
  const instances: Instance[] = []
  try {
    for (let i = 0; i < count; i++) instances.push(await startInstance(env))
    return await run(instances)
  } finally {
    for (const instance of instances) await instance.stop()
    if (kind !== 'sqlite') {
      const client = new pg.Client({ connectionString: DATABASE_URL })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await client.end()
    }
  }
}

const rows: string[] = []
function report(label: string, n: string, r: ClusterResult, baseline?: ClusterResult) {
  const cpuPerInstance = r.cpuPerInstance.map((c) => f(c, 2)).join('/')
  // Each instance's CPU against the updates it delivered to its own clients; the busiest one counts.
  const perInstancePer1000 = Math.max(...r.cpuPer1000PerInstance)
  const row = [
    n,
    label,
    f(r.p50),
    f(r.p99),
    `${f(r.deliveredShare * 100, 1)}%`,
    r.delivered,
    f(r.cpuPer1000, 3),
    f(perInstancePer1000, 3),
    cpuPerInstance,
    r.rssPerInstance.map((x) => f(x, 0)).join('/'),
    baseline ? f(r.p99 / baseline.p99, 2) : '',
    baseline ? f(perInstancePer1000 / baseline.cpuPer1000, 2) : '',
  ].join('\t')
  rows.push(row)
  console.log(row)
}

console.log(`bench:cluster — ${SECONDS} s per run, 5 updates/s per client, node ${process.version}, ${os.cpus().length} cores`)
console.log('N\tsetup\tp50 ms\tp99 ms\tdelivered\tcount\tCPU s/1000 (all)\tCPU s/1000 (busiest instance)\tCPU s per instance\tRSS MiB per instance\tp99 ÷ SQLite\tCPU/instance ÷ SQLite')
for (const n of SIZES) {
  const single = await withInstances('sqlite', 1, (i) => runClusterLoad(i, 1, n, SECONDS))
  report('1 × SQLite', String(n), single)
  for (const count of INSTANCE_COUNTS) {
    const result = await withInstances('cluster', count, (i) => runClusterLoad(i, 1, n, SECONDS))
    report(`${count} × PG+Redis`, String(n), result, single)
  }
  for (const count of RELAXED_COUNTS) {
    const result = await withInstances('cluster-relaxed', count, (i) => runClusterLoad(i, 1, n, SECONDS))
    report(`${count} × PG+Redis, synchronous_commit=off`, String(n), result, single)
  }
}
if (ROOMS > 0) {
  const single = await withInstances('sqlite', 1, (i) => runClusterLoad(i, ROOMS, 10, SECONDS))
  report('1 × SQLite', `${ROOMS}×10`, single)
  const result = await withInstances('cluster', 2, (i) => runClusterLoad(i, ROOMS, 10, SECONDS))
  report('2 × PG+Redis', `${ROOMS}×10`, result, single)
}
console.log('\nN\tsetup\tp50 ms\tp99 ms\tdelivered\tcount\tCPU s/1000 (all)\tCPU s/1000 (busiest instance)\tCPU s per instance\tRSS MiB per instance\tp99 ÷ SQLite\tCPU/instance ÷ SQLite')
console.log(rows.join('\n'))
process.exit(0)
