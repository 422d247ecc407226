import net from 'node:net'
import path from 'node:path'
import { z } from 'zod'

const intFrom = (name: string, fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return fallback
      const n = Number(value)
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max}, got "${value}"` })
        return z.NEVER
      }
      return n
    })

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()))

const booleanFlag = (name: string, fallback = false) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback
      if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true
      if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false, got "${value}"` })
      return z.NEVER
    })

const urlString = (name: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined
      try {
        const url = new URL(value.trim())
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol')
        return url.origin + url.pathname.replace(/\/+$/, '')
      } catch {
        ctx.addIssue({ code: 'custom', message: `${name} must be an http(s) URL, got "${value}"` })
        return z.NEVER
      }
    })

/** A connection URL of one of the given schemes (the password in it is never echoed). */
const serviceUrl = (name: string, protocols: string[], example: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined
      let protocol = ''
      try {
        protocol = new URL(value.trim()).protocol
      } catch {
        // reported below
      }
      if (!protocols.includes(protocol)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a URL such as ${example}` })
        return z.NEVER
      }
      return value.trim()
    })

/**
 * TRUST_PROXY: off by default (the client address is the TCP peer). `true` trusts every hop, a
 * number trusts that many hops, and a list trusts the proxies at those addresses (or CIDR ranges,
 * or the words loopback, linklocal, uniquelocal), as Fastify's trustProxy option reads them.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((value, ctx): boolean | number | string[] => {
    const text = value?.trim() ?? ''
    if (text === '' || ['0', 'false', 'no', 'off'].includes(text.toLowerCase())) return false
    if (['true', 'yes', 'on'].includes(text.toLowerCase())) return true
    if (/^\d+$/.test(text)) return Number(text)
    const entries = text.split(',').map((s) => s.trim()).filter(Boolean)
    const named = ['loopback', 'linklocal', 'uniquelocal']
    const bad = entries.filter((entry) => {
      if (named.includes(entry)) return false
      const [address, bits, ...rest] = entry.split('/')
      const version = net.isIP(address)
      if (version === 0 || rest.length > 0) return true
      return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128))
    })
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `TRUST_PROXY must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ranges; "${bad.join('", "')}" is none of these`,
      })
      return z.NEVER
    }
    return entries
  })

/** The environment variables coboard reads, each with its default. */
const envSchema = z.object({
  PORT: intFrom('PORT', 8080, 0, 65535),
  HOST: optionalString,
  PUBLIC_URL: urlString('PUBLIC_URL'),
  DATA_DIR: optionalString,
  ALLOWED_ORIGINS: optionalString,
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: () => 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .optional()
    .default('info'),
  MAX_MESSAGE_BYTES: intFrom('MAX_MESSAGE_BYTES', 2 * 1024 * 1024, 1024, 256 * 1024 * 1024),
  MAX_MESSAGES_PER_SECOND: intFrom('MAX_MESSAGES_PER_SECOND', 200, 1, 100_000),
  MAX_BOARD_BYTES: intFrom('MAX_BOARD_BYTES', 64 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024),
  MAX_CONNECTIONS_PER_BOARD: intFrom('MAX_CONNECTIONS_PER_BOARD', 250, 1, 100_000),
  MAX_UPLOAD_BYTES: intFrom('MAX_UPLOAD_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  MAX_BYTES_PER_SECOND: intFrom('MAX_BYTES_PER_SECOND', 8 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  MAX_PRESENCE_BYTES: intFrom('MAX_PRESENCE_BYTES', 64 * 1024, 256, 16 * 1024 * 1024),
  MAX_RECORD_BYTES: intFrom('MAX_RECORD_BYTES', 1024 * 1024, 1024, 256 * 1024 * 1024),
  MAX_PENDING_BYTES_PER_CONNECTION: intFrom('MAX_PENDING_BYTES_PER_CONNECTION', 8 * 1024 * 1024, 0, 1024 * 1024 * 1024),
  MAX_PENDING_BYTES_PER_BOARD: intFrom('MAX_PENDING_BYTES_PER_BOARD', 32 * 1024 * 1024, 0, 2 * 1024 * 1024 * 1024),
  ROOM_IDLE_SECONDS: intFrom('ROOM_IDLE_SECONDS', 30, 0, 86_400),
  VERSION_INTERVAL_SECONDS: intFrom('VERSION_INTERVAL_SECONDS', 300, 1, 86_400),
  COMPACT_AFTER_UPDATES: intFrom('COMPACT_AFTER_UPDATES', 500, 2, 10_000_000),
  SQLITE_SYNCHRONOUS: z
    .enum(['full', 'normal'], { error: () => 'SQLITE_SYNCHRONOUS must be "full" or "normal"' })
    .optional()
    .default('normal'),
  TLDRAW_LICENSE_KEY: optionalString,
  DATABASE_URL: serviceUrl('DATABASE_URL', ['postgres:', 'postgresql:'], 'postgres://coboard:PASSWORD@db.example.org:5432/coboard'),
  REDIS_URL: serviceUrl('REDIS_URL', ['redis:', 'rediss:'], 'redis://redis.example.org:6379'),
  DATABASE_SCHEMA: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return 'public'
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value.trim())) {
        ctx.addIssue({ code: 'custom', message: `DATABASE_SCHEMA must be a lower-case PostgreSQL schema name, got "${value}"` })
        return z.NEVER
      }
      return value.trim()
    }),
  REDIS_PREFIX: optionalString,
  DATABASE_POOL_SIZE: intFrom('DATABASE_POOL_SIZE', 10, 1, 1000),
  PG_SYNCHRONOUS_COMMIT: z
    .enum(['on', 'off'], { error: () => 'PG_SYNCHRONOUS_COMMIT must be "on" (a commit waits for PostgreSQL\'s WAL on disk) or "off"' })
    .optional()
    .default('on'),
  INSTANCE_HEARTBEAT_MS: intFrom('INSTANCE_HEARTBEAT_MS', 1000, 50, 60_000),
  INSTANCE_EXPIRY_MS: intFrom('INSTANCE_EXPIRY_MS', 5000, 200, 600_000),
  CATCH_UP_CHECK_MS: intFrom('CATCH_UP_CHECK_MS', 2000, 50, 600_000),
  COBOARD_DEV: booleanFlag('COBOARD_DEV'),
  BUILD_CLIENT: booleanFlag('BUILD_CLIENT', true),
  // Who may create boards, and the HTTP API's quotas (issue 7).
  CREATE_BOARDS: z
    .enum(['open', 'key'], { error: () => 'CREATE_BOARDS must be "open" (anyone who reaches the server) or "key" (only with CREATE_BOARDS_KEY)' })
    .optional()
    .default('open'),
  // Never echoed in an error message: it is a secret.
  CREATE_BOARDS_KEY: optionalString,
  TRUST_PROXY: trustProxy,
  BOARDS_PER_ADDRESS_PER_HOUR: intFrom('BOARDS_PER_ADDRESS_PER_HOUR', 30, 1, 1_000_000),
  UPLOADS_PER_ADDRESS_PER_MINUTE: intFrom('UPLOADS_PER_ADDRESS_PER_MINUTE', 120, 1, 1_000_000),
  TEMPLATE_SAVES_PER_ADDRESS_PER_HOUR: intFrom('TEMPLATE_SAVES_PER_ADDRESS_PER_HOUR', 20, 1, 1_000_000),
  MAX_UPLOAD_BYTES_PER_BOARD: intFrom('MAX_UPLOAD_BYTES_PER_BOARD', 256 * 1024 * 1024, 1024, 1024 * 1024 * 1024 * 1024),
  MAX_TEMPLATE_BYTES: intFrom('MAX_TEMPLATE_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
  MAX_TEMPLATES_PER_BOARD: intFrom('MAX_TEMPLATES_PER_BOARD', 5, 0, 10_000),
  MAX_CUSTOM_TEMPLATES: intFrom('MAX_CUSTOM_TEMPLATES', 50, 0, 100_000),
})

/** Everything the server needs to know, validated once at start-up and passed down. */
export interface Config {
  port: number
  host: string
  /**
   * Base URL used to build board links (`${publicUrl}/b/<id>#k=<token>`). Undefined: the server
   * uses http://localhost:<the port it actually got>.
   */
  publicUrl: string | undefined
  dataDir: string
  /** Origins a browser websocket may connect from. Undefined: the public URL's origin. */
  allowedOrigins: string[] | undefined
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  limits: {
    maxMessageBytes: number
    maxMessagesPerSecond: number
    maxBoardBytes: number
    maxConnectionsPerBoard: number
    maxUploadBytes: number
    /** Average bytes per second one connection may send (bursts: 4 s worth, at least 2 frames). */
    maxBytesPerSecond: number
    /** Largest presence (awareness) state of one client, as JSON. */
    maxPresenceBytes: number
    /** Largest tldraw record (as JSON) a client may leave on a board. */
    maxRecordBytes: number
    /** Updates waiting for content the board lacks: bytes per connection and per board. */
    maxPendingBytesPerConnection: number
    maxPendingBytesPerBoard: number
  }
  roomIdleMs: number
  /** A board with activity gets an automatic version at least this often. */
  versionIntervalMs: number
  compactAfterUpdates: number
  sqliteSynchronous: 'full' | 'normal'
  tldrawLicenseKey: string | undefined
  /** PostgreSQL instead of the SQLite file (several instances share it). */
  databaseUrl: string | undefined
  /** Redis pub/sub between instances; needs DATABASE_URL. */
  redisUrl: string | undefined
  /** Scale-out details: PostgreSQL schema and pool, Redis channel prefix, instance liveness. */
  cluster: {
    databaseSchema: string
    databasePoolSize: number
    /** PostgreSQL's synchronous_commit for coboard's sessions: off survives a killed coboard, not a crashed PostgreSQL. */
    synchronousCommit: 'on' | 'off'
    redisPrefix: string
    heartbeatMs: number
    instanceExpiryMs: number
    catchUpCheckMs: number
  }
  dev: boolean
  /** Build client/dist at start-up when it is missing or older than the sources. */
  buildClient: boolean
  /** Who may create boards: anyone, or only with the creation key (a secret: never logged). */
  createBoards: { mode: 'open' } | { mode: 'key'; key: string }
  /** Which proxies' X-Forwarded-For to believe for the client address (false: the TCP peer). */
  trustProxy: boolean | number | string[]
  /** Per-address rate limits and storage quotas of the HTTP API. */
  quotas: {
    boardsPerAddressPerHour: number
    uploadsPerAddressPerMinute: number
    templateSavesPerAddressPerHour: number
    maxUploadBytesPerBoard: number
    maxTemplateBytes: number
    maxTemplatesPerBoard: number
    maxCustomTemplates: number
  }
}

/** The shortest creation key accepted: it is all that stands between the internet and board creation. */
export const MIN_CREATE_BOARDS_KEY_LENGTH = 16

/** Raised when the environment holds a bad value; the message names each bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/** The origins a browser may use for a public URL; on loopback, every spelling of loopback. */
export function defaultAllowedOrigins(publicUrl: string): string[] {
  const origin = new URL(publicUrl).origin
  const url = new URL(origin)
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1' && url.hostname !== '[::1]') return [origin]
  const port = url.port ? `:${url.port}` : ''
  return ['localhost', '127.0.0.1', '[::1]'].map((host) => `${url.protocol}//${host}${port}`)
}

/** Reads and validates the configuration from an environment (process.env in main.ts). */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const host = e.HOST ?? '127.0.0.1'
  const publicUrl = e.PUBLIC_URL ?? (e.PORT === 0 ? undefined : `http://localhost:${e.PORT}`)
  let allowedOrigins: string[] | undefined
  if (e.ALLOWED_ORIGINS) {
    allowedOrigins = []
    for (const raw of e.ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean)) {
      try {
        const url = new URL(raw)
        if (url.origin === 'null') throw new Error('opaque')
        allowedOrigins.push(url.origin)
      } catch {
        throw new ConfigError(`Invalid configuration:\n  ALLOWED_ORIGINS: "${raw}" is not an origin such as https://board.example.org`)
      }
    }
  } else if (publicUrl) {
    allowedOrigins = defaultAllowedOrigins(publicUrl)
  }
  let createBoards: Config['createBoards'] = { mode: 'open' }
  if (e.CREATE_BOARDS === 'key') {
    if (!e.CREATE_BOARDS_KEY || e.CREATE_BOARDS_KEY.length < MIN_CREATE_BOARDS_KEY_LENGTH) {
      throw new ConfigError(
        `Invalid configuration:\n  CREATE_BOARDS_KEY: CREATE_BOARDS=key needs a creation key of at least ${MIN_CREATE_BOARDS_KEY_LENGTH} characters (e.g. from "openssl rand -base64 24")`,
      )
    }
    createBoards = { mode: 'key', key: e.CREATE_BOARDS_KEY }
  } else if (e.CREATE_BOARDS_KEY) {
    // Refuse rather than guess: an operator who set a key believes creation is restricted.
    throw new ConfigError('Invalid configuration:\n  CREATE_BOARDS_KEY is set, but CREATE_BOARDS is "open"; set CREATE_BOARDS=key to require the key')
  }
  if (e.REDIS_URL && !e.DATABASE_URL) {
    // Instances relaying through Redis but each with its own SQLite file would each hold a different truth.
    throw new ConfigError('Invalid configuration:\n  REDIS_URL: several instances need one shared store; set DATABASE_URL (PostgreSQL) too')
  }
  if (e.INSTANCE_EXPIRY_MS <= 2 * e.INSTANCE_HEARTBEAT_MS) {
    throw new ConfigError('Invalid configuration:\n  INSTANCE_EXPIRY_MS must be more than twice INSTANCE_HEARTBEAT_MS, or a slow heartbeat looks like a dead instance')
  }
  return {
    port: e.PORT,
    host,
    publicUrl,
    dataDir: path.resolve(cwd, e.DATA_DIR ?? 'data'),
    allowedOrigins,
    logLevel: e.LOG_LEVEL,
    limits: {
      maxMessageBytes: e.MAX_MESSAGE_BYTES,
      maxMessagesPerSecond: e.MAX_MESSAGES_PER_SECOND,
      maxBoardBytes: e.MAX_BOARD_BYTES,
      maxConnectionsPerBoard: e.MAX_CONNECTIONS_PER_BOARD,
      maxUploadBytes: e.MAX_UPLOAD_BYTES,
      maxBytesPerSecond: e.MAX_BYTES_PER_SECOND,
      maxPresenceBytes: e.MAX_PRESENCE_BYTES,
      maxRecordBytes: e.MAX_RECORD_BYTES,
      maxPendingBytesPerConnection: e.MAX_PENDING_BYTES_PER_CONNECTION,
      maxPendingBytesPerBoard: e.MAX_PENDING_BYTES_PER_BOARD,
    },
    roomIdleMs: e.ROOM_IDLE_SECONDS * 1000,
    versionIntervalMs: e.VERSION_INTERVAL_SECONDS * 1000,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    cluster: {
      databaseSchema: e.DATABASE_SCHEMA,
      databasePoolSize: e.DATABASE_POOL_SIZE,
      synchronousCommit: e.PG_SYNCHRONOUS_COMMIT,
      redisPrefix: e.REDIS_PREFIX ?? 'coboard:',
      heartbeatMs: e.INSTANCE_HEARTBEAT_MS,
      instanceExpiryMs: e.INSTANCE_EXPIRY_MS,
      catchUpCheckMs: e.CATCH_UP_CHECK_MS,
    },
    dev: e.COBOARD_DEV,
    buildClient: e.BUILD_CLIENT,
    createBoards,
    trustProxy: e.TRUST_PROXY,
    quotas: {
      boardsPerAddressPerHour: e.BOARDS_PER_ADDRESS_PER_HOUR,
      uploadsPerAddressPerMinute: e.UPLOADS_PER_ADDRESS_PER_MINUTE,
      templateSavesPerAddressPerHour: e.TEMPLATE_SAVES_PER_ADDRESS_PER_HOUR,
      maxUploadBytesPerBoard: e.MAX_UPLOAD_BYTES_PER_BOARD,
      maxTemplateBytes: e.MAX_TEMPLATE_BYTES,
      maxTemplatesPerBoard: e.MAX_TEMPLATES_PER_BOARD,
      maxCustomTemplates: e.MAX_CUSTOM_TEMPLATES,
    },
  }
}
