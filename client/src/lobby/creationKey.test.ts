import { describe, expect, it } from 'vitest'
import { forgetCreationKey, readCreationKey, writeCreationKey } from './creationKey.ts'

function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: () => null,
    get length() {
      return items.size
    },
  }
}

describe('creation key storage', () => {
  it('remembers the key once and forgets a refused one', () => {
    const storage = memoryStorage()
    expect(readCreationKey(storage)).toBeUndefined()
    writeCreationKey(storage, 'town-hall-workshops-2027')
    expect(readCreationKey(storage)).toBe('town-hall-workshops-2027')
    forgetCreationKey(storage)
    expect(readCreationKey(storage)).toBeUndefined()
  })

  it('copes with storage that refuses (private browsing)', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
      removeItem: () => {
        throw new Error('denied')
      },
    }
    expect(readCreationKey(refusing)).toBeUndefined()
    expect(() => writeCreationKey(refusing, 'k')).not.toThrow()
    expect(() => forgetCreationKey(refusing)).not.toThrow()
  })
})
