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
  ROOM_IDLE_SECONDS: intFrom('ROOM_IDLE_SECONDS', 30, 0, 86_400),
  COMPACT_AFTER_UPDATES: intFrom('COMPACT_AFTER_UPDATES', 500, 2, 10_000_000),
  SQLITE_SYNCHRONOUS: z
    .enum(['full', 'normal'], { error: () => 'SQLITE_SYNCHRONOUS must be "full" or "normal"' })
    .optional()
    .default('normal'),
  TLDRAW_LICENSE_KEY: optionalString,
  DATABASE_URL: optionalString,
  REDIS_URL: optionalString,
  COBOARD_DEV: booleanFlag('COBOARD_DEV'),
  BUILD_CLIENT: booleanFlag('BUILD_CLIENT', true),
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
  }
  roomIdleMs: number
  compactAfterUpdates: number
  sqliteSynchronous: 'full' | 'normal'
  tldrawLicenseKey: string | undefined
  databaseUrl: string | undefined
  redisUrl: string | undefined
  dev: boolean
  /** Build client/dist at start-up when it is missing or older than the sources. */
  buildClient: boolean
}

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
    },
    roomIdleMs: e.ROOM_IDLE_SECONDS * 1000,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dev: e.COBOARD_DEV,
    buildClient: e.BUILD_CLIENT,
  }
}
