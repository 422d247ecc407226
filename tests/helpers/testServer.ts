import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { DestinationStream } from 'pino'
import { afterEach, beforeEach } from 'vitest'
import { CoboardServer, type CoboardServerDeps } from '../../server/CoboardServer.ts'
import { loadConfig } from '../../server/config.ts'
import { createLogger } from '../../server/logger.ts'
import { connectClient, type SyncClient } from './clients.ts'

/** The body POST /api/boards answers with. */
export interface CreateBoardResponse {
  id: string
  title: string
  template: string
  locale: string
  createdAt: number
  anonymous: boolean
  links: { facilitator: string; participant: string; observer: string }
}

export interface TestServer {
  /** http://127.0.0.1:<port> */
  url: string
  /** ws://127.0.0.1:<port> */
  wsUrl: string
  port: number
  dataDir: string
  server: CoboardServer
  createBoard(body?: Record<string, unknown>): Promise<CreateBoardResponse & { tokens: Record<'facilitator' | 'participant' | 'observer', string> }>
  close(): Promise<void>
}

/** Per-address rate limits high enough that no test other than the limits' own meets them. */
export const GENEROUS_RATE_LIMITS = {
  BOARDS_PER_ADDRESS_PER_HOUR: '1000000',
  UPLOADS_PER_ADDRESS_PER_MINUTE: '1000000',
  TEMPLATE_SAVES_PER_ADDRESS_PER_HOUR: '1000000',
}

/** The token inside a board link's fragment (`#k=<token>`). */
export function tokenOf(link: string): string {
  const token = new URL(link).hash.replace(/^#k=/, '')
  if (!token) throw new Error(`no token in link ${link}`)
  return token
}

/** A fresh temporary data directory, removed by the caller (or left for the OS to clean). */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'coboard-test-'))
}

/**
 * Starts a real coboard server on 127.0.0.1, port 0, with its own SQLite data directory.
 * `env` overrides configuration exactly as environment variables would.
 */
export async function startTestServer(
  options: { env?: Record<string, string>; dataDir?: string; deps?: CoboardServerDeps; logDestination?: DestinationStream } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir()
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Tests create boards and upload from one address far faster than people do; the tests of
    // the limits themselves set them low again.
    ...GENEROUS_RATE_LIMITS,
    ...options.env,
  })
  const log = createLogger(config.logLevel, options.logDestination)
  const server = await CoboardServer.open(config, log, options.deps)
  const { port } = await server.start()
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    dataDir,
    server,
    async createBoard(body = { template: 'blank' }) {
      const res = await fetch(`${url}/api/boards`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (res.status !== 201) throw new Error(`createBoard failed: ${res.status} ${await res.text()}`)
      const board = (await res.json()) as CreateBoardResponse
      return {
        ...board,
        tokens: {
          facilitator: tokenOf(board.links.facilitator),
          participant: tokenOf(board.links.participant),
          observer: tokenOf(board.links.observer),
        },
      }
    },
    close: () => server.stop(),
  }
}

/**
 * A fresh server for every test in the enclosing `describe`, plus the clients a test opens: all
 * closed after each test. `restart()` stops the server and starts a new one on the same data.
 */
export function useTestServer(options: Parameters<typeof startTestServer>[0] = {}) {
  const context = {
    server: undefined as unknown as TestServer,
    clients: [] as SyncClient[],
    /** Connects a stock y-websocket client that is closed after the test. */
    async connect(boardId: string, token: string, clientOptions?: Parameters<typeof connectClient>[3]): Promise<SyncClient> {
      const client = await connectClient(context.server.wsUrl, boardId, token, clientOptions)
      context.clients.push(client)
      return client
    },
    /** Closes the clients and the server, then starts a new server on the same data directory. */
    async restart(env?: Record<string, string>): Promise<TestServer> {
      for (const client of context.clients.splice(0)) client.destroy()
      await context.server.close()
      context.server = await startTestServer({ ...options, dataDir: context.server.dataDir, env: env ?? options.env })
      return context.server
    },
  }
  beforeEach(async () => {
    context.server = await startTestServer(options)
  })
  afterEach(async () => {
    for (const client of context.clients.splice(0)) client.destroy()
    await context.server.close()
  })
  return context
}
