import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('works with an empty environment, as on a fresh machine', () => {
    const config = loadConfig({}, '/srv/coboard')
    expect(config.port).toBe(8080)
    expect(config.host).toBe('127.0.0.1')
    expect(config.publicUrl).toBe('http://localhost:8080')
    expect(config.dataDir).toBe('/srv/coboard/data')
    expect(config.allowedOrigins).toEqual(['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080'])
    expect(config.databaseUrl).toBeUndefined()
    expect(config.buildClient).toBe(true)
  })

  it('names every bad variable', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', MAX_MESSAGES_PER_SECOND: '0', PUBLIC_URL: 'ftp://x', LOG_LEVEL: 'loud' })
    expect(attempt).toThrow(ConfigError)
    try {
      attempt()
    } catch (error) {
      const message = (error as Error).message
      expect(message).toMatch(/PORT must be a whole number from 0 to 65535, got "eighty"/)
      expect(message).toMatch(/MAX_MESSAGES_PER_SECOND must be a whole number/)
      expect(message).toMatch(/PUBLIC_URL must be an http\(s\) URL/)
      expect(message).toMatch(/LOG_LEVEL must be one of/)
    }
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'not a url' })).toThrow(/ALLOWED_ORIGINS: "not a url"/)
    expect(() => loadConfig({ COBOARD_DEV: 'maybe' })).toThrow(/COBOARD_DEV must be true or false/)
  })

  it('takes PostgreSQL and Redis URLs, never echoing them, and refuses Redis without PostgreSQL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:secret@db:5432/coboard', REDIS_URL: 'redis://r:6379', REDIS_PREFIX: 'x:' })
    expect(config.databaseUrl).toBe('postgres://u:secret@db:5432/coboard')
    expect(config.cluster).toMatchObject({ databaseSchema: 'public', redisPrefix: 'x:', heartbeatMs: 1000, instanceExpiryMs: 5000 })
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:secret@db/x' })).toThrow(/DATABASE_URL must be a URL such as postgres:/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:secret@db/x' })).not.toThrow(/secret/)
    expect(() => loadConfig({ REDIS_URL: 'redis://r:6379' })).toThrow(/REDIS_URL: several instances need one shared store/)
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/x', DATABASE_SCHEMA: 'Bad-Name' })).toThrow(/DATABASE_SCHEMA/)
    expect(() => loadConfig({ PG_SYNCHRONOUS_COMMIT: 'local' })).toThrow(/PG_SYNCHRONOUS_COMMIT must be "on"/)
    expect(loadConfig({}).cluster.synchronousCommit).toBe('on')
    expect(loadConfig({ PG_SYNCHRONOUS_COMMIT: 'off' }).cluster.synchronousCommit).toBe('off')
  })

  it('derives allowed origins from PUBLIC_URL unless given', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://board.example.org/' }).allowedOrigins).toEqual(['https://board.example.org'])
    expect(loadConfig({ PUBLIC_URL: 'https://board.example.org', ALLOWED_ORIGINS: 'https://a.example, https://b.example' }).allowedOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ])
  })

  it('restricts board creation only with a long enough key, and never prints the key', () => {
    expect(loadConfig({}).createBoards).toEqual({ mode: 'open' })
    const key = 'correct-horse-battery-staple'
    expect(loadConfig({ CREATE_BOARDS: 'key', CREATE_BOARDS_KEY: key }).createBoards).toEqual({ mode: 'key', key })
    expect(() => loadConfig({ CREATE_BOARDS: 'key' })).toThrow(/CREATE_BOARDS_KEY: CREATE_BOARDS=key needs a creation key of at least 16/)
    expect(() => loadConfig({ CREATE_BOARDS: 'key', CREATE_BOARDS_KEY: 'short-secret' })).toThrow(/at least 16/)
    expect(() => loadConfig({ CREATE_BOARDS_KEY: key })).toThrow(/CREATE_BOARDS is "open"/)
    expect(() => loadConfig({ CREATE_BOARDS: 'closed' })).toThrow(/CREATE_BOARDS must be "open"/)
    for (const env of [{ CREATE_BOARDS: 'key', CREATE_BOARDS_KEY: 'short-secret' }, { CREATE_BOARDS_KEY: key }]) {
      try {
        loadConfig(env)
      } catch (error) {
        expect((error as Error).message).not.toContain(env.CREATE_BOARDS_KEY)
      }
    }
  })

  it('reads TRUST_PROXY as off, on, a hop count or a list of proxies', () => {
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8, loopback, ::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', 'loopback', '::1'])
    expect(() => loadConfig({ TRUST_PROXY: 'nginx.local' })).toThrow(/TRUST_PROXY must be .*"nginx.local"/)
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/)
  })

  it('has quotas with defaults, each configurable', () => {
    expect(loadConfig({}).quotas).toEqual({
      boardsPerAddressPerHour: 30,
      uploadsPerAddressPerMinute: 120,
      templateSavesPerAddressPerHour: 20,
      maxUploadBytesPerBoard: 256 * 1024 * 1024,
      maxTemplateBytes: 64 * 1024,
      maxTemplatesPerBoard: 5,
      maxCustomTemplates: 50,
    })
    expect(loadConfig({ MAX_UPLOAD_BYTES_PER_BOARD: '2048', BOARDS_PER_ADDRESS_PER_HOUR: '3' }).quotas).toMatchObject({
      maxUploadBytesPerBoard: 2048,
      boardsPerAddressPerHour: 3,
    })
    expect(() => loadConfig({ UPLOADS_PER_ADDRESS_PER_MINUTE: '0' })).toThrow(/UPLOADS_PER_ADDRESS_PER_MINUTE must be a whole number from 1/)
  })
})
