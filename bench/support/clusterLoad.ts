import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { encodeSyncStep1, encodeUpdate } from '../../shared/protocol.ts'
import { getRecordsMap, writeRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import { makeNote } from '../../shared/tldrawYjs/testing.ts'
import { freePort, percentile, RATE, rssOf } from './serverLoad.ts'

/*
 * bench:cluster's load: rooms of clients spread round-robin over instances, each client changing
 * a field of its own note RATE times a second; every receiver times every update of its room.
 * CPU time is read from /proc for each instance over the measured window only.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface Instance {
  process: ChildProcess
  port: number
  stop(): Promise<void>
}

/** Starts one coboard process with the given environment and waits for /healthz. */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coboard-bench-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
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
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)))
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)))
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break
    } catch {
      if (i > 600 || child.exitCode !== null) throw new Error(`instance did not start:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {
    process: child,
    port,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** User + system CPU seconds a process has used so far. */
export function cpuSecondsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime and stime are fields 14 and 15 of stat; 12 and 13 after the name. Clock ticks of 1/100 s.
  return (Number(fields[11]) + Number(fields[12])) / 100
}

export interface ClusterResult {
  p50: number
  p99: number
  deliveredShare: number
  delivered: number
  /** CPU seconds of all instances together per 1,000 delivered updates. */
  cpuPer1000: number
  /** CPU seconds of each instance per 1,000 updates delivered to its own clients. */
  cpuPer1000PerInstance: number[]
  /** CPU seconds per instance over the window. */
  cpuPerInstance: number[]
  rssPerInstance: number[]
}

/** Creates `rooms` boards on the first instance; `clientsPerRoom` clients each, spread over the instances. */
export async function runClusterLoad(instances: Instance[], rooms: number, clientsPerRoom: number, seconds: number): Promise<ClusterResult> {
  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  let sentDeliveries = 0
  const sockets: WebSocket[] = []
  const clients: Array<{ ws: WebSocket; doc: Y.Doc; key: string; peers: number }> = []
  const deliveredBy = new Array<number>(instances.length).fill(0)
  let measuring = false
  let next = 0
  for (let r = 0; r < rooms; r++) {
    const res = await fetch(`http://127.0.0.1:${instances[0].port}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: 'blank', title: `bench ${r}` }),
    })
    const board = (await res.json()) as { id: string; links: { participant: string } }
    const token = new URL(board.links.participant).hash.slice(3)
    for (let c = 0; c < clientsPerRoom; c++) {
      const instanceIndex = next++ % instances.length
      const instance = instances[instanceIndex]
      const ws = new WebSocket(`ws://127.0.0.1:${instance.port}/sync/${board.id}?k=${token}`, { perMessageDeflate: false })
      ws.binaryType = 'nodebuffer'
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve())
        ws.once('error', reject)
      })
      const own = `${r}.${c}`
      const seen = new Set<string>()
      ws.on('message', (data: Buffer) => {
        if (data[0] !== 0 || (data[1] !== 1 && data[1] !== 2)) return
        const now = performance.now()
        for (const match of data.toString('latin1').matchAll(/~(\d+\.\d+):(\d+)~/g)) {
          if (match[1] === own) continue
          const key = `${match[1]}:${match[2]}`
          if (seen.has(key)) continue
          seen.add(key)
          const t = sentAt.get(key)
          if (t !== undefined && measuring) {
            latencies.push(now - t)
            deliveredBy[instanceIndex]++
          }
        }
      })
      const doc = new Y.Doc()
      ws.send(encodeSyncStep1(Y.encodeStateVector(doc)))
      let created: Uint8Array | undefined
      doc.once('update', (u: Uint8Array) => (created = u))
      writeRecords(doc, [makeNote(`bench-${c}`, { x: c * 10 })])
      if (created) ws.send(encodeUpdate(created))
      sockets.push(ws)
      clients.push({ ws, doc, key: own, peers: clientsPerRoom - 1 })
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const cpuBefore = instances.map((i) => cpuSecondsOf(i.process.pid as number))
  measuring = true
  const timers: NodeJS.Timeout[] = []
  const counters = new Array<number>(clients.length).fill(0)
  for (const [k, client] of clients.entries()) {
    const note = `shape:bench-${client.key.split('.')[1]}`
    timers.push(
      setTimeout(
        () => {
          const tick = () => {
            const key = `${client.key}:${counters[k]++}`
            let update: Uint8Array | undefined
            client.doc.once('update', (u: Uint8Array) => (update = u))
            ;((getRecordsMap(client.doc).get(note) as Y.Map<unknown>).get('meta') as Y.Map<unknown>).set('bench', `~${key}~`)
            sentAt.set(key, performance.now())
            if (update && client.ws.readyState === WebSocket.OPEN) {
              client.ws.send(encodeUpdate(update))
              sentDeliveries += client.peers
            }
          }
          tick()
          timers.push(setInterval(tick, 1000 / RATE))
        },
        (1000 / RATE) * (k / clients.length),
      ),
    )
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  for (const timer of timers) clearInterval(timer)
  // In-flight updates still count (delivered share): wait until deliveries stop (at most 20 s),
  // then read CPU and memory, so that the CPU figure covers all the work for what was delivered.
  for (let idle = 0, last = -1, waited = 0; idle < 1000 && waited < 20_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    idle = latencies.length === last ? idle + 250 : 0
    last = latencies.length
  }
  measuring = false
  const cpu = instances.map((i, k) => cpuSecondsOf(i.process.pid as number) - cpuBefore[k])
  const rss = instances.map((i) => rssOf(i.process.pid as number).rss)
  for (const ws of sockets) ws.close()
  await new Promise((resolve) => setTimeout(resolve, 300))
  const sorted = Float64Array.from(latencies).sort()
  const cpuTotal = cpu.reduce((a, b) => a + b, 0)
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    delivered: sorted.length,
    deliveredShare: sorted.length / Math.max(1, sentDeliveries),
    cpuPer1000: cpuTotal / Math.max(1, sorted.length / 1000),
    cpuPer1000PerInstance: cpu.map((c, k) => c / Math.max(1, deliveredBy[k] / 1000)),
    cpuPerInstance: cpu,
    rssPerInstance: rss,
  }
}
