/**
 * bench:server — the same load against coboard's sync server and the reference
 * @y/websocket-server 0.1.1, side by side in one run. N clients in one room each send a small
 * update 5 times a second; every receiver measures how long each update took to reach it.
 *
 *   npm run bench:server                    # N = 10, 50, 200; 20 s each, 3 runs each, medians
 *   BENCH_SECONDS=5 BENCH_N=10,50 npm run bench:server
 *   BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:server   # profile coboard
 *   BENCH_BEFORE=ad8a47f npm run bench:server   # also run coboard at an earlier commit, side by side
 *   BENCH_BEFORE=HEAD BENCH_BEFORE_PATCH=bench/patches/without-policy.patch npm run bench:server
 *                                               # "before" = this commit with the policy check taken out
 *
 * Each client first adds its own note, then changes a field of it 5 times a second (as a drag
 * does): a realistic update that passes through the whole document policy (analysis, record
 * rebuild, tldraw validation). The marker that identifies each update travels in `meta.bench`.
 *
 * Both servers run as child processes on loopback, so the RSS figures are theirs alone. The
 * reference keeps documents in memory only; coboard checks tokens and limits and writes every
 * update durably (SQLite, WAL) and judges it by the document policy before relaying it.
 */
import os from 'node:os'
import { checkoutBefore, RATE, runLoad, startCoboard, startReference, type Result, type TargetName } from './support/serverLoad.ts'
import { median } from './support/stats.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
const SIZES = (process.env.BENCH_N ?? '10,50,200').split(',').map(Number)
/** Runs per server and N; the table shows the median of each figure. Orders alternate. */
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3)

const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a')


function medianResult(results: Result[]): Result {
  const pick = (key: keyof Result) => median(results.map((r) => r[key]))
  return {
    p50: pick('p50'),
    p95: pick('p95'),
    p99: pick('p99'),
    deliveredPerSecond: pick('deliveredPerSecond'),
    deliveryRatio: pick('deliveryRatio'),
    rss: pick('rss'),
    peakRss: pick('peakRss'),
    cpuMsPerSecond: pick('cpuMsPerSecond'),
  }
}

const beforeRef = process.env.BENCH_BEFORE
const beforePatch = process.env.BENCH_BEFORE_PATCH
const beforeRoot = beforeRef ? checkoutBefore(beforeRef, beforePatch) : undefined

async function main() {
  if (beforeRef) console.log(`"before" is coboard at ${beforeRef}${beforePatch ? ` with ${beforePatch} applied` : ''}`)
  console.log(
    `bench:server — ${SECONDS} s per run, ${REPEATS} runs per server and N (medians), ${RATE} updates/s per client, node ${process.version}, ${os.cpus().length} cores`,
  )
  const rows: string[] = []
  for (const n of SIZES) {
    const runs: Record<TargetName, Result[]> = { coboard: [], reference: [], before: [] }
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      // Rotate which server goes first, so that none always gets the quieter slot; fresh
      // servers every run, so that one run's memory does not carry into the next.
      const starters = [() => startCoboard(), startReference, ...(beforeRoot ? [() => startCoboard(beforeRoot, 'before')] : [])]
      const order = starters.map((_, k) => starters[(k + repeat) % starters.length])
      for (const start of order) {
        const target = await start()
        try {
          const result = await runLoad(target, n, SECONDS)
          runs[target.name].push(result)
          console.log(`  N=${n} ${target.name} run ${repeat + 1}: p99 ${f(result.p99)} ms, server CPU ${f(result.cpuMsPerSecond, 0)} ms/s`)
        } finally {
          await target.stop()
        }
      }
    }
    const names: TargetName[] = beforeRoot ? ['coboard', 'reference', 'before'] : ['coboard', 'reference']
    const results = Object.fromEntries(names.map((name) => [name, medianResult(runs[name])])) as Record<TargetName, Result>
    for (const name of names) {
      const r = results[name]
      rows.push(
        [n, name, f(r.p50), f(r.p95), f(r.p99), f(r.deliveredPerSecond, 0), `${f(r.deliveryRatio * 100, 1)}%`, f(r.rss, 0), f(r.peakRss, 0), f(r.cpuMsPerSecond, 0)].join('\t'),
      )
    }
    const ours = results.coboard
    const ref = results.reference
    const ratio = (label: string, other: Result) =>
      [n, label, f(ours.p50 / other.p50, 2), f(ours.p95 / other.p95, 2), f(ours.p99 / other.p99, 2), f(ours.deliveredPerSecond / other.deliveredPerSecond, 2), '', f(ours.rss / other.rss, 2), f(ours.peakRss / other.peakRss, 2), f(ours.cpuMsPerSecond / other.cpuMsPerSecond, 2)].join('\t')
    rows.push(ratio('ratio', ref))
    if (beforeRoot) rows.push(ratio('ratio to before', results.before))
    console.log(rows.slice(beforeRoot ? -5 : -3).join('\n'))
  }
  console.log('\nN\tserver\tp50 ms\tp95 ms\tp99 ms\tdelivered/s\tdelivered\tRSS MiB\tpeak RSS MiB\tserver CPU ms/s  (medians)')
  console.log(rows.join('\n'))
}

await main()
process.exit(0)
