import { type ChildProcess, spawn } from 'node:child_process'
import { afterEach } from 'vitest'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { GENEROUS_RATE_LIMITS } from './testServer.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** A coboard server in its own process, exactly as `npm start` runs it. */
export interface ChildServer {
  process: ChildProcess
  port: number
  url: string
  wsUrl: string
  /** Resolves when the process has exited. */
  exited: Promise<number | null>
  output(): string
}

/** Starts `node --import tsx server/main.ts` on port 0 and waits for its "listening" log line. */
export async function startChildServer(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', BUILD_CLIENT: 'false', ...GENEROUS_RATE_LIMITS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Never leave a half-started server behind a failed test.
      child.kill('SIGKILL')
      reject(new Error(`server did not start:\n${output}`))
    }, 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /"port":(\d+)/.exec(output)
      if (match && output.includes('coboard listening')) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
  return {
    process: child,
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    exited,
    output: () => output,
  }
}

/** Creates a board over HTTP on a running server; fails the test unless it answers 201. */
export async function createBoardOverHttp(url: string, body: Record<string, unknown> = { template: 'blank' }) {
  const res = await fetch(`${url}/api/boards`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  if (res.status !== 201) throw new Error(`creating a board failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as { id: string; links: Record<'facilitator' | 'participant' | 'observer', string> }
}

/**
 * Child servers and the clients a test opens on them, all stopped after each test (servers with
 * SIGKILL when still running): `start(dataDir, env)` and `clients.push(...)`.
 */
export function useChildServers() {
  const servers: ChildServer[] = []
  const clients: Array<{ destroy(): void }> = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const server of servers.splice(0)) {
      if (server.process.exitCode === null) {
        server.process.kill('SIGKILL')
        await server.exited
      }
    }
  })
  return {
    clients,
    async start(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
      const server = await startChildServer(dataDir, env)
      servers.push(server)
      return server
    },
  }
}
