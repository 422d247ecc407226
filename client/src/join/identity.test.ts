import { describe, expect, it } from 'vitest'
import { makeIdentity, readIdentity, writeIdentity } from './identity.ts'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  }
}

describe('remembered identity', () => {
  it('round-trips through storage', () => {
    const storage = memoryStorage()
    writeIdentity(storage, { id: 'u1', name: 'Ingrid', group: 'researcher' })
    expect(readIdentity(storage)).toEqual({ id: 'u1', name: 'Ingrid', group: 'researcher' })
  })

  it('ignores corrupt or outdated entries instead of failing the page', () => {
    const storage = memoryStorage()
    storage.setItem('coboard:identity', '{not json')
    expect(readIdentity(storage)).toBeUndefined()
    storage.setItem('coboard:identity', JSON.stringify({ id: 'u1', name: 'A', group: 'wizard' }))
    expect(readIdentity(storage)).toBeUndefined()
  })

  it('keeps the existing id when the name or group changes', () => {
    const identity = makeIdentity({ name: '  Ole  ', group: 'other' }, 'u1', () => 'new')
    expect(identity).toEqual({ id: 'u1', name: 'Ole', group: 'other' })
    expect(makeIdentity({ name: 'Ole', group: 'other' }, undefined, () => 'new').id).toBe('new')
  })
})
