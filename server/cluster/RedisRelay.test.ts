import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { RedisRelay } from './RedisRelay.ts'

describe('RedisRelay', () => {
  it('closes promptly when Redis cannot be reached (a stopping instance does not hang)', async () => {
    // Nothing listens on port 1: every command would wait in ioredis's offline queue for ever.
    const relay = new RedisRelay({ url: 'redis://127.0.0.1:1', prefix: 'coboard-test-down:', log: pino({ level: 'silent' }), heartbeatMs: 1000, instanceExpiryMs: 5000 })
    relay.join('board', () => {}).ready.catch(() => {})
    const started = Date.now()
    await relay.close()
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
