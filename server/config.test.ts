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

  it('derives allowed origins from PUBLIC_URL unless given', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://board.example.org/' }).allowedOrigins).toEqual(['https://board.example.org'])
    expect(loadConfig({ PUBLIC_URL: 'https://board.example.org', ALLOWED_ORIGINS: 'https://a.example, https://b.example' }).allowedOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ])
  })
})
