import { describe, expect, it } from 'vitest'
import { readRememberedZone, rememberZone } from './rememberedZone.ts'

describe('remembered zone', () => {
  it('keeps the last zone per board', () => {
    const items = new Map<string, string>()
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) }
    expect(readRememberedZone(storage, 'b1')).toBeUndefined()
    rememberZone(storage, 'b1', 'consulted')
    expect(readRememberedZone(storage, 'b1')).toBe('consulted')
    expect(readRememberedZone(storage, 'b2')).toBeUndefined()
  })

  it('does without storage that refuses (private mode)', () => {
    const refusing = { getItem: () => { throw new Error('denied') }, setItem: () => { throw new Error('denied') } }
    expect(() => rememberZone(refusing, 'b1', 'z')).not.toThrow()
    expect(readRememberedZone(refusing, 'b1')).toBeUndefined()
  })
})
