/**
 * bench:server — the same load against coboard's sync server and the reference
 * @y/websocket-server 0.1.1, side by side in one run. N clients in one room each send a small
 * update 5 times a second; every receiver measures how long each update took to reach it.
 *
 *   npm run bench:server                    # N = 10, 50, 200; 20 s each, 3 runs each, medians
 *   BENCH_SECONDS=5 BENCH_N=10,50 npm run bench:server
 *   BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:server   # profile coboard
 *
 * Both servers run as child processes on loopback, so the RSS figures are theirs alone. The
 * reference keeps documents in memory only; coboard checks tokens and limits and writes every
 * update durably (SQLite, synchronous=FULL) before relaying it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { encodeSyncStep1, encodeUpdate } from '../shared/protocol.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
const SIZES = (process.env.BENCH_N ?? '10,50,200').split(',').map(Number)
const RATE = 5
/** Runs per server and N; the table shows the median of each figure. Orders alternate. */
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3)

interface Target {
  name: 'coboard' | 'reference'
  process: ChildProcess
  /** Returns the websocket URL a client opens for a room. */
  roomUrl: () => Promise<(i: number) => string>
  stop: () => Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}

async function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (pattern.test(output)) {
        clearTimeout(timer)
        resolve(output)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
  })
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
}

async function startCoboard(): Promise<Target> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coboard-bench-'))
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the coboard server.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', BUILD_CLIENT: 'false', MAX_CONNECTIONS_PER_BOARD: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  await waitForOutput(child, /coboard listening|listening on/).catch(async () => {
    // LOG_LEVEL=warn hides the listening line: poll the health endpoint instead.
  })
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {
    name: 'coboard',
    process: child,
    async roomUrl() {
      const res = await fetch(`http://127.0.0.1:${port}/api/boards`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ template: 'blank', title: 'bench' }),
      })
      const board = (await res.json()) as { id: string; links: { participant: string } }
      const token = new URL(board.links.participant).hash.slice(3)
      return () => `ws://127.0.0.1:${port}/sync/${board.id}?k=${token}`
    },
    stop: async () => {
      await stopper(child)()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function startReference(): Promise<Target> {
  const port = await freePort()
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  await waitForOutput(child, /running at/)
  let room = 0
  return {
    name: 'reference',
    process: child,
    async roomUrl() {
      const name = `bench-${room++}`
      return () => `ws://127.0.0.1:${port}/${name}`
    },
    stop: stopper(child),
  }
}

function rssOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

interface Result {
  p50: number
  p95: number
  p99: number
  deliveredPerSecond: number
  deliveryRatio: number
  rss: number
  peakRss: number
}

const MARKER = /~(\d+):(\d+)~/g

async function runLoad(target: Target, n: number): Promise<Result> {
  const urlFor = await target.roomUrl()
  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  let sent = 0
  const sockets: WebSocket[] = []
  const docs: Y.Doc[] = []
  for (let i = 0; i < n; i++) {
    const ws = new WebSocket(urlFor(i), { perMessageDeflate: false })
    ws.binaryType = 'nodebuffer'
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    const seen = new Set<string>()
    ws.on('message', (data: Buffer) => {
      // Sync step 2 (1) and updates (2) carry document content; look for our markers in it.
      if (data[0] !== 0 || (data[1] !== 1 && data[1] !== 2)) return
      const now = performance.now()
      const text = data.toString('latin1')
      for (const match of text.matchAll(MARKER)) {
        const key = `${match[1]}:${match[2]}`
        if (Number(match[1]) === i || seen.has(key)) continue
        seen.add(key)
        const t = sentAt.get(key)
        if (t !== undefined) latencies.push(now - t)
      }
    })
    const doc = new Y.Doc()
    ws.send(encodeSyncStep1(Y.encodeStateVector(doc)))
    sockets.push(ws)
    docs.push(doc)
  }
  // Let the handshakes settle before measuring.
  await new Promise((resolve) => setTimeout(resolve, 500))
  const before = latencies.length
  const start = performance.now()
  const timers: NodeJS.Timeout[] = []
  const seq = new Array<number>(n).fill(0)
  for (let i = 0; i < n; i++) {
    // Stagger the clients evenly over one period, as real users are not in lockstep.
    const startDelay = (1000 / RATE) * (i / n)
    timers.push(
      setTimeout(() => {
        const tick = () => {
          const s = seq[i]++
          const key = `${i}:${s}`
          let update: Uint8Array | undefined
          const capture = (u: Uint8Array) => (update = u)
          docs[i].once('update', capture)
          docs[i].getArray('notes').push([`~${key}~`])
          sentAt.set(key, performance.now())
          if (update && sockets[i].readyState === WebSocket.OPEN) {
            sockets[i].send(encodeUpdate(update))
            sent++
          }
        }
        tick()
        timers.push(setInterval(tick, 1000 / RATE))
      }, startDelay),
    )
  }
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000))
  for (const timer of timers) clearInterval(timer)
  const elapsed = (performance.now() - start) / 1000
  // Give in-flight messages a moment, then read memory while the room is still loaded.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const memory = rssOf(target.process.pid as number)
  for (const ws of sockets) ws.close()
  await new Promise((resolve) => setTimeout(resolve, 300))
  const measured = Float64Array.from(latencies.slice(before)).sort()
  return {
    p50: percentile(measured, 50),
    p95: percentile(measured, 95),
    p99: percentile(measured, 99),
    deliveredPerSecond: measured.length / elapsed,
    deliveryRatio: measured.length / Math.max(1, sent * (n - 1)),
    rss: memory.rss,
    peakRss: memory.peak,
  }
}

