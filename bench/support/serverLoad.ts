import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { encodeSyncStep1, encodeUpdate } from '../../shared/protocol.ts'
import { getRecordsMap, writeRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import { makeNote } from '../../shared/tldrawYjs/testing.ts'

/*
 * What the server benchmarks share: servers as child processes (coboard now, coboard at an
 * earlier commit, the reference y-websocket server) and the load — N clients in one room, each
 * changing a field of its own note 5 times a second, every receiver timing every update.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** Updates per second per client. */
export const RATE = 5

export type TargetName = 'coboard' | 'reference' | 'before'

export interface Target {
  name: TargetName
  process: ChildProcess
  /** Returns the websocket URL a client opens for a room. */
  roomUrl: () => Promise<(i: number) => string>
  stop: () => Promise<void>
}

export async function freePort(): Promise<number> {
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

/**
 * Checks out `ref` into a temporary worktree (sharing node_modules) to run it as "before", with
 * `patch` (a file of `git diff` output) applied on top when given: e.g. the current commit without
 * the document policy (bench/patches/without-policy.patch), to measure what the policy alone costs.
 */
export function checkoutBefore(ref: string, patch?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coboard-before-'))
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: ROOT, stdio: 'ignore' })
  // A patch that no longer applies fails the bench loudly rather than measuring something else.
  if (patch) execFileSync('git', ['apply', path.resolve(ROOT, patch)], { cwd: dir, stdio: 'inherit' })
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'))
  process.on('exit', () => {
    try {
      execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT, stdio: 'ignore' })
    } catch {
      // left for `git worktree prune`
    }
  })
  return dir
}

export async function startCoboard(root = ROOT, name: TargetName = 'coboard', env: Record<string, string> = {}): Promise<Target> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coboard-bench-'))
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the coboard server.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      BUILD_CLIENT: 'false',
      MAX_CONNECTIONS_PER_BOARD: '1000',
      BOARDS_PER_ADDRESS_PER_HOUR: '100000',
      ...env,
    },
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
    name,
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

export async function startReference(): Promise<Target> {
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

export function rssOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}

/** CPU time (user + system) a process has used so far, in milliseconds. */
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces) start at the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return (ticks * 1000) / 100
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

export interface Result {
  p50: number
  p95: number
  p99: number
  deliveredPerSecond: number
  deliveryRatio: number
  rss: number
  peakRss: number
  /** The server's CPU time per second of load, in milliseconds (1000 = one core busy). */
  cpuMsPerSecond: number
}

const MARKER = /~(\d+):(\d+)~/g

export async function runLoad(target: Target, n: number, seconds: number): Promise<Result> {
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
    // Each client's own note, which its updates will change.
    let created: Uint8Array | undefined
    doc.once('update', (u: Uint8Array) => (created = u))
    writeRecords(doc, [makeNote(`bench-${i}`, { x: i * 10 })])
    if (created) ws.send(encodeUpdate(created))
    sockets.push(ws)
    docs.push(doc)
  }
  // Let the handshakes settle before measuring.
  await new Promise((resolve) => setTimeout(resolve, 500))
  const before = latencies.length
  const start = performance.now()
  const cpuStart = cpuMsOf(target.process.pid as number)
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
          // A field-level change of the client's own note, as one drag frame is.
          const meta = (getRecordsMap(docs[i]).get(`shape:bench-${i}`) as Y.Map<unknown>).get('meta') as Y.Map<unknown>
          meta.set('bench', `~${key}~`)
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
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  for (const timer of timers) clearInterval(timer)
  const elapsed = (performance.now() - start) / 1000
  const cpuMs = cpuMsOf(target.process.pid as number) - cpuStart
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
    cpuMsPerSecond: cpuMs / elapsed,
  }
}

