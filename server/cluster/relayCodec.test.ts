import { describe, expect, it } from 'vitest'
import { decodeRelayMessage, encodeRelayMessage, type RelayMessage } from './relayCodec.ts'

describe('relay codec', () => {
  it('round-trips every kind of message with its sender', () => {
    const messages: RelayMessage[] = [
      { kind: 'update', seq: 123_456, update: new Uint8Array([1, 2, 3]), writers: [{ ownerKey: 'author:x', clients: [4_000_000_000, 7] }, { ownerKey: 'server', clients: [] }] },
      { kind: 'update', seq: 1, update: new Uint8Array([1]), writers: [] },
      { kind: 'awareness', update: new Uint8Array([9]) },
      { kind: 'presence-query' },
      { kind: 'close-role', role: 'participant' },
    ]
    for (const message of messages) expect(decodeRelayMessage(encodeRelayMessage('i-1', message))).toEqual({ from: 'i-1', message })
  })

  it('refuses unknown kinds and roles', () => {
    expect(() => decodeRelayMessage(new Uint8Array([1, 65, 9]))).toThrow()
    const bad = encodeRelayMessage('i', { kind: 'close-role', role: 'participant' })
    expect(() => decodeRelayMessage(bad.slice(0, bad.length - 3))).toThrow()
  })
})