const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a')

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

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
  }
}

async function main() {
  console.log(
    `bench:server — ${SECONDS} s per run, ${REPEATS} runs per server and N (medians), ${RATE} updates/s per client, node ${process.version}, ${os.cpus().length} cores`,
  )
  const rows: string[] = []
  for (const n of SIZES) {
    const runs: Record<Target['name'], Result[]> = { coboard: [], reference: [] }
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      // Alternate which server goes first, so that neither always gets the quieter slot; fresh
      // servers every run, so that one run's memory does not carry into the next.
      const order = repeat % 2 === 0 ? [startCoboard, startReference] : [startReference, startCoboard]
      for (const start of order) {
        const target = await start()
        try {
          const result = await runLoad(target, n)
          runs[target.name].push(result)
          console.log(`  N=${n} ${target.name} run ${repeat + 1}: p99 ${f(result.p99)} ms`)
        } finally {
          await target.stop()
        }
      }
    }
    const results = { coboard: medianResult(runs.coboard), reference: medianResult(runs.reference) }
    for (const name of ['coboard', 'reference'] as const) {
      const r = results[name]
      rows.push(
        [n, name, f(r.p50), f(r.p95), f(r.p99), f(r.deliveredPerSecond, 0), `${f(r.deliveryRatio * 100, 1)}%`, f(r.rss, 0), f(r.peakRss, 0)].join('\t'),
      )
    }
    const ours = results.coboard
    const ref = results.reference
    rows.push(
      [n, 'ratio', f(ours.p50 / ref.p50, 2), f(ours.p95 / ref.p95, 2), f(ours.p99 / ref.p99, 2), f(ours.deliveredPerSecond / ref.deliveredPerSecond, 2), '', f(ours.rss / ref.rss, 2), f(ours.peakRss / ref.peakRss, 2)].join('\t'),
    )
    console.log(rows.slice(-3).join('\n'))
  }
  console.log('\nN\tserver\tp50 ms\tp95 ms\tp99 ms\tdelivered/s\tdelivered\tRSS MiB\tpeak RSS MiB  (medians)')
  console.log(rows.join('\n'))
}

await main()
