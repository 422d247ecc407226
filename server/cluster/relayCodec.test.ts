import { describe, expect, it } from 'vitest'
import { decodeRelayMessage, encodeRelayMessage, type RelayMessage } from './relayCodec.ts'

describe('relay codec', () => {
  it('round-trips every kind of message with its sender', () => {
    const messages: RelayMessage[] = [
      { kind: 'update', seq: 123_456, update: new Uint8Array([1, 2, 3]), writers: [{ ownerKey: 'author:x', clients: [4_000_000_000, 7] }, { ownerKey: 'server', clients: [] }] },
      { kind: 'update', seq: 1, update: new Uint8Array([1]), writers: [] },
      { kind: 'awareness', update: new Uint8Array([9]), owners: [{ clientId: 4_000_000_000, ownerKey: 'author:x' }, { clientId: 7, ownerKey: 'link:ab' }] },
      { kind: 'awareness', update: new Uint8Array([9]), owners: [] },
      { kind: 'presence-query' },
      { kind: 'close-role', role: 'participant' },
    ]
    for (const message of messages) expect(decodeRelayMessage(encodeRelayMessage('i-1', message))).toEqual({ from: 'i-1', message })
  })

  it('reads presence from an instance of the earlier version, which sent no owners', () => {
    const full = encodeRelayMessage('i-1', { kind: 'awareness', update: new Uint8Array([9]), owners: [] })
    expect(decodeRelayMessage(full.slice(0, full.length - 1))).toEqual({ from: 'i-1', message: { kind: 'awareness', update: new Uint8Array([9]), owners: [] } })
  })

  it('refuses presence whose owner list is cut short or claims more owners than it holds', () => {
    const full = encodeRelayMessage('i-1', { kind: 'awareness', update: new Uint8Array([9]), owners: [{ clientId: 7, ownerKey: 'author:x' }] })
    expect(() => decodeRelayMessage(full.slice(0, full.length - 3))).toThrow()
    // The owner count (0xff: a varuint that runs on into the next byte) claims about a thousand; the message holds one.
    const lying = Uint8Array.from(full)
    lying[full.length - 1 - 'author:x'.length - 1 - 1] = 0xff
    expect(() => decodeRelayMessage(lying)).toThrow()
  })

  it('refuses unknown kinds and roles', () => {
    expect(() => decodeRelayMessage(new Uint8Array([1, 65, 9]))).toThrow()
    const bad = encodeRelayMessage('i', { kind: 'close-role', role: 'participant' })
    expect(() => decodeRelayMessage(bad.slice(0, bad.length - 3))).toThrow()
  })
})
